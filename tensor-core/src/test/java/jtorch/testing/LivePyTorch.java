package jtorch.testing;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python snippet in the installed PyTorch (Debian's python3-torch, a test prerequisite;
 * {@code $PYTHON} overrides the interpreter) and hands back what it printed, one JSON value a line.
 */
public final class LivePyTorch {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final long TIMEOUT_SECONDS = 120;

    private LivePyTorch() {
    }

    /** The JSON lines {@code script} prints; {@code args} are its {@code sys.argv[1:]}. */
    public static List<JsonNode> run(String script, String... args) throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("PYTHON", "/usr/bin/python3");
        List<String> command = new ArrayList<>(List.of(python, "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("python with torch (python3-torch) failed: " + new String(err, StandardCharsets.UTF_8));
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /**
     * {@code torch.<function>} of the float32 values {@code x}, as PyTorch computes it, handed
     * over as raw little-endian floats in two files under {@code dir}.
     */
    public static float[] floatFunction(String function, float[] x, Path dir) throws IOException, InterruptedException {
        Path in = dir.resolve("x.bin");
        Path out = dir.resolve("y.bin");
        ByteBuffer buf = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(x);
        Files.write(in, buf.array());
        run(String.join("\n",
                "import json, sys, numpy, torch",
                "torch." + function + "(torch.from_numpy(numpy.fromfile(sys.argv[1], dtype='<f4'))).numpy().tofile(sys.argv[2])",
                "print(json.dumps(1))"), in.toString(), out.toString());
        float[] y = new float[x.length];
        ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(y);
        return y;
    }
}
