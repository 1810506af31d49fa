package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FloatLog} against the installed PyTorch's {@code torch.log} bit for bit (random bit
 * patterns over every positive float, values near 1, negatives and the specials), through the
 * plain per-element code and through {@link Kernels#unary} (the vector loop once compiled); and
 * {@link VectorLog}'s loop against the plain code while the JIT compiles it.
 */
class FloatLogTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Float.MAX_VALUE,
        0.75f, Math.nextDown(0.75f), 1.5f, Math.nextDown(1.5f), 2f, 0.5f, 1e-30f, -1e-30f};

    @TempDir
    Path dir;

    /** Specials first, then positive floats of random bits, values in [0.5, 2) and a few negatives. */
    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 4 == 0 ? (float) (0.5 + 1.5 * r.nextDouble())
                    : i % 101 == 0 ? -r.nextFloat() : Float.intBitsToFloat(r.nextInt(0x7f800000));
        }
        return x;
    }

    @Test
    void log_matchesPyTorchBitForBit() throws Exception {
        float[] x = inputs(400_000, 1);
        float[] torch = LivePyTorch.floatFunction("log", x, dir);
        float[] kernel = new float[x.length];
        Kernels.unary(UnaryOp.LOG, x, 0, kernel, 0, x.length);
        int plainDiffer = 0;
        int kernelDiffer = 0;
        for (int i = 0; i < x.length; i++) {
            plainDiffer += Float.floatToIntBits(FloatLog.log(x[i])) == Float.floatToIntBits(torch[i]) ? 0 : 1;
            kernelDiffer += Float.floatToIntBits(kernel[i]) == Float.floatToIntBits(torch[i]) ? 0 : 1;
        }
        assertEquals(0, plainDiffer, "FloatLog.log against torch.log, of " + x.length);
        assertEquals(0, kernelDiffer, "Kernels.unary(LOG) against torch.log, of " + x.length);
    }

    @Test
    void vectorLog_compiledOrNot_sameBitsAsPlainCode() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernels.VECTOR, "the Vector API module is not in this JVM");
        int n = 1 << 14;
        float[] x = inputs(n + 13, 2);
        // enough rounds for the JIT to compile the vector loop part way through
        for (int round = 0; round < 300; round++) {
            float[] out = new float[n];
            int done = VectorLog.logFloat(x, 5, out, 0, n);
            for (int i = 0; i < done; i++) {
                float want = FloatLog.log(x[5 + i]);
                if (Float.floatToIntBits(want) != Float.floatToIntBits(out[i])) {
                    throw new AssertionError("round " + round + ": log(" + x[5 + i] + ") = " + out[i] + ", plain " + want);
                }
            }
        }
    }
}
