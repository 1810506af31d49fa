package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatExpTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
        88.72283f, 88.722839f, 88.7229f, 89f, 89.5f, -87.33655f, -87.3366f, -103.2789f, -103.972f, -103.9721f,
        -104f, -104.5f, -150f, 1e-8f, -1e-8f, 0.34657359f, -0.34657359f, 0.5f, 10f, -10f};

    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 3 == 0 ? (float) r.nextGaussian() : (float) (r.nextDouble() * 200 - 108);
        }
        return x;
    }

    @Test
    void exp_specialValues_asIeeeExp() {
        for (float x : SPECIAL) {
            assertEquals((float) Math.exp(x), FloatExp.exp(x), "exp(" + x + ")");
        }
    }

    @Test
    void exp_randomFloats_correctlyRoundedButForRareTies() {
        float[] x = inputs(2_000_000, 1);
        int differ = 0;
        for (float v : x) {
            float want = (float) Math.exp(v);
            float got = FloatExp.exp(v);
            if (Float.compare(want, got) != 0) {
                differ++;
                assertTrue(Math.abs(want - got) <= Math.ulp(want), "exp(" + v + ") = " + got + ", not " + want);
            }
        }
        assertTrue(differ <= 2, differ + " of 2M results differ from the correctly rounded exp");
    }

    @Test
    void vectorExp_compiledOrNot_sameBitsAsPlainLoop() {
        int n = 1 << 14;
        float[] x = inputs(n + 13, 2);
        float[] want = new float[n];
        for (int i = 0; i < n; i++) {
            want[i] = FloatExp.exp(x[5 + i]);
        }
        // enough rounds for the JIT to compile the vector loop part way through
        for (int round = 0; round < 300; round++) {
            float[] out = new float[n];
            VectorKernels.unary(Kernels.UnaryOp.EXP, x, 5, out, 0, n);
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(out[i]) && !(Float.isNaN(want[i]) && Float.isNaN(out[i]))) {
                    throw new AssertionError("round " + round + ": exp(" + x[5 + i] + ") = " + out[i] + ", plain loop " + want[i]);
                }
            }
        }
    }
}
