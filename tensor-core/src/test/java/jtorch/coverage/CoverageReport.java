package jtorch.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jtorch.coverage.Scope.Verdict;

/**
 * Renders docs/coverage.md: per family, how many entries of the beginner tier and of the later
 * tier are implemented, the names still missing, and the entries that do not apply, grouped by
 * reason.
 */
final class CoverageReport {
    /** An entry with its classification and whether JTorch implements (and tests) it. */
    record Row(ApiEntry entry, Scope.Decision decision, String javaName, boolean implemented) {
    }

    private CoverageReport() {
    }

    static String render(List<Row> rows, String pytorchVersion) {
        Map<String, List<Row>> byFamily = new LinkedHashMap<>();
        rows.forEach(r -> byFamily.computeIfAbsent(r.entry().family(), f -> new ArrayList<>()).add(r));
        StringBuilder md = new StringBuilder();
        md.append("# PyTorch API coverage\n\n")
                .append("Generated from the public API of PyTorch ").append(pytorchVersion)
                .append(" (`tools/coverage/pytorch-api.tsv`, listed by `tools/coverage/list_pytorch_api.py`)\n")
                .append("and its classification (`tools/coverage/scope.tsv`) by tensor-core's `CoverageTest`, which fails\n")
                .append("when this page is stale or when a Java counterpart exists without a test. Do not edit by hand:\n")
                .append("`mvn -q -pl tensor-core test -Dtest=CoverageTest -Dcoverage.write=true` rewrites it.\n\n")
                .append("An entry is **implemented** when JTorch's public API has its counterpart (named by\n")
                .append("[java-api.md](java-api.md)'s rules) and a tensor-core test uses it. **Beginner** is the tier a\n")
                .append("first course meets (issue 11); **later** is in scope but not yet needed by one; **n/a** does\n")
                .append("not apply to a CPU-only Java library, for the reason given.\n\n");
        summary(md, byFamily);
        for (Map.Entry<String, List<Row>> family : byFamily.entrySet()) {
            md.append("\n## ").append(family.getKey()).append("\n\n");
            List<Row> list = family.getValue();
            names(md, "Beginner tier, missing", filter(list, Verdict.BEGINNER, false));
            names(md, "Beginner tier, implemented", filter(list, Verdict.BEGINNER, true));
            names(md, "Later, implemented", filter(list, Verdict.LATER, true));
            names(md, "Later, missing", filter(list, Verdict.LATER, false));
            notApplicable(md, list);
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, Map<String, List<Row>> byFamily) {
        md.append("| family | entries | beginner: implemented / all | later: implemented / all | n/a |\n")
                .append("|---|---:|---:|---:|---:|\n");
        int[] total = new int[6];
        for (Map.Entry<String, List<Row>> family : byFamily.entrySet()) {
            int[] c = counts(family.getValue());
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
            md.append(line(family.getKey(), c));
        }
        md.append(line("**all**", total));
    }

    /** entries, beginner implemented, beginner, later implemented, later, n/a. */
    private static int[] counts(List<Row> rows) {
        int[] c = new int[6];
        for (Row r : rows) {
            c[0]++;
            switch (r.decision().verdict()) {
                case BEGINNER -> {
                    c[2]++;
                    c[1] += r.implemented() ? 1 : 0;
                }
                case LATER -> {
                    c[4]++;
                    c[3] += r.implemented() ? 1 : 0;
                }
                case NOT_APPLICABLE -> c[5]++;
            }
        }
        return c;
    }

    private static String line(String family, int[] c) {
        return "| " + family + " | " + c[0] + " | " + c[1] + " / " + c[2] + " | " + c[3] + " / " + c[4] + " | " + c[5]
                + " |\n";
    }

    private static List<Row> filter(List<Row> rows, Verdict verdict, boolean implemented) {
        return rows.stream()
                .filter(r -> r.decision().verdict() == verdict && r.implemented() == implemented)
                .toList();
    }

    private static void names(StringBuilder md, String title, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("**").append(title).append(" (").append(rows.size()).append("):** ")
                .append(rows.stream().map(CoverageReport::label).collect(Collectors.joining(", ")))
                .append("\n\n");
    }

    /** {@code `sin`}, or {@code `float` (`toFloat`)} where the Java name differs beyond camelCase. */
    private static String label(Row r) {
        String name = r.entry().name();
        boolean plain = r.javaName().equals(CamelCase.of(name));
        return "`" + name + "`" + (plain ? "" : " (`" + r.javaName() + "`)");
    }

    private static void notApplicable(StringBuilder md, List<Row> rows) {
        Map<String, List<String>> byReason = new TreeMap<>();
        rows.stream().filter(r -> r.decision().verdict() == Verdict.NOT_APPLICABLE)
                .forEach(r -> byReason.computeIfAbsent(r.decision().reason(), k -> new ArrayList<>())
                        .add("`" + r.entry().name() + "`"));
        if (byReason.isEmpty()) {
            return;
        }
        md.append("**Not applicable:**\n\n");
        byReason.forEach((reason, names) -> md.append("- ").append(reason).append(" (").append(names.size())
                .append("): ").append(String.join(", ", names)).append('\n'));
    }
}
