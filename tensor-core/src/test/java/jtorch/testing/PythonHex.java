package jtorch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code float.hex()} of a double, to compare values bit for bit with PyTorch's. */
public final class PythonHex {
    private PythonHex() {
    }

    /** {@code 0x1.8000000000000p+1} for 3.0, {@code -0x0.0p+0} for -0.0, {@code inf}, {@code nan}. */
    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(v) < 0) ? "-" : "";
        double a = Math.abs(v);
        if (a == 0) {
            return sign + "0x0.0p+0";
        }
        long bits = Double.doubleToRawLongBits(a);
        int exponent = (int) (bits >>> 52) - 1023;
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        String lead = "1";
        if (exponent == -1023) {
            lead = "0";
            exponent = -1022;
        }
        return String.format(java.util.Locale.ROOT, "%s0x%s.%013xp%s%d", sign, lead, fraction, exponent < 0 ? "-" : "+",
                Math.abs(exponent));
    }

    /** {@link #of(double)} of each value, in order. */
    public static List<String> of(float[] values) {
        List<String> out = new ArrayList<>();
        for (float v : values) {
            out.add(of(v));
        }
        return out;
    }

    /**
     * Asserts that {@code ours} equals {@code expected} (hex strings and other printed values), naming
     * the first ten differing positions and how many differ rather than printing both lists.
     */
    public static void assertSame(List<String> expected, List<String> ours) {
        assertEquals(expected.size(), ours.size(), "values");
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            if (!expected.get(i).equals(ours.get(i))) {
                differing.add(i + ": " + expected.get(i) + " != " + ours.get(i));
            }
        }
        assertEquals(List.of(), differing.subList(0, Math.min(10, differing.size())),
                differing.size() + " of " + ours.size() + " values differ");
    }
}
