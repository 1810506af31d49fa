package jtorch.internal.kernels;

/**
 * float32 {@code log1p} as PyTorch 1.13 computes it on the CPU: SLEEF 3.5.1's {@code xlog1pf} (the
 * {@code Sleef_log1pf8_u10} behind {@code Vectorized<float>::log1p}, which ATen's vml kernel applies
 * to every element, tail included; SLEEF is under the Boost Software License 1.0), so results are
 * PyTorch's bit for bit and within 1 ulp of the exact value. Defined once for the plain and the
 * vector loops: {@link VectorLog1p#log1pFloat} runs the same IEEE float operations in the same
 * order lane by lane.
 *
 * <p>Steps: {@code e} is the exponent of {@code (d + 1) / 0.75} (the float sum); {@code m = d 2^-e
 * + (2^-e - 1)} by one fused multiply-add, so that {@code 1 + m = (1 + d) / 2^e} in [0.75, 1.5)
 * without the rounding of {@code d + 1}; {@code x = m / (2 + m)} as a double-float (head and tail);
 * then, as {@link FloatLog}, {@code log1p d = e ln2 + 2x + x^3 t(x^2)} with {@code e ln2} a
 * double-float from the two-part ln2, the sums in double-float arithmetic and {@code t} the same
 * degree-2 polynomial; head plus tail. Then infinity above {@value #HUGE} (SLEEF's bound), below
 * -1 the NaN of all one bits (SLEEF's mask), {@code -inf} at -1, {@code -0.0} stays {@code -0.0}, a
 * NaN comes back as {@link FloatExpm1#quiet} gives it. SLEEF scales a subnormal {@code d + 1}
 * first; that happens only for {@code d <= -1}, whose results are replaced, so the scaling is left
 * out.
 */
final class FloatLog1p {
    static final float HUGE = 1e38f;
    /** The NaN SLEEF gives below -1: all 32 bits set. */
    static final float ALL_ONES = Float.intBitsToFloat(-1);

    private FloatLog1p() {}

    static float log1p(float d) {
        float dp1 = d + 1f;
        int e = ((Float.floatToRawIntBits(dp1 * FloatLog.THIRD_UP) >>> 23) & 0xff) - 0x7f;
        float t = Float.intBitsToFloat(Float.floatToRawIntBits(1f) + (-e << 23));
        float m = Math.fma(d, t, t - 1f);
        float fe = e;
        // e ln2 as a double-float
        float sx = FloatLog.LN2_HI * fe;
        float sy = Math.fma(FloatLog.LN2_LO, fe, Math.fma(FloatLog.LN2_HI, fe, -sx));
        // 2 + m as a double-float, then m over it (the numerator's tail is 0)
        float dx = 2f + m;
        float dy = (2f - dx) + m;
        float r = 1f / dx;
        float qx = m * r;
        float u = Math.fma(r, m, -qx);
        float v = Math.fma(-dy, r, Math.fma(-dx, r, 1f));
        float qy = Math.fma(qx, v, u);
        float x2 = qx * qx;
        float p = Math.fma(Math.fma(FloatLog.C0, x2, FloatLog.C1), x2, FloatLog.C2);
        // e ln2 + 2x, then + x^3 t
        float hx = qx * 2f;
        float hy = qy * 2f;
        float s2x = sx + hx;
        float s2y = (((sx - s2x) + hx) + sy) + hy;
        float w = x2 * qx * p;
        float s3x = s2x + w;
        float s3y = ((s2x - s3x) + w) + s2y;
        float y = s3x + s3y;
        if (d > HUGE) {
            return Float.POSITIVE_INFINITY;
        }
        if (d < -1f) {
            return ALL_ONES;
        }
        if (d != d) {
            return FloatExpm1.quiet(d);
        }
        if (d == -1f) {
            return Float.NEGATIVE_INFINITY;
        }
        return Float.floatToRawIntBits(d) == FloatExpm1.NEGATIVE_ZERO_BITS ? -0f : y;
    }
}
