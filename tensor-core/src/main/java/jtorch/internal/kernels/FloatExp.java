package jtorch.internal.kernels;

/**
 * float32 {@code exp} as PyTorch 1.13 computes it on the CPU: SLEEF 3.5.1's {@code xexpf} (the
 * {@code Sleef_expf8_u10} behind {@code Vectorized<float>::exp}, which serves contiguous, strided
 * and in-place exp alike; SLEEF is under the Boost Software License 1.0), so results are
 * PyTorch's bit for bit and within 1 ulp of the exact value. Defined once for the plain and the
 * vector loops: {@link VectorKernels#expFloat} runs the same IEEE float operations in the same
 * order lane by lane, so a result never depends on which loop ran or whether it was compiled.
 *
 * <p>Steps: {@code q = rint(x * log2(e))} (the float product, rounded to an integer by adding and
 * subtracting {@link #SHIFTER}, which leaves {@code q} in the sum's low bits); {@code s = x - q ln2}
 * by two fused multiply-adds with a two-part ln2; {@code u = 1 + (s + s^2 p(s))} with SLEEF's
 * degree-5 polynomial {@code p} in Horner's order; {@code u * 2^(q >> 1) * 2^(q - (q >> 1))} (two
 * normal powers of two, so a subnormal result is rounded once). Below {@value #LOW} the result is
 * 0, above {@value #HIGH} infinity, NaN stays NaN; in between, underflow and overflow come out of
 * the scaling as IEEE rounding gives them. For |x| beyond those bounds the intermediate values are
 * meaningless and replaced.
 */
final class FloatExp {
    static final float LOW = -104f;
    static final float HIGH = 100f;
    static final float LOG2E = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    /** 1.5 * 2^23: adding it rounds a float below 2^22 in magnitude to an integer (ties to even), kept in the low bits. */
    static final float SHIFTER = 0x1.8p23f;
    static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.428606765330187045e-06f;
    /** SLEEF's coefficients of {@code p}, highest degree first. */
    static final float C0 = 0.000198527617612853646278381f;
    static final float C1 = 0.00139304355252534151077271f;
    static final float C2 = 0.00833336077630519866943359f;
    static final float C3 = 0.0416664853692054748535156f;
    static final float C4 = 0.166666671633720397949219f;
    static final float C5 = 0.5f;

    private FloatExp() {}

    static float exp(float x) {
        float shifted = x * LOG2E + SHIFTER;
        float k = shifted - SHIFTER;
        int q = Float.floatToRawIntBits(shifted) - SHIFTER_BITS;
        float s = Math.fma(k, -LN2_HI, x);
        s = Math.fma(k, -LN2_LO, s);
        float u = Math.fma(C0, s, C1);
        u = Math.fma(u, s, C2);
        u = Math.fma(u, s, C3);
        u = Math.fma(u, s, C4);
        u = Math.fma(u, s, C5);
        u = Math.fma(s * s, u, s) + 1f;
        int half = q >> 1;
        u = u * powerOfTwo(half) * powerOfTwo(q - half);
        if (x < LOW) {
            return 0f;
        }
        if (x > HIGH) {
            return Float.POSITIVE_INFINITY;
        }
        return x != x ? x : u;
    }

    /** {@code 2^e} for {@code e} in the normal range. */
    private static float powerOfTwo(int e) {
        return Float.intBitsToFloat((e + 127) << 23);
    }
}
