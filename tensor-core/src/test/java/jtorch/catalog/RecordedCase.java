package jtorch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case PyTorch ran for a catalog row ({@code ops/recorded.jsonl}): the inputs (dtype, shape,
 * exact values), the literal arguments, and either the result or the error PyTorch raised, plus
 * float64 gradients where the op is differentiable, and the forms that take it when not all do.
 */
record RecordedCase(String op, int variant, String dtype, String tag, List<Map<String, Object>> inputs,
        boolean listInputs, List<Object> args, Map<String, Object> out, Map<String, Object> error,
        List<List<Object>> grads, List<String> forms) {

    /** The case as parsed; Python's keyword arguments follow the positional ones, in order. */
    @SuppressWarnings("unchecked")
    static RecordedCase of(Map<String, Object> json) {
        List<Object> args = new ArrayList<>((List<Object>) json.get("args"));
        args.addAll(((Map<String, Object>) json.getOrDefault("kwargs", Map.of())).values());
        return new RecordedCase((String) json.get("op"), ((Number) json.get("variant")).intValue(),
                (String) json.get("dtype"), (String) json.get("tag"), (List<Map<String, Object>>) json.get("inputs"),
                Boolean.TRUE.equals(json.get("list_inputs")), args, (Map<String, Object>) json.get("out"),
                (Map<String, Object>) json.get("error"), (List<List<Object>>) json.get("grads"),
                (List<String>) json.get("forms"));
    }

    /** {@code 0/float32}: how {@code known} in a catalog row names this case. */
    String key() {
        return variant + "/" + dtype;
    }

    /** {@code sin 0/float32 (0-d)}. */
    String label() {
        return key() + (tag == null ? "" : " (" + tag + ")");
    }

    /** Whether the case runs in {@code form} (a variant may be limited to some forms of its row). */
    boolean takes(String form) {
        return forms == null || forms.contains(form);
    }

    boolean raises() {
        return error != null;
    }
}
