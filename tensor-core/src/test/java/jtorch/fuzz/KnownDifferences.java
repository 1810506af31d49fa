package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The differences between JTorch and PyTorch the fuzzer knows about
 * ({@code fuzz/known-differences.jsonl}): each line matches mismatches by regexes on the case's
 * signature ({@code sig}, e.g. {@code ^add\(}), the mismatch's {@code category} and its
 * {@code detail}, and says why: {@code "status": "deliberate"} (written down in
 * docs/java-api.md, "Deliberate differences") or {@code "pending"} (a bug not fixed yet).
 * A mismatch no rule matches fails the fuzz test.
 */
final class KnownDifferences {
    static final String RESOURCE = "/fuzz/known-differences.jsonl";

    /** One line of the file. */
    record Rule(Pattern sig, Pattern category, Pattern detail, String status, String reason) {
        boolean matches(String signature, OutcomeComparison.Mismatch m) {
            return sig.matcher(signature).find() && category.matcher(m.category()).matches()
                    && detail.matcher(m.detail()).find();
        }
    }

    private final List<Rule> rules;

    private KnownDifferences(List<Rule> rules) {
        this.rules = rules;
    }

    static KnownDifferences load() {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : FuzzJson.resourceLines(RESOURCE)) {
            String status = rule.path("status").asText();
            if (!status.equals("deliberate") && !status.equals("pending") || !rule.hasNonNull("reason")) {
                throw new IllegalStateException(RESOURCE + ": a rule needs a status deliberate|pending and a reason: "
                        + rule);
            }
            rules.add(new Rule(Pattern.compile(rule.path("sig").asText("")),
                    Pattern.compile(rule.path("category").asText(".*")),
                    Pattern.compile(rule.path("detail").asText("")), status, rule.get("reason").asText()));
        }
        return new KnownDifferences(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The first rule that explains the mismatch of a case with signature {@code sig}; null if none. */
    Rule explain(String sig, OutcomeComparison.Mismatch m) {
        for (Rule r : rules) {
            if (r.matches(sig, m)) {
                return r;
            }
        }
        return null;
    }
}
