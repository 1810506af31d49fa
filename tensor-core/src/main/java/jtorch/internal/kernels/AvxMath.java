package jtorch.internal.kernels;

/**
 * Scalar float re-creations of the vector math PyTorch's AVX2 {@code normal_fill} uses (the
 * cephes-style {@code log256_ps} and {@code sincos256_ps}), evaluated step by step in float with
 * the fused multiply-adds the compiler forms in that build, so that {@code torch.randn} of 16 or
 * more float32 values reproduces PyTorch bit for bit.
 */
public final class AvxMath {
    static final float SQRT_HALF = 0.707106781186547524f;
    /** Coefficients of the log polynomial, highest degree first. */
    static final float[] LOG_P = {
        7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f,
        -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f,
    };
    /** log(2) split into a small and an exactly representable large part. */
    static final float LOG_Q1 = -2.12194440e-4f;
    static final float LOG_Q2 = 0.693359375f;
    /** pi/4 split in three parts (negated) for the extended-precision range reduction. */
    static final float DP1 = -0.78515625f;
    static final float DP2 = -2.4187564849853515625e-4f;
    static final float DP3 = -3.77489497744594108e-8f;
    static final float SIN_P0 = -1.9515295891E-4f;
    static final float SIN_P1 = 8.3321608736E-3f;
    static final float SIN_P2 = -1.6666654611E-1f;
    static final float COS_P0 = 2.443315711809948E-005f;
    static final float COS_P1 = -1.388731625493765E-003f;
    static final float COS_P2 = 4.166664568298827E-002f;
    static final float FOUR_OVER_PI = 1.27323954473516f;
    static final float TWO_PI = (float) (2.0 * Math.PI);
    static final int SIGN = 0x80000000;

    private AvxMath() {}

    /** Groups of vector Box-Muller blocks per call between cancellation checks. */
    private static final int GROUPS_PER_CALL = 256;

    /**
     * {@link #boxMuller16} over {@code blocks} consecutive blocks from {@code d[o]}: groups of blocks
     * by {@link VectorKernels#boxMuller} once the vector kernels are compiled (the same float
     * operations lane by lane, so the same bits), the rest block by block.
     */
    public static void boxMuller16Blocks(float[] d, int o, int blocks, float mean, float std) {
        int group = Kernels.vectorBoxMullerBlocks();
        int b = 0;
        if (group > 0) {
            int groups = blocks / group;
            for (int first = 0; first < groups; first += GROUPS_PER_CALL) {
                Cancellation.check();
                Kernels.boxMuller(d, o + 16 * group * first, Math.min(GROUPS_PER_CALL, groups - first), mean, std);
            }
            b = groups * group;
        }
        for (; b < blocks; b++) {
            Cancellation.checkEvery(b);
            boxMuller16(d, o + 16 * b, mean, std);
        }
    }

    /**
     * Box-Muller over one block of 16 uniforms in {@code d[o..o+15]}: element {@code j} and
     * {@code j + 8} become the cosine and sine samples of the pair.
     */
    public static void boxMuller16(float[] d, int o, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - d[o + j];
            float u2 = d[o + j + 8];
            float radius = (float) Math.sqrt(-2f * log(u1));
            float theta = TWO_PI * u2;
            float n1 = radius * cos(theta);
            float n2 = radius * sin(theta);
            d[o + j] = Math.fma(n1, std, mean);
            d[o + j + 8] = Math.fma(n2, std, mean);
        }
    }

    /** Natural log: exponent split, a degree-9 polynomial in the mantissa, NaN for {@code x <= 0}. */
    public static float log(float x) {
        if (!(x > 0)) {
            return Float.NaN;
        }
        int bits = Float.floatToRawIntBits(Math.max(x, Float.MIN_NORMAL));
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        // mantissa scaled into [0.5, 1)
        float m = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        boolean small = m < SQRT_HALF;
        float r = m - 1f;
        if (small) {
            e -= 1f;
            r += m;
        }
        float z = r * r;
        float y = LOG_P[0];
        for (int i = 1; i < LOG_P.length; i++) {
            y = Math.fma(y, r, LOG_P[i]);
        }
        y = y * r;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        return Math.fma(e, LOG_Q2, r + y);
    }

    /** Sine of a non-negative-or-negative float, cephes {@code sinf} in AVX2 form. */
    public static float sin(float x) {
        return sinCos(x, true);
    }

    /** Cosine, cephes {@code cosf} as computed by {@code sincos256_ps}. */
    public static float cos(float x) {
        return sinCos(x, false);
    }

    private static float sinCos(float x, boolean wantSin) {
        int signSin = Float.floatToRawIntBits(x) & SIGN;
        float a = Math.abs(x);
        int j = ((int) (a * FOUR_OVER_PI) + 1) & ~1;
        float y = j;
        signSin ^= (j & 4) << 29;
        int signCos = (~(j - 2) & 4) << 29;
        boolean sinPoly = (j & 2) == 0;
        a = Math.fma(y, DP1, a);
        a = Math.fma(y, DP2, a);
        a = Math.fma(y, DP3, a);
        float z = a * a;
        float c = Math.fma(Math.fma(COS_P0, z, COS_P1), z, COS_P2);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f)) + 1f;
        float s = Math.fma(Math.fma(SIN_P0, z, SIN_P1), z, SIN_P2);
        s = s * z;
        s = Math.fma(s, a, a);
        // the vector code blends the branches by masking and adding, which turns -0 into +0
        float sinValue = (sinPoly ? s : c) + 0f;
        float cosValue = (sinPoly ? c : s) + 0f;
        return wantSin ? Float.intBitsToFloat(Float.floatToRawIntBits(sinValue) ^ signSin)
                : Float.intBitsToFloat(Float.floatToRawIntBits(cosValue) ^ signCos);
    }
}
