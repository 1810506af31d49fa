package jtorch.catalog;

import java.util.List;
import java.util.Map;
import jtorch.coverage.CamelCase;

/**
 * One row of the op catalog ({@code ops/ops.jsonl}; the format is described in
 * {@code tools/opcatalog/record_ops.py}): a public op, where it is reachable ({@code torch} and/or
 * {@code method}), whether it is differentiable and has an {@code out=} form, its float32
 * tolerance, the tests that cover it when it is API rather than an op, the recorded cases
 * JTorch knowingly does not match, and which input is {@code self} of the method form
 * ({@code x.where(cond, y)} is {@code torch.where(cond, x, y)}: {@code method_self} 1).
 */
record CatalogRow(String op, String javaName, List<String> forms, boolean grad, boolean out, double tol,
        List<String> coveredBy, Map<String, String> known, int methodSelf) {

    static final double DEFAULT_TOL = 1e-6;

    @SuppressWarnings("unchecked")
    static CatalogRow of(Map<String, Object> json) {
        String op = (String) json.get("op");
        if (op == null || !json.containsKey("forms")) {
            throw new IllegalArgumentException("a catalog row needs op and forms: " + json);
        }
        String java = (String) json.getOrDefault("java", CamelCase.of(op));
        Object covered = json.get("covered_by");
        return new CatalogRow(op, java, (List<String>) json.get("forms"),
                Boolean.TRUE.equals(json.get("grad")), Boolean.TRUE.equals(json.get("out")),
                json.containsKey("tol") ? ((Number) json.get("tol")).doubleValue() : DEFAULT_TOL,
                covered == null ? List.of() : (List<String>) covered,
                (Map<String, String>) json.getOrDefault("known", Map.of()),
                ((Number) json.getOrDefault("method_self", 0)).intValue());
    }

    boolean hasTorchForm() {
        return forms.contains("torch");
    }

    boolean hasMethodForm() {
        return forms.contains("method");
    }

    /** An in-place op ({@code add_}): its gradient is taken through a clone of its first input. */
    boolean inPlace() {
        return op.endsWith("_");
    }

    /** API covered by named tests rather than by recorded cases. */
    boolean isApi() {
        return !coveredBy.isEmpty();
    }
}
