package jtorch.testing;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
}
