package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FloatTrig} and {@link VectorTrig} against the installed PyTorch's {@code torch.sin} and
 * {@code torch.cos} bit for bit: random bit patterns over every float, Gaussians, values at and
 * next to multiples of pi/2, huge values, subnormals and the specials, in groups of 8 that are
 * all near, all far or mixed (PyTorch picks the reduction per group); short runs at odd offsets
 * for the partial last group; the vector loop against the plain code while the JIT compiles it;
 * and every result within 1 ulp of {@link StrictMath}.
 */
class FloatTrigTest {
    private static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Float.MAX_VALUE,
        -Float.MAX_VALUE, 124.99999f, 125f, -125f, 0.7f, Math.nextDown(0.7f), 1e-30f, 39000f, 8e6f, 0x1p24f, 0x1p26f,
        0x1p90f, 0x1p91f, (float) Math.PI, (float) (Math.PI / 2), (float) (-Math.PI / 2), 1f, -1f};

    /** How each group of 8 inputs is drawn. */
    private enum Group { NEAR, FAR, MIXED }

    @TempDir
    Path dir;

    /** One input for a group of {@code kind}. */
    private static float draw(Group kind, Random r) {
        if (kind == Group.NEAR) {
            return switch (r.nextInt(4)) {
                case 0 -> (float) (3 * r.nextGaussian());
                case 1 -> (float) (250 * r.nextDouble() - 125) * 0.999f;
                case 2 -> nearHalfTurns(r, 0, 80);
                default -> Float.intBitsToFloat(r.nextInt(Float.floatToRawIntBits(124f)) | (r.nextBoolean() ? Integer.MIN_VALUE : 0));
            };
        }
        if (kind == Group.FAR) {
            return switch (r.nextInt(4)) {
                case 0 -> (float) (1e6 * r.nextGaussian());
                case 1 -> nearHalfTurns(r, 80, 1 << 20);
                case 2 -> r.nextInt(50) == 0 ? SPECIAL[2 + r.nextInt(3)] : (float) (125 + 1000 * r.nextDouble());
                default -> {
                    float x = Float.intBitsToFloat(r.nextInt());
                    yield Math.abs(x) >= 125f || x != x ? x : 125f;
                }
            };
        }
        return r.nextInt(8) == 0 ? draw(Group.FAR, r) : draw(Group.NEAR, r);
    }

    /** A float at or next to {@code k pi/2} for a random {@code from <= |k| < to}. */
    private static float nearHalfTurns(Random r, int from, int to) {
        int k = from + r.nextInt(to - from);
        float x = (float) ((r.nextBoolean() ? k : -k) * Math.PI / 2);
        return switch (r.nextInt(3)) {
            case 0 -> Math.nextUp(x);
            case 1 -> Math.nextDown(x);
            default -> x;
        };
    }

    /** Specials, each in a group of its own kind, then {@code n} more in groups of a random kind. */
    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[SPECIAL.length * 8 + n];
        for (int g = 0; g * 8 < x.length; g++) {
            Group kind = g < SPECIAL.length ? (Math.abs(SPECIAL[g]) < FloatTrig.NEAR ? Group.NEAR : Group.FAR)
                    : Group.values()[r.nextInt(3)];
            for (int i = g * 8; i < Math.min(x.length, g * 8 + 8); i++) {
                x[i] = g < SPECIAL.length && i == g * 8 ? SPECIAL[g] : draw(kind, r);
            }
        }
        return x;
    }

    /** Whether the group of 8 from {@code g} is all near or all far. */
    private static boolean unmixed(float[] x, int g) {
        int near = 0;
        int end = Math.min(x.length, g + 8);
        for (int i = g; i < end; i++) {
            near += Math.abs(x[i]) < FloatTrig.NEAR ? 1 : 0;
        }
        return near == 0 || near == end - g;
    }

    private static boolean sameBits(float want, float got) {
        return Float.floatToIntBits(want) == Float.floatToIntBits(got);
    }

    private static int differ(float[] want, float[] got) {
        int count = 0;
        for (int i = 0; i < want.length; i++) {
            count += sameBits(want[i], got[i]) ? 0 : 1;
        }
        return count;
    }

    @Test
    void sinCos_matchPyTorchBitForBit() throws Exception {
        int n = 300_001;
        float[] x = inputs(n, 1);
        for (String fn : new String[] {"sin", "cos"}) {
            boolean sin = fn.equals("sin");
            float[] torch = LivePyTorch.floatFunction(fn, x, dir);
            float[] plain = new float[x.length];
            float[] scalar = new float[x.length];
            if (sin) {
                FloatTrig.sinFloat(x, 0, plain, 0, x.length);
            } else {
                FloatTrig.cosFloat(x, 0, plain, 0, x.length);
            }
            int scalarDiffer = 0;
            int checked = 0;
            for (int i = 0; i < x.length; i++) {
                if (unmixed(x, i / 8 * 8)) {
                    checked++;
                    scalarDiffer += sameBits(torch[i], sin ? FloatTrig.sin(x[i]) : FloatTrig.cos(x[i])) ? 0 : 1;
                }
            }
            assertEquals(0, differ(torch, plain), "FloatTrig." + fn + "Float against torch." + fn + ", of " + x.length);
            assertEquals(0, scalarDiffer, "FloatTrig." + fn + " against torch." + fn + ", of " + checked + " in unmixed groups");
            if (Kernels.VECTOR) {
                float[] vector = new float[x.length];
                int done = sin ? VectorTrig.sinFloat(x, 0, vector, 0, x.length) : VectorTrig.cosFloat(x, 0, vector, 0, x.length);
                assertEquals(x.length, done);
                assertEquals(0, differ(torch, vector), "VectorTrig." + fn + "Float against torch." + fn + ", of " + x.length);
            }
        }
    }

    @Test
    void sinCos_shortRunsAtOddOffsets_matchPyTorchGroupsFromTheRunStart() throws Exception {
        // near values whose two paths round sin or cos differently, a far value at every 7th place: a run's
        // groups are near or far by where the run starts
        Random r = new Random(3);
        float[] x = new float[80];
        for (int i = 0; i < x.length; i++) {
            float v;
            do {
                v = (float) (3 * r.nextGaussian());
            } while (FloatTrig.sinNear(v) == FloatTrig.sinFar(v) && FloatTrig.cosNear(v) == FloatTrig.cosFar(v));
            x[i] = i % 7 == 3 ? 1000.5f + i : v;
        }
        int pieces = 40;
        for (String fn : new String[] {"sin", "cos"}) {
            float[] torch = torchPieces(fn, x, pieces);
            int at = 0;
            for (int p = 0; p < pieces; p++) {
                int offset = p;
                int length = 1 + p % 23;
                float[] plain = new float[length];
                float[] vector = new float[length];
                if (fn.equals("sin")) {
                    FloatTrig.sinFloat(x, offset, plain, 0, length);
                    VectorTrig.sinFloat(x, offset, vector, 0, length);
                } else {
                    FloatTrig.cosFloat(x, offset, plain, 0, length);
                    VectorTrig.cosFloat(x, offset, vector, 0, length);
                }
                for (int i = 0; i < length; i++, at++) {
                    String where = fn + " of x[" + (offset + i) + "] = " + x[offset + i] + " in a run of " + length + " from " + offset;
                    assertTrue(sameBits(torch[at], plain[i]), where + ": plain " + plain[i] + ", torch " + torch[at]);
                    assertTrue(sameBits(torch[at], vector[i]), where + ": vector " + vector[i] + ", torch " + torch[at]);
                }
            }
        }
    }

    /** {@code torch.<fn>} of the runs {@code x[p : p + 1 + p % 23]} for {@code p < pieces}, concatenated. */
    private float[] torchPieces(String fn, float[] x, int pieces) throws IOException, InterruptedException {
        Path in = dir.resolve("pieces-x.bin");
        Path out = dir.resolve("pieces-y.bin");
        ByteBuffer buf = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(x);
        Files.write(in, buf.array());
        LivePyTorch.run(String.join("\n",
                "import json, sys, numpy, torch",
                "x = torch.from_numpy(numpy.fromfile(sys.argv[1], dtype='<f4'))",
                "ys = [torch." + fn + "(x[p:p + 1 + p % 23].clone()) for p in range(int(sys.argv[3]))]",
                "torch.cat(ys).numpy().tofile(sys.argv[2])",
                "print(json.dumps(1))"), in.toString(), out.toString(), Integer.toString(pieces));
        byte[] bytes = Files.readAllBytes(out);
        float[] y = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(y);
        return y;
    }

    @Test
    void vectorTrig_compiledOrNot_sameBitsAsPlainCode() {
        Assumptions.assumeTrue(Kernels.VECTOR, "the Vector API module is not in this JVM");
        int n = 1 << 13;
        float[] x = inputs(n, 2);
        float[] sin = new float[n];
        float[] cos = new float[n];
        FloatTrig.sinFloat(x, 8, sin, 0, n);
        FloatTrig.cosFloat(x, 8, cos, 0, n);
        // enough rounds for the JIT to compile the vector loops part way through
        for (int round = 0; round < 300; round++) {
            float[] out = new float[n];
            VectorTrig.sinFloat(x, 8, out, 0, n);
            assertEquals(0, differ(sin, out), "round " + round + ": sin");
            VectorTrig.cosFloat(x, 8, out, 0, n);
            assertEquals(0, differ(cos, out), "round " + round + ": cos");
        }
    }

    @Test
    void sinCos_specialValues_asIeee() {
        assertTrue(sameBits(0f, FloatTrig.sin(0f)));
        assertTrue(sameBits(-0f, FloatTrig.sin(-0f)));
        assertTrue(sameBits(-0f, FloatTrig.sinFar(-0f)));
        assertEquals(1f, FloatTrig.cos(0f));
        assertEquals(1f, FloatTrig.cos(-0f));
        assertEquals(Float.MIN_VALUE, FloatTrig.sin(Float.MIN_VALUE));
        for (float x : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertTrue(Float.isNaN(FloatTrig.sin(x)), "sin(" + x + ")");
            assertTrue(Float.isNaN(FloatTrig.cos(x)), "cos(" + x + ")");
        }
    }

    @Test
    void sinCos_nearAndFarPaths_withinOneUlpOfStrictMath() {
        Random r = new Random(4);
        for (int i = 0; i < 1_000_000; i++) {
            float x = i % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) (200 * r.nextGaussian());
            if (!Float.isFinite(x)) {
                continue;
            }
            float[] got = {FloatTrig.sinNear(x), FloatTrig.sinFar(x), FloatTrig.cosNear(x), FloatTrig.cosFar(x)};
            double[] exact = {StrictMath.sin(x), StrictMath.sin(x), StrictMath.cos(x), StrictMath.cos(x)};
            boolean near = Math.abs(x) < FloatTrig.NEAR;
            for (int k = near ? 0 : 1; k < 4; k += near ? 1 : 2) {
                float rounded = (float) exact[k];
                assertTrue(Math.abs(got[k] - exact[k]) <= Math.ulp(rounded),
                        "path " + k + " of " + x + ": " + got[k] + ", exact " + exact[k]);
            }
        }
    }
}
