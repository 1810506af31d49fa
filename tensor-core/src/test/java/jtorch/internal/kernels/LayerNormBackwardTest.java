package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LayerNormBackward}: its float32 rows give the same bits by {@link VectorLayerNorm}'s
 * loops as by the scalar ones, and no gradient depends on the thread count, over row lengths
 * around the 8 lanes and the vector widths, with and without gamma. That they are PyTorch's bits
 * is {@code LayerNormBitsTest}'s.
 */
class LayerNormBackwardTest {
    private static final int[] LENGTHS = {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 129, 512, 515};

    @Test
    void inputGrad_vectorLoops_equalTheScalarLoops() {
        assumeTrue(Kernels.VECTOR, "the Vector API module is not in this JVM");
        for (int n : LENGTHS) {
            for (boolean affine : new boolean[] {false, true}) {
                Block b = new Block(5, n, affine, n * 31L);
                float[] vector = new float[b.dy.length];
                float[] scalar = new float[b.dy.length];
                LayerNormBackward.inputGrad(b.dy, b.x, b.rows, n, b.stats, b.gamma, vector, true);
                LayerNormBackward.inputGrad(b.dy, b.x, b.rows, n, b.stats, b.gamma, scalar, false);
                assertArrayEquals(scalar, vector, b.toString());
            }
        }
    }

    @Test
    void paramGrads_vectorLoops_equalTheScalarLoops() {
        assumeTrue(Kernels.VECTOR, "the Vector API module is not in this JVM");
        onThreads(threads -> {
            for (int n : LENGTHS) {
                Block b = new Block(Parallel.GRAIN / n + 3, n, true, n * 37L);
                float[][] vector = {new float[n], new float[n]};
                float[][] scalar = {new float[n], new float[n]};
                LayerNormBackward.paramGrads(b.dy, b.x, b.rows, n, b.stats, vector[0], vector[1], true);
                LayerNormBackward.paramGrads(b.dy, b.x, b.rows, n, b.stats, scalar[0], scalar[1], false);
                assertArrayEquals(scalar[0], vector[0], "dgamma, " + b + ", " + threads + " threads");
                assertArrayEquals(scalar[1], vector[1], "dbeta, " + b + ", " + threads + " threads");
                // the bias's gradient alone, as a layer whose weight needs none asks for it
                float[] beta = new float[n];
                LayerNormBackward.paramGrads(b.dy, null, b.rows, n, b.stats, null, beta, true);
                assertArrayEquals(scalar[1], beta, "dbeta alone, " + b);
            }
        });
    }

    @Test
    void gradients_twoThreads_equalOneThread() {
        for (int n : new int[] {7, 100, 515}) {
            Block b = new Block(Parallel.GRAIN / n + 3, n, true, n * 41L);
            double[] dy = widened(b.dy);
            double[] x = widened(b.x);
            double[] gamma = widened(b.gamma);
            float[][] f = new float[2][];
            double[][] d = new double[2][];
            for (int threads = 1; threads <= 2; threads++) {
                int t = threads;
                onThreads(threads, () -> {
                    float[] dx = new float[b.dy.length];
                    float[] dg = new float[n];
                    LayerNormBackward.inputGrad(b.dy, b.x, b.rows, n, b.stats, b.gamma, dx);
                    LayerNormBackward.paramGrads(b.dy, b.x, b.rows, n, b.stats, dg, null);
                    f[t - 1] = concat(dx, dg);
                    double[] ddx = new double[dy.length];
                    double[] ddg = new double[n];
                    LayerNormBackward.inputGrad(dy, x, b.rows, n, b.stats, gamma, ddx);
                    LayerNormBackward.paramGrads(dy, x, b.rows, n, b.stats, ddg, null);
                    d[t - 1] = concat(ddx, ddg);
                });
            }
            assertArrayEquals(f[0], f[1], "float32, " + b);
            assertArrayEquals(d[0], d[1], "float64, " + b);
        }
    }

    /** Rows of random floats with a spread of magnitudes, their statistics, an incoming gradient and gamma. */
    private static final class Block {
        final int rows;
        final int n;
        final float[] x;
        final float[] dy;
        final float[] gamma;
        final LayerNormKernel.RowStats stats;

        Block(int rows, int n, boolean affine, long seed) {
            Random r = new Random(seed);
            this.rows = rows;
            this.n = n;
            this.x = values(r, rows * n);
            this.dy = values(r, rows * n);
            this.gamma = affine ? values(r, n) : null;
            this.stats = LayerNormKernel.forward(x, rows, n, null, null, 1e-5, new float[x.length]);
        }

        private static float[] values(Random r, int count) {
            float[] v = new float[count];
            for (int i = 0; i < count; i++) {
                v[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2) + 1);
            }
            return v;
        }

        @Override
        public String toString() {
            return rows + " rows of " + n + (gamma == null ? "" : ", gamma");
        }
    }

    private interface ThreadsCheck {
        void check(int threads);
    }

    private static void onThreads(ThreadsCheck check) {
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            onThreads(threads, () -> check.check(t));
        }
    }

    private static void onThreads(int threads, Runnable body) {
        int saved = Parallel.numThreads();
        try {
            Parallel.setNumThreads(threads);
            body.run();
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    private static double[] widened(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
