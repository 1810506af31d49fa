package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLEEF ports {@link FloatExpm1}, {@link FloatLog1p} and {@link FloatAtan} against the
 * installed PyTorch bit for bit, NaNs' bits included (specials, random bit patterns, Gaussians and
 * each function's delicate ranges; an odd count, so PyTorch's partial last vector is covered),
 * through the plain code and through the vector loop (its tail done by the plain code); and each
 * vector loop against the plain code while the JIT compiles it.
 */
class SleefUnaryTest {
    private static final int COUNT = 400_003;

    @TempDir
    Path dir;

    /** One input by its index: the caller's pick for the function's delicate ranges. */
    private interface Draw {
        float next(Random r, int i);
    }

    private interface Plain {
        float apply(float x);
    }

    private interface VectorLoop {
        int apply(float[] a, int ao, float[] c, int co, int n);
    }

    /** NaNs of either sign with payloads, quiet and signalling: PyTorch hands each back quieted. */
    private static final float[] NANS = {Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7fc00001),
        Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xff812345)};

    /**
     * {@code special} and {@link #NANS} first, then a quarter each of random bit patterns and
     * Gaussians, and half {@code draw}'s picks.
     */
    private static float[] inputs(int n, long seed, float[] special, Draw draw) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length ? special[i]
                    : i < special.length + NANS.length ? NANS[i - special.length]
                    : i % 4 == 0 ? Float.intBitsToFloat(r.nextInt())
                    : i % 4 == 1 ? (float) (3 * r.nextGaussian())
                    : draw.next(r, i);
        }
        return x;
    }

    /** A float of random sign with magnitude log-uniform in [2^lo, 2^hi). */
    private static float logUniform(Random r, int lo, int hi) {
        float m = (float) Math.scalb(1 + r.nextDouble(), lo + r.nextInt(hi - lo));
        return r.nextBoolean() ? m : -m;
    }

    private static int differences(float[] want, float[] got) {
        int differ = 0;
        for (int i = 0; i < want.length; i++) {
            differ += Float.floatToRawIntBits(want[i]) == Float.floatToRawIntBits(got[i]) ? 0 : 1;
        }
        return differ;
    }

    /**
     * The plain code and the vector loop plus plain tail (unless {@code vector} is null: no Vector
     * API in this JVM), each against {@code torch.<function>}.
     */
    private void matchesPyTorch(String function, float[] x, Plain plain, VectorLoop vector) throws Exception {
        float[] torch = LivePyTorch.floatFunction(function, x, dir);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = plain.apply(x[i]);
        }
        assertEquals(0, differences(torch, out), "plain " + function + " against torch, of " + x.length);
        if (vector != null) {
            out = new float[x.length];
            for (int i = vector.apply(x, 0, out, 0, x.length); i < x.length; i++) {
                out[i] = plain.apply(x[i]);
            }
            assertEquals(0, differences(torch, out), "vector " + function + " against torch, of " + x.length);
        }
    }

    /**
     * Enough rounds for the JIT to compile the vector loop part way through, every round against the
     * plain code; skipped if {@code vector} is null (no Vector API in this JVM).
     */
    private static void vectorMatchesPlainWhileCompiling(float[] x, Plain plain, VectorLoop vector) {
        assumeTrue(vector != null, "the Vector API module is not in this JVM");
        int n = x.length - 13;
        for (int round = 0; round < 300; round++) {
            float[] out = new float[n];
            int done = vector.apply(x, 5, out, 0, n);
            for (int i = 0; i < done; i++) {
                float want = plain.apply(x[5 + i]);
                if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(out[i])) {
                    throw new AssertionError("round " + round + ": f(" + x[5 + i] + ") = " + out[i]
                            + ", plain " + want);
                }
            }
        }
    }

    private static final float[] EXPM1_SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        FloatExpm1.OVERFLOW, Math.nextUp(FloatExpm1.OVERFLOW), Math.nextDown(FloatExpm1.OVERFLOW),
        FloatExpm1.SATURATION, Math.nextUp(FloatExpm1.SATURATION), Math.nextDown(FloatExpm1.SATURATION),
        88f, 88.5f, -87.3f, -103.9f, -104f, -105f, 1e-8f, -1e-8f, 0.5f, -0.5f, 0.3465736f, -0.3465736f, 1f, -1f};

    /** Small magnitudes of either sign, and [-20, 90) uniformly (both saturations, overflow). */
    private static float expm1Draw(Random r, int i) {
        return i % 4 == 2 ? logUniform(r, -40, 1) : (float) (-20 + 110 * r.nextDouble());
    }

    @Test
    void expm1_matchesPyTorchBitForBit() throws Exception {
        matchesPyTorch("expm1", inputs(COUNT, 1, EXPM1_SPECIAL, SleefUnaryTest::expm1Draw),
                FloatExpm1::expm1, Kernels.VECTOR ? VectorExpm1::expm1Float : null);
    }

    @Test
    void expm1Vector_compiledOrNot_sameBitsAsPlainCode() {
        vectorMatchesPlainWhileCompiling(inputs((1 << 14) + 13, 2, EXPM1_SPECIAL, SleefUnaryTest::expm1Draw),
                FloatExpm1::expm1, Kernels.VECTOR ? VectorExpm1::expm1Float : null);
    }

    private static final float[] LOG1P_SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        -1f, Math.nextUp(-1f), Math.nextDown(-1f), -0.999999f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, FloatLog1p.HUGE, Math.nextUp(FloatLog1p.HUGE),
        Math.nextDown(FloatLog1p.HUGE), -0.25f, Math.nextUp(-0.25f), Math.nextDown(-0.25f), 0.5f, Math.nextUp(0.5f),
        Math.nextDown(0.5f), 2f, Math.nextDown(2f), 1e-8f, -1e-8f, 1f, 1e30f};

    /** Small magnitudes of either sign, values just above -1, and [-1, 10) uniformly. */
    private static float log1pDraw(Random r, int i) {
        return i % 4 == 2 ? logUniform(r, -40, 1)
                : i % 8 == 3 ? -1f + Math.abs(logUniform(r, -24, 0)) : (float) (-1 + 11 * r.nextDouble());
    }

    @Test
    void log1p_matchesPyTorchBitForBit() throws Exception {
        matchesPyTorch("log1p", inputs(COUNT, 3, LOG1P_SPECIAL, SleefUnaryTest::log1pDraw),
                FloatLog1p::log1p, Kernels.VECTOR ? VectorLog1p::log1pFloat : null);
    }

    @Test
    void log1pVector_compiledOrNot_sameBitsAsPlainCode() {
        vectorMatchesPlainWhileCompiling(inputs((1 << 14) + 13, 4, LOG1P_SPECIAL, SleefUnaryTest::log1pDraw),
                FloatLog1p::log1p, Kernels.VECTOR ? VectorLog1p::log1pFloat : null);
    }

    private static final float[] ATAN_SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        1f, -1f, Math.nextUp(1f), Math.nextDown(1f), -Math.nextUp(1f), -Math.nextDown(1f), Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 0x1p64f, -0x1p-64f,
        2f, 0.5f, 1e-4f, 1e4f, 1.7320508f, 0.57735026f};

    /** Magnitudes from subnormal to huge of either sign, and [-4, 4) uniformly (both sides of 1). */
    private static float atanDraw(Random r, int i) {
        return i % 4 == 2 ? logUniform(r, -149, 128) : (float) (-4 + 8 * r.nextDouble());
    }

    @Test
    void atan_matchesPyTorchBitForBit() throws Exception {
        matchesPyTorch("atan", inputs(COUNT, 5, ATAN_SPECIAL, SleefUnaryTest::atanDraw),
                FloatAtan::atan, Kernels.VECTOR ? VectorAtan::atanFloat : null);
    }

    @Test
    void atanVector_compiledOrNot_sameBitsAsPlainCode() {
        vectorMatchesPlainWhileCompiling(inputs((1 << 14) + 13, 6, ATAN_SPECIAL, SleefUnaryTest::atanDraw),
                FloatAtan::atan, Kernels.VECTOR ? VectorAtan::atanFloat : null);
    }
}
