package jtorch.internal.kernels;

/**
 * The gradients of layer normalization over the rows of a dense {@code (rows, n)} block, as
 * PyTorch 1.13's CPU kernel computes them (its AVX2 build), so float32 and float64 results are
 * PyTorch's bit for bit. With {@code a = rstd} of a row, {@code g = dy * gamma} ({@code dy}
 * without gamma):
 * <ul>
 *   <li>{@code ds = Σ g x} and {@code db = Σ g}, each in {@code L} vector lanes (8 float, 4
 *       double): lane {@code l} adds the row's elements {@code j ≡ l (mod L)} in order, from the
 *       first vector's plain products on by fused multiply-adds ({@code (dy x) gamma} fused as
 *       {@code fma(dy x, gamma, acc)}); then float's lanes added pairwise, halves first (AVX2's
 *       shuffles), double's in order; a row shorter than {@code L} adds its terms in order;</li>
 *   <li>{@code b = fma(db, mean, -ds) a a a / n}, {@code c = fma(-b, mean, -(db a / n))},
 *       {@code dx = fma(b, x, a dy gamma) + c};</li>
 *   <li>{@code dgamma[j] = Σ_rows fma(dy, fma(a, x, -a mean), ·)} and {@code dbeta[j] = Σ_rows dy},
 *       row by row in order: PyTorch's order on one thread (on more it adds per-thread blocks of
 *       rows, and its last bits depend on its thread count; ours do not).</li>
 * </ul>
 * The fused steps are where GCC contracts PyTorch's vector expressions (measured against its
 * bits: tools/bits/record_layer_norm.py). Rows ({@code dx}) or columns ({@code dgamma},
 * {@code dbeta}) are split over {@link Parallel}'s threads; no result depends on the split. Each
 * step has a float and a double twin; float32's elementwise loops run their whole vectors in {@link
 * VectorLayerNorm} once compiled.
 */
public final class LayerNormBackward {
    private static final int FLOAT_LANES = 8;
    private static final int DOUBLE_LANES = 4;

    private LayerNormBackward() {}

    /** The input's gradient of a float32 block; {@code gamma} null for a layer without weight. */
    public static void inputGrad(float[] dy, float[] x, int rows, int n, LayerNormKernel.RowStats stats,
                                 float[] gamma, float[] dx) {
        inputGrad(dy, x, rows, n, stats, gamma, dx, Kernels.vectorHot());
    }

    /** {@link #inputGrad}, whole vectors by {@link VectorLayerNorm} when {@code vector}. */
    static void inputGrad(float[] dy, float[] x, int rows, int n, LayerNormKernel.RowStats stats, float[] gamma,
                          float[] dx, boolean vector) {
        Parallel.forRange(rows, 6L * rows * n, (from, to) -> {
            float[] lanes = new float[2 * FLOAT_LANES];
            for (int r = from; r < to; r++) {
                Cancellation.check();
                rowInputGrad(dy, x, r * n, n, (float) stats.mean()[r], (float) stats.rstd()[r], gamma, dx, lanes,
                        vector);
            }
        });
    }

    private static void rowInputGrad(float[] dy, float[] x, int base, int n, float mean, float a, float[] gamma,
                                     float[] dx, float[] lanes, boolean vector) {
        float ds;
        float db;
        if (n < FLOAT_LANES) {
            ds = sTerm(dy, x, base, 0, gamma);
            db = bTerm(dy, base, 0, gamma);
            for (int j = 1; j < n; j++) {
                ds += sTerm(dy, x, base, j, gamma);
                db += bTerm(dy, base, j, gamma);
            }
        } else {
            int whole = n & -FLOAT_LANES;
            for (int l = 0; l < FLOAT_LANES; l += 4) {
                fourLanes(dy, x, base, l, whole, gamma, lanes);
            }
            for (int j = whole; j < n; j++) {
                int l = j & (FLOAT_LANES - 1);
                float d = dy[base + j];
                lanes[l] = gamma == null ? Math.fma(d, x[base + j], lanes[l])
                        : Math.fma(d * x[base + j], gamma[j], lanes[l]);
                lanes[FLOAT_LANES + l] = gamma == null ? lanes[FLOAT_LANES + l] + d
                        : Math.fma(d, gamma[j], lanes[FLOAT_LANES + l]);
            }
            ds = pairwise(lanes, 0);
            db = pairwise(lanes, FLOAT_LANES);
        }
        float scale = 1f / n;
        float b = Math.fma(db, mean, -ds) * a * a * a * scale;
        float c = Math.fma(-b, mean, -(db * a * scale));
        int j = vector ? VectorLayerNorm.inputGradRow(dy, x, base, n, a, b, c, gamma, dx) : 0;
        for (; j < n; j++) {
            float ag = gamma == null ? a * dy[base + j] : a * dy[base + j] * gamma[j];
            dx[base + j] = Math.fma(b, x[base + j], ag) + c;
        }
    }

    /**
     * Lanes {@code l} to {@code l + 3} of {@code ds} (into {@code lanes[l..]}) and {@code db}
     * (into {@code lanes[8 + l..]}) over the row's whole vectors: eight chains in locals, which
     * the processor overlaps (through an array each step waited for the last one's store). Not by
     * the Vector API: an 8-lane loop, beside {@link VectorKernels}' wider species, had its vectors
     * boxed on JDK 17 here (~0.45 GB allocated every 60 ms, failed store intrinsics in C2's
     * log; 1.1 ns an element, where this loop and the vector dx loop take 1.5 ms for 2 M).
     */
    private static void fourLanes(float[] dy, float[] x, int base, int l, int whole, float[] gamma, float[] lanes) {
        float s0 = sTerm(dy, x, base, l, gamma);
        float s1 = sTerm(dy, x, base, l + 1, gamma);
        float s2 = sTerm(dy, x, base, l + 2, gamma);
        float s3 = sTerm(dy, x, base, l + 3, gamma);
        float t0 = bTerm(dy, base, l, gamma);
        float t1 = bTerm(dy, base, l + 1, gamma);
        float t2 = bTerm(dy, base, l + 2, gamma);
        float t3 = bTerm(dy, base, l + 3, gamma);
        if (gamma == null) {
            for (int k = base + l + FLOAT_LANES; k < base + whole; k += FLOAT_LANES) {
                s0 = Math.fma(dy[k], x[k], s0);
                s1 = Math.fma(dy[k + 1], x[k + 1], s1);
                s2 = Math.fma(dy[k + 2], x[k + 2], s2);
                s3 = Math.fma(dy[k + 3], x[k + 3], s3);
                t0 += dy[k];
                t1 += dy[k + 1];
                t2 += dy[k + 2];
                t3 += dy[k + 3];
            }
        } else {
            for (int j = l + FLOAT_LANES, k = base + j; j < whole; j += FLOAT_LANES, k += FLOAT_LANES) {
                s0 = Math.fma(dy[k] * x[k], gamma[j], s0);
                s1 = Math.fma(dy[k + 1] * x[k + 1], gamma[j + 1], s1);
                s2 = Math.fma(dy[k + 2] * x[k + 2], gamma[j + 2], s2);
                s3 = Math.fma(dy[k + 3] * x[k + 3], gamma[j + 3], s3);
                t0 = Math.fma(dy[k], gamma[j], t0);
                t1 = Math.fma(dy[k + 1], gamma[j + 1], t1);
                t2 = Math.fma(dy[k + 2], gamma[j + 2], t2);
                t3 = Math.fma(dy[k + 3], gamma[j + 3], t3);
            }
        }
        lanes[l] = s0;
        lanes[l + 1] = s1;
        lanes[l + 2] = s2;
        lanes[l + 3] = s3;
        lanes[FLOAT_LANES + l] = t0;
        lanes[FLOAT_LANES + l + 1] = t1;
        lanes[FLOAT_LANES + l + 2] = t2;
        lanes[FLOAT_LANES + l + 3] = t3;
    }

    /** A term of {@code ds}: {@code dy x}, times gamma when given. */
    private static float sTerm(float[] dy, float[] x, int base, int j, float[] gamma) {
        float p = dy[base + j] * x[base + j];
        return gamma == null ? p : p * gamma[j];
    }

    /** A term of {@code db}: {@code dy}, times gamma when given. */
    private static float bTerm(float[] dy, int base, int j, float[] gamma) {
        return gamma == null ? dy[base + j] : dy[base + j] * gamma[j];
    }

    /** The 8 lanes from {@code at}, added as AVX2's halving shuffles do: {@code ((0+4)+(2+6)) + ((1+5)+(3+7))}. */
    private static float pairwise(float[] lanes, int at) {
        float l0 = lanes[at] + lanes[at + 4];
        float l1 = lanes[at + 1] + lanes[at + 5];
        float l2 = lanes[at + 2] + lanes[at + 6];
        float l3 = lanes[at + 3] + lanes[at + 7];
        return (l0 + l2) + (l1 + l3);
    }

    /**
     * The weight's and bias's gradients of a float32 block into {@code dgamma} and {@code dbeta}
     * (either may be null; {@code x} only for the weight's), the columns split over the threads.
     */
    public static void paramGrads(float[] dy, float[] x, int rows, int n, LayerNormKernel.RowStats stats,
                                  float[] dgamma, float[] dbeta) {
        paramGrads(dy, x, rows, n, stats, dgamma, dbeta, Kernels.vectorHot());
    }

    /** {@link #paramGrads}, whole vectors by {@link VectorLayerNorm} when {@code vector}. */
    static void paramGrads(float[] dy, float[] x, int rows, int n, LayerNormKernel.RowStats stats, float[] dgamma,
                           float[] dbeta, boolean vector) {
        Parallel.forRange(n, 2L * rows * n, (from, to) -> {
            for (int r = 0; r < rows; r++) {
                Cancellation.checkEvery(r);
                int base = r * n;
                float a = (float) stats.rstd()[r];
                float shift = -a * (float) stats.mean()[r];
                int j = vector ? VectorLayerNorm.paramRow(dy, x, base, from, to, a, shift, dgamma, dbeta) : from;
                for (; j < to; j++) {
                    float d = dy[base + j];
                    if (dgamma != null) {
                        dgamma[j] = Math.fma(d, Math.fma(a, x[base + j], shift), dgamma[j]);
                    }
                    if (dbeta != null) {
                        dbeta[j] += d;
                    }
                }
            }
            // PyTorch's second pass adds the one thread's sums to zero: -0 becomes +0
            for (int j = from; j < to; j++) {
                if (dgamma != null) {
                    dgamma[j] = 0f + dgamma[j];
                }
                if (dbeta != null) {
                    dbeta[j] = 0f + dbeta[j];
                }
            }
        });
    }

    /** {@link #inputGrad} of a float64 block, in 4 double lanes. */
    public static void inputGrad(double[] dy, double[] x, int rows, int n, LayerNormKernel.RowStats stats,
                                 double[] gamma, double[] dx) {
        Parallel.forRange(rows, 6L * rows * n, (from, to) -> {
            double[] lanes = new double[2 * DOUBLE_LANES];
            for (int r = from; r < to; r++) {
                Cancellation.check();
                rowInputGrad(dy, x, r * n, n, stats.mean()[r], stats.rstd()[r], gamma, dx, lanes);
            }
        });
    }

    /** One row of the float64 input gradient; {@code lanes} holds ds's 4 lanes, then db's. */
    private static void rowInputGrad(double[] dy, double[] x, int base, int n, double mean, double a, double[] gamma,
                                     double[] dx, double[] lanes) {
        double ds;
        double db;
        if (n < DOUBLE_LANES) {
            ds = sTerm(dy, x, base, 0, gamma);
            db = bTerm(dy, base, 0, gamma);
            for (int j = 1; j < n; j++) {
                ds += sTerm(dy, x, base, j, gamma);
                db += bTerm(dy, base, j, gamma);
            }
        } else {
            for (int j = 0; j < DOUBLE_LANES; j++) {
                lanes[j] = sTerm(dy, x, base, j, gamma);
                lanes[DOUBLE_LANES + j] = bTerm(dy, base, j, gamma);
            }
            for (int j = DOUBLE_LANES; j < n; j++) {
                int l = j & (DOUBLE_LANES - 1);
                double d = dy[base + j];
                lanes[l] = gamma == null ? Math.fma(d, x[base + j], lanes[l])
                        : Math.fma(d * x[base + j], gamma[j], lanes[l]);
                lanes[DOUBLE_LANES + l] = gamma == null ? lanes[DOUBLE_LANES + l] + d
                        : Math.fma(d, gamma[j], lanes[DOUBLE_LANES + l]);
            }
            ds = ((lanes[0] + lanes[1]) + lanes[2]) + lanes[3];
            db = ((lanes[4] + lanes[5]) + lanes[6]) + lanes[7];
        }
        double scale = 1.0 / n;
        double b = Math.fma(db, mean, -ds) * a * a * a * scale;
        double c = Math.fma(-b, mean, -(db * a * scale));
        for (int j = 0; j < n; j++) {
            double ag = gamma == null ? a * dy[base + j] : a * dy[base + j] * gamma[j];
            dx[base + j] = Math.fma(b, x[base + j], ag) + c;
        }
    }

    private static double sTerm(double[] dy, double[] x, int base, int j, double[] gamma) {
        double p = dy[base + j] * x[base + j];
        return gamma == null ? p : p * gamma[j];
    }

    private static double bTerm(double[] dy, int base, int j, double[] gamma) {
        return gamma == null ? dy[base + j] : dy[base + j] * gamma[j];
    }

    /** {@link #paramGrads} of a float64 block. */
    public static void paramGrads(double[] dy, double[] x, int rows, int n, LayerNormKernel.RowStats stats,
                                  double[] dgamma, double[] dbeta) {
        Parallel.forRange(n, 2L * rows * n, (from, to) -> {
            for (int r = 0; r < rows; r++) {
                Cancellation.checkEvery(r);
                int base = r * n;
                double a = stats.rstd()[r];
                double shift = -a * stats.mean()[r];
                for (int j = from; j < to; j++) {
                    double d = dy[base + j];
                    if (dgamma != null) {
                        dgamma[j] = Math.fma(d, Math.fma(a, x[base + j], shift), dgamma[j]);
                    }
                    if (dbeta != null) {
                        dbeta[j] += d;
                    }
                }
            }
            for (int j = from; j < to; j++) {
                if (dgamma != null) {
                    dgamma[j] = 0.0 + dgamma[j];
                }
                if (dbeta != null) {
                    dbeta[j] = 0.0 + dbeta[j];
                }
            }
        });
    }
}
