package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two flat value lists of the fuzz outcome form: integers and bools exactly, floating
 * values within {@code atol + rtol * |expected|} for their dtype, NaN equal to NaN, infinities and
 * the sign of zero exactly (PyTorch prints {@code -0.}). The float16/bfloat16 tolerance is about
 * four units in the last place: JTorch computes them in float32 and rounds once, PyTorch
 * sometimes rounds intermediate results (docs/java-api.md, "Deliberate differences").
 */
final class Values {
    /** rtol, atol per dtype; "float" is for lists whose dtype is not known (in-place side effects). */
    private static final Map<String, double[]> TOLERANCE = Map.of(
            "torch.float64", new double[] {1e-10, 1e-12},
            "torch.float32", new double[] {1e-5, 1e-6},
            "torch.float16", new double[] {4e-3, 1e-5},
            "torch.bfloat16", new double[] {3.2e-2, 1e-4},
            "float", new double[] {2e-2, 1e-4});

    private Values() {
    }

    /**
     * How two lists differ: whether all elements are within tolerance, whether the only elements
     * outside it are zeros of the other sign, and the first differing element.
     */
    record Difference(boolean withinTolerance, boolean onlyZeroSigns, String detail) {
    }

    /** Null when bit-equal, else the difference. */
    static Difference compare(String dtype, JsonNode expected, JsonNode actual) {
        if (!actual.isArray()) {
            return new Difference(false, false, actual.asText());
        }
        if (expected.size() != actual.size()) {
            return new Difference(false, false, actual.size() + " values for PyTorch's " + expected.size());
        }
        double[] tol = TOLERANCE.getOrDefault(dtype, new double[] {0, 0});
        int differing = 0;
        int outside = 0;
        int zeroSigns = 0;
        String first = null;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            if (bitEqual(e, a)) {
                continue;
            }
            differing++;
            boolean close = e.isNumber() && a.isNumber() && close(e.asDouble(), a.asDouble(), tol);
            if (!close) {
                outside++;
                if (e.isNumber() && a.isNumber() && e.asDouble() == 0 && a.asDouble() == 0) {
                    zeroSigns++;
                }
            }
            if (first == null || (!close && outside == 1)) {
                first = String.format(Locale.ROOT, "[%d] Java %s, PyTorch %s", i, a, e);
            }
        }
        if (differing == 0) {
            return null;
        }
        return new Difference(outside == 0, outside > 0 && zeroSigns == outside, first + " (" + (outside == 0 ? differing : outside) + " of "
                + expected.size() + " differ" + (outside == 0 ? " within tolerance" : "") + ")");
    }

    /** Of two dtypes, the one with the larger relative tolerance. */
    static String looser(String a, String b) {
        double[] ta = TOLERANCE.getOrDefault(a, new double[] {0, 0});
        double[] tb = TOLERANCE.getOrDefault(b, new double[] {0, 0});
        return tb[0] > ta[0] ? b : a;
    }

    /** Whether every item's data of two tuple descriptions is bit-equal. */
    static boolean allBitEqual(JsonNode expectedItems, JsonNode actualItems) {
        for (int i = 0; i < expectedItems.size(); i++) {
            String dtype = expectedItems.get(i).get("dtype").asText();
            if (compare(dtype, expectedItems.get(i).get("data"), actualItems.get(i).get("data")) != null) {
                return false;
            }
        }
        return true;
    }

    /** Whether two Python reprs are floats within float32 tolerance of each other. */
    static boolean sameFloatText(String expected, String actual) {
        try {
            return close(Double.parseDouble(expected), Double.parseDouble(actual), TOLERANCE.get("torch.float32"));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean bitEqual(JsonNode e, JsonNode a) {
        if (e.isBoolean() || a.isBoolean()) {
            return e.isBoolean() && a.isBoolean() && e.asBoolean() == a.asBoolean();
        }
        if (e.isIntegralNumber() && a.isIntegralNumber()) {
            return e.asLong() == a.asLong();
        }
        return e.isNumber() && a.isNumber()
                && Double.doubleToLongBits(e.asDouble()) == Double.doubleToLongBits(a.asDouble());
    }

    private static boolean close(double expected, double actual, double[] tol) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        if (expected == 0 && actual == 0) {
            return false; // bit-different zeros: the sign differs
        }
        return Math.abs(expected - actual) <= tol[1] + tol[0] * Math.abs(expected);
    }
}
