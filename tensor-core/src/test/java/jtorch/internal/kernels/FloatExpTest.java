package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FloatExp} against the installed PyTorch's {@code torch.exp} (bit for bit), against
 * {@link StrictMath#exp} (within 1 ulp, over random floats, a sweep of float bit patterns, and
 * the overflow, underflow, subnormal and NaN edges), and its vector loop against the plain one
 * (bit for bit, interpreted, while the JIT compiles it, and compiled).
 */
class FloatExpTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
        -Float.MAX_VALUE, 88.72283f, 88.722839f, 88.7229f, 89f, 89.5f, 99.99f, 100f, 100.01f, 1e30f, -1e30f,
        -87.33655f, -87.3366f, -103.2789f, -103.972f, -103.9721f, -104f, -104.01f, -104.5f, -150f, 1e-8f, -1e-8f,
        0.34657359f, -0.34657359f, 0.5f, 10f, -10f, 0x1p22f, -0x1p22f, 0x1.fffffep21f};

    @TempDir
    Path dir;

    /** Specials first, then Gaussians and uniform floats over [-110, 110] (overflow, subnormal and zero results). */
    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 3 == 0 ? (float) r.nextGaussian() : (float) (r.nextDouble() * 220 - 110);
        }
        return x;
    }

    /** Every {@code step}-th float bit pattern of magnitude below 110, both signs. */
    private static float[] sweep(int step) {
        int top = Float.floatToRawIntBits(110f);
        float[] x = new float[2 * (top / step + 1)];
        int k = 0;
        for (int bits = 0; bits < top; bits += step) {
            x[k++] = Float.intBitsToFloat(bits);
            x[k++] = Float.intBitsToFloat(bits | Integer.MIN_VALUE);
        }
        return java.util.Arrays.copyOf(x, k);
    }

    private static boolean sameBits(float want, float got) {
        return Float.floatToIntBits(want) == Float.floatToIntBits(got);
    }

    @Test
    void exp_specialValues_asIeeeExp() {
        assertEquals(1f, FloatExp.exp(0f));
        assertEquals(1f, FloatExp.exp(-0f));
        assertEquals(1f, FloatExp.exp(Float.MIN_VALUE));
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(Float.MAX_VALUE));
        assertEquals(0f, FloatExp.exp(-Float.MAX_VALUE));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(88.7229f));
        assertEquals(0f, FloatExp.exp(-104.5f));
        assertEquals(Float.MIN_VALUE, FloatExp.exp(-103.2789f));
    }

    @Test
    void exp_manyFloats_withinOneUlpOfStrictMath() {
        for (float[] x : new float[][] {inputs(2_000_000, 1), sweep(4099)}) {
            for (float v : x) {
                float got = FloatExp.exp(v);
                double exact = StrictMath.exp(v);
                float rounded = (float) exact;
                if (Float.isNaN(v) || rounded == 0 || Float.isInfinite(rounded)) {
                    assertTrue(sameBits(rounded, got), "exp(" + v + ") = " + got + ", not " + rounded);
                } else {
                    assertTrue(Math.abs(got - exact) <= Math.ulp(rounded), "exp(" + v + ") = " + got + ", exact " + exact);
                }
            }
        }
    }

    @Test
    void exp_matchesPyTorchBitForBit() throws Exception {
        float[] random = inputs(300_000, 3);
        float[] swept = sweep(40_009);
        float[] x = java.util.Arrays.copyOf(random, random.length + swept.length);
        System.arraycopy(swept, 0, x, random.length, swept.length);
        float[] torch = LivePyTorch.floatFunction("exp", x, dir);
        float[] ours = new float[x.length];
        Kernels.unary(UnaryOp.EXP, x, 0, ours, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            float plain = FloatExp.exp(x[i]);
            assertTrue(sameBits(torch[i], plain), "exp(" + x[i] + ") = " + plain + ", torch.exp " + torch[i]);
            assertTrue(sameBits(torch[i], ours[i]), "kernel exp(" + x[i] + ") = " + ours[i] + ", torch.exp " + torch[i]);
        }
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
            VectorUnary.unary(UnaryOp.EXP, x, 5, out, 0, n);
            for (int i = 0; i < n; i++) {
                if (!sameBits(want[i], out[i])) {
                    throw new AssertionError("round " + round + ": exp(" + x[5 + i] + ") = " + out[i] + ", plain loop " + want[i]);
                }
            }
        }
    }
}
