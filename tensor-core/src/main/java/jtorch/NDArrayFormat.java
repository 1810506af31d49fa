package jtorch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import jtorch.internal.format.ShortestDecimal;

/**
 * numpy 1.24's {@code array2string} with default print options (precision 8, threshold 1000,
 * edgeitems 3, linewidth 75, {@code floatmode='maxprec'}), shaped like numpy's pipeline: collect
 * the printed values (summarised beyond the threshold) → one element formatter fitted to them
 * ({@link ElementFormat}) → the recursive row builder with line wrapping → {@code repr}'s
 * {@code array(...)} wrapper with its {@code dtype=} suffix.
 *
 * <p>Floats print their shortest round-trip digits for the element's own precision (float32
 * {@code 0.1} is {@code 0.1}), cut to 8 fractional digits, padded to a common width, with a
 * trailing {@code .} for whole values ({@code [1.5 2. ]}); scientific notation when the largest
 * magnitude is at least 1e8, the smallest non-zero below 1e-4, or their ratio above 1000.
 */
final class NDArrayFormat {
    private static final int PRECISION = 8;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 75;
    private static final String SUMMARY = "...";

    private NDArrayFormat() {}

    /** numpy's {@code str(a)}. */
    static String str(NDArray a) {
        int[] shape = a.shape;
        if (shape.length == 0) {
            return scalarStr(a.element(a.offset), a.dtype());
        }
        return array2string(a, shape, " ", "", LINE_WIDTH);
    }

    /** numpy's {@code repr(a)}. */
    static String repr(NDArray a) {
        int[] shape = a.shape;
        String prefix = "array(";
        boolean impliedType = isImplied(a.dtype()) && a.size() > 0;
        String suffix = impliedType ? ")" : ",";
        String body;
        if (a.size() > 0 || (shape.length == 1 && shape[0] == 0)) {
            body = array2string(a, shape, ", ", prefix, LINE_WIDTH - suffix.length());
        } else {
            body = "[], shape=" + tuple(shape);
        }
        String text = prefix + body + suffix;
        if (impliedType) {
            return text;
        }
        String dtype = "dtype=" + a.dtype().name() + ")";
        int lastLine = text.length() - (text.lastIndexOf('\n') + 1);
        String spacer = lastLine + dtype.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(prefix.length()) : " ";
        return text + spacer + dtype;
    }

    /** numpy leaves out {@code dtype=} for its default types: int64 (on Linux), float64 and bool. */
    private static boolean isImplied(np.dtype t) {
        return t == np.int64 || t == np.float64 || t == np.bool_;
    }

    /** Python's tuple text of a shape: {@code (2, 3)}, {@code (5,)}, {@code ()}. */
    static String tuple(int[] dims) {
        StringJoiner j = new StringJoiner(", ", "(", dims.length == 1 ? ",)" : ")");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }

    private static String array2string(NDArray a, int[] shape, String separator, String prefix, int lineWidth) {
        if (a.size() == 0) {
            return "[]";
        }
        boolean summarize = a.size() > THRESHOLD;
        List<Object> shown = new ArrayList<>();
        collect(a, shape, summarize, 0, a.offset, shown);
        ElementFormat format = ElementFormat.fit(shown, a.dtype().torchType, shape.length == 0);
        String nextLinePrefix = " " + " ".repeat(prefix.length());
        return new Rows(a, shape, format, separator, summarize).build(0, a.offset, nextLinePrefix, lineWidth);
    }

    /** The values that will be printed, in order (only the edges of long axes when summarising). */
    private static void collect(NDArray a, int[] shape, boolean summarize, int dim, int pos, List<Object> out) {
        if (dim == shape.length) {
            out.add(a.element(pos));
            return;
        }
        int stride = a.strides[dim];
        int n = shape[dim];
        boolean cut = summarize && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                i = n - EDGE_ITEMS;
            }
            collect(a, shape, summarize, dim + 1, pos + i * stride, out);
        }
    }

    /** numpy's {@code _formatArray}: nested brackets, rows wrapped at the line width. */
    private static final class Rows {
        private final NDArray a;
        private final int[] shape;
        private final int[] strides;
        private final ElementFormat format;
        private final String separator;
        private final boolean summarize;

        Rows(NDArray a, int[] shape, ElementFormat format, String separator, boolean summarize) {
            this.a = a;
            this.shape = shape;
            this.strides = a.strides;
            this.format = format;
            this.separator = separator;
            this.summarize = summarize;
        }

        String build(int dim, int pos, String hangingIndent, int width) {
            if (dim == shape.length) {
                return format.format(a.element(pos));
            }
            String nextIndent = hangingIndent + " ";
            int nextWidth = width - 1;
            int n = shape[dim];
            boolean cut = summarize && n > 2 * EDGE_ITEMS;
            int leading = cut ? EDGE_ITEMS : 0;
            int trailing = cut ? EDGE_ITEMS : n;
            StringBuilder s = new StringBuilder();
            if (dim == shape.length - 1) {
                int elemWidth = width - Math.max(separator.stripTrailing().length(), 1);
                StringBuilder line = new StringBuilder(hangingIndent);
                for (int i = 0; i < leading; i++) {
                    extend(s, line, build(dim + 1, pos + i * strides[dim], nextIndent, nextWidth), elemWidth,
                            hangingIndent);
                    line.append(separator);
                }
                if (cut) {
                    extend(s, line, SUMMARY, elemWidth, hangingIndent);
                    line.append(separator);
                }
                for (int i = trailing; i > 1; i--) {
                    extend(s, line, build(dim + 1, pos + (n - i) * strides[dim], nextIndent, nextWidth), elemWidth,
                            hangingIndent);
                    line.append(separator);
                }
                if (n > 0) {
                    extend(s, line, build(dim + 1, pos + (n - 1) * strides[dim], nextIndent, nextWidth), elemWidth,
                            hangingIndent);
                }
                s.append(line);
            } else {
                String lineSep = separator.stripTrailing() + "\n".repeat(shape.length - dim - 1);
                for (int i = 0; i < leading; i++) {
                    s.append(hangingIndent).append(build(dim + 1, pos + i * strides[dim], nextIndent, nextWidth))
                            .append(lineSep);
                }
                if (cut) {
                    s.append(hangingIndent).append(SUMMARY).append(lineSep);
                }
                for (int i = trailing; i > 1; i--) {
                    s.append(hangingIndent).append(build(dim + 1, pos + (n - i) * strides[dim], nextIndent, nextWidth))
                            .append(lineSep);
                }
                if (n > 0) {
                    s.append(hangingIndent).append(build(dim + 1, pos + (n - 1) * strides[dim], nextIndent, nextWidth));
                }
            }
            return "[" + s.substring(Math.min(hangingIndent.length(), s.length())) + "]";
        }

        /** numpy's {@code _extendLine}: wraps before a word that would pass the width (unless it cannot help). */
        private static void extend(StringBuilder s, StringBuilder line, String word, int width, String indent) {
            boolean wrap = line.length() + word.length() > width && line.length() > indent.length();
            if (wrap) {
                s.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            line.append(word);
        }
    }

    /** numpy's str of a 0-d array: the scalar's own str ({@code 3.0}, {@code 7}, {@code True}). */
    private static String scalarStr(Object v, np.dtype type) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Long) {
            return v.toString();
        }
        double d = (Double) v;
        if (!Double.isFinite(d)) {
            return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }
        BigDecimal digits = ShortestDecimal.of(d, type.torchType);
        double mag = Math.abs(d);
        if (d != 0 && (mag < 1e-4 || mag >= 1e16)) {
            return scientific(d, digits, -1, 2, false);
        }
        String s = digits.abs().toPlainString();
        return (Double.doubleToRawLongBits(d) < 0 ? "-" : "") + (s.contains(".") ? s : s + ".0");
    }

    /**
     * Scientific text of {@code v} with mantissa digits {@code digits}: {@code fracDigits} digits
     * after the point (-1: as many as the digits need), exponent at least {@code expDigits} digits;
     * {@code keepPoint} writes a whole mantissa as {@code 1.} (numpy arrays) instead of {@code 1}
     * (Python's scalar repr).
     */
    private static String scientific(double v, BigDecimal digits, int fracDigits, int expDigits, boolean keepPoint) {
        BigDecimal abs = digits.abs();
        int exponent = abs.signum() == 0 ? 0 : abs.precision() - abs.scale() - 1;
        BigDecimal mantissa = abs.movePointLeft(exponent);
        if (fracDigits >= 0) {
            mantissa = mantissa.setScale(fracDigits, RoundingMode.HALF_EVEN);
        }
        String m = mantissa.toPlainString();
        if (keepPoint && !m.contains(".")) {
            m += ".";
        }
        String e = Integer.toString(Math.abs(exponent));
        e = "0".repeat(Math.max(0, expDigits - e.length())) + e;
        return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + m + "e" + (exponent < 0 ? "-" : "+") + e;
    }

    /** One formatter for all elements of an array: numpy's IntegerFormat, BoolFormat or FloatingFormat. */
    abstract static class ElementFormat {
        abstract String format(Object v);

        static ElementFormat fit(List<Object> values, DType type, boolean zeroDim) {
            if (type.isBool()) {
                return new BoolFormat(zeroDim);
            }
            if (!type.isFloatingPoint()) {
                return IntFormat.fit(values);
            }
            return FloatFormat.fit(values, type);
        }
    }

    private static final class BoolFormat extends ElementFormat {
        private final String trueText;

        BoolFormat(boolean zeroDim) {
            this.trueText = zeroDim ? "True" : " True";
        }

        @Override
        String format(Object v) {
            return (Boolean) v ? trueText : "False";
        }
    }

    private static final class IntFormat extends ElementFormat {
        private final int width;

        private IntFormat(int width) {
            this.width = width;
        }

        static IntFormat fit(List<Object> values) {
            int width = 0;
            for (Object v : values) {
                width = Math.max(width, v.toString().length());
            }
            return new IntFormat(width);
        }

        @Override
        String format(Object v) {
            return pad(v.toString(), width);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** numpy's FloatingFormat in {@code maxprec} mode with sign {@code '-'}. */
    private static final class FloatFormat extends ElementFormat {
        private final DType type;
        private final boolean exp;
        private final int padLeft;
        private final int padRight;
        /** Scientific only: fractional digits of every mantissa and exponent digits. */
        private final int fracDigits;
        private final int expDigits;

        private FloatFormat(DType type, boolean exp, int padLeft, int padRight, int fracDigits, int expDigits) {
            this.type = type;
            this.exp = exp;
            this.padLeft = padLeft;
            this.padRight = padRight;
            this.fracDigits = fracDigits;
            this.expDigits = expDigits;
        }

        static FloatFormat fit(List<Object> values, DType type) {
            List<Double> finite = new ArrayList<>();
            boolean nonFinite = false;
            boolean negInf = false;
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            for (Object o : values) {
                double v = (Double) o;
                if (!Double.isFinite(v)) {
                    nonFinite = true;
                    negInf |= v == Double.NEGATIVE_INFINITY;
                    continue;
                }
                finite.add(v);
                if (v != 0) {
                    max = Math.max(max, Math.abs(v));
                    min = Math.min(min, Math.abs(v));
                }
            }
            boolean exp = max != 0 && (max >= 1e8 || min < 1e-4 || max / min > 1000);
            int padLeft = 0;
            int padRight = 0;
            int fracDigits = 0;
            int expDigits = 0;
            for (double v : finite) {
                BigDecimal digits = ShortestDecimal.of(v, type);
                if (exp) {
                    String s = scientific(v, digits, -1, 2, true);
                    int point = s.indexOf('.');
                    int e = s.indexOf('e');
                    fracDigits = Math.max(fracDigits, Math.min(PRECISION, e - point - 1));
                    padLeft = Math.max(padLeft, point);
                    expDigits = Math.max(expDigits, s.length() - e - 2);
                } else {
                    String s = positional(v, digits);
                    int point = s.indexOf('.');
                    padLeft = Math.max(padLeft, point);
                    padRight = Math.max(padRight, s.length() - point - 1);
                }
            }
            if (exp) {
                padRight = expDigits + 2 + fracDigits;
            }
            if (nonFinite) {
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
            return new FloatFormat(type, exp, padLeft, padRight, fracDigits, expDigits);
        }

        /** Positional digits cut to {@link #PRECISION} fractional digits, {@code 1.} for whole values. */
        private static String positional(double v, BigDecimal digits) {
            BigDecimal d = digits;
            if (d.scale() > PRECISION) {
                d = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
            }
            String s = d.abs().toPlainString();
            if (!s.contains(".")) {
                s += ".";
            }
            return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + s;
        }

        @Override
        String format(Object o) {
            double v = (Double) o;
            if (!Double.isFinite(v)) {
                String s = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
                return pad(s, padLeft + padRight + 1);
            }
            if (exp) {
                BigDecimal digits = ShortestDecimal.of(v, type);
                BigDecimal abs = digits.abs();
                int exponent = abs.signum() == 0 ? 0 : abs.precision() - abs.scale() - 1;
                if (abs.signum() != 0 && abs.movePointLeft(exponent).scale() > fracDigits) {
                    digits = new BigDecimal(v).round(new MathContext(fracDigits + 1, RoundingMode.HALF_EVEN));
                }
                String s = scientific(v, digits, fracDigits, expDigits, true);
                return pad(s, padLeft + (s.length() - s.indexOf('.')));
            }
            String s = positional(v, ShortestDecimal.of(v, type));
            int point = s.indexOf('.');
            String left = pad(s.substring(0, point), padLeft);
            String right = s.substring(point);
            return left + right + " ".repeat(Math.max(0, padRight + 1 - right.length()));
        }
    }
}
