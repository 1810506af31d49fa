package jtorch.internal.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import jtorch.DType;
import jtorch.internal.kernels.Strided;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;

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
 * magnitude is at least 1e8, the smallest non-zero below 1e-4, or their ratio above 1000. A 0-d
 * array's {@code str} is its scalar's, through the one Python float repr
 * ({@link PythonFloatFormat#numpyScalar}).
 *
 * <p>An array is anything {@link Strided}: its storage's dtype is the array's dtype (numpy's
 * name is the dtype's {@link DType#pyName()}).
 */
public final class NumpyFormat {
    private static final int PRECISION = 8;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 75;
    private static final String SUMMARY = "...";

    private NumpyFormat() {}

    /** numpy's {@code str(a)}. */
    public static String str(Strided a) {
        Layout l = a.layout();
        if (l.dim() == 0) {
            return scalarStr(a.storage().element(l.offset()), a.storage().dtype());
        }
        return array2string(a, " ", "", LINE_WIDTH);
    }

    /** numpy's {@code repr(a)}. */
    public static String repr(Strided a) {
        Layout l = a.layout();
        DType type = a.storage().dtype();
        String prefix = "array(";
        boolean impliedType = isImplied(type) && l.numel() > 0;
        String suffix = impliedType ? ")" : ",";
        String body;
        if (l.numel() > 0 || (l.dim() == 1 && l.size(0) == 0)) {
            body = array2string(a, ", ", prefix, LINE_WIDTH - suffix.length());
        } else {
            body = "[], shape=" + PythonTuple.of(l.sizes());
        }
        String text = prefix + body + suffix;
        if (impliedType) {
            return text;
        }
        String dtype = "dtype=" + type.pyName() + ")";
        int lastLine = text.length() - (text.lastIndexOf('\n') + 1);
        String spacer = lastLine + dtype.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(prefix.length()) : " ";
        return text + spacer + dtype;
    }

    /** numpy leaves out {@code dtype=} for its default types: int64 (on Linux), float64 and bool. */
    private static boolean isImplied(DType t) {
        return t == DType.INT64 || t == DType.FLOAT64 || t == DType.BOOL;
    }

    private static String array2string(Strided a, String separator, String prefix, int lineWidth) {
        Layout l = a.layout();
        if (l.numel() == 0) {
            return "[]";
        }
        boolean summarize = l.numel() > THRESHOLD;
        List<Object> shown = new ArrayList<>();
        collect(a.storage(), l, summarize, 0, l.offset(), shown);
        ElementFormat format = ElementFormat.fit(shown, a.storage().dtype(), l.dim() == 0);
        String nextLinePrefix = " " + " ".repeat(prefix.length());
        return new Rows(a, format, separator, summarize).build(0, l.offset(), nextLinePrefix, lineWidth);
    }

    /** The values that will be printed, in order (only the edges of long axes when summarising). */
    private static void collect(Storage s, Layout l, boolean summarize, int dim, int pos, List<Object> out) {
        if (dim == l.dim()) {
            out.add(s.element(pos));
            return;
        }
        int stride = l.stride(dim);
        int n = l.size(dim);
        boolean cut = summarize && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                i = n - EDGE_ITEMS;
            }
            collect(s, l, summarize, dim + 1, pos + i * stride, out);
        }
    }

    /** numpy's {@code _formatArray}: nested brackets, rows wrapped at the line width. */
    private static final class Rows {
        private final Storage storage;
        private final int[] shape;
        private final int[] strides;
        private final ElementFormat format;
        private final String separator;
        private final boolean summarize;

        Rows(Strided a, ElementFormat format, String separator, boolean summarize) {
            this.storage = a.storage();
            this.shape = a.layout().sizes();
            this.strides = a.layout().strides();
            this.format = format;
            this.separator = separator;
            this.summarize = summarize;
        }

        String build(int dim, int pos, String hangingIndent, int width) {
            if (dim == shape.length) {
                return format.format(storage.element(pos));
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
    private static String scalarStr(Object v, DType type) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        return v instanceof Long ? v.toString() : PythonFloatFormat.numpyScalar((Double) v, type);
    }

    /**
     * numpy's scientific text of an array element {@code v} with mantissa digits {@code digits}:
     * {@code fracDigits} digits after the point (-1: as many as the digits need), a whole
     * mantissa written {@code 1.}, the exponent at least {@code expDigits} digits.
     */
    private static String scientific(double v, BigDecimal digits, int fracDigits, int expDigits) {
        BigDecimal abs = digits.abs();
        int exponent = abs.signum() == 0 ? 0 : abs.precision() - abs.scale() - 1;
        BigDecimal mantissa = abs.movePointLeft(exponent);
        if (fracDigits >= 0) {
            mantissa = mantissa.setScale(fracDigits, RoundingMode.HALF_EVEN);
        }
        String m = mantissa.toPlainString();
        if (!m.contains(".")) {
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
                    String s = scientific(v, digits, -1, 2);
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

        /**
         * Positional digits cut to {@link #PRECISION} fractional digits, {@code 1.} for whole
         * values; the integer part is exact (float16 {@code 37248} prints {@code 37248.}, whose
         * shortest digits are {@code 3.725e4}), as numpy's Dragon4 with {@code min_digits=0}.
         */
        private static String positional(double v, BigDecimal digits) {
            BigDecimal d = digits;
            if (d.scale() > PRECISION) {
                d = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
            } else if (d.scale() < 0) {
                d = new BigDecimal(v);
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
                // every mantissa has fracDigits digits: the exact value's, as numpy's min_digits gives
                // (float32 1e-5 beside 1.2345679 prints 9.9999997e-06, not 1.0000000e-05)
                BigDecimal digits = new BigDecimal(v).round(new MathContext(fracDigits + 1, RoundingMode.HALF_EVEN));
                String s = scientific(v, digits, fracDigits, expDigits);
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
