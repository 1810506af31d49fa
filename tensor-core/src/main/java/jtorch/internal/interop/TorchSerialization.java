package jtorch.internal.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.save} and {@code torch.load} in PyTorch's own file format: a zip holding
 * {@code data.pkl} (the pickled value, see {@link PickleWriter} and {@link PickleReader}), one
 * {@code data/<key>} record per storage (raw little-endian elements) and {@code version}. A
 * state dict saved here loads in PyTorch 1.13 with identical values, and the other way round.
 */
public final class TorchSerialization {
    /** The format version torch.save 1.13 writes. */
    private static final String VERSION = "3\n";

    private TorchSerialization() {
    }

    /** Saves {@code value} to {@code path}; the zip's top directory is the file name without extension, as PyTorch's. */
    public static void save(Object value, Path path) {
        try {
            PickleWriter writer = new PickleWriter();
            byte[] pickle = writer.pickle(value);
            Map<String, byte[]> records = new LinkedHashMap<>();
            records.put("data.pkl", pickle);
            records.putAll(writer.storages());
            records.put("version", VERSION.getBytes(StandardCharsets.US_ASCII));
            TorchZip.write(path, archiveName(path), records);
        } catch (IOException e) {
            throw new UncheckedIOException("torch.save: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads what {@link #save} or PyTorch's torch.save wrote; tensors land on the CPU. */
    public static Object load(Path path) {
        try {
            Map<String, byte[]> records = TorchZip.read(path);
            byte[] byteorder = records.get("byteorder");
            ByteOrder order = byteorder != null && new String(byteorder, StandardCharsets.US_ASCII).strip().equals("big")
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new PickleReader(records, order).read();
        } catch (IOException e) {
            throw new UncheckedIOException("torch.load: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String archiveName(Path path) {
        Path file = path.getFileName();
        String name = file == null ? "" : file.toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? "archive" : stem;
    }
}
