package jtorch.internal.kernels;

/**
 * float32 {@code tanh} as PyTorch 1.13 computes it on the CPU: SLEEF 3.5.1's {@code xtanhf} (the
 * {@code Sleef_tanhf8_u10} behind {@code Vectorized<float>::tanh}, which ATen's {@code tanh_vml_cpu}
 * applies to every element, contiguous or not, tail included; SLEEF is under the Boost Software
 * License 1.0), so results are PyTorch's bit for bit and within 1 ulp of the exact value (the double
 * {@code Math.tanh} rounded to float differs from PyTorch's in about 0.15 % of floats). Defined once
 * for the plain and the vector loops: {@link VectorTanh#forward} runs the same IEEE float
 * operations in the same order lane by lane.
 *
 * <p>Steps, in double-float arithmetic (a value is an unevaluated sum {@code hi + lo} of two floats,
 * each step in SLEEF's fused multiply-add form): {@code e = exp(|x|)} ({@code q = rint(|x| log2 e)}
 * rounded as {@link FloatExp} rounds it, {@code s = |x| - q ln2} with its two-part ln2, a degree-6
 * polynomial of {@code s}, scaled by {@code 2^q} in two halves), {@code r = 1 / e}, then
 * {@code (e - r) / (e + r)} rounded once to float. Above {@value #SATURATION} in magnitude the
 * result is 1 (where {@code q} and the polynomial are meaningless); the sign is the input's, so
 * {@code -0.0} stays {@code -0.0}; NaN stays NaN.
 */
final class FloatTanh {
    static final float SATURATION = 8.664339742f;
    /** SLEEF's coefficients of the polynomial of {@code s} in {@code exp}'s core, highest degree first. */
    static final float P0 = 0.1980960224e-3f;
    static final float P1 = 0.1394256484e-2f;
    static final float P2 = 0.8333456703e-2f;
    static final float P3 = 0.4166637361e-1f;
    static final float P4 = 0.166666659414234244790680580464f;
    static final float P5 = 0.5f;

    private FloatTanh() {}

    static float tanh(float x) {
        float a = Math.abs(x);
        // e = exp(a) as eh + el
        float shifted = a * FloatExp.LOG2E + FloatExp.SHIFTER;
        float qf = shifted - FloatExp.SHIFTER;
        int q = Float.floatToRawIntBits(shifted) - FloatExp.SHIFTER_BITS;
        // s = a - q ln2 (dfadd2 of (a, 0) and the float product, twice)
        float p = qf * -FloatExp.LN2_HI;
        float sh = a + p;
        float v = sh - a;
        float sl = (a - (sh - v)) + (p - v);
        p = qf * -FloatExp.LN2_LO;
        float th = sh + p;
        v = th - sh;
        float tl = (sh - (th - v)) + (p - v) + sl;
        sh = th;
        sl = tl;
        float u = Math.fma(P0, sh, P1);
        u = Math.fma(u, sh, P2);
        u = Math.fma(u, sh, P3);
        // t = s * u + P4 (dfmul by a float, dfadd2 of a float)
        float mh = sh * u;
        float ml = Math.fma(sl, u, Math.fma(sh, u, -mh));
        th = mh + P4;
        v = th - mh;
        tl = (mh - (th - v)) + (P4 - v) + ml;
        // t = s * t + P5
        mh = sh * th;
        ml = Math.fma(sh, tl, Math.fma(sl, th, Math.fma(sh, th, -mh)));
        th = mh + P5;
        v = th - mh;
        tl = (mh - (th - v)) + (P5 - v) + ml;
        // t = s + s^2 * t
        float qh = sh * sh;
        float ql = Math.fma(sh + sh, sl, Math.fma(sh, sh, -qh));
        mh = qh * th;
        ml = Math.fma(qh, tl, Math.fma(ql, th, Math.fma(qh, th, -mh)));
        float rh = sh + mh;
        v = rh - sh;
        float rl = (sh - (rh - v)) + (mh - v) + (sl + ml);
        // t = 1 + t
        float eh = 1f + rh;
        float el = ((1f - eh) + rh) + rl;
        int half = q >> 1;
        float scale0 = powerOfTwo(half);
        float scale1 = powerOfTwo(q - half);
        eh = eh * scale0 * scale1;
        el = el * scale0 * scale1;
        // r = 1 / e
        float ih = 1f / eh;
        float il = ih * Math.fma(-el, ih, Math.fma(-eh, ih, 1f));
        // n = e - r, d = e + r (dfadd: |e| >= |r|)
        float nh = eh + -ih;
        float nl = (eh - nh) + -ih + el + -il;
        float dh = eh + ih;
        float dl = (eh - dh) + ih + el + il;
        // n / d
        float t = 1f / dh;
        float yh = nh * t;
        float w = Math.fma(t, nh, -yh);
        float yl = Math.fma(-dl, t, Math.fma(-dh, t, 1f));
        yl = Math.fma(yh, yl, Math.fma(nl, t, w));
        float y = yh + yl;
        if (a > SATURATION || y != y) {
            y = 1f;
        }
        return x != x ? x : Math.copySign(y, x);
    }

    /** {@code 2^e} for {@code e} in the normal range. */
    private static float powerOfTwo(int e) {
        return Float.intBitsToFloat((e + 127) << 23);
    }
}
