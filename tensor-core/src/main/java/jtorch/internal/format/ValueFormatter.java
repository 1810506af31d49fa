package jtorch.internal.format;

import jtorch.DType;
import jtorch.PrintOptions;
import jtorch.internal.tensor.TensorImpl;

/**
 * The element texts of one tensor print, PyTorch's {@code _Formatter}: one scan over the printed
 * (summarised) elements chooses the notation and the column width, then every element is
 * formatted once.
 *
 * <p>Integers and bools print as Python's {@code str}. Floating values choose, from their non-zero
 * finite elements only: <em>int mode</em> ({@code 3.}) when all are whole, unless the largest
 * magnitude exceeds {@code 1e8} or is more than 1000 times the smallest; otherwise <em>fixed</em>
 * ({@code 3.1416}) unless, in addition, the smallest is below {@code 1e-4}; otherwise
 * <em>scientific</em> ({@code 3.1416e+00}). The width is the longest of those non-zero finite
 * texts (at least 1); zeros, {@code nan} and {@code inf} are padded to it or may overflow it. A
 * forced {@code sciMode} changes the notation but, as in PyTorch, keeps the width chosen
 * automatically, and is ignored when no element is non-zero and finite.
 */
final class ValueFormatter {
    private enum Notation { INT, FIXED, SCI }

    private final String[] texts;
    private final int width;

    private ValueFormatter(String[] texts, int width) {
        this.texts = texts;
        this.width = width;
    }

    /** Formats the elements of {@code t} at the row-major {@code positions}, in that order. */
    static ValueFormatter scan(TensorImpl t, int[] positions, PrintOptions options) {
        return t.dtype().isFloatingPoint()
                ? scanFloating(t, positions, options)
                : scanIntegral(t, positions, t.dtype() == DType.BOOL);
    }

    private static ValueFormatter scanIntegral(TensorImpl t, int[] positions, boolean bool) {
        String[] texts = new String[positions.length];
        int width = 1;
        for (int i = 0; i < positions.length; i++) {
            long v = t.getLong(positions[i]);
            String s = bool ? (v != 0 ? "True" : "False") : Long.toString(v);
            texts[i] = s;
            width = Math.max(width, s.length());
        }
        return new ValueFormatter(texts, width);
    }

    private static ValueFormatter scanFloating(TensorImpl t, int[] positions, PrintOptions options) {
        int n = positions.length;
        double[] values = new double[n];
        boolean anyNonZeroFinite = false;
        boolean allWhole = true;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double v = t.getDouble(positions[i]);
            values[i] = v;
            if (isNonZeroFinite(v)) {
                anyNonZeroFinite = true;
                double a = Math.abs(v);
                min = Math.min(min, a);
                max = Math.max(max, a);
                allWhole &= Math.ceil(v) == v;
            }
        }
        int precision = options.precision();
        if (!anyNonZeroFinite) {
            return new ValueFormatter(format(values, Notation.INT, precision), 1);
        }
        boolean wide = max / min > 1000.0 || max > 1.0e8;
        Notation auto = allWhole
                ? (wide ? Notation.SCI : Notation.INT)
                : (wide || min < 1.0e-4 ? Notation.SCI : Notation.FIXED);
        String[] texts = format(values, auto, precision);
        int width = 1;
        for (int i = 0; i < n; i++) {
            if (isNonZeroFinite(values[i])) {
                width = Math.max(width, texts[i].length());
            }
        }
        Boolean forced = options.sciMode();
        if (forced != null) {
            Notation chosen = forced ? Notation.SCI : allWhole ? Notation.INT : Notation.FIXED;
            if (chosen != auto) {
                texts = format(values, chosen, precision);
            }
        }
        return new ValueFormatter(texts, width);
    }

    private static boolean isNonZeroFinite(double v) {
        return v != 0 && Double.isFinite(v);
    }

    private static String[] format(double[] values, Notation notation, int precision) {
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = format(values[i], notation, precision);
        }
        return texts;
    }

    private static String format(double v, Notation notation, int precision) {
        switch (notation) {
            case SCI:
                return PythonFloatFormat.sci(v, precision);
            case FIXED:
                return PythonFloatFormat.fixed(v, precision);
            default:
                String whole = PythonFloatFormat.fixed(v, 0);
                return Double.isFinite(v) ? whole + "." : whole;
        }
    }

    /** The column width every element is right-aligned to. */
    int width() {
        return width;
    }

    /** The unpadded text of the {@code i}-th printed element. */
    String text(int i) {
        return texts[i];
    }
}
