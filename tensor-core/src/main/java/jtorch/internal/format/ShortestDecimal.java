package jtorch.internal.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import jtorch.DType;
import jtorch.internal.dtype.HalfFloats;

/**
 * The shortest decimal that reads back as a given value of a floating dtype: the digits of
 * Python's {@code repr(float)} (float64) and of numpy's Dragon4 "unique" mode (float32, float16,
 * bfloat16 elements). Among the shortest candidates the one nearest the value wins.
 *
 * <p>Exact on every JDK: a decimal reads back as {@code v} when it lies inside {@code v}'s
 * rounding interval, the half-way points to its neighbours in the dtype (an end point counts when
 * {@code v}'s last mantissa bit is even, as round-half-even gives it to {@code v}). Both end
 * points are exact {@link BigDecimal}s, so no parse or JDK {@code toString} is involved (JDK 17's
 * {@code Double.toString} is not always shortest: it prints {@code 1e23} as
 * {@code 9.999999999999999E22}). Having a {@code p}-digit decimal inside the interval implies
 * having a {@code p+1}-digit one, so the length is found by bisection, checking at each length
 * only the two {@code p}-digit decimals around the value.
 */
public final class ShortestDecimal {
    private ShortestDecimal() {}

    /** The shortest decimal for the finite value {@code v} of {@code type}, trailing zeros stripped (0 for zeros). */
    public static BigDecimal of(double v, DType type) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(v);
        Interval in = Interval.around(v, type);
        int lo = 1;
        int hi = maxDigits(type);
        BigDecimal best = nearestInside(exact, hi, in);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal found = nearestInside(exact, mid, in);
            if (found != null) {
                best = found;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return best.stripTrailingZeros();
    }

    /** Digits that always suffice to tell a value of {@code type} from its neighbours. */
    private static int maxDigits(DType type) {
        switch (type) {
            case FLOAT64: return 17;
            case FLOAT32: return 9;
            case FLOAT16: return 5;
            case BFLOAT16: return 4;
            default: throw new IllegalArgumentException("not a floating dtype: " + type);
        }
    }

    /** Of the {@code digits}-digit decimals just below and above {@code exact}, the nearer one inside, or null. */
    private static BigDecimal nearestInside(BigDecimal exact, int digits, Interval in) {
        BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
        boolean downOk = in.contains(down);
        boolean upOk = in.contains(up);
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        }
        return downOk ? down : upOk ? up : null;
    }

    /** The decimals that round to one value of a floating dtype. */
    private static final class Interval {
        private final BigDecimal low;
        private final BigDecimal high;
        private final boolean closed;

        private Interval(BigDecimal low, BigDecimal high, boolean closed) {
            this.low = low;
            this.high = high;
            this.closed = closed;
        }

        static Interval around(double v, DType type) {
            BigDecimal at = new BigDecimal(v);
            double below = step(v, type, -1);
            double above = step(v, type, 1);
            // past the largest finite value the interval ends half an ulp out, as far as on the other side
            BigDecimal low = Double.isInfinite(below) ? at.add(at.subtract(midpoint(at, above))) : midpoint(at, below);
            BigDecimal high = Double.isInfinite(above) ? at.add(at.subtract(low)) : midpoint(at, above);
            return new Interval(low, high, evenMantissa(v, type));
        }

        private static BigDecimal midpoint(BigDecimal at, double neighbour) {
            return at.add(new BigDecimal(neighbour)).divide(BigDecimal.valueOf(2));
        }

        boolean contains(BigDecimal d) {
            int a = d.compareTo(low);
            int b = d.compareTo(high);
            return closed ? a >= 0 && b <= 0 : a > 0 && b < 0;
        }
    }

    /** The neighbour of {@code v} in {@code type} towards {@code direction} (-1 down, +1 up). */
    private static double step(double v, DType type, int direction) {
        switch (type) {
            case FLOAT64:
                return direction > 0 ? Math.nextUp(v) : Math.nextDown(v);
            case FLOAT32:
                return direction > 0 ? Math.nextUp((float) v) : Math.nextDown((float) v);
            case FLOAT16:
                return HalfFloats.halfToFloat(stepBits(HalfFloats.floatToHalf((float) v), direction));
            default:
                return HalfFloats.bfloat16ToFloat(stepBits(HalfFloats.floatToBfloat16((float) v), direction));
        }
    }

    /** One step of a sign-magnitude 16-bit pattern towards {@code direction}. */
    private static short stepBits(short bits, int direction) {
        boolean negative = bits < 0;
        return (short) (negative == direction > 0 ? bits - 1 : bits + 1);
    }

    private static boolean evenMantissa(double v, DType type) {
        switch (type) {
            case FLOAT64: return (Double.doubleToRawLongBits(v) & 1) == 0;
            case FLOAT32: return (Float.floatToRawIntBits((float) v) & 1) == 0;
            case FLOAT16: return (HalfFloats.floatToHalf((float) v) & 1) == 0;
            default: return (HalfFloats.floatToBfloat16((float) v) & 1) == 0;
        }
    }
}
