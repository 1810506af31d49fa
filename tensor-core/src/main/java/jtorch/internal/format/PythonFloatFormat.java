package jtorch.internal.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import jtorch.DType;

/**
 * Python's float texts: {@code repr(float)} ({@link #repr}), the one implementation the whole
 * project uses (tensor-core, the kernel, the golden harness), and {@code '{:.Nf}'} and
 * {@code '{:.Ne}'} for doubles: the exact binary value rounded
 * half-to-even, so {@code 1.03125} gives {@code 1.0312}; {@code nan}, {@code inf}, {@code -inf};
 * a negative sign kept on values that round to zero and on {@code -0.0}.
 *
 * <p>Each method first tries a cheap exact path: scale by an exactly representable power of ten
 * with one correctly rounded multiplication or division, and accept the nearest integer only when
 * the scaled value is farther from a rounding tie than the multiplication's error (at most half an
 * ulp). Everything else goes through {@link BigDecimal} on the exact binary value.
 */
public final class PythonFloatFormat {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    /** Largest {@code k} with {@code 10^k} exact in a double. */
    private static final int MAX_EXACT_POW10 = 22;
    /** Below this the scaled value's ulp is at most 1/2, so its integer part is exact. */
    private static final double FAST_LIMIT = 0x1p52;
    /** Largest precision the scientific fast path handles: {@code 10^(p+1)} stays below {@link #FAST_LIMIT}. */
    private static final int MAX_FAST_SCI_PRECISION = 14;

    private PythonFloatFormat() {}

    /**
     * Python's {@code repr(v)}: the shortest digits that read back as {@code v}
     * ({@link ShortestDecimal}), positional when {@code 1e-4 <= |v| < 1e16} ({@code 0.1},
     * {@code 100.0}), else scientific with a signed two-digit exponent ({@code 1e-05},
     * {@code 1e+23}); {@code nan}, {@code inf}, {@code -inf}, {@code -0.0}.
     */
    public static String repr(double v) {
        return repr(v, DType.FLOAT64);
    }

    /** {@link #repr(double)} with the shortest digits of a value of {@code type} (e.g. a Java float as float32). */
    public static String repr(double v, DType type) {
        return shortest(v, type, false);
    }

    /**
     * numpy's {@code str} of a scalar of {@code type} ({@code np.float32(0.1)}, a 0-d array):
     * {@link #repr(double, DType)}, except that the value itself, not its shortest digits, picks
     * the scientific form ({@code |v| < 1e-4} or {@code >= 1e16}): float32 {@code 1e-4}, just below
     * {@code 1e-4}, prints {@code 1e-04}. The same as {@link #repr(double)} for float64.
     */
    public static String numpyScalar(double v, DType type) {
        return shortest(v, type, true);
    }

    /** The shortest digits of {@code v} as {@code type} in Python's layout; {@code byValue}: numpy's choice of form. */
    private static String shortest(double v, DType type, boolean byValue) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (v == 0) {
            return negative ? "-0.0" : "0.0";
        }
        BigDecimal d = ShortestDecimal.of(Math.abs(v), type);
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        double magnitude = Math.abs(v);
        boolean scientific = byValue ? magnitude < 1e-4 || magnitude >= 1e16 : exponent < -4 || exponent >= 16;
        if (scientific) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            return appendExponent(sb, exponent).toString();
        }
        if (exponent < 0) {
            sb.append("0.");
            for (int i = exponent; i < -1; i++) {
                sb.append('0');
            }
            return sb.append(digits).toString();
        }
        if (digits.length() <= exponent + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exponent; i++) {
                sb.append('0');
            }
            return sb.append(".0").toString();
        }
        return sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length()).toString();
    }

    /** Python's {@code '{:.<precision>f}'.format(v)}. */
    public static String fixed(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        double a = Math.abs(v);
        if (precision <= MAX_EXACT_POW10) {
            double scaled = a * POW10[precision];
            if (scaled < FAST_LIMIT && farFromTie(scaled)) {
                return fixedDigits(negative, (long) Math.rint(scaled), precision);
            }
        }
        String plain = new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return negative ? "-" + plain : plain;
    }

    /** Python's {@code '{:.<precision>e}'.format(v)}. */
    public static String sci(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        double a = Math.abs(v);
        if (a == 0) {
            return sciDigits(negative, 0, precision, 0);
        }
        if (precision <= MAX_FAST_SCI_PRECISION) {
            String fast = sciFast(negative, a, precision);
            if (fast != null) {
                return fast;
            }
        }
        BigDecimal rounded = new BigDecimal(a).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        StringBuilder sb = new StringBuilder(precision + 8);
        if (negative) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.').append(digits, 1, digits.length());
            for (int i = digits.length(); i <= precision; i++) {
                sb.append('0');
            }
        }
        return appendExponent(sb, exponent).toString();
    }

    /** The scientific form via a double scaled into [10^p, 10^(p+1)), or null when that is not exact. */
    private static String sciFast(boolean negative, double a, int precision) {
        int exponent = (int) Math.floor(Math.log10(a));
        double low = POW10[precision];
        double high = POW10[precision + 1];
        // log10 may be off by one near powers of ten; the bounds are exact, so the tests are too.
        for (int attempt = 0; attempt < 3; attempt++) {
            int shift = precision - exponent;
            if (Math.abs(shift) > MAX_EXACT_POW10) {
                return null;
            }
            double scaled = shift >= 0 ? a * POW10[shift] : a / POW10[-shift];
            if (scaled < low) {
                exponent--;
            } else if (scaled >= high) {
                exponent++;
            } else {
                if (!farFromTie(scaled)) {
                    return null;
                }
                long mantissa = (long) Math.rint(scaled);
                if (mantissa == (long) high) {
                    mantissa /= 10;
                    exponent++;
                }
                return sciDigits(negative, mantissa, precision, exponent);
            }
        }
        return null;
    }

    /**
     * True when {@code scaled} (a correctly rounded product, error at most half its ulp) is more
     * than one ulp away from the half-integer between its neighbouring integers, so the exact
     * product rounds to the same integer.
     */
    private static boolean farFromTie(double scaled) {
        double fromHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
        return fromHalf > Math.ulp(scaled);
    }

    private static String fixedDigits(boolean negative, long units, int precision) {
        String digits = Long.toString(units);
        StringBuilder sb = new StringBuilder(digits.length() + precision + 3);
        if (negative) {
            sb.append('-');
        }
        if (precision == 0) {
            return sb.append(digits).toString();
        }
        int intDigits = digits.length() - precision;
        if (intDigits <= 0) {
            sb.append("0.");
            for (int i = intDigits; i < 0; i++) {
                sb.append('0');
            }
            return sb.append(digits).toString();
        }
        return sb.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length()).toString();
    }

    /** {@code mantissa} has exactly {@code precision + 1} digits, or is 0. */
    private static String sciDigits(boolean negative, long mantissa, int precision, int exponent) {
        StringBuilder sb = new StringBuilder(precision + 8);
        if (negative) {
            sb.append('-');
        }
        if (mantissa == 0) {
            sb.append('0');
            if (precision > 0) {
                sb.append('.');
                for (int i = 0; i < precision; i++) {
                    sb.append('0');
                }
            }
        } else {
            String digits = Long.toString(mantissa);
            sb.append(digits.charAt(0));
            if (precision > 0) {
                sb.append('.').append(digits, 1, digits.length());
            }
        }
        return appendExponent(sb, exponent).toString();
    }

    /** Python's exponent: {@code e}, a sign, at least two digits. */
    private static StringBuilder appendExponent(StringBuilder sb, int exponent) {
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e);
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        return v > 0 ? "inf" : "-inf";
    }
}
