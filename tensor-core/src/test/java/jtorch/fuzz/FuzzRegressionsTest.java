package jtorch.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases the differential fuzzer found wrong once, each kept with PyTorch's recorded outcome in
 * {@code fuzz/regressions.jsonl} ({@code {"note", "case", "torch"}} per line; add lines with
 * {@code difffuzz.py --keep}). Every case must agree with PyTorch again, or differ only as a
 * {@code deliberate} difference of {@code fuzz/known-differences.jsonl} (a pending one is no
 * excuse). Runs without Python.
 */
class FuzzRegressionsTest {
    static final String RESOURCE = "/fuzz/regressions.jsonl";

    @TestFactory
    Stream<DynamicTest> regression_agreesWithRecordedPytorch() {
        KnownDifferences known = KnownDifferences.load();
        JavaRunner runner = new JavaRunner();
        return FuzzJson.resourceLines(RESOURCE).stream().map(line -> {
            JsonNode c = line.get("case");
            String sig = c.get("sig").asText();
            return DynamicTest.dynamicTest(sig + " #" + c.get("id") + ": " + line.get("note").asText(), () -> {
                List<OutcomeComparison.Mismatch> left = new ArrayList<>();
                for (OutcomeComparison.Mismatch m : OutcomeComparison.compare(line.get("torch"), runner.run(c))) {
                    KnownDifferences.Rule rule = known.explain(sig, m);
                    if (rule == null || !rule.status().equals("deliberate")) {
                        left.add(m);
                    }
                }
                assertTrue(left.isEmpty(), left.stream().map(Object::toString).collect(Collectors.joining("\n")));
            });
        });
    }
}
