package jtorch.internal.kernels;

import java.util.Arrays;

/**
 * Layer normalization of the rows of a dense {@code (M, N)} block, following PyTorch 1.13's CPU
 * kernel so float32 results are PyTorch's bit for bit: each row's mean and biased variance come
 * from its {@code RowwiseMoments} (Welford updates in {@code lanes} vector lanes over chunks of 16
 * vectors, chunks merged pairwise in a cascade, the tail and the lanes merged last), then
 * {@code rstd = 1 / sqrt(var + eps)} and {@code y = (x * rstd + (-rstd * mean)) * gamma + beta}
 * with both multiply-adds fused.
 *
 * <p>Two twins of each step: a block held in a {@code double[]} (float64, and bfloat16 with
 * {@code single}: every intermediate rounded to float where PyTorch computes in float), and a
 * float32 block read and written as a {@code float[]} in float arithmetic. The twins give the same
 * bits: a float operation on floats equals the double operation rounded to float (double has more
 * than 2 * 24 + 2 bits), so the float twin uses float arithmetic only for single operations and
 * keeps in double whatever the double twin adds up in double. Rows are split over
 * {@link Parallel}'s threads; a row's result never depends on the split.
 */
public final class LayerNormKernel {
    private static final int CHUNK = 16;
    /** PyTorch's float vector width: the lanes of a float32 row's moments. */
    private static final int FLOAT_LANES = 8;

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
            DoubleMoments acc = new DoubleMoments(x, lanes, single);
            for (int r = from; r < to; r++) {
                Cancellation.check();
                int base = r * n;
                acc.of(base, n);
                double rstd = rstd(single, acc.var, eps);
                double shift = round(single, -rstd * acc.mean);
                for (int j = 0; j < n; j++) {
                    double v = fma(single, x[base + j], rstd, shift);
                    y[base + j] = gamma == null && beta == null ? v
                            : fma(single, v, gamma == null ? 1 : gamma[j], beta == null ? 0 : beta[j]);
                }
                means[r] = acc.mean;
                rstds[r] = rstd;
            }
        });
        return new RowStats(means, rstds);
    }

    /**
     * {@link #forward} of a float32 block into a float32 result, in float arithmetic: the moments'
     * lanes are independent chains the processor overlaps, the normalization a loop of fused
     * multiply-adds C2 vectorizes.
     */
    public static RowStats forward(float[] x, int rows, int n, float[] gamma, float[] beta, double eps, float[] y) {
        double[] means = new double[rows];
        double[] rstds = new double[rows];
        // one of gamma and beta given: the other as ones or zeros, as ATen's loop takes them
        float[] scale = gamma == null && beta != null ? ones(n) : gamma;
        float[] bias = beta == null && gamma != null ? new float[n] : beta;
        Parallel.forRange(rows, (long) rows * n * 4, (from, to) -> {
            FloatMoments acc = new FloatMoments(x);
            float[] row = new float[n];
            for (int r = from; r < to; r++) {
                Cancellation.check();
                int base = r * n;
                acc.of(base, n);
                float rstd = (float) rstd(true, acc.var, eps);
                normalizeRow(x, base, n, rstd, -rstd * acc.mean, scale, bias, row, y);
                means[r] = acc.mean;
                rstds[r] = rstd;
            }
        });
        return new RowStats(means, rstds);
    }

    /** {@code n} ones: the weight a layer norm without one multiplies by (as ATen's loop takes a missing gamma). */
    private static float[] ones(int n) {
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        return ones;
    }

    /** {@code 1 / sqrt(var + eps)}, each step in the input's precision. */
    private static double rstd(boolean single, double var, double eps) {
        return round(single, 1 / round(single, Math.sqrt(round(single, var + round(single, eps)))));
    }

    /**
     * One row of {@code y = fma(fma(x, rstd, shift), gamma, beta)}; without gamma,
     * {@code fma(x, rstd, shift)}. With gamma the row goes through {@code row} so that every
     * array is read at the same index: C2 (JDK 17) does not vectorize a loop whose arrays are
     * indexed with different loop-invariant offsets.
     */
    private static void normalizeRow(float[] x, int base, int n, float rstd, float shift, float[] gamma, float[] beta,
                                     float[] row, float[] y) {
        if (gamma == null) {
            for (int k = base; k < base + n; k++) {
                y[k] = Math.fma(x[k], rstd, shift);
            }
            return;
        }
        System.arraycopy(x, base, row, 0, n);
        for (int j = 0; j < n; j++) {
            row[j] = Math.fma(Math.fma(row[j], rstd, shift), gamma[j], beta[j]);
        }
        System.arraycopy(row, 0, y, base, n);
    }

    /**
     * The gradients of a bfloat16 layer normalization, each step rounded to float: the kernel's
     * earlier code for every dtype, kept for bfloat16 (float32's and float64's are {@link
     * LayerNormBackward}'s, PyTorch's to the bit; this one is not checked against its bits): per row, with
     * {@code g = dy * gamma}, {@code ds = Σ g x} and {@code db = Σ g},
     * {@code dx = rstd * g + b * x + c} where {@code b = (db * mean - ds) * rstd^3 / n} and
     * {@code c = -b * mean - db * rstd / n}; {@code dgamma = Σ_rows dy (x - mean) rstd},
     * {@code dbeta = Σ_rows dy}. Null outputs are not computed; {@code x} may be null when only
     * {@code dbeta} is.
     */
    public static void backwardBfloat16(double[] dy, double[] x, int rows, int n, RowStats stats, double[] gamma,
                                        double[] dx, double[] dgamma, double[] dbeta) {
        for (int r = 0; r < rows; r++) {
            Cancellation.check();
            int base = r * n;
            double mean = stats.mean()[r];
            double rstd = stats.rstd()[r];
            if (dx != null) {
                double ds = 0;
                double db = 0;
                for (int j = 0; j < n; j++) {
                    double g = gamma == null ? dy[base + j] : toFloat(dy[base + j] * gamma[j]);
                    ds += toFloat(g * x[base + j]);
                    db += g;
                }
                double b = toFloat(toFloat(toFloat(db * mean) - ds) * rstd * rstd * rstd / n);
                double c = toFloat(-b * mean - db * rstd / n);
                for (int j = 0; j < n; j++) {
                    double g = gamma == null ? dy[base + j] : toFloat(dy[base + j] * gamma[j]);
                    dx[base + j] = toFloat(toFloat(rstd * g) + toFloat(b * x[base + j]) + c);
                }
            }
            for (int j = 0; j < n; j++) {
                if (dgamma != null) {
                    dgamma[j] += toFloat(dy[base + j] * toFloat(toFloat(x[base + j] - mean) * rstd));
                }
                if (dbeta != null) {
                    dbeta[j] += dy[base + j];
                }
            }
        }
        roundToFloat(dgamma);
        roundToFloat(dbeta);
    }

    private static double toFloat(double v) {
        return (float) v;
    }

    private static void roundToFloat(double[] v) {
        for (int j = 0; v != null && j < v.length; j++) {
            v[j] = (float) v[j];
        }
    }

    /**
     * PyTorch's RowwiseMoments schedule: Welford statistics per vector lane over chunks of
     * {@link #CHUNK} vectors, merged through a binary cascade (a stack of partial moments, one
     * level per power of two of chunks), then the scalar tail, then the lanes merged into it.
     * Subclasses hold the lanes' partial moments (level {@link #CURRENT} the chunk's) and do the
     * arithmetic in their precision; {@link #of} leaves a row's {@code mean} and biased variance.
     */
    private abstract static class Cascade {
        static final int CURRENT = -1;
        final int lanes;
        private long[] count = new long[0];

        Cascade(int lanes) {
            this.lanes = lanes;
        }

        /** Computes the moments of the {@code n} elements from {@code base} on. */
        final void of(int base, int n) {
            int vectors = n / lanes;
            int chunks = (vectors + CHUNK - 1) / CHUNK;
            int depth = chunks <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(chunks - 1);
            int levels = Math.max(depth, chunks > 0 ? 1 : 0);
            if (count.length < levels) {
                count = new long[levels];
                grow(levels);
            }
            for (int level = 0; level < levels; level++) {
                count[level] = 0;
                clear(level);
            }
            for (int i = 0; i < chunks; i++) {
                int inChunk = Math.min(CHUNK, vectors - i * CHUNK);
                chunk(base + i * CHUNK * lanes, inChunk);
                count[0] = merge(inChunk, CURRENT, count[0], 0);
                for (int level = 1, mask = i + 1; level < depth && (mask & 1) == 0; level++, mask >>= 1) {
                    count[level] = merge(count[level - 1], level - 1, count[level], level);
                    count[level - 1] = 0;
                    clear(level - 1);
                }
            }
            for (int level = 1; level < depth; level++) {
                count[0] = merge(count[level], level, count[0], 0);
            }
            finish(base, n, vectors, levels > 0);
        }

        /** Makes room for {@code levels} levels of partial moments. */
        abstract void grow(int levels);

        /** Zeroes a level's partial moments. */
        abstract void clear(int level);

        /** The Welford updates of one chunk of {@code inChunk} vectors from {@code at} on, into level {@link #CURRENT}. */
        abstract void chunk(int at, int inChunk);

        /** PyTorch's AddMomentsVec: folds {@code (c0, level from)} into {@code (c1, level to)} lane by lane; returns the new count. */
        abstract long merge(long c0, int from, long c1, int to);

        /** The scalar Welford updates of the tail, then the lanes of level 0 ({@code laned}) merged in. */
        abstract void finish(int base, int n, int vectors, boolean laned);
    }

    /** {@link Cascade} of a {@code double[]} block, each step rounded to float with {@code single}. */
    private static final class DoubleMoments extends Cascade {
        private final double[] x;
        private final boolean single;
        private final double[] m1;
        private final double[] m2;
        private final double[] inv;
        private double[][] s1 = new double[0][];
        private double[][] s2 = new double[0][];
        double mean;
        double var;

        DoubleMoments(double[] x, int lanes, boolean single) {
            super(lanes);
            this.x = x;
            this.single = single;
            this.m1 = new double[lanes];
            this.m2 = new double[lanes];
            this.inv = new double[CHUNK];
            for (int j = 0; j < CHUNK; j++) {
                inv[j] = round(single, 1.0 / (j + 1));
            }
        }

        @Override
        void grow(int levels) {
            s1 = new double[levels][lanes];
            s2 = new double[levels][lanes];
        }

        @Override
        void clear(int level) {
            Arrays.fill(s1[level], 0);
            Arrays.fill(s2[level], 0);
        }

        @Override
        void chunk(int at, int inChunk) {
            Arrays.fill(m1, 0);
            Arrays.fill(m2, 0);
            for (int j = 0; j < inChunk; j++, at += lanes) {
                for (int l = 0; l < lanes; l++) {
                    double v = x[at + l];
                    double delta = round(single, v - m1[l]);
                    m1[l] = round(single, m1[l] + round(single, delta * inv[j]));
                    m2[l] = round(single, m2[l] + round(single, delta * round(single, v - m1[l])));
                }
            }
        }

        @Override
        long merge(long c0, int from, long c1, int to) {
            double[] a1 = from == CURRENT ? m1 : s1[from];
            double[] a2 = from == CURRENT ? m2 : s2[from];
            long total = c0 + c1;
            double c = total == 0 ? 0 : round(single, (double) c0 / total);
            for (int l = 0; l < lanes; l++) {
                double delta = round(single, a1[l] - s1[to][l]);
                s1[to][l] = round(single, s1[to][l] + round(single, delta * c));
                s2[to][l] = round(single, s2[to][l] + round(single, a2[l]
                        + round(single, round(single, round(single, delta * delta) * c) * c1)));
            }
            return total;
        }

        @Override
        void finish(int base, int n, int vectors, boolean laned) {
            long m0 = 0;
            double mu = 0;
            double sq = 0;
            for (int i = vectors * lanes; i < n; i++) {
                double v = x[base + i];
                double delta = round(single, v - mu);
                m0++;
                mu = round(single, mu + round(single, delta / m0));
                sq = round(single, sq + round(single, delta * round(single, v - mu)));
            }
            long added = vectors;
            for (int l = 0; l < lanes && laned; l++) {
                long total = m0 + added;
                double c = total == 0 ? 0 : round(single, (double) added / total);
                double delta = round(single, s1[0][l] - mu);
                mu = round(single, mu + round(single, c * delta));
                sq = round(single, sq + round(single, s2[0][l]
                        + round(single, round(single, round(single, delta * delta) * c) * m0)));
                m0 = total;
            }
            mean = mu;
            var = round(single, sq / n);
        }
    }

    /**
     * {@link DoubleMoments} of a float32 block in float arithmetic, in {@link #FLOAT_LANES} lanes:
     * each step there rounded to float is one float operation here (a count enters as a double,
     * as there, and the product or quotient is rounded).
     */
    private static final class FloatMoments extends Cascade {
        private final float[] x;
        private final float[] m1 = new float[FLOAT_LANES];
        private final float[] m2 = new float[FLOAT_LANES];
        private final float[] inv = new float[CHUNK];
        private float[][] s1 = new float[0][];
        private float[][] s2 = new float[0][];
        float mean;
        float var;

        FloatMoments(float[] x) {
            super(FLOAT_LANES);
            this.x = x;
            for (int j = 0; j < CHUNK; j++) {
                inv[j] = (float) (1.0 / (j + 1));
            }
        }

        @Override
        void grow(int levels) {
            s1 = new float[levels][FLOAT_LANES];
            s2 = new float[levels][FLOAT_LANES];
        }

        @Override
        void clear(int level) {
            Arrays.fill(s1[level], 0);
            Arrays.fill(s2[level], 0);
        }

        /**
         * The eight lanes' chains in locals, one loop: through {@code m1} and {@code m2} every
         * update waited for a store to reach the next load, and two loops of four lanes overlap
         * less (forward of 4096 rows of 512 on one thread: 3.8 ms through the arrays, 3.0-3.4 in
         * two loops of four, 2.7-2.9 in this loop).
         */
        @Override
        void chunk(int at, int inChunk) {
            float a0 = 0;
            float a1 = 0;
            float a2 = 0;
            float a3 = 0;
            float a4 = 0;
            float a5 = 0;
            float a6 = 0;
            float a7 = 0;
            float q0 = 0;
            float q1 = 0;
            float q2 = 0;
            float q3 = 0;
            float q4 = 0;
            float q5 = 0;
            float q6 = 0;
            float q7 = 0;
            for (int j = 0, k = at; j < inChunk; j++, k += FLOAT_LANES) {
                float w = inv[j];
                float v0 = x[k];
                float d0 = v0 - a0;
                a0 += d0 * w;
                q0 += d0 * (v0 - a0);
                float v1 = x[k + 1];
                float d1 = v1 - a1;
                a1 += d1 * w;
                q1 += d1 * (v1 - a1);
                float v2 = x[k + 2];
                float d2 = v2 - a2;
                a2 += d2 * w;
                q2 += d2 * (v2 - a2);
                float v3 = x[k + 3];
                float d3 = v3 - a3;
                a3 += d3 * w;
                q3 += d3 * (v3 - a3);
                float v4 = x[k + 4];
                float d4 = v4 - a4;
                a4 += d4 * w;
                q4 += d4 * (v4 - a4);
                float v5 = x[k + 5];
                float d5 = v5 - a5;
                a5 += d5 * w;
                q5 += d5 * (v5 - a5);
                float v6 = x[k + 6];
                float d6 = v6 - a6;
                a6 += d6 * w;
                q6 += d6 * (v6 - a6);
                float v7 = x[k + 7];
                float d7 = v7 - a7;
                a7 += d7 * w;
                q7 += d7 * (v7 - a7);
            }
            m1[0] = a0;
            m1[1] = a1;
            m1[2] = a2;
            m1[3] = a3;
            m1[4] = a4;
            m1[5] = a5;
            m1[6] = a6;
            m1[7] = a7;
            m2[0] = q0;
            m2[1] = q1;
            m2[2] = q2;
            m2[3] = q3;
            m2[4] = q4;
            m2[5] = q5;
            m2[6] = q6;
            m2[7] = q7;
        }

        @Override
        long merge(long c0, int from, long c1, int to) {
            float[] a1 = from == CURRENT ? m1 : s1[from];
            float[] a2 = from == CURRENT ? m2 : s2[from];
            float[] b1 = s1[to];
            float[] b2 = s2[to];
            long total = c0 + c1;
            float c = total == 0 ? 0 : (float) ((double) c0 / total);
            for (int l = 0; l < FLOAT_LANES; l++) {
                float delta = a1[l] - b1[l];
                b1[l] += delta * c;
                b2[l] += a2[l] + (float) (delta * delta * c * (double) c1);
            }
            return total;
        }

        @Override
        void finish(int base, int n, int vectors, boolean laned) {
            long m0 = 0;
            float mu = 0;
            float sq = 0;
            for (int i = vectors * FLOAT_LANES; i < n; i++) {
                float v = x[base + i];
                float delta = v - mu;
                m0++;
                mu += (float) (delta / (double) m0);
                sq += delta * (v - mu);
            }
            long added = vectors;
            for (int l = 0; l < FLOAT_LANES && laned; l++) {
                long total = m0 + added;
                float c = total == 0 ? 0 : (float) ((double) added / total);
                float delta = s1[0][l] - mu;
                mu += c * delta;
                sq += s2[0][l] + (float) (delta * delta * c * (double) m0);
                m0 = total;
            }
            mean = mu;
            var = (float) (sq / (double) n);
        }
    }

    private static double round(boolean single, double v) {
        return single ? (float) v : v;
    }

    private static double fma(boolean single, double a, double b, double c) {
        return single ? Math.fma((float) a, (float) b, (float) c) : Math.fma(a, b, c);
    }
}
