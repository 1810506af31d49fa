package jtorch.internal.kernels;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * float32 {@code sin} and {@code cos} as PyTorch 1.13 computes them on the CPU: SLEEF 3.5's
 * {@code xsinf_u1} and {@code xcosf_u1} (the {@code Sleef_sinf8_u10} / {@code Sleef_cosf8_u10}
 * behind {@code Vectorized<float>::sin} / {@code cos}, AVX2 with fused multiply-adds; SLEEF is
 * under the Boost Software License 1.0), so results are PyTorch's bit for bit and within 1 ulp of
 * the exact value. Defined once for the plain and the vector loops: {@link VectorTrig} runs the
 * near path's IEEE float operations in the same order lane by lane.
 *
 * <p>SLEEF picks the argument reduction per vector of 8 floats: when every lane of the vector has
 * {@code |x| < }{@value #NEAR} (NaN does not), the near path below serves all 8; otherwise the far
 * path serves all 8, and it rounds a near lane's result differently now and then (about 1 in 200).
 * So a result depends on the other lanes of its group: {@link #sinFloat} and {@link #cosFloat}
 * take groups of 8 from the start of the run, as PyTorch's single-threaded contiguous loop does
 * (its last, partial vector is padded with zeros, which are near); {@link #sin} and {@link #cos}
 * give the result of a group whose other lanes are near.
 *
 * <p>Near path: sin takes {@code s = x - k pi} with {@code k = rint(x / pi)}, cos {@code s = x -
 * dq pi/2} with {@code dq = 2 rint(x / pi - 1/2) + 1}; the rounding by adding and subtracting
 * {@link #SHIFTER}, {@code s} as a double-float from SLEEF's three-part pi. Far path ({@link
 * #reduce}, SLEEF's {@code rempif}, a Payne-Hanek reduction): {@code x} times four slices of
 * {@code 1/(2 pi)} chosen by the exponent of {@code x} (bits whose product with {@code x} would be
 * a whole number of turns are left out), keeping the fraction of a turn and counting the quarter
 * turns as it goes, times {@code 2 pi}; then a quarter turn more or less so that {@code s} is again
 * {@code x} less a whole number of half turns (cos: less an odd multiple of pi/2). Both paths then:
 * {@code sin s = s (1 + s^2 p(s^2))} with SLEEF's cubic {@code p}, in double-float arithmetic,
 * negated for an odd number of half turns. sin(-0) is -0; NaN and ±inf give NaN.
 */
final class FloatTrig {
    /** SLEEF's TRIGRANGEMAX2f: the near path serves a group iff all its lanes are below this. */
    static final float NEAR = 125f;
    /** How many lanes decide a path together: the floats in one AVX2 vector. */
    static final int GROUP = 8;
    static final float ONE_OVER_PI = 0.318309886183790671538f;
    /** 1.5 * 2^23: adding it rounds a float below 2^22 in magnitude to an integer (ties to even), kept in the low bits. */
    static final float SHIFTER = 0x1.8p23f;
    static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    /** pi in three parts (SLEEF's PI_A2f, PI_B2f, PI_C2f), negated, and their halves. */
    static final float PI_A = -3.1414794921875f;
    static final float PI_B = -0.00011315941810607910156f;
    static final float PI_C = -1.9841872589410058936e-09f;
    static final float HALF_PI_A = PI_A * 0.5f;
    static final float HALF_PI_B = PI_B * 0.5f;
    static final float HALF_PI_C = PI_C * 0.5f;
    /** SLEEF's coefficients of {@code p}, highest degree first. */
    static final float C0 = 2.6083159809786593541503e-06f;
    static final float C1 = -0.0001981069071916863322258f;
    static final float C2 = 0.00833307858556509017944336f;
    static final float C3 = -0.166666597127914428710938f;
    /** pi as a float and the rest. */
    private static final float PI_HI = 3.1415927410125732422f;
    private static final float PI_LO = -8.7422776573475857731e-08f;
    /**
     * SLEEF's {@code rempitabsp}, computed on the far path's first use (~60 ms with BigDecimal's
     * classes; the near path never needs it): for each {@code e = 0 .. 103}, four floats that sum
     * to the part of {@code 1/(2 pi)} below {@code 2^(-e-2)} (times 2^64 above {@code e = 65},
     * where the argument is scaled down by 2^64). Row 103 serves only infinities and NaN, whose
     * results are NaN whatever it holds.
     */
    private static final class Slices {
        static final float[] TABLE = slices();
    }

    private FloatTrig() {}

    /** {@code sin(x)} as PyTorch gives it for {@code x} in a group whose other lanes are near. */
    static float sin(float x) {
        return Math.abs(x) < NEAR ? sinNear(x) : sinFar(x);
    }

    /** {@code cos(x)} as PyTorch gives it for {@code x} in a group whose other lanes are near. */
    static float cos(float x) {
        return Math.abs(x) < NEAR ? cosNear(x) : cosFar(x);
    }

    /** {@code c[co + i] = sin(a[ao + i])} for {@code i < n}, in groups of {@value #GROUP} from {@code ao}. */
    static void sinFloat(float[] a, int ao, float[] c, int co, int n) {
        for (int g = 0; g < n; g += GROUP) {
            int m = Math.min(GROUP, n - g);
            if (allNear(a, ao + g, m)) {
                for (int i = g; i < g + m; i++) {
                    c[co + i] = sinNear(a[ao + i]);
                }
            } else {
                for (int i = g; i < g + m; i++) {
                    c[co + i] = sinFar(a[ao + i]);
                }
            }
        }
    }

    /** {@code c[co + i] = cos(a[ao + i])} for {@code i < n}, in groups of {@value #GROUP} from {@code ao}. */
    static void cosFloat(float[] a, int ao, float[] c, int co, int n) {
        for (int g = 0; g < n; g += GROUP) {
            int m = Math.min(GROUP, n - g);
            if (allNear(a, ao + g, m)) {
                for (int i = g; i < g + m; i++) {
                    c[co + i] = cosNear(a[ao + i]);
                }
            } else {
                for (int i = g; i < g + m; i++) {
                    c[co + i] = cosFar(a[ao + i]);
                }
            }
        }
    }

    private static boolean allNear(float[] a, int from, int m) {
        for (int i = from; i < from + m; i++) {
            if (!(Math.abs(a[i]) < NEAR)) {
                return false;
            }
        }
        return true;
    }

    /** The near path of sin: any finite {@code x} with {@code |x| < }{@value #NEAR}. */
    static float sinNear(float x) {
        float shifted = x * ONE_OVER_PI + SHIFTER;
        float k = shifted - SHIFTER;
        int q = Float.floatToRawIntBits(shifted) - SHIFTER_BITS;
        float v = Math.fma(k, PI_A, x);
        // v + k PI_B as a double-float, then + k PI_C
        float w = k * PI_B;
        float sx = v + w;
        float sv = sx - v;
        float sy = (v - (sx - sv)) + (w - sv);
        float z = k * PI_C;
        float tx = sx + z;
        float ty = ((sx - tx) + z) + sy;
        float u = series(tx, ty);
        u = (q & 1) == 0 ? u : -u;
        return Float.floatToRawIntBits(x) == Integer.MIN_VALUE ? x : u;
    }

    /** The near path of cos: any finite {@code x} with {@code |x| < }{@value #NEAR}. */
    static float cosNear(float x) {
        float shifted = Math.fma(x, ONE_OVER_PI, -0.5f) + SHIFTER;
        // with dq = 2k + 1, cos x = -(-1)^k sin s: negated when k is even
        int k = Float.floatToRawIntBits(shifted) - SHIFTER_BITS;
        float dq = Math.fma(shifted - SHIFTER, 2f, 1f);
        // x - dq pi/2 in three parts as a double-float
        float w = dq * HALF_PI_A;
        float sx = x + w;
        float sv = sx - x;
        float sy = (x - (sx - sv)) + (w - sv);
        w = dq * HALF_PI_B;
        float tx = sx + w;
        float tv = tx - sx;
        float ty = ((sx - (tx - tv)) + (w - tv)) + sy;
        w = dq * HALF_PI_C;
        sx = tx + w;
        sv = sx - tx;
        sy = ((tx - (sx - sv)) + (w - sv)) + ty;
        float u = series(sx, sy);
        return (k & 1) == 0 ? -u : u;
    }

    /** The far path of sin: any float, for a group with a lane not below {@value #NEAR} or NaN. */
    static float sinFar(float x) {
        Reduction r = reduce(x);
        int q = ((r.quarters & 3) * 2 + (r.hi > 0 ? 2 : 1)) >> 2;
        float hi = r.hi;
        float lo = r.lo;
        if ((r.quarters & 1) == 1) {
            // a quarter turn back toward zero
            float ph = withSignOf(PI_HI * -0.5f, r.hi);
            float pl = withSignOf(PI_LO * -0.5f, r.hi);
            float s = hi + ph;
            float v = s - hi;
            lo = ((hi - (s - v)) + (ph - v)) + (lo + pl);
            hi = s;
        }
        float sx = hi + lo;
        float sy = (hi - sx) + lo;
        if (Float.isInfinite(x) || x != x) {
            sx = Float.NaN;
        }
        float u = series(sx, sy);
        u = (q & 1) == 0 ? u : -u;
        return Float.floatToRawIntBits(x) == Integer.MIN_VALUE ? x : u;
    }

    /** The far path of cos: any float, for a group with a lane not below {@value #NEAR} or NaN. */
    static float cosFar(float x) {
        Reduction r = reduce(x);
        int q = ((r.quarters & 3) * 2 + (r.hi > 0 ? 8 : 7)) >> 1;
        float hi = r.hi;
        float lo = r.lo;
        if ((r.quarters & 1) == 0) {
            // a quarter turn, its sign from the reduced argument's
            float sign = r.hi > 0 ? 0f : -1f;
            float ph = withSignOf(PI_HI * -0.5f, sign);
            float pl = withSignOf(PI_LO * -0.5f, sign);
            float s = hi + ph;
            float v = s - hi;
            lo = ((hi - (s - v)) + (ph - v)) + (lo + pl);
            hi = s;
        }
        float sx = hi + lo;
        float sy = (hi - sx) + lo;
        if (Float.isInfinite(x) || x != x) {
            sx = Float.NaN;
        }
        float u = series(sx, sy);
        return (q & 2) == 0 ? -u : u;
    }

    /** {@code sin} of the double-float {@code (tx, ty)}, {@code |tx| <= pi/2}, before the half-turn sign. */
    private static float series(float tx, float ty) {
        float sx = tx * tx;
        float sy = Math.fma(tx + tx, ty, Math.fma(tx, tx, -sx));
        float p = Math.fma(Math.fma(C0, sx, C1), sx, C2);
        // (C3 + p s) as a double-float, times s, plus 1; times t
        float m = p * sx;
        float ax = C3 + m;
        float ay = (C3 - ax) + m;
        float bx = ax * sx;
        float by = Math.fma(ax, sy, Math.fma(ay, sx, Math.fma(ax, sx, -bx)));
        float cx = 1f + bx;
        float cy = ((1f - cx) + bx) + by;
        return Math.fma(tx, cx, Math.fma(ty, cx, tx * cy));
    }

    /** {@code x} reduced: {@code x = (hi + lo) + quarters pi/2 + a whole number of turns}, nearly. */
    private record Reduction(float hi, float lo, int quarters) {}

    /** SLEEF's {@code rempif}, step by step; meaningless (but harmless) for infinities and NaN. */
    private static Reduction reduce(float x) {
        int bits = Float.floatToRawIntBits(x);
        int e = ((bits >>> 23) & 0xff) - 0x7f - 25;
        float a = e > 65 ? Float.intBitsToFloat(bits - (64 << 23)) : x;
        int row = Math.max(e, 0) * 4;
        float[] slices = Slices.TABLE;
        float t = slices[row];
        float xh = a * t;
        float xl = Math.fma(a, t, -xh);
        // keep the fraction of a quarter turn, count the quarters
        float quarter = (float) Math.rint(xh * 4f);
        int q = (int) (quarter - (float) Math.rint(xh) * 4f);
        xh = xh - quarter * 0.25f;
        float s = xh + xl;
        xl = (xh - s) + xl;
        xh = s;
        t = slices[row + 1];
        float yh = a * t;
        float yl = Math.fma(a, t, -yh);
        s = xh + yh;
        float v = s - xh;
        xl = ((xh - (s - v)) + (yh - v)) + (xl + yl);
        xh = s;
        quarter = (float) Math.rint(xh * 4f);
        q += (int) (quarter - (float) Math.rint(xh) * 4f);
        xh = xh - quarter * 0.25f;
        s = xh + xl;
        xl = (xh - s) + xl;
        xh = s;
        yh = slices[row + 2] * a;
        yl = Math.fma(slices[row + 3], a, Math.fma(slices[row + 2], a, -yh));
        s = xh + yh;
        v = s - xh;
        xl = ((xh - (s - v)) + (yh - v)) + (xl + yl);
        xh = s;
        s = xh + xl;
        xl = (xh - s) + xl;
        xh = s;
        // turns to radians: times 2 pi as a double-float
        float twoPiHi = PI_HI * 2f;
        float twoPiLo = PI_LO * 2f;
        float rh = xh * twoPiHi;
        float rl = Math.fma(xh, twoPiLo, Math.fma(xl, twoPiHi, Math.fma(xh, twoPiHi, -rh)));
        return Math.abs(a) < 0.7f ? new Reduction(a, 0f, q) : new Reduction(rh, rl, q);
    }

    /** {@code m} with its sign flipped when {@code s} is negative (SLEEF's mulsign). */
    private static float withSignOf(float m, float s) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(m) ^ (Float.floatToRawIntBits(s) & Integer.MIN_VALUE));
    }

    /**
     * SLEEF's table, computed as its generator does: for row {@code e}, {@code r = frac(2^(e+2) /
     * (2 pi)) / 2^(e+2)} (times 2^64 above row 65); three times take {@code r} to a double, then
     * to a float, clear its two lowest bits and subtract it; the fourth float is the rest rounded.
     */
    private static float[] slices() {
        MathContext mc = new MathContext(160, RoundingMode.HALF_EVEN);
        BigDecimal pi = arctanOfInverse(5, mc).multiply(BigDecimal.valueOf(16))
                .subtract(arctanOfInverse(239, mc).multiply(BigDecimal.valueOf(4)), mc);
        BigDecimal perTurn = BigDecimal.ONE.divide(pi.multiply(BigDecimal.valueOf(2)), mc);
        float[] table = new float[104 * 4];
        for (int row = 0; row < 104; row++) {
            BigDecimal scale = new BigDecimal(BigInteger.TWO.pow(row + 2));
            BigDecimal y = perTurn.multiply(scale);
            BigDecimal r = y.subtract(y.setScale(0, RoundingMode.FLOOR)).divide(scale);
            if (row > 65) {
                r = r.multiply(new BigDecimal(BigInteger.TWO.pow(64)));
            }
            for (int k = 0; k < 3; k++) {
                float f = Float.intBitsToFloat(Float.floatToRawIntBits((float) r.doubleValue()) & 0xfffffffc);
                table[row * 4 + k] = f;
                r = r.subtract(new BigDecimal(f));
            }
            table[row * 4 + 3] = (float) r.doubleValue();
        }
        return table;
    }

    /** {@code atan(1/k)} by its Taylor series, to the precision of {@code mc}. */
    private static BigDecimal arctanOfInverse(int k, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(k), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal power = x;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 0; power.compareTo(epsilon) > 0; n++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = n % 2 == 0 ? sum.add(term, mc) : sum.subtract(term, mc);
            power = power.multiply(x2, mc);
        }
        return sum;
    }
}
