package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link VectorUnary}'s loops against {@link PlainUnary}'s for every {@link UnaryOp} bit for bit,
 * interpreted and while the JIT compiles them (PlainUnaryTest checks those against {@code apply}); the rounding ops and sign against the installed
 * PyTorch bit for bit.
 */
class VectorUnaryTest {
    /** Halves (ties of round), the int range's and 2^23's edges, signed zeros, NaNs with payloads. */
    private static final float[] SPECIAL = {0f, -0f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.49999997f,
        1f, -1f, Float.NaN, Float.intBitsToFloat(0xffc01234), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 0x1p23f, -0x1p23f, 8388607.5f, -8388607.5f,
        4194304.5f, -4194304.5f, 0x1p31f, -0x1p31f, 0x1.fffffep30f, -0x1.fffffep30f, 0x1p24f + 2, 1e30f, -1e30f,
        0.99999994f, -0.99999994f, 1e-40f, -1e-40f};

    @TempDir
    Path dir;

    /** Specials first, then floats of random bits, Gaussians and multiples of 1/4 around zero. */
    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 3 == 0 ? Float.intBitsToFloat(r.nextInt())
                    : i % 3 == 1 ? (float) r.nextGaussian() * 10 : (r.nextInt(81) - 40) / 4f;
        }
        return x;
    }

    @Test
    void unary_everyOperatorCompiledOrNot_sameBitsAsPlainLoops() {
        assumeTrue(Kernels.VECTOR, "the Vector API module is not in this JVM");
        int n = 1 << 12;
        float[] x = inputs(n + 7, 3);
        // enough rounds for the JIT to compile each loop part way through
        for (int round = 0; round < 200; round++) {
            for (UnaryOp op : UnaryOp.values()) {
                float[] out = new float[n];
                float[] plain = new float[n];
                VectorUnary.unary(op, x, 7, out, 0, n);
                PlainUnary.dense(op, x, 7, plain, 0, n);
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(plain[i]) != Float.floatToRawIntBits(out[i])) {
                        throw new AssertionError(String.format(Locale.ROOT, "round %d: %s(%s, %08x) = %08x, plain %08x",
                                round, op, x[7 + i], Float.floatToRawIntBits(x[7 + i]), Float.floatToRawIntBits(out[i]),
                                Float.floatToRawIntBits(plain[i])));
                    }
                }
            }
        }
    }

    @Test
    void roundingAndSign_matchPyTorchBitForBit() throws Exception {
        float[] x = inputs(100_003, 4);
        UnaryOp[] ops = {UnaryOp.FLOOR, UnaryOp.CEIL, UnaryOp.TRUNC, UnaryOp.ROUND, UnaryOp.FRAC, UnaryOp.SIGN};
        for (UnaryOp op : ops) {
            float[] torch = LivePyTorch.floatFunction(op.name().toLowerCase(Locale.ROOT), x, dir);
            float[] kernel = new float[x.length];
            Kernels.unary(op, x, 0, kernel, 0, x.length);
            int plainDiffer = 0;
            int kernelDiffer = 0;
            for (int i = 0; i < x.length; i++) {
                plainDiffer += Float.floatToIntBits(op.apply(x[i])) == Float.floatToIntBits(torch[i]) ? 0 : 1;
                kernelDiffer += Float.floatToIntBits(kernel[i]) == Float.floatToIntBits(torch[i]) ? 0 : 1;
            }
            assertEquals(0, plainDiffer, op + " apply against torch, of " + x.length);
            assertEquals(0, kernelDiffer, op + " Kernels.unary against torch, of " + x.length);
        }
    }
}
