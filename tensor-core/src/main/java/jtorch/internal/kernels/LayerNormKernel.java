package jtorch.internal.kernels;

/**
 * Layer normalization of the rows of a dense {@code (M, N)} block held in a {@code double[]},
 * following PyTorch 1.13's CPU kernel so float32 results are PyTorch's bit for bit: each row's
 * mean and biased variance come from its {@code RowwiseMoments} (Welford updates in
 * {@code lanes} vector lanes over chunks of 16 vectors, chunks merged pairwise in a cascade, the
 * tail and the lanes merged last), then {@code rstd = 1 / sqrt(var + eps)} and
 * {@code y = (x * rstd + (-rstd * mean)) * gamma + beta} with both multiply-adds fused. With
 * {@code single} every intermediate is rounded to float where PyTorch computes in float.
 */
public final class LayerNormKernel {
    private static final int CHUNK = 16;

    private LayerNormKernel() {}

    /** A row's statistics: mean and {@code 1 / sqrt(var + eps)}. */
    public record RowStats(double[] mean, double[] rstd) {
    }

    /** Normalizes {@code rows} rows of {@code n} elements into {@code y}; gamma and beta (length n) may be null. */
    public static RowStats forward(double[] x, int rows, int n, double[] gamma, double[] beta, double eps,
                                   boolean single, int lanes, double[] y) {
        double[] means = new double[rows];
        double[] rstds = new double[rows];
        Parallel.forRange(rows, (long) rows * n * 4, (from, to) -> {
            Moments acc = new Moments(lanes, single);
            for (int r = from; r < to; r++) {
                Cancellation.check();
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
        });
        return new RowStats(means, rstds);
    }

    /**
     * The gradients of layer normalization (PyTorch's layer_norm_backward): per row, with
     * {@code g = dy * gamma}, {@code ds = Σ g x} and {@code db = Σ g},
     * {@code dx = rstd * g + b * x + c} where {@code b = (db * mean - ds) * rstd^3 / n} and
     * {@code c = -b * mean - db * rstd / n}; {@code dgamma = Σ_rows dy (x - mean) rstd},
     * {@code dbeta = Σ_rows dy}. Null outputs are not computed; {@code x} may be null when only
     * {@code dbeta} is.
     */
    public static void backward(double[] dy, double[] x, int rows, int n, RowStats stats, double[] gamma,
                                boolean single, double[] dx, double[] dgamma, double[] dbeta) {
        for (int r = 0; r < rows; r++) {
            Cancellation.check();
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
                    dgamma[j] += round(single, dy[base + j] * round(single, round(single, x[base + j] - mean) * rstd));
                }
                if (dbeta != null) {
                    dbeta[j] += dy[base + j];
                }
            }
        }
        if (single) {
            for (int j = 0; j < n; j++) {
                if (dgamma != null) {
                    dgamma[j] = (float) dgamma[j];
                }
                if (dbeta != null) {
                    dbeta[j] = (float) dbeta[j];
                }
            }
        }
    }

    /**
     * PyTorch's RowwiseMoments: Welford statistics per vector lane over chunks of {@link #CHUNK}
     * vectors, merged through a binary cascade (a stack of partial moments, one level per power
     * of two of chunks), then the scalar tail, then the lanes merged into it.
     */
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

        /** {mean, biased variance} of {@code x[base .. base + n)}. */
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

        /** PyTorch's AddMomentsVec: folds {@code (c0, a1, a2)} into {@code (c1, b1, b2)} lane by lane; returns the new count. */
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
