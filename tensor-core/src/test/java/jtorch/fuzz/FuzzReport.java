package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tallies fuzz cases per op family as agreeing, known differences (deliberate or pending fix),
 * API gaps (javac would reject the call) or mismatches, and prints the table and the first
 * mismatches of each signature and category, every line starting with {@code difffuzz}.
 */
final class FuzzReport {
    private static final String[] COLUMNS = {"cases", "agree", "known", "no-overload", "mismatch"};
    private static final int EXAMPLES_PER_KEY = 2;
    private static final int MAX_EXAMPLES = 80;

    private final Map<String, int[]> families = new TreeMap<>();
    private final Map<String, Integer> categories = new TreeMap<>();
    private final Map<String, Integer> known = new TreeMap<>();
    private final Map<String, Integer> gaps = new TreeMap<>();
    private final Map<String, Integer> examplesPerKey = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private final List<String> unused = new ArrayList<>();
    private int mismatches;

    /** Classifies one case; returns its unexplained mismatches. */
    List<OutcomeComparison.Mismatch> add(JsonNode c, List<OutcomeComparison.Mismatch> found, KnownDifferences rules) {
        int[] row = families.computeIfAbsent(c.get("family").asText(), f -> new int[COLUMNS.length]);
        row[0]++;
        String sig = c.get("sig").asText();
        List<OutcomeComparison.Mismatch> unexplained = new ArrayList<>();
        boolean gap = false;
        boolean explained = false;
        for (OutcomeComparison.Mismatch m : found) {
            if (m.category().equals("no-overload")) {
                gap = true;
                gaps.merge(m.detail(), 1, Integer::sum);
                continue;
            }
            KnownDifferences.Rule rule = rules.explain(sig, m);
            if (rule != null) {
                explained = true;
                known.merge(rule.status() + ": " + rule.reason(), 1, Integer::sum);
            } else {
                unexplained.add(m);
            }
        }
        int column = !unexplained.isEmpty() ? 4 : gap ? 3 : explained ? 2 : 1;
        row[column]++;
        if (!unexplained.isEmpty()) {
            mismatches++;
        }
        for (OutcomeComparison.Mismatch m : unexplained) {
            categories.merge(m.category(), 1, Integer::sum);
            String key = sig + " " + m.category();
            int seen = examplesPerKey.merge(key, 1, Integer::sum);
            if (seen <= EXAMPLES_PER_KEY && examples.size() < MAX_EXAMPLES) {
                examples.add(String.format(Locale.ROOT, "difffuzz mismatch #%s %s [%s]: %s", c.get("id"), sig,
                        c.get("form").asText(), m));
            }
        }
        return unexplained;
    }

    int cases() {
        return families.values().stream().mapToInt(r -> r[0]).sum();
    }

    int mismatches() {
        return mismatches;
    }

    String summary() {
        int[] total = new int[COLUMNS.length];
        families.values().forEach(r -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += r[i];
            }
        });
        return String.format(Locale.ROOT, "%d cases: %d agree, %d known differences, %d no Java overload, %d mismatches",
                total[0], total[1], total[2], total[3], total[4]);
    }

    /** The rules of {@code rules} that explained no mismatch (fixed, or not exercised by this run). */
    void noteUnused(KnownDifferences rules) {
        for (KnownDifferences.Rule r : rules.rules()) {
            if (!known.containsKey(r.status() + ": " + r.reason())) {
                unused.add(r.status() + ": " + r.reason());
            }
        }
    }

    void print(PrintStream out, String header) {
        out.println("difffuzz: " + header + ", " + summary());
        out.println(String.format(Locale.ROOT, "difffuzz %-10s %7s %7s %7s %12s %9s", "family", COLUMNS[0], COLUMNS[1],
                COLUMNS[2], COLUMNS[3], COLUMNS[4]));
        families.forEach((family, r) -> out.println(String.format(Locale.ROOT, "difffuzz %-10s %7d %7d %7d %12d %9d",
                family, r[0], r[1], r[2], r[3], r[4])));
        if (!categories.isEmpty()) {
            out.println("difffuzz mismatches by category: " + join(categories));
        }
        known.forEach((reason, n) -> out.println("difffuzz known (" + n + "): " + reason));
        unused.forEach(reason -> out.println("difffuzz rule matched nothing in this run: " + reason));
        if (!gaps.isEmpty()) {
            out.println("difffuzz no Java overload: " + join(gaps));
        }
        examples.forEach(out::println);
    }

    private static String join(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
