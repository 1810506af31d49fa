package jtorch.internal.kernels;

/**
 * float32 {@code log} as PyTorch 1.13 computes it on the CPU: SLEEF's {@code xlogf_u1} (the
 * {@code Sleef_logf8_u10} behind {@code Vectorized<float>::log}, AVX2 with fused multiply-adds;
 * SLEEF is under the Boost Software License 1.0), so results are PyTorch's bit for bit and within
 * 1 ulp of the exact value. Defined once for the plain and the vector loops: {@link
 * VectorLog#logFloat} runs the same IEEE float operations in the same order lane by lane.
 *
 * <p>Steps: a subnormal {@code d} is scaled by 2^64 first; {@code e} is the exponent of
 * {@code d / 0.75} and {@code m = d / 2^e} (in [0.75, 1.5), by adding {@code -e} to the exponent
 * bits); {@code x = (m - 1) / (m + 1)} as a double-float (head and tail); then {@code log d =
 * e ln2 + 2x + x^3 t(x^2)}, with {@code e ln2} as a double-float from a two-part ln2, the sums
 * in double-float arithmetic and {@code t} SLEEF's degree-2 polynomial; head plus tail. Then
 * {@code +inf} for {@code +inf}, NaN below zero and for NaN, {@code -inf} for ±0.
 */
final class FloatLog {
    /** ln2 in two floats, head and tail. */
    static final float LN2_HI = 0.69314718246459960938f;
    static final float LN2_LO = -1.904654323148236017e-09f;
    /** SLEEF's coefficients of {@code t}, highest degree first. */
    static final float C0 = 0.3027294874f;
    static final float C1 = 0.3996108174f;
    static final float C2 = 0.6666694880f;
    /** 2^64: scales a subnormal into the normal range. */
    static final float SUBNORMAL_SCALE = 0x1p64f;
    static final float THIRD_UP = 1.0f / 0.75f;

    private FloatLog() {}

    static float log(float d) {
        boolean subnormal = d < Float.MIN_NORMAL;
        float a = subnormal ? d * SUBNORMAL_SCALE : d;
        int e = ((Float.floatToRawIntBits(a * THIRD_UP) >>> 23) & 0xff) - 0x7f;
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(a) + (-e << 23));
        float fe = subnormal ? e - 64 : e;
        // e ln2 as a double-float
        float sx = LN2_HI * fe;
        float sy = Math.fma(LN2_LO, fe, Math.fma(LN2_HI, fe, -sx));
        // (m - 1) and (m + 1) as double-floats, then their quotient
        float nx = -1f + m;
        float nv = nx + 1f;
        float ny = (-1f - (nx - nv)) + (m - nv);
        float dx = 1f + m;
        float dv = dx - 1f;
        float dy = (1f - (dx - dv)) + (m - dv);
        float t = 1f / dx;
        float qx = nx * t;
        float u = Math.fma(t, nx, -qx);
        float v = Math.fma(-dy, t, Math.fma(-dx, t, 1f));
        float qy = Math.fma(qx, v, Math.fma(ny, t, u));
        float x2 = qx * qx;
        float p = Math.fma(Math.fma(C0, x2, C1), x2, C2);
        // e ln2 + 2x, then + x^3 t
        float hx = qx * 2f;
        float hy = qy * 2f;
        float s2x = sx + hx;
        float s2y = (((sx - s2x) + hx) + sy) + hy;
        float w = x2 * qx * p;
        float s3x = s2x + w;
        float s3y = ((s2x - s3x) + w) + s2y;
        float r = s3x + s3y;
        if (d == Float.POSITIVE_INFINITY) {
            return Float.POSITIVE_INFINITY;
        }
        if (d < 0 || d != d) {
            return Float.NaN;
        }
        return d == 0 ? Float.NEGATIVE_INFINITY : r;
    }
}
