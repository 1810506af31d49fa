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
        double[] xd = widened(x);
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

    @Test
    void gradSums_fourChannelsAtOnce_equalEachChannelsOwnChain() {
        float[] x = block(5);
        float[] dy = block(6);
        double[] mean = floats(7, SHAPE.c());
        BatchNormKernel.GradSums sums = BatchNormKernel.gradSums(new CascadeSum.FloatArray(dy, 0),
                new CascadeSum.FloatArray(x, 0), SHAPE, mean, true);
        for (int ch = 0; ch < SHAPE.c(); ch++) {
            double sum = 0;
            double dotp = 0;
            for (int i = 0; i < SHAPE.n(); i++) {
                for (int k = SHAPE.at(i, ch); k < SHAPE.at(i, ch) + SHAPE.image(); k++) {
                    sum += dy[k];
                    dotp += (float) ((float) (x[k] - mean[ch]) * (double) dy[k]);
                }
            }
            assertEquals(sum, sums.sum()[ch], "sum of channel " + ch);
            assertEquals(dotp, sums.dotp()[ch], "dotp of channel " + ch);
        }
    }

    @Test
    void inputGrad_training_isPyTorchsFormulaInFloat() {
        Backward b = Backward.of(8);
        float[] x = b.x();
        float[] dy = b.dy();
        double[] mean = b.mean();
        double[] invstd = b.invstd();
        double[] weight = b.weight();
        BatchNormKernel.GradSums sums = b.sums();
        float[] dx = new float[x.length];
        BatchNormKernel.inputGrad(dy, x, SHAPE, mean, invstd, weight, true, sums, dx);
        for (int ch = 0; ch < SHAPE.c(); ch++) {
            float k2 = (float) ((float) ((float) sums.dotp()[ch] * invstd[ch]) * invstd[ch] / SHAPE.count());
            float gradMean = (float) ((float) sums.sum()[ch] / SHAPE.count());
            for (int i = 0; i < SHAPE.n(); i++) {
                for (int k = SHAPE.at(i, ch); k < SHAPE.at(i, ch) + SHAPE.image(); k++) {
                    float centred = (float) ((float) (x[k] - mean[ch]) * (double) k2);
                    float v = (float) ((float) ((double) (float) (dy[k] - (double) gradMean) - centred) * invstd[ch]);
                    assertEquals((float) (v * weight[ch]), dx[k], "element " + k);
                }
            }
        }
    }

    @Test
    void inputGrad_float32Arrays_equalTheDoublePath() {
        for (boolean training : new boolean[] {true, false}) {
            Backward b = Backward.of(13);
            float[] dx = new float[b.x().length];
            BatchNormKernel.inputGrad(b.dy(), b.x(), SHAPE, b.mean(), b.invstd(), b.weight(), training, b.sums(), dx);
            double[] dxd = new double[dx.length];
            BatchNormKernel.inputGrad(widened(b.dy()), widened(b.x()), SHAPE, b.mean(), b.invstd(), b.weight(), training,
                    true, b.sums(), dxd);
            for (int k = 0; k < dx.length; k++) {
                assertEquals((float) dxd[k], dx[k], "training " + training + ", element " + k);
            }
        }
    }

    /** A backward's operands from {@code seed} on: input, incoming gradient, statistics, weight and their sums. */
    private record Backward(float[] x, float[] dy, double[] mean, double[] invstd, double[] weight,
                            BatchNormKernel.GradSums sums) {
        static Backward of(long seed) {
            float[] x = block(seed);
            float[] dy = block(seed + 1);
            double[] mean = floats(seed + 2, SHAPE.c());
            return new Backward(x, dy, mean, floats(seed + 3, SHAPE.c()), floats(seed + 4, SHAPE.c()),
                    BatchNormKernel.gradSums(new CascadeSum.FloatArray(dy, 0), new CascadeSum.FloatArray(x, 0), SHAPE,
                            mean, true));
        }
    }

    private static double[] widened(float[] x) {
        double[] d = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            d[k] = x[k];
        }
        return d;
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
