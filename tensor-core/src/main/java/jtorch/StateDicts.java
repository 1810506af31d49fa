package jtorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code load_state_dict}: copies a state dict's entries into a module's tensors, with PyTorch's
 * error messages, all reported together.
 */
final class StateDicts {
    private StateDicts() {}

    /**
     * Copies the entries of {@code stateDict} whose names are in {@code own} (shapes must agree);
     * with {@code strict}, missing and unexpected keys are errors too. As in PyTorch, the entries
     * that fit are copied even when another one fails.
     */
    @SuppressWarnings("try")
    static nn.IncompatibleKeys load(String moduleName, Map<String, Tensor> own, Map<String, ?> stateDict,
            boolean strict) {
        List<String> errors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (GradMode ignored = GradMode.set(false)) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                if (!stateDict.containsKey(e.getKey())) {
                    missing.add(e.getKey());
                    continue;
                }
                Object value = stateDict.get(e.getKey());
                if (!(value instanceof Tensor source)) {
                    errors.add("While copying the parameter named \"" + e.getKey() + "\", expected torch.Tensor or"
                            + " Tensor-like object from checkpoint but received " + pythonType(value));
                } else if (!source.shape().equals(e.getValue().shape())) {
                    errors.add("size mismatch for " + e.getKey() + ": copying a param with shape " + source.shape()
                            + " from checkpoint, the shape in current model is " + e.getValue().shape() + ".");
                } else {
                    e.getValue().copy_(source);
                }
            }
        }
        List<String> unexpected = stateDict.keySet().stream().filter(k -> !own.containsKey(k)).toList();
        if (strict && !unexpected.isEmpty()) {
            errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
        }
        if (strict && !missing.isEmpty()) {
            errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Error(s) in loading state_dict for " + moduleName + ":\n\t"
                    + String.join("\n\t", errors));
        }
        return new nn.IncompatibleKeys(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "\"" + k + "\"").toList());
    }

    private static String pythonType(Object value) {
        String type = value == null ? "NoneType" : value instanceof Boolean ? "bool"
                : value instanceof Integer || value instanceof Long ? "int" : value instanceof Double ? "float"
                : value instanceof String ? "str" : value.getClass().getSimpleName();
        return "<class '" + type + "'>";
    }
}
