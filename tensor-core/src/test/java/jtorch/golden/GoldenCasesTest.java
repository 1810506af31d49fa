package jtorch.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every case of {@code golden/cases.jsonl} (PyTorch 1.13.1's recorded output for small
 * snippets, translated to Java) in one in-process JShell session and checks the Java output
 * against PyTorch's text, character for character.
 *
 * <ul>
 *   <li>{@code repr}: the last line's {@code repr()} if it has one (numpy stand-ins), else
 *       {@code String.valueOf}, equals {@code expected};</li>
 *   <li>{@code str}: {@code String.valueOf} of the last line equals {@code expected};</li>
 *   <li>{@code value}: {@link PyRepr#of} of the last line (Python's repr of a Java value) equals
 *       {@code expected};</li>
 *   <li>{@code error}: the Java throws; its type maps to Python's ({@link PyErrors}) and the
 *       message is PyTorch's. {@code expected_java: "CompileError: m"} instead requires the
 *       compiler to reject the call of {@code m} for its arguments.</li>
 * </ul>
 * Where a case has {@code expected_java}, that is the text to match. One dynamic test per case,
 * named by its id and grouped by group; the run ends with one line per group,
 * {@code golden <group>: N/M passed}, and a total. The team's own cases of
 * {@code golden/extra-cases.jsonl} (ids {@code extra/<group>/<name>}) run after them, grouped as
 * {@code extra/<group>}, with their own lines ({@code golden extra/<group>: N/M passed}) and
 * total ({@code golden extra total: N/M passed}). {@code -Dgolden.filter=<regex>} runs only the
 * cases whose id matches.
 */
class GoldenCasesTest {
    private static final String EXTRA = "extra/";
    private static final Map<String, int[]> TALLY = new LinkedHashMap<>();
    private static GoldenShell shell;

    @TestFactory
    Stream<DynamicNode> goldenCases() {
        Pattern filter = Pattern.compile(System.getProperty("golden.filter", ""));
        Map<String, List<DynamicNode>> groups = new LinkedHashMap<>();
        addCases(groups, GoldenCase.loadAll(), "", filter);
        addCases(groups, GoldenCase.loadAll(GoldenCase.EXTRA_RESOURCE), EXTRA, filter);
        return groups.entrySet().stream()
                .map(g -> DynamicContainer.dynamicContainer(g.getKey(), g.getValue().stream()));
    }

    /** One dynamic test per case whose id matches, under the container {@code prefix + group}. */
    private static void addCases(Map<String, List<DynamicNode>> groups, List<GoldenCase> cases, String prefix,
            Pattern filter) {
        for (GoldenCase c : cases) {
            if (filter.matcher(c.id()).find()) {
                String group = prefix + c.group();
                groups.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(DynamicTest.dynamicTest(c.id(), () -> run(group, c)));
            }
        }
    }

    @AfterAll
    static void summarize() {
        if (shell != null) {
            shell.warnings().forEach(w -> System.out.println("golden warning: " + w.replaceAll("\\s*\n\\s*", " ")));
            shell.close();
            shell = null;
        }
        printTally(false, "golden total: ");
        printTally(true, "golden extra total: ");
    }

    /** One line per group of the corpus (or of the extra cases), then their total. */
    private static void printTally(boolean extra, String totalLabel) {
        int passed = 0;
        int total = 0;
        for (Map.Entry<String, int[]> group : TALLY.entrySet()) {
            if (group.getKey().startsWith(EXTRA) != extra) {
                continue;
            }
            int[] counts = group.getValue();
            System.out.println("golden " + group.getKey() + ": " + counts[0] + "/" + counts[1] + " passed");
            passed += counts[0];
            total += counts[1];
        }
        if (!extra || total > 0) {
            System.out.println(totalLabel + passed + "/" + total + " passed");
        }
    }

    private static void run(String group, GoldenCase c) {
        if (shell == null) {
            shell = new GoldenShell();
        }
        int[] counts = TALLY.computeIfAbsent(group, g -> new int[2]);
        counts[1]++;
        check(c, shell.run(c.java()));
        counts[0]++;
    }

    private static void check(GoldenCase c, GoldenShell.Outcome outcome) {
        if (c.kind().equals("error")) {
            checkError(c, outcome);
            return;
        }
        if (!(outcome instanceof GoldenShell.Outcome.Value v)) {
            throw failure(c, GoldenShell.describe(outcome));
        }
        String actual;
        try {
            actual = switch (c.kind()) {
                case "repr" -> PyRepr.ownRepr(v.value());
                case "str" -> String.valueOf(v.value());
                default -> PyRepr.of(v.value());
            };
        } catch (RuntimeException e) {
            throw failure(c, "printing the value threw " + e);
        }
        if (!actual.equals(c.target())) {
            throw new AssertionFailedError(message(c, "expected:\n" + c.target() + "\nbut was:\n" + actual),
                    c.target(), actual);
        }
    }

    private static void checkError(GoldenCase c, GoldenShell.Outcome outcome) {
        String method = c.compileErrorMethod();
        if (method != null) {
            if (outcome instanceof GoldenShell.Outcome.Rejected r
                    && r.codes().stream().anyMatch(code -> code.startsWith("compiler.err.cant.apply"))
                    && r.diagnostics().contains(method)) {
                return;
            }
            throw failure(c, "expected the compiler to reject this call of " + method
                    + " (no overload for these arguments) but: " + GoldenShell.describe(outcome));
        }
        String target = c.target();
        int colon = target.indexOf(": ");
        String pythonName = colon < 0 ? target : target.substring(0, colon);
        String pythonMessage = colon < 0 ? "" : target.substring(colon + 2);
        if (!(outcome instanceof GoldenShell.Outcome.Thrown t)) {
            throw failure(c, "expected " + target + "\nbut nothing was thrown: " + GoldenShell.describe(outcome));
        }
        Set<String> names = PyErrors.pythonNames(t.exceptionClass());
        String thrown = t.exceptionClass() + " (Python " + String.join("/", new TreeSet<>(names)) + "): "
                + t.message();
        if (!names.contains(pythonName)) {
            throw failure(c, "expected " + target + "\nbut the exception type does not match: " + thrown);
        }
        if (!PyErrors.messageMatches(pythonName, pythonMessage, t.message())) {
            throw new AssertionFailedError(message(c, "expected " + target + "\nbut threw " + thrown),
                    pythonMessage, t.message());
        }
    }

    private static AssertionFailedError failure(GoldenCase c, String what) {
        return new AssertionFailedError(message(c, what));
    }

    private static String message(GoldenCase c, String what) {
        return c.id() + ": " + what + "\n--- java:\n" + c.java() + "\n--- python:\n" + c.python();
    }
}
