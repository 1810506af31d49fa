package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FloatPow} and {@link VectorPow} against the installed PyTorch's {@code torch.pow} bit for
 * bit, NaNs' bits included: tensor to tensor over every pair of specials, random bit patterns,
 * everyday ranges, negative bases with integral and fractional exponents, the exponents PyTorch
 * special-cases for a scalar (here tensors, so SLEEF's code runs), and the overflow and underflow
 * edges; a count that is a multiple of 16, so PyTorch runs its vector code on every element (its
 * scalar tail calls glibc's {@code powf}). Then tensor to general scalars, and each vector loop
 * against the plain code while the JIT compiles it.
 */
class FloatPowTest {
    private static final int COUNT = 400_000;

    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 0.5f, -0.5f, 2f, -2f, 3f, -3f, 1.5f, -1.5f, Float.NaN,
        Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001), Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, Math.nextUp(1f), Math.nextDown(1f), 0x1p23f, 0x1p24f, -0x1p24f,
        Math.nextDown(0x1p24f), -Math.nextDown(0x1p24f), 0x1p31f, 1e20f, -1e20f, 1e-20f, 0.75f, 10f};

    @TempDir
    Path dir;

    private static void write(Path file, float[] v) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        Files.write(file, buf.array());
    }

    /**
     * {@code torch.pow(x, y)} of two float32 tensors, or if {@code y} is null of {@code x} and the
     * Python float (a double) that {@code scalar} spells.
     */
    private float[] torchPow(float[] x, float[] y, String scalar) throws Exception {
        Path xs = dir.resolve("x.bin");
        Path ys = dir.resolve("y.bin");
        Path out = dir.resolve("z.bin");
        write(xs, x);
        write(ys, y == null ? new float[0] : y);
        LivePyTorch.run(String.join("\n",
                "import json, sys, numpy, torch",
                "x = torch.from_numpy(numpy.fromfile(sys.argv[1], dtype='<f4'))",
                "y = numpy.fromfile(sys.argv[2], dtype='<f4')",
                "z = x.pow(torch.from_numpy(y)) if sys.argv[4] == 'tensor' else x.pow(float(sys.argv[4]))",
                "z.numpy().tofile(sys.argv[3])",
                "print(json.dumps(1))"), xs.toString(), ys.toString(), out.toString(), y == null ? scalar : "tensor");
        float[] z = new float[x.length];
        ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(z);
        return z;
    }

    /** A float of random sign with magnitude log-uniform in [2^lo, 2^hi). */
    private static float logUniform(Random r, int lo, int hi) {
        float m = (float) Math.scalb(1 + r.nextDouble(), lo + r.nextInt(hi - lo));
        return r.nextBoolean() ? m : -m;
    }

    /**
     * Pairs: all pairs of {@link #SPECIAL} first, then by turns random bit patterns, x in (0, 10)
     * with y in (-10, 10), negative x with integral y, negative x with fractional y, y from ±0.5,
     * ±1, 2, 3, the edges (x^y near 2^128 and 2^-149, x near 1 with large y), wide magnitudes.
     */
    private static float[][] pairs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] common = {0.5f, -0.5f, 1f, -1f, 2f, 3f};
        int specials = SPECIAL.length * SPECIAL.length;
        for (int i = 0; i < n; i++) {
            if (i < specials) {
                x[i] = SPECIAL[i / SPECIAL.length];
                y[i] = SPECIAL[i % SPECIAL.length];
                continue;
            }
            switch (i % 8) {
                case 0 -> {
                    x[i] = Float.intBitsToFloat(r.nextInt());
                    y[i] = Float.intBitsToFloat(r.nextInt());
                }
                case 1 -> {
                    x[i] = (float) (10 * r.nextDouble());
                    y[i] = (float) (-10 + 20 * r.nextDouble());
                }
                case 2 -> {
                    x[i] = -Math.abs(logUniform(r, -20, 20));
                    y[i] = r.nextInt(61) - 30;
                }
                case 3 -> {
                    x[i] = -(float) (10 * r.nextDouble());
                    y[i] = (float) (-10 + 20 * r.nextDouble());
                }
                case 4 -> {
                    x[i] = r.nextBoolean() ? (float) (10 * r.nextDouble()) : logUniform(r, -130, 127);
                    y[i] = common[r.nextInt(common.length)];
                }
                case 5 -> {
                    // x^y near the largest float or the smallest subnormal
                    x[i] = (float) (0.5 + 2 * r.nextDouble());
                    double target = r.nextBoolean() ? 128 : r.nextBoolean() ? -126 : -149;
                    y[i] = (float) (target / (Math.log(x[i]) / Math.log(2)) * (1 + 1e-3 * r.nextGaussian()));
                }
                case 6 -> {
                    x[i] = 1f + (float) (1e-5 * r.nextGaussian());
                    y[i] = logUniform(r, 10, 30);
                }
                default -> {
                    x[i] = logUniform(r, -149, 128);
                    y[i] = logUniform(r, -30, 10);
                }
            }
        }
        return new float[][] {x, y};
    }

    private static int differences(float[] want, float[] got) {
        int differ = 0;
        for (int i = 0; i < want.length; i++) {
            differ += Float.floatToRawIntBits(want[i]) == Float.floatToRawIntBits(got[i]) ? 0 : 1;
        }
        return differ;
    }

    @Test
    void pow_tensorTensor_matchesPyTorchBitForBit() throws Exception {
        float[][] p = pairs(COUNT, 1);
        float[] x = p[0];
        float[] y = p[1];
        float[] torch = torchPow(x, y, null);
        float[] out = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            out[i] = FloatPow.pow(x[i], y[i]);
        }
        assertEquals(0, differences(torch, out), "plain pow against torch, of " + COUNT);
        if (Kernels.VECTOR) {
            out = new float[COUNT];
            for (int i = VectorPow.powFloat(x, 0, y, 0, out, 0, COUNT); i < COUNT; i++) {
                out[i] = FloatPow.pow(x[i], y[i]);
            }
            assertEquals(0, differences(torch, out), "vector pow against torch, of " + COUNT);
        }
    }

    @Test
    void pow_tensorScalar_matchesPyTorchBitForBit() throws Exception {
        float[] x = pairs(1 << 16, 2)[0];
        // exponents PyTorch does not special-case for a scalar (0.5, 2, 3, -0.5, -1, -2 are), handed
        // over as their shortest decimals: PyTorch's vector code rounds the double to float
        for (float e : new float[] {2.7f, -1.3f, 7f, -3f, 0.1f, 100.5f, Float.NaN, Float.POSITIVE_INFINITY}) {
            float[] torch = torchPow(x, null, Float.toString(e));
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = FloatPow.pow(x[i], e);
            }
            assertEquals(0, differences(torch, out), "plain pow(x, " + e + ") against torch");
            if (Kernels.VECTOR) {
                out = new float[x.length];
                for (int i = VectorPow.powScalarFloat(x, 0, e, out, 0, x.length); i < x.length; i++) {
                    out[i] = FloatPow.pow(x[i], e);
                }
                assertEquals(0, differences(torch, out), "vector pow(x, " + e + ") against torch");
            }
        }
    }

    @Test
    void pow_specials_ieeeResults() {
        assertEquals(1f, FloatPow.pow(Float.NaN, 0f));
        assertEquals(1f, FloatPow.pow(1f, Float.NaN));
        assertEquals(0xffffffff, Float.floatToRawIntBits(FloatPow.pow(Float.NaN, 2f)));
        assertEquals(0x7fc00000, Float.floatToRawIntBits(FloatPow.pow(-2f, 0.5f)));
        assertEquals(-8f, FloatPow.pow(-2f, 3f));
        assertEquals(16f, FloatPow.pow(-2f, 4f));
        assertEquals(Float.NEGATIVE_INFINITY, FloatPow.pow(-0f, -3f));
        assertEquals(Float.POSITIVE_INFINITY, FloatPow.pow(-0f, -2f));
        assertEquals(-0f, FloatPow.pow(Float.NEGATIVE_INFINITY, -3f));
        assertEquals(1f, FloatPow.pow(-1f, Float.NEGATIVE_INFINITY));
        assertEquals(0f, FloatPow.pow(0.5f, Float.POSITIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatPow.pow(10f, 39f));
        assertEquals(0f, FloatPow.pow(10f, -46f));
        assertEquals(Float.MIN_VALUE, FloatPow.pow(2f, -149f));
    }

    @Test
    void powVector_compiledOrNot_sameBitsAsPlainCode() {
        assumeTrue(Kernels.VECTOR, "the Vector API module is not in this JVM");
        int n = 1 << 14;
        float[][] p = pairs(n + 13, 3);
        // enough rounds for the JIT to compile both vector loops part way through
        for (int round = 0; round < 300; round++) {
            float[] out = new float[n];
            int done = VectorPow.powFloat(p[0], 5, p[1], 3, out, 0, n);
            float e = p[1][round];
            float[] scalar = new float[n];
            int scalarDone = VectorPow.powScalarFloat(p[0], 5, e, scalar, 0, n);
            for (int i = 0; i < done; i++) {
                float want = FloatPow.pow(p[0][5 + i], p[1][3 + i]);
                if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(out[i])) {
                    throw new AssertionError("round " + round + ": pow(" + p[0][5 + i] + ", " + p[1][3 + i] + ") = "
                            + out[i] + ", plain " + want);
                }
            }
            for (int i = 0; i < scalarDone; i++) {
                float want = FloatPow.pow(p[0][5 + i], e);
                if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(scalar[i])) {
                    throw new AssertionError("round " + round + ": pow(" + p[0][5 + i] + ", " + e + ") = "
                            + scalar[i] + ", plain " + want);
                }
            }
        }
    }
}
