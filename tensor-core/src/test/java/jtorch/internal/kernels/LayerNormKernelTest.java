package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LayerNormKernel}: the float32 twin and the double twin of the forward, and bfloat16's
 * backward, give bit for bit what the kernel's earlier per-row double code ({@link Reference})
 * gives, over row lengths around the moments' lane and chunk boundaries, with and without gamma
 * and beta, on one and two threads (float32's and float64's backward: {@link LayerNormBackwardTest}).
 */
class LayerNormKernelTest {
    /** Row lengths: under one vector, ragged tails, one chunk, several cascade levels. */
    private static final int[] LENGTHS = {1, 3, 7, 8, 17, 128, 129, 384, 512, 513, 2056};
    private static final double EPS = 1e-5;

    @Test
    void forward_float32_equalsTheEarlierDoubleCode() {
        forEachCase((c, threads) -> {
            float[] y = new float[c.x().length];
            LayerNormKernel.RowStats stats = LayerNormKernel.forward(c.x(), c.rows(), c.n(), c.gamma(), c.beta(), EPS,
                    y);
            double[] expected = new double[y.length];
            LayerNormKernel.RowStats want = Reference.forward(widened(c.x()), c.rows(), c.n(), widened(c.gamma()),
                    widened(c.beta()), EPS, true, 8, expected);
            String what = c + " on " + threads + " threads";
            assertArrayEquals(narrowed(expected), y, what);
            assertArrayEquals(want.mean(), stats.mean(), "mean, " + what);
            assertArrayEquals(want.rstd(), stats.rstd(), "rstd, " + what);
        });
    }

    @Test
    void forward_doubleArrays_equalTheEarlierDoubleCode() {
        forEachCase((c, threads) -> {
            for (boolean single : new boolean[] {true, false}) {
                int lanes = single ? 8 : 4;
                double[] x = widened(c.x());
                double[] y = new double[x.length];
                double[] expected = new double[x.length];
                LayerNormKernel.RowStats stats = LayerNormKernel.forward(x, c.rows(), c.n(), widened(c.gamma()),
                        widened(c.beta()), EPS, single, lanes, y);
                LayerNormKernel.RowStats want = Reference.forward(x, c.rows(), c.n(), widened(c.gamma()),
                        widened(c.beta()), EPS, single, lanes, expected);
                String what = c + ", single " + single + ", on " + threads + " threads";
                assertArrayEquals(expected, y, what);
                assertArrayEquals(want.mean(), stats.mean(), "mean, " + what);
                assertArrayEquals(want.rstd(), stats.rstd(), "rstd, " + what);
            }
        });
    }

    @Test
    void backwardBfloat16_equalsTheEarlierDoubleCode() {
        forEachCase((c, threads) -> {
            double[] dy = widened(values(c.seed() + 9, c.x().length));
            double[] x = widened(c.x());
            LayerNormKernel.RowStats stats = stats(c);
            double[][] got = {new double[dy.length], new double[c.n()], new double[c.n()]};
            double[][] want = {new double[dy.length], new double[c.n()], new double[c.n()]};
            LayerNormKernel.backwardBfloat16(dy, x, c.rows(), c.n(), stats, widened(c.gamma()), got[0], got[1],
                    got[2]);
            Reference.backward(dy, x, c.rows(), c.n(), stats, widened(c.gamma()), true, want[0], want[1], want[2]);
            for (int i = 0; i < got.length; i++) {
                assertArrayEquals(want[i], got[i], "gradient " + i + ", " + c);
            }
        });
    }

    /** One block of rows: input, gamma and beta (either may be null), its seed. */
    private record Case(float[] x, int rows, int n, float[] gamma, float[] beta, long seed) {
        @Override
        public String toString() {
            return rows + " rows of " + n + (gamma == null ? "" : ", gamma") + (beta == null ? "" : ", beta");
        }
    }

    private interface CaseCheck {
        void check(Case c, int threads);
    }

    /**
     * Every row length, with a few rows and with enough for each kernel to split them over two
     * threads ({@link Parallel#GRAIN}); gamma and beta, gamma only and neither; one thread and two.
     */
    private static void forEachCase(CaseCheck check) {
        int saved = Parallel.numThreads();
        try {
            long seed = 0;
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setNumThreads(threads);
                for (int n : LENGTHS) {
                    for (int rows : new int[] {3, Parallel.GRAIN / (2 * n) + 5}) {
                        for (int affine = 0; affine < 3; affine++) {
                            seed += 10;
                            float[] x = values(seed, rows * n);
                            specialRows(x, n);
                            float[] gamma = affine < 2 ? values(seed + 1, n) : null;
                            float[] beta = affine < 1 ? values(seed + 2, n) : null;
                            check.check(new Case(x, rows, n, gamma, beta, seed), threads);
                        }
                    }
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    /** The statistics the reference's forward saves for {@code c}. */
    private static LayerNormKernel.RowStats stats(Case c) {
        return Reference.forward(widened(c.x()), c.rows(), c.n(), null, null, EPS, true, 8, new double[c.x().length]);
    }

    /** Row 0 constant (zero variance), row 1 zeros of both signs. */
    private static void specialRows(float[] x, int n) {
        java.util.Arrays.fill(x, 0, n, x[0]);
        for (int j = 0; j < n; j++) {
            x[n + j] = j % 2 == 0 ? -0f : 0f;
        }
    }

    /** Random floats around 1 with a spread of magnitudes. */
    private static float[] values(long seed, int count) {
        Random r = new Random(seed);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2) + 1);
        }
        return v;
    }

    private static double[] widened(float[] v) {
        if (v == null) {
            return null;
        }
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static float[] narrowed(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** The kernel's per-row double code before its float32 twin (commit 4e0a5d8), kept as the oracle. */
    private static final class Reference {
        private static final int CHUNK = 16;

        static LayerNormKernel.RowStats forward(double[] x, int rows, int n, double[] gamma, double[] beta,
                                                double eps, boolean single, int lanes, double[] y) {
            double[] means = new double[rows];
            double[] rstds = new double[rows];
            Moments acc = new Moments(lanes, single);
            for (int r = 0; r < rows; r++) {
                int base = r * n;
                double[] mv = acc.of(x, base, n);
                double rstd = round(single, 1 / round(single, Math.sqrt(round(single, mv[1] + round(single, eps)))));
                double shift = round(single, -rstd * mv[0]);
                for (int j = 0; j < n; j++) {
                    double v = fma(single, x[base + j], rstd, shift);
                    y[base + j] = gamma == null ? v : fma(single, v, gamma[j], beta == null ? 0 : beta[j]);
                }
                means[r] = mv[0];
                rstds[r] = rstd;
            }
            return new LayerNormKernel.RowStats(means, rstds);
        }

        static void backward(double[] dy, double[] x, int rows, int n, LayerNormKernel.RowStats stats,
                             double[] gamma, boolean single, double[] dx, double[] dgamma, double[] dbeta) {
            for (int r = 0; r < rows; r++) {
                int base = r * n;
                double mean = stats.mean()[r];
                double rstd = stats.rstd()[r];
                if (dx != null) {
                    double ds = 0;
                    double db = 0;
                    for (int j = 0; j < n; j++) {
                        double g = gamma == null ? dy[base + j] : round(single, dy[base + j] * gamma[j]);
                        ds += round(single, g * x[base + j]);
                        db += g;
                    }
                    double b = round(single, round(single, round(single, db * mean) - ds) * rstd * rstd * rstd / n);
                    double c = round(single, -b * mean - db * rstd / n);
                    for (int j = 0; j < n; j++) {
                        double g = gamma == null ? dy[base + j] : round(single, dy[base + j] * gamma[j]);
                        dx[base + j] = round(single, round(single, rstd * g) + round(single, b * x[base + j]) + c);
                    }
                }
                for (int j = 0; j < n; j++) {
                    if (dgamma != null) {
                        dgamma[j] += round(single, dy[base + j] * round(single, round(single, x[base + j] - mean)
                                * rstd));
                    }
                    if (dbeta != null) {
                        dbeta[j] += dy[base + j];
                    }
                }
            }
            for (int j = 0; single && j < n; j++) {
                if (dgamma != null) {
                    dgamma[j] = (float) dgamma[j];
                }
                if (dbeta != null) {
                    dbeta[j] = (float) dbeta[j];
                }
            }
        }

        private static final class Moments {
            private final int lanes;
            private final boolean single;
            private final double[] m1;
            private final double[] m2;
            private final double[] inv;

            Moments(int lanes, boolean single) {
                this.lanes = lanes;
                this.single = single;
                this.m1 = new double[lanes];
                this.m2 = new double[lanes];
                this.inv = new double[CHUNK];
                for (int j = 0; j < CHUNK; j++) {
                    inv[j] = round(single, 1.0 / (j + 1));
                }
            }

            double[] of(double[] x, int base, int n) {
                int vectors = n / lanes;
                int chunks = (vectors + CHUNK - 1) / CHUNK;
                int depth = chunks <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(chunks - 1);
                int levels = Math.max(depth, chunks > 0 ? 1 : 0);
                long[] count = new long[levels];
                double[][] s1 = new double[levels][lanes];
                double[][] s2 = new double[levels][lanes];
                for (int i = 0; i < chunks; i++) {
                    int inChunk = Math.min(CHUNK, vectors - i * CHUNK);
                    java.util.Arrays.fill(m1, 0);
                    java.util.Arrays.fill(m2, 0);
                    for (int j = 0; j < inChunk; j++) {
                        int at = base + (i * CHUNK + j) * lanes;
                        for (int l = 0; l < lanes; l++) {
                            double v = x[at + l];
                            double delta = round(single, v - m1[l]);
                            m1[l] = round(single, m1[l] + round(single, delta * inv[j]));
                            m2[l] = round(single, m2[l] + round(single, delta * round(single, v - m1[l])));
                        }
                    }
                    count[0] = merge(inChunk, m1, m2, count[0], s1[0], s2[0]);
                    for (int level = 1, mask = i + 1; level < depth && (mask & 1) == 0; level++, mask >>= 1) {
                        count[level] = merge(count[level - 1], s1[level - 1], s2[level - 1], count[level], s1[level],
                                s2[level]);
                        count[level - 1] = 0;
                        java.util.Arrays.fill(s1[level - 1], 0);
                        java.util.Arrays.fill(s2[level - 1], 0);
                    }
                }
                for (int level = 1; level < depth; level++) {
                    count[0] = merge(count[level], s1[level], s2[level], count[0], s1[0], s2[0]);
                }
                long m0 = 0;
                double mean = 0;
                double sq = 0;
                for (int i = vectors * lanes; i < n; i++) {
                    double v = x[base + i];
                    double delta = round(single, v - mean);
                    m0++;
                    mean = round(single, mean + round(single, delta / m0));
                    sq = round(single, sq + round(single, delta * round(single, v - mean)));
                }
                long added = vectors;
                for (int l = 0; l < lanes && levels > 0; l++) {
                    long total = m0 + added;
                    double c = total == 0 ? 0 : round(single, (double) added / total);
                    double delta = round(single, s1[0][l] - mean);
                    mean = round(single, mean + round(single, c * delta));
                    sq = round(single, sq + round(single, s2[0][l]
                            + round(single, round(single, round(single, delta * delta) * c) * m0)));
                    m0 = total;
                }
                return new double[] {mean, round(single, sq / n)};
            }

            private long merge(long c0, double[] a1, double[] a2, long c1, double[] b1, double[] b2) {
                long total = c0 + c1;
                double c = total == 0 ? 0 : round(single, (double) c0 / total);
                for (int l = 0; l < lanes; l++) {
                    double delta = round(single, a1[l] - b1[l]);
                    b1[l] = round(single, b1[l] + round(single, delta * c));
                    b2[l] = round(single, b2[l] + round(single, a2[l]
                            + round(single, round(single, round(single, delta * delta) * c) * c1)));
                }
                return total;
            }
        }

        private static double round(boolean single, double v) {
            return single ? (float) v : v;
        }

        private static double fma(boolean single, double a, double b, double c) {
            return single ? Math.fma((float) a, (float) b, (float) c) : Math.fma(a, b, c);
        }
    }
}
