package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jtorch.golden.PyErrors;

/**
 * Compares PyTorch's outcome of a fuzz case with JTorch's (both in the form of
 * src/test/python/fuzz_torch.py) and names each difference by a category:
 *
 * <ul>
 *   <li>{@code crash}: Java threw an exception no PyTorch error maps to (NullPointerException,
 *       ClassCastException, ArrayIndexOutOfBoundsException, an Error, ...);</li>
 *   <li>{@code error}: Java threw where PyTorch gave a value; {@code no-error}: the reverse;</li>
 *   <li>{@code error-type}, {@code error-message}: both threw, as different Python types (see
 *       {@link PyErrors}) or with a different message;</li>
 *   <li>{@code kind}, {@code dtype}, {@code shape}, {@code values}, {@code requires_grad},
 *       {@code grad_fn}, {@code repr}: of the result (tuple items and values likewise);
 *       {@code zero-sign} where the only values that differ are zeros of the other sign;</li>
 *   <li>{@code grad-...} the same for the leaves' gradients, {@code grad-error} when one side's
 *       backward threw; {@code after}: an in-place op left different values behind;</li>
 *   <li>{@code no-overload}: javac would reject the call (an API gap, unless PyTorch itself
 *       rejects the arguments with a TypeError).</li>
 * </ul>
 * Integers and bools compare exactly; floating values within a tolerance of the dtype (NaN equals
 * NaN, infinities their own sign); a gradient within the tolerance of its own dtype or of the
 * result's, whichever is looser (a float64 input of a float32 op gets a float32-precise gradient).
 * The repr is compared only where the values are bit-equal, since a last-bit difference may print
 * differently.
 */
final class OutcomeComparison {
    /** Java exceptions that stand for no PyTorch error: a JTorch bug whatever PyTorch did. */
    private static final Set<String> CRASHES = Set.of("java.lang.NullPointerException",
            "java.lang.ClassCastException", "java.lang.ArrayIndexOutOfBoundsException",
            "java.lang.StringIndexOutOfBoundsException", "java.lang.NegativeArraySizeException",
            "java.lang.ArrayStoreException", "java.lang.StackOverflowError", "java.lang.OutOfMemoryError",
            "java.lang.AssertionError", "java.lang.ExceptionInInitializerError", "java.lang.NoSuchMethodError", "hang");

    /** One difference: its category and a one-line description. */
    record Mismatch(String category, String detail) {
        @Override
        public String toString() {
            return category + ": " + detail;
        }
    }

    private final List<Mismatch> found = new ArrayList<>();

    private OutcomeComparison() {
    }

    /** The differences between PyTorch's outcome and Java's; empty when they agree. */
    static List<Mismatch> compare(JsonNode torch, JsonNode java) {
        OutcomeComparison c = new OutcomeComparison();
        c.outcome("", torch, java);
        return c.found;
    }

    private void outcome(String prefix, JsonNode torch, JsonNode java) {
        String tk = torch.get("kind").asText();
        String jk = java.get("kind").asText();
        if (jk.equals("no-overload")) {
            if (!(tk.equals("error") && torch.get("type").asText().equals("TypeError"))) {
                add("no-overload", java.get("message").asText());
            }
            return;
        }
        if (jk.equals("error") && CRASHES.contains(java.get("type").asText())) {
            add(prefix + "crash", describe(java) + (tk.equals("error") ? " (PyTorch: " + describe(torch) + ")" : ""));
            return;
        }
        if (tk.equals("error") || jk.equals("error")) {
            errors(prefix, torch, java, tk, jk);
            return;
        }
        if (!tk.equals(jk)) {
            add(prefix + "kind", "PyTorch gave a " + tk + ", Java a " + jk);
            return;
        }
        switch (tk) {
            case "tensor" -> tensor(prefix, torch, java);
            case "tuple" -> tuple(prefix, torch, java);
            default -> value(prefix, torch, java);
        }
        if (prefix.isEmpty()) {
            gradients(torch, java);
            after(torch, java);
        }
    }

    private void errors(String prefix, JsonNode torch, JsonNode java, String tk, String jk) {
        if (!tk.equals(jk)) {
            add(prefix + (jk.equals("error") ? "error" : "no-error"),
                    (jk.equals("error") ? "Java threw " + describe(java) : "PyTorch threw " + describe(torch)));
            return;
        }
        String pythonType = torch.get("type").asText();
        String pythonMessage = torch.get("message").asText();
        String javaMessage = java.path("message").isNull() ? null : java.path("message").asText();
        if (!PyErrors.pythonNames(java.get("type").asText()).contains(pythonType)) {
            add(prefix + "error-type", describe(java) + " for PyTorch's " + describe(torch));
        } else if (!PyErrors.messageMatches(pythonType, pythonMessage, javaMessage)) {
            add(prefix + "error-message", "Java: " + oneLine(javaMessage) + " | PyTorch: " + oneLine(pythonMessage));
        }
    }

    private void tensor(String prefix, JsonNode torch, JsonNode java) {
        tensor(prefix, torch, java, torch.get("dtype").asText());
    }

    /** Compares two tensor descriptions, the values with the tolerance of {@code toleranceDtype}. */
    private void tensor(String prefix, JsonNode torch, JsonNode java, String toleranceDtype) {
        String dtype = torch.get("dtype").asText();
        if (!dtype.equals(java.get("dtype").asText())) {
            add(prefix + "dtype", java.get("dtype").asText() + " for PyTorch's " + dtype);
            return;
        }
        if (!torch.get("shape").equals(java.get("shape"))) {
            add(prefix + "shape", java.get("shape") + " for PyTorch's " + torch.get("shape"));
            return;
        }
        Values.Difference values = Values.compare(toleranceDtype, torch.get("data"), java.get("data"));
        if (values != null && !values.withinTolerance()) {
            add(prefix + (values.onlyZeroSigns() ? "zero-sign" : "values"), dtype + " " + values.detail());
            return;
        }
        if (torch.get("requires_grad").asBoolean() != java.get("requires_grad").asBoolean()) {
            add(prefix + "requires_grad", "Java " + java.get("requires_grad") + ", PyTorch " + torch.get("requires_grad"));
        } else if (!Objects.equals(text(torch.get("grad_fn")), text(java.get("grad_fn")))) {
            add(prefix + "grad_fn", "Java " + text(java.get("grad_fn")) + ", PyTorch " + text(torch.get("grad_fn")));
        } else if (values == null) {
            repr(prefix, torch, java);
        }
    }

    private void tuple(String prefix, JsonNode torch, JsonNode java) {
        JsonNode ti = torch.get("items");
        JsonNode ji = java.get("items");
        if (ti.size() != ji.size()) {
            add(prefix + "shape", "a tuple of " + ji.size() + " for PyTorch's " + ti.size());
            return;
        }
        int before = found.size();
        for (int i = 0; i < ti.size(); i++) {
            tensor(prefix, ti.get(i), ji.get(i));
        }
        if (found.size() == before && Values.allBitEqual(ti, ji)) {
            repr(prefix, torch, java);
        }
    }

    private void value(String prefix, JsonNode torch, JsonNode java) {
        String t = torch.get("repr").asText();
        String j = java.get("repr").asText();
        if (!t.equals(j) && !Values.sameFloatText(t, j)) {
            add(prefix + "values", "Java " + oneLine(j) + " | PyTorch " + oneLine(t));
        }
    }

    private void repr(String prefix, JsonNode torch, JsonNode java) {
        String t = torch.get("repr").asText();
        String j = java.get("repr").asText();
        if (!t.equals(j)) {
            add(prefix + "repr", "Java " + oneLine(j) + " | PyTorch " + oneLine(t));
        }
    }

    private void gradients(JsonNode torch, JsonNode java) {
        if (torch.has("grad_error") || java.has("grad_error")) {
            if (!torch.has("grad_error") || !java.has("grad_error")) {
                add("grad-error", torch.has("grad_error") ? "PyTorch's backward threw " + describe(torch.get("grad_error"))
                        : "Java's backward threw " + describe(java.get("grad_error")));
            } else {
                errors("grad-", torch.get("grad_error"), java.get("grad_error"), "error", "error");
            }
            return;
        }
        if (torch.has("grads") != java.has("grads")) {
            add("grad-error", torch.has("grads") ? "Java ran no backward (its result needs no grad)"
                    : "Java's result requires grad, PyTorch's does not");
            return;
        }
        JsonNode tg = torch.path("grads");
        for (int i = 0; i < tg.size(); i++) {
            JsonNode a = tg.get(i);
            JsonNode b = java.get("grads").get(i);
            if (a.isNull() != b.isNull()) {
                add("grad-values", "input " + i + ": Java grad " + (b.isNull() ? "None" : "set")
                        + ", PyTorch " + (a.isNull() ? "None" : "set"));
            } else if (!a.isNull()) {
                tensor("grad-", a, b, Values.looser(a.get("dtype").asText(), resultDtype(torch)));
            }
        }
    }

    /** The dtype the op computed in: its result's (the first item's for a tuple). */
    private static String resultDtype(JsonNode outcome) {
        return outcome.has("items") ? outcome.get("items").path(0).path("dtype").asText() : outcome.path("dtype").asText();
    }

    private void after(JsonNode torch, JsonNode java) {
        JsonNode ta = torch.path("after");
        for (int i = 0; i < ta.size(); i++) {
            JsonNode ja = java.path("after").path(i);
            Values.Difference d = Values.compare("float", ta.get(i), ja);
            if (d != null && !d.withinTolerance() && !d.onlyZeroSigns()) {
                add("after", "input " + i + ": " + d.detail());
            }
        }
    }

    private void add(String category, String detail) {
        found.add(new Mismatch(category, detail));
    }

    private static String describe(JsonNode error) {
        String message = error.path("message").isNull() ? "null" : error.path("message").asText();
        return error.path("type").asText() + ": " + oneLine(message);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        String line = s.replace("\n", "\\n");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
