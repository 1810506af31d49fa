package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MaxPool2dKernel#forward}: PyTorch's {@code (v > max) || isnan(v)} choice of value and index in each window. */
class MaxPool2dKernelTest {
    /** One 2 x 4 plane pooled by 2 x 2 windows, stride 2: two outputs. */
    private static final Window2d PAIRS = new Window2d(2, 4, 2, 2, 2, 2, 0, 0, 1, 1, 1, 2);

    @Test
    void forward_tiesAndSignedZeros_keepTheFirstMaximum() {
        float[] x = {-0f, 0f, 3, 1, 0f, -0f, 1, 3};
        float[] out = new float[2];
        long[] indices = new long[2];
        MaxPool2dKernel.forward(x, 0, 1, PAIRS, out, indices);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(out[0]));
        assertArrayEquals(new long[] {0, 2}, indices);
        assertEquals(3f, out[1]);
        double[] xd = {-0d, 0d, 3, 1, 0d, -0d, 1, 3};
        double[] outD = new double[2];
        MaxPool2dKernel.forward(xd, 0, 1, PAIRS, outD, indices);
        assertEquals(Double.doubleToRawLongBits(-0d), Double.doubleToRawLongBits(outD[0]));
        assertArrayEquals(new long[] {0, 2}, indices);
    }

    @Test
    void forward_nansAndAllNegativeInfinity_lastNanWinsFirstInfinityIndexed() {
        float inf = Float.NEGATIVE_INFINITY;
        float[] x = {inf, inf, 5, Float.NaN, inf, inf, Float.NaN, 7};
        float[] out = new float[2];
        long[] indices = new long[2];
        MaxPool2dKernel.forward(x, 0, 1, PAIRS, out, indices);
        assertEquals(inf, out[0]);
        assertEquals(Float.NaN, out[1]);
        assertArrayEquals(new long[] {0, 6}, indices);
        double[] xd = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 5, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 7};
        double[] outD = new double[2];
        MaxPool2dKernel.forward(xd, 0, 1, PAIRS, outD, indices);
        assertEquals(Double.NEGATIVE_INFINITY, outD[0]);
        assertEquals(Double.NaN, outD[1]);
        assertArrayEquals(new long[] {0, 6}, indices);
    }

    @Test
    void forward_vectorGroupsScalarTailsAndPaddedWindows_matchTheRuleElementByElement() throws InterruptedException {
        assumeTrue(Kernels.VECTOR && Kernels.awaitVector(120_000), "no compiled vector kernels here");
        assertTrue(Kernels.maxPoolPlanes() > 0);
        // whole windows (vector groups and a scalar tail of planes), then windows reaching padding
        Window2d[] windows = {
            new Window2d(26, 26, 2, 2, 2, 2, 0, 0, 1, 1, 13, 13),
            new Window2d(11, 11, 3, 3, 2, 2, 0, 0, 1, 1, 5, 5),
            new Window2d(9, 7, 2, 3, 1, 2, 0, 0, 2, 1, 7, 3),
            new Window2d(8, 8, 3, 3, 2, 2, 1, 1, 1, 1, 4, 4),
            new Window2d(7, 9, 3, 2, 3, 2, 1, 1, 2, 1, 3, 5),
        };
        SplittableRandom random = new SplittableRandom(5);
        int planes = 2 * Kernels.maxPoolPlanes() + 5;
        for (Window2d w : windows) {
            float[] x = new float[planes * w.inPlane() + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = special(random);
            }
            float[] out = new float[planes * w.outPlane()];
            long[] indices = new long[out.length];
            MaxPool2dKernel.forward(x, 3, planes, w, out, indices);
            for (int p = 0; p < planes; p++) {
                for (int oh = 0; oh < w.outH(); oh++) {
                    for (int ow = 0; ow < w.outW(); ow++) {
                        int o = (p * w.outH() + oh) * w.outW() + ow;
                        long[] expected = rule(x, 3 + p * w.inPlane(), w, oh, ow);
                        String at = w + " plane " + p + " output " + oh + "," + ow;
                        assertEquals(expected[0], Float.floatToRawIntBits(out[o]), at);
                        assertEquals(expected[1], indices[o], at);
                    }
                }
            }
        }
    }

    /** PyTorch's rule for one window, written plainly: the raw bits of the value and the index. */
    private static long[] rule(float[] x, int base, Window2d w, int oh, int ow) {
        float max = Float.NEGATIVE_INFINITY;
        long index = -1;
        for (int i = 0; i < w.kh(); i++) {
            for (int j = 0; j < w.kw(); j++) {
                int y = oh * w.sh() - w.ph() + i * w.dh();
                int c = ow * w.sw() - w.pw() + j * w.dw();
                if (y < 0 || y >= w.inH() || c < 0 || c >= w.inW()) {
                    continue;
                }
                float v = x[base + y * w.inW() + c];
                if (index < 0) {
                    index = y * w.inW() + c;
                }
                if (v > max || Float.isNaN(v)) {
                    max = v;
                    index = y * w.inW() + c;
                }
            }
        }
        return new long[] {Float.floatToRawIntBits(max), index};
    }

    /** Mostly small integers (ties), signed zeros, -inf and NaNs of two payloads. */
    private static float special(SplittableRandom random) {
        int k = random.nextInt(40);
        if (k == 0) {
            return Float.NaN;
        } else if (k == 1) {
            return Float.intBitsToFloat(0x7fc01234);
        } else if (k < 5) {
            return Float.NEGATIVE_INFINITY;
        } else if (k < 12) {
            return k % 2 == 0 ? 0f : -0f;
        }
        return random.nextInt(-3, 4);
    }
}
