package jtorch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of JTorch against the installed PyTorch 1.13 (Debian's python3-torch):
 * src/test/python/difffuzz.py generates a case list from a seed and runs it in PyTorch, this test
 * runs the same list through JTorch's public API ({@link JavaRunner}), compares every outcome
 * ({@link OutcomeComparison}) and prints a table per op family ({@link FuzzReport}). It fails on
 * any mismatch that {@code fuzz/known-differences.jsonl} does not explain; the mismatching cases
 * with both outcomes go to {@code target/fuzz/mismatches.jsonl} (lines to copy into
 * {@code fuzz/regressions.jsonl} once fixed, see {@link FuzzRegressionsTest}).
 *
 * <p>System properties: {@code fuzz.cases} (default 5000), {@code fuzz.seed} (1),
 * {@code fuzz.ops} (regex on signatures such as {@code add(t, tb)}), {@code fuzz.dir}
 * (target/fuzz), {@code fuzz.reuse=true} (run the existing files, no Python), {@code fuzz.python}
 * (/usr/bin/python3), {@code fuzz.timeout} (seconds per case, 10). tensor-core/fuzz.sh sets them.
 * Skipped when that Python cannot import torch.
 */
class DifferentialFuzzTest {
    private static final String PYTHON = System.getProperty("fuzz.python", "/usr/bin/python3");
    /** difffuzz.py's exit status when PyTorch is not installed. */
    private static final int NO_TORCH = 3;

    @Test
    void jtorchAgreesWithPytorch_onGeneratedCases() throws Exception {
        int count = Integer.getInteger("fuzz.cases", 5000);
        long seed = Long.getLong("fuzz.seed", 1);
        Path dir = Path.of(System.getProperty("fuzz.dir", "target/fuzz"));
        long started = System.nanoTime();
        boolean reuse = Boolean.getBoolean("fuzz.reuse");
        if (!reuse) {
            int status = python("src/test/python/difffuzz.py", "--seed", Long.toString(seed), "--cases",
                    Integer.toString(count), "--out", dir.toString(), "--ops", System.getProperty("fuzz.ops", ""));
            Assumptions.assumeTrue(status != NO_TORCH, PYTHON + " cannot import torch: install Debian's python3-torch");
            assertEquals(0, status, "difffuzz.py failed");
        }
        long javaStarted = System.nanoTime();
        KnownDifferences known = KnownDifferences.load();
        FuzzReport report = run(dir, known, Long.getLong("fuzz.timeout", 10));
        report.noteUnused(known);
        report.print(System.out, String.format(Locale.ROOT, "%s, PyTorch side %.1f s, JTorch side %.1f s",
                reuse ? "cases of " + dir : "seed " + seed, (javaStarted - started) / 1e9,
                (System.nanoTime() - javaStarted) / 1e9));
        assertEquals(0, report.mismatches(), report.summary() + " (see the difffuzz lines above and "
                + dir.resolve("mismatches.jsonl") + ")");
    }

    private static FuzzReport run(Path dir, KnownDifferences known, long timeoutSeconds)
            throws IOException, InterruptedException {
        FuzzReport report = new FuzzReport();
        try (BufferedReader cases = Files.newBufferedReader(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8);
                BufferedReader outcomes = Files.newBufferedReader(dir.resolve("torch.jsonl"), StandardCharsets.UTF_8);
                BufferedWriter mismatches = Files.newBufferedWriter(dir.resolve("mismatches.jsonl"), StandardCharsets.UTF_8);
                CaseExecutor executor = new CaseExecutor(timeoutSeconds)) {
            for (String line = cases.readLine(); line != null; line = cases.readLine()) {
                JsonNode c = FuzzJson.MAPPER.readTree(line);
                JsonNode recorded = FuzzJson.MAPPER.readTree(outcomes.readLine());
                if (!recorded.get("id").equals(c.get("id"))) {
                    throw new IllegalStateException("torch.jsonl is out of step with cases.jsonl at case " + c.get("id"));
                }
                JsonNode torch = recorded.get("outcome");
                ObjectNode java = executor.run(c);
                List<OutcomeComparison.Mismatch> unexplained = report.add(c, OutcomeComparison.compare(torch, java), known);
                if (!unexplained.isEmpty()) {
                    mismatches.write(FuzzJson.MAPPER.writeValueAsString(mismatchLine(c, torch, java, unexplained)));
                    mismatches.newLine();
                }
            }
        }
        return report;
    }

    private static ObjectNode mismatchLine(JsonNode c, JsonNode torch, JsonNode java,
            List<OutcomeComparison.Mismatch> unexplained) {
        ObjectNode line = Outcomes.JSON.objectNode();
        line.set("case", c);
        line.set("torch", torch);
        line.set("java", java);
        List<String> texts = new ArrayList<>();
        unexplained.forEach(m -> texts.add(m.toString()));
        line.set("mismatches", FuzzJson.MAPPER.valueToTree(texts));
        return line;
    }

    /** Runs the Python interpreter with {@code args}, echoing its output; its exit status. */
    private static int python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(line);
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
