package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchNormKernel}'s statistics and normalization: the same bits whichever way a channel is
 * computed (four channels side by side or one at a time, float32 arrays or double arrays).
 */
class BatchNormKernelTest {
    /** 3 samples of 11 channels of 7 elements: two groups of four channels and three left over. */
    private static final BatchNormKernel.Shape SHAPE = new BatchNormKernel.Shape(3, 11, 7);

    @Test
    void moments_fourChannelsAtOnce_equalEachChannelsOwnChain() {
        float[] x = block(1);
        BatchNormKernel.Moments m = BatchNormKernel.moments(new CascadeSum.FloatArray(x, 0), SHAPE, true);
        for (int ch = 0; ch < SHAPE.c(); ch++) {
            double sum = 0;
            for (int i = 0; i < SHAPE.n(); i++) {
                for (int k = SHAPE.at(i, ch); k < SHAPE.at(i, ch) + SHAPE.image(); k++) {
                    sum += x[k];
                }
            }
            float mean = (float) (sum / SHAPE.count());
            double squares = 0;
            for (int i = 0; i < SHAPE.n(); i++) {
                for (int k = SHAPE.at(i, ch); k < SHAPE.at(i, ch) + SHAPE.image(); k++) {
                    float d = (float) ((double) x[k] - mean);
                    squares += (float) ((double) d * d);
                }
            }
            assertEquals(mean, m.mean()[ch], "mean of channel " + ch);
            assertEquals((float) squares, m.varSum()[ch], "squared deviations of channel " + ch);
        }
    }

    @Test
    void normalize_float32Arrays_equalTheDoublePath() {
        float[] x = block(2);
        double[] xd = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            xd[k] = x[k];
        }
        BatchNormKernel.Moments m = BatchNormKernel.moments(k -> xd[k], SHAPE, true);
        double[] invstd = BatchNormKernel.updateStats(m, SHAPE, null, null, 0.1, 1e-5, true);
        double[] weight = floats(3, SHAPE.c());
        double[] bias = floats(4, SHAPE.c());
        float[] y = new float[x.length];
        double[] yd = new double[x.length];
        BatchNormKernel.normalize(x, SHAPE, m.mean(), invstd, weight, bias, y);
        BatchNormKernel.normalize(xd, SHAPE, m.mean(), invstd, weight, bias, true, yd);
        float[] expected = new float[yd.length];
        for (int k = 0; k < yd.length; k++) {
            expected[k] = (float) yd[k];
        }
        assertArrayEquals(expected, y);
    }

    private static float[] block(long seed) {
        Random r = new Random(seed);
        float[] x = new float[SHAPE.n() * SHAPE.c() * SHAPE.image()];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (r.nextGaussian() * 3 + 1);
        }
        return x;
    }

    private static double[] floats(long seed, int n) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat();
        }
        return v;
    }
}
