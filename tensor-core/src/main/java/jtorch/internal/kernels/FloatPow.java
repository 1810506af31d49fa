package jtorch.internal.kernels;

/**
 * float32 {@code pow(x, y)} as PyTorch 1.13 computes it on the CPU over whole vectors: SLEEF 3.5.1's
 * {@code xpowf} (the {@code Sleef_powf8_u10} behind {@code Vectorized<float>::pow}, AVX2 with fused
 * multiply-adds; SLEEF is under the Boost Software License 1.0), so results are PyTorch's bit for
 * bit and within 1 ulp of the exact value. Defined once for the plain and the vector loops: {@link
 * VectorPow} runs the same IEEE float operations in the same order lane by lane.
 *
 * <p>Steps, in double-float arithmetic (a value is an unevaluated sum {@code hi + lo} of two floats,
 * each step in SLEEF's fused multiply-add form):
 * <ol>
 * <li>{@code l = log |x|} as SLEEF's {@code logkf}: {@link FloatLog}'s reduction ({@code |x| = m
 * 2^e}, m in [0.75, 1.5), subnormals scaled by 2^64 first; {@code z = (m - 1) / (m + 1)}), then
 * {@code e ln2 + 2z + z^3 (t(z^2) z^2 + c)} with every sum and product in double-float and a
 * double-float {@code c}, kept as head and tail.
 * <li>{@code d = l * y} (a double-float times a float).
 * <li>{@code exp d} as SLEEF's {@code expkf}: {@code q = rint(d log2 e)}; {@code s = d - q ln2} with
 * the two-part ln2 of {@link FloatExp}, normalized; {@code 1 + s + s^2 u(s)} with a degree-4
 * {@code u}; head plus tail scaled by {@code 2^q} as SLEEF's {@code vldexp} does it (four equal
 * powers of two, then the rest, so a subnormal result is rounded once); 0 where {@code d < -104}.
 * SLEEF rounds {@code q} with the CPU's float-to-int conversion; here {@code d log2 e} is first
 * clamped to ±{@value #Q_LIMIT} and rounded by adding and subtracting {@link FloatExp#SHIFTER}:
 * the same {@code q} wherever it is inside the limit, and beyond it SLEEF's result is infinity
 * (or a NaN, which the next step makes infinity) above and 0 below, as it is here.
 * <li>A NaN becomes +inf; then the sign: for {@code x > 0} as is, for other {@code x} negated if
 * {@code y} is an odd integer, kept if an even one, and PyTorch's NaN ({@code 0x7fc00000}) if
 * {@code y} is not an integer. A float is an integer when its magnitude is at least 2^23 or it is
 * unchanged by adding and subtracting 2^23; an integer below 2^24 is odd when its half is not an
 * integer (the same masks as SLEEF's truncations).
 * <li>Specials, later ones winning: {@code y = ±inf} gives 0, 1 or +inf as {@code (|x| - 1)} with
 * {@code y}'s sign is negative, zero or positive; {@code x = ±0} or {@code ±inf} gives 0 or +inf
 * (by the sign of {@code y}, flipped for a zero {@code x}), with {@code x}'s sign if {@code y} is
 * odd; a NaN {@code x} or {@code y} gives the all-ones NaN {@code 0xffffffff} (SLEEF ORs the mask
 * in); {@code y = ±0} or {@code x = 1} gives 1.
 * </ol>
 *
 * <p>Only PyTorch's vector code computes this (checked against PyTorch 1.13.1): the last {@code n %
 * 16} elements of a contiguous run go through its scalar code, which for a tensor exponent is
 * glibc's {@code powf} and for a scalar exponent {@code pow} in double of the element and the
 * exponent as the Python double it was given, rounded to float; its vector code rounds that
 * exponent to float first, as {@link VectorPow#powScalarFloat}'s caller does. For a scalar
 * exponent of 0.5, 2, 3, -0.5, -1 or -2 PyTorch runs other code (sqrt, products, reciprocals).
 */
final class FloatPow {
    /** SLEEF's coefficients of {@code logkf}'s {@code t}, highest degree first. */
    static final float LOG_T0 = 0.240320354700088500976562f;
    static final float LOG_T1 = 0.285112679004669189453125f;
    static final float LOG_T2 = 0.400007992982864379882812f;
    /** SLEEF's {@code c}, about 2/3, as a double-float. */
    static final float LOG_C_HI = 0.66666662693023681640625f;
    static final float LOG_C_LO = 3.69183861259614332084311e-09f;
    /** SLEEF's coefficients of {@code expkf}'s {@code u}, highest degree first. */
    static final float EXP_U0 = 0.00136324646882712841033936f;
    static final float EXP_U1 = 0.00836596917361021041870117f;
    static final float EXP_U2 = 0.0416710823774337768554688f;
    static final float EXP_U3 = 0.166665524244308471679688f;
    static final float EXP_U4 = 0.499999850988388061523438f;
    /** Below this {@code exp d} is 0. */
    static final float EXP_LOW = -104f;
    /** {@code d log2 e} is clamped to ± this before rounding (below 2^22, where the shifter rounds). */
    static final float Q_LIMIT = 0x1p22f;
    /** 2^23: floats of this magnitude and above are integers. */
    static final float WHOLE = 0x1p23f;
    /** 2^24: integers of this magnitude and above are even. */
    static final float EVEN = 0x1p24f;

    private FloatPow() {}

    static float pow(float x, float y) {
        // logkf(|x|): the reduction of FloatLog
        float ax = Math.abs(x);
        boolean subnormal = ax < Float.MIN_NORMAL;
        float a = subnormal ? ax * FloatLog.SUBNORMAL_SCALE : ax;
        int e = ((Float.floatToRawIntBits(a * FloatLog.THIRD_UP) >>> 23) & 0xff) - 0x7f;
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(a) + (-e << 23));
        float fe = subnormal ? e - 64 : e;
        float sx = FloatLog.LN2_HI * fe;
        float sy = Math.fma(FloatLog.LN2_LO, fe, Math.fma(FloatLog.LN2_HI, fe, -sx));
        float nx = -1f + m;
        float nv = nx + 1f;
        float ny = (-1f - (nx - nv)) + (m - nv);
        float dx = 1f + m;
        float dv = dx - 1f;
        float dy = (1f - (dx - dv)) + (m - dv);
        float t = 1f / dx;
        float zx = nx * t;
        float u = Math.fma(t, nx, -zx);
        float v = Math.fma(-dy, t, Math.fma(-dx, t, 1f));
        float zy = Math.fma(zx, v, Math.fma(ny, t, u));
        // z^2
        float z2x = zx * zx;
        float z2y = Math.fma(zx + zx, zy, Math.fma(zx, zx, -z2x));
        float p = Math.fma(Math.fma(LOG_T0, z2x, LOG_T1), z2x, LOG_T2);
        // e ln2 + 2z
        float hx = zx * 2f;
        float hy = zy * 2f;
        float s2x = sx + hx;
        float s2y = (((sx - s2x) + hx) + sy) + hy;
        // z^3 and (z^2 p + c)
        float z3x = z2x * zx;
        float z3y = Math.fma(z2x, zy, Math.fma(z2y, zx, Math.fma(z2x, zx, -z3x)));
        float bx = z2x * p;
        float by = Math.fma(z2y, p, Math.fma(z2x, p, -bx));
        float cx = bx + LOG_C_HI;
        v = cx - bx;
        float cy = ((bx - (cx - v)) + (LOG_C_HI - v)) + (by + LOG_C_LO);
        float wx = z3x * cx;
        float wy = Math.fma(z3x, cy, Math.fma(z3y, cx, Math.fma(z3x, cx, -wx)));
        float lx = s2x + wx;
        float ly = (((s2x - lx) + wx) + s2y) + wy;
        // d = l * y
        float ex = lx * y;
        float ey = Math.fma(ly, y, Math.fma(lx, y, -ex));
        // expkf(d): q, then s = d - q ln2 in two steps, normalized
        float qu = (ex + ey) * FloatExp.LOG2E;
        qu = qu > Q_LIMIT ? Q_LIMIT : qu;
        qu = qu < -Q_LIMIT ? -Q_LIMIT : qu;
        float shifted = qu + FloatExp.SHIFTER;
        float qf = shifted - FloatExp.SHIFTER;
        int q = Float.floatToRawIntBits(shifted) - FloatExp.SHIFTER_BITS;
        float pr = qf * -FloatExp.LN2_HI;
        float rx = ex + pr;
        v = rx - ex;
        float ry = ((ex - (rx - v)) + (pr - v)) + ey;
        pr = qf * -FloatExp.LN2_LO;
        float r2x = rx + pr;
        v = r2x - rx;
        float r2y = ((rx - (r2x - v)) + (pr - v)) + ry;
        float gx = r2x + r2y;
        float gy = (r2x - gx) + r2y;
        float w = Math.fma(EXP_U0, gx, EXP_U1);
        w = Math.fma(w, gx, EXP_U2);
        w = Math.fma(w, gx, EXP_U3);
        w = Math.fma(w, gx, EXP_U4);
        // s + s^2 w, then 1 + that
        float sqx = gx * gx;
        float sqy = Math.fma(gx + gx, gy, Math.fma(gx, gx, -sqx));
        float kx = sqx * w;
        float ky = Math.fma(sqy, w, Math.fma(sqx, w, -kx));
        float tx = gx + kx;
        float ty = (((gx - tx) + kx) + gy) + ky;
        float onex = 1f + tx;
        float oney = ((1f - onex) + tx) + ty;
        // vldexp: four equal powers of two 2^mq, then 2^(q - 4 mq)
        float f = onex + oney;
        int sign = q >> 31;
        int mq = (((sign + q) >> 6) - sign) << 4;
        int rest = q - (mq << 2);
        int biased = mq + 0x7f;
        biased = Math.min(Math.max(biased, 0), 0xff);
        float scale = Float.intBitsToFloat(biased << 23);
        f = f * scale * scale * scale * scale * Float.intBitsToFloat((rest + 0x7f) << 23);
        float result = ex < EXP_LOW ? 0f : f;
        // the sign, then the specials
        result = result != result ? Float.POSITIVE_INFINITY : result;
        float ay = Math.abs(y);
        boolean yInt = ay >= WHOLE || (ay + WHOLE) - WHOLE == ay;
        float half = ay * 0.5f;
        boolean yOdd = ay < EVEN && yInt && (half + WHOLE) - WHOLE != half;
        boolean notPositive = !(x > 0);
        result = notPositive && yOdd ? -result : result;
        result = notPositive && !yInt ? Float.NaN : result;
        if (ay == Float.POSITIVE_INFINITY) {
            // |x| - 1 with y's sign
            float efx = Float.intBitsToFloat(Float.floatToRawIntBits(ax - 1f)
                    ^ (Float.floatToRawIntBits(y) & Integer.MIN_VALUE));
            result = efx < 0 ? 0f : efx == 0 ? 1f : Float.POSITIVE_INFINITY;
        }
        if (ax == Float.POSITIVE_INFINITY || x == 0) {
            float magnitude = (x == 0 ? -y : y) < 0 ? 0f : Float.POSITIVE_INFINITY;
            result = yOdd ? Math.copySign(magnitude, x) : magnitude;
        }
        if (x != x || y != y) {
            result = FloatLog1p.ALL_ONES;
        }
        return y == 0 || x == 1 ? 1f : result;
    }
}
