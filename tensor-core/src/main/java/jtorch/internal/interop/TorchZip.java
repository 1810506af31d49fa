package jtorch.internal.interop;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The container of PyTorch's file format (torch.save since 1.6): an uncompressed zip whose
 * records sit under one top directory ({@code <archive>/data.pkl}, {@code <archive>/data/0},
 * ..., {@code <archive>/version}), each record's bytes starting at a multiple of 64 in the file
 * (PyTorch pads the local header's extra field, id {@code FB}, so that storages can be mapped).
 */
final class TorchZip {
    static final int ALIGNMENT = 64;
    private static final int LOCAL_HEADER = 30;
    private static final int EXTRA_HEADER = 4;
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the first DOS date: reproducible files

    private TorchZip() {
    }

    /** Writes {@code records} (name to bytes, in order) under {@code archive/} as an aligned, stored zip. */
    static void write(Path path, String archive, Map<String, byte[]> records) throws IOException {
        try (CountingStream counter = new CountingStream(Files.newOutputStream(path));
             ZipOutputStream zip = new ZipOutputStream(counter)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                String name = archive + "/" + record.getKey();
                byte[] data = record.getValue();
                ZipEntry entry = new ZipEntry(name);
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
                entry.setTime(FIXED_TIME);
                entry.setExtra(padding(counter.count, name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
    }

    /** An extra field {@code FB} long enough that the record's data starts at a multiple of 64. */
    private static byte[] padding(long offset, int nameLength) {
        long start = offset + LOCAL_HEADER + nameLength + EXTRA_HEADER;
        int pad = (int) ((ALIGNMENT - start % ALIGNMENT) % ALIGNMENT);
        byte[] extra = new byte[EXTRA_HEADER + pad];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) pad;
        extra[3] = (byte) (pad >>> 8);
        return extra;
    }

    /**
     * The records of a PyTorch file, by name relative to its top directory. A file that is not a
     * zip (PyTorch's pre-1.6 format, or not a PyTorch file at all) is refused with the reason.
     */
    static Map<String, byte[]> read(Path path) throws IOException {
        if (!isZip(path)) {
            throw new IllegalArgumentException("torch.load: " + path + " is not a zip archive. JTorch reads the"
                    + " format torch.save writes since PyTorch 1.6; a file saved with"
                    + " _use_new_zipfile_serialization=False (or by PyTorch < 1.6) must be re-saved with a plain"
                    + " torch.save(obj, path)");
        }
        Map<String, byte[]> records = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            String prefix = null;
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (entry.isDirectory() || slash < 0) {
                    continue;
                }
                if (prefix == null) {
                    prefix = name.substring(0, slash + 1);
                }
                if (name.startsWith(prefix)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        records.put(name.substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
        if (!records.containsKey("data.pkl")) {
            throw new IllegalArgumentException("torch.load: " + path + " is a zip archive without data.pkl,"
                    + " not a file written by torch.save");
        }
        return records;
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** Counts the bytes written, so that the next local header's offset is known. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
