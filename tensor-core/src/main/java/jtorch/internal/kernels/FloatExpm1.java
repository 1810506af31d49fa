package jtorch.internal.kernels;

/**
 * float32 {@code expm1} as PyTorch 1.13 computes it on the CPU: SLEEF 3.5.1's {@code xexpm1f} (the
 * {@code Sleef_expm1f8_u10} behind {@code Vectorized<float>::expm1}, which ATen's vml kernel applies
 * to every element, tail included; SLEEF is under the Boost Software License 1.0), so results are
 * PyTorch's bit for bit and within 1 ulp of the exact value. Defined once for the plain and the
 * vector loops: {@link VectorExpm1#expm1Float} runs the same IEEE float operations in the same order
 * lane by lane.
 *
 * <p>Steps, in double-float arithmetic (a value is an unevaluated sum {@code hi + lo} of two floats,
 * each step in SLEEF's fused multiply-add form): {@code e = exp(x)} as SLEEF's {@code expk2f}, the
 * same steps as {@link FloatTanh}'s exponential ({@code q = rint(x log2 e)} rounded as {@link
 * FloatExp} rounds it, {@code s = x - q ln2} with its two-part ln2, a degree-6 polynomial of
 * {@code s}, both parts scaled by {@code 2^q} in two halves); then {@code e - 1} by a two-sum, head
 * plus tail rounded once to float. Above {@value #OVERFLOW} the result is infinity, below
 * {@value #SATURATION} it is -1 (where {@code q} and the polynomial are meaningless), {@code -0.0}
 * stays {@code -0.0}, and a NaN comes back quieted with its sign and payload, as x86 arithmetic
 * hands it through SLEEF (chosen explicitly here, as the JIT may reorder the operands of a sum).
 */
final class FloatExpm1 {
    /** Above this, {@code expm1} overflows. */
    static final float OVERFLOW = 88.72283172607421875f;
    /** Below this, {@code expm1} rounds to -1. */
    static final float SATURATION = -16.635532333438687426013570f;
    /** The bits of {@code -0.0f}, which stays itself. */
    static final int NEGATIVE_ZERO_BITS = 0x80000000;
    /** The quiet bit of a NaN: set in the NaN a NaN input gives. */
    static final int QUIET_BIT = 0x00400000;

    private FloatExpm1() {}

    static float expm1(float x) {
        // q = rint(x log2 e); s = x - q ln2 (dfadd2 of (x, 0) and the float product, twice)
        float shifted = x * FloatExp.LOG2E + FloatExp.SHIFTER;
        float qf = shifted - FloatExp.SHIFTER;
        int q = Float.floatToRawIntBits(shifted) - FloatExp.SHIFTER_BITS;
        float p = qf * -FloatExp.LN2_HI;
        float sh = x + p;
        float v = sh - x;
        float sl = (x - (sh - v)) + (p - v);
        p = qf * -FloatExp.LN2_LO;
        float th = sh + p;
        v = th - sh;
        float tl = (sh - (th - v)) + (p - v) + sl;
        sh = th;
        sl = tl;
        float u = Math.fma(FloatTanh.P0, sh, FloatTanh.P1);
        u = Math.fma(u, sh, FloatTanh.P2);
        u = Math.fma(u, sh, FloatTanh.P3);
        // t = s * u + P4 (dfmul by a float, dfadd2 of a float)
        float mh = sh * u;
        float ml = Math.fma(sl, u, Math.fma(sh, u, -mh));
        th = mh + FloatTanh.P4;
        v = th - mh;
        tl = (mh - (th - v)) + (FloatTanh.P4 - v) + ml;
        // t = s * t + P5
        mh = sh * th;
        ml = Math.fma(sh, tl, Math.fma(sl, th, Math.fma(sh, th, -mh)));
        th = mh + FloatTanh.P5;
        v = th - mh;
        tl = (mh - (th - v)) + (FloatTanh.P5 - v) + ml;
        // t = s + s^2 * t
        float qh = sh * sh;
        float ql = Math.fma(sh + sh, sl, Math.fma(sh, sh, -qh));
        mh = qh * th;
        ml = Math.fma(qh, tl, Math.fma(ql, th, Math.fma(qh, th, -mh)));
        float rh = sh + mh;
        v = rh - sh;
        float rl = (sh - (rh - v)) + (mh - v) + (sl + ml);
        // e = (1 + t) * 2^q
        float eh = 1f + rh;
        float el = ((1f - eh) + rh) + rl;
        int half = q >> 1;
        float scale0 = Float.intBitsToFloat((half + 127) << 23);
        float scale1 = Float.intBitsToFloat((q - half + 127) << 23);
        eh = eh * scale0 * scale1;
        el = el * scale0 * scale1;
        // e - 1 (dfadd2 of a float)
        float dh = eh + -1f;
        v = dh - eh;
        float dl = (eh - (dh - v)) + (-1f - v) + el;
        float y = dh + dl;
        if (x > OVERFLOW) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < SATURATION) {
            return -1f;
        }
        if (x != x) {
            return quiet(x);
        }
        return Float.floatToRawIntBits(x) == NEGATIVE_ZERO_BITS ? -0f : y;
    }

    /** {@code nan} with its quiet bit set, sign and payload kept. */
    static float quiet(float nan) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(nan) | QUIET_BIT);
    }
}
