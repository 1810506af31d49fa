package jtorch.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The classification rules of {@code tools/coverage/scope.tsv}: for each PyTorch entry, whether
 * JTorch's beginner tier needs it, it is in scope for later, or it does not apply (with the
 * reason), and the Java name where the camelCase rule does not give it. The first matching rule
 * decides; an entry no rule matches is {@link Verdict#LATER}.
 */
final class Scope {
    enum Verdict {
        BEGINNER("beginner"), LATER("later"), NOT_APPLICABLE("n/a");

        final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(String label) {
            for (Verdict v : values()) {
                if (v.label.equals(label)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown verdict '" + label + "' (beginner, later, n/a)");
        }
    }

    /** An entry's classification: the verdict, the n/a reason (else empty), a Java name override (else null). */
    record Decision(Verdict verdict, String reason, String javaName) {
    }

    private record Rule(String family, List<Pattern> names, Decision decision, int line) {
    }

    private static final String JAVA = "java=";
    private final List<Rule> rules;

    private Scope(List<Rule> rules) {
        this.rules = rules;
    }

    static Scope load(Path tsv) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f.length > 4) {
                throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": expected family, names, verdict[, note]");
            }
            Verdict verdict = Verdict.of(f[2]);
            String note = f.length == 4 ? f[3] : "";
            if (verdict == Verdict.NOT_APPLICABLE && note.isBlank()) {
                throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": an n/a rule needs its reason");
            }
            Decision decision = verdict == Verdict.NOT_APPLICABLE
                    ? new Decision(verdict, note, null)
                    : new Decision(verdict, "", note.startsWith(JAVA) ? note.substring(JAVA.length()) : null);
            List<Pattern> names = new ArrayList<>();
            for (String glob : f[1].split(",")) {
                names.add(glob(glob.strip()));
            }
            rules.add(new Rule(f[0], names, decision, i + 1));
        }
        return new Scope(rules);
    }

    Decision classify(ApiEntry entry) {
        for (Rule rule : rules) {
            if (rule.family.equals(entry.family())
                    && rule.names.stream().anyMatch(p -> p.matcher(entry.name()).matches())) {
                return rule.decision;
            }
        }
        return new Decision(Verdict.LATER, "", null);
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
