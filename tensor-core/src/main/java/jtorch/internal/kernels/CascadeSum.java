package jtorch.internal.kernels;

import java.util.function.IntToDoubleFunction;

/**
 * PyTorch 1.13's CPU sum of float32 and float64 ({@code cascade_sum} in ATen's SumKernel), element
 * for element, so that printed sums and means (and the losses built from them) carry PyTorch's last
 * digits: {@code torch.ones(2000).mul(0.1).sum()} is {@code 200.00001525878906}, not {@code 200.0}.
 *
 * <p>The algorithm, in the element type's own arithmetic (float32 sums accumulate in float32):
 * <ul>
 *   <li>a row of {@code n >= W} contiguous elements is read as {@code n / W} vectors of {@code W}
 *       lanes (AVX2's width, which PyTorch 1.13 dispatches to: 8 floats or 4 doubles), summed by
 *       {@link #rowSum} into one vector; the leftover elements are added to a scalar in order, then
 *       the lanes in lane order. A shorter row is summed by the scalar {@link #rowSum};</li>
 *   <li>{@link #rowSum} splits a row into 4 interleaved partial sums (instruction-level parallelism)
 *       and adds them last; {@link #multiRowSum} adds each partial into a cascade of 4
 *       accumulators, flushing level {@code j} into {@code j + 1} every {@code 2^(j * p)} steps,
 *       {@code p = max(4, ceilLog2(size) / 4)}: a pairwise-like sum with sequential leaves;</li>
 *   <li>a full sum of {@code n >= 32768} elements with {@code T > 1} threads sums
 *       {@code min(T, ceil(n / 32768))} chunks of {@code ceil(n / chunks)} elements separately (as
 *       OpenMP's static split does), then sums the {@code T} per-thread results as a row;</li>
 *   <li>a sum over the first dimension of a {@code rows x cols} block (an "outer" reduction) adds
 *       each column down the rows: 32 columns at a time through {@link #multiRowSum}, then 8 at a
 *       time through the vector {@link #rowSum}, then one at a time; with fewer than {@code W}
 *       columns, 4 columns at a time through the scalar cascade;</li>
 *   <li>a sum over the first and last dimensions of an {@code outer x kept x inner} block adds,
 *       for each kept element, its {@code outer} row sums one after another.</li>
 * </ul>
 * Every addition is rounded to the element type: with {@code single}, a double addition of two
 * floats rounded to float, which equals float addition (double has more than 2 * 24 + 2 bits).
 * Independent parts (thread chunks, rows, groups of 32 columns) run on {@link Parallel}'s
 * threads, which changes no addition. A contiguous float32 operand given as a {@link FloatArray}
 * runs its 4 x 8-lane cascades as a Vector API loop once it is compiled
 * ({@link VectorKernels#cascadeRows}), with the same additions in the same order: the same bits
 * whether the vector loop, its interpreted form or this scalar code runs.
 */
public final class CascadeSum {
    /** Elements per thread chunk below which PyTorch does not split a reduction. */
    public static final int GRAIN = 32768;
    private static final int LEVELS = 4;
    private static final int ILP = 4;
    private static final int OUTER_ROWS = 4;
    /**
     * Elements from which the parts of a sum run on several threads: 2^18 floats took 15 µs on one
     * thread and 21-23 µs on two, 2^20 floats 140 µs and 100-126 µs (2026-12-03, load 9).
     */
    private static final int SPLIT_MIN = 1 << 20;

    private final boolean single;
    private final int lanes;

    private CascadeSum(boolean single) {
        this.single = single;
        this.lanes = single ? 8 : 4;
    }

    /**
     * A contiguous float32 operand as a load: element {@code i} is {@code data[offset + i]}. Its
     * cascades may run as the vector loop ({@link Kernels#vectorCascade}).
     */
    public record FloatArray(float[] data, int offset) implements IntToDoubleFunction {
        @Override
        public double applyAsDouble(int i) {
            return data[offset + i];
        }

        /** The same array from element {@code start} of this one on. */
        public FloatArray from(int start) {
            return new FloatArray(data, offset + start);
        }
    }

    /**
     * The contiguous elements of a float32 or float64 array from {@code offset} on as a load: a
     * {@link FloatArray} for floats.
     */
    public static IntToDoubleFunction load(Object array, int offset) {
        if (array instanceof float[] f) {
            return new FloatArray(f, offset);
        }
        double[] d = (double[]) array;
        return i -> d[offset + i];
    }

    /** The float32 sum. */
    public static final CascadeSum FLOAT32 = new CascadeSum(true);
    /** The float64 sum. */
    public static final CascadeSum FLOAT64 = new CascadeSum(false);

    /** The sum of {@code n} contiguous elements, {@code load.applyAsDouble(i)} for {@code i < n}, with {@code threads} threads. */
    public double sum(IntToDoubleFunction load, int n, int threads) {
        if (n < GRAIN || threads <= 1) {
            return round(0 + innerRow(load, 0, n));
        }
        int chunks = Math.min(threads, ceilDiv(n, GRAIN));
        int chunk = ceilDiv(n, chunks);
        double[] perThread = new double[threads];
        split(chunks, n, (from, to) -> {
            for (int t = from; t < to && t * chunk < n; t++) {
                int begin = t * chunk;
                perThread[t] = round(0 + innerRow(load, begin, Math.min(n, begin + chunk) - begin));
                Cancellation.check();
            }
        });
        return round(0 + innerRow(i -> perThread[i], 0, threads));
    }

    /** Sums of each of {@code rows} contiguous rows of {@code cols} elements (a reduction over the last dimension). */
    public double[] innerSums(IntToDoubleFunction load, int rows, int cols) {
        double[] out = new double[rows];
        split(rows, (long) rows * cols, (from, to) -> {
            if (single && cols >= lanes && load instanceof FloatArray f && Kernels.vectorCascade()) {
                vectorRows(f.data(), f.offset() + from * cols, to - from, cols, out, from);
                return;
            }
            for (int r = from; r < to; r++) {
                Cancellation.checkSpan((long) r * cols, cols);
                out[r] = round(0 + innerRow(load, r * cols, cols));
            }
        });
        return out;
    }

    /** Sums down each column of a contiguous {@code rows x cols} block (a reduction over the first dimension). */
    public double[] outerSums(IntToDoubleFunction load, int rows, int cols) {
        double[] out = new double[cols];
        int group = OUTER_ROWS * lanes;
        int groups = cols >= lanes ? cols / group : 0;
        split(groups, (long) rows * cols, (from, to) -> {
            if (single && load instanceof FloatArray f && Kernels.vectorCascade()) {
                vectorColumnGroups(f.data(), f.offset(), rows, cols, from, to, out);
                return;
            }
            for (int g = from; g < to; g++) {
                int at = g * group;
                Cancellation.checkSpan((long) at * rows, (long) group * rows);
                double[][] sums = multiRowSum(load, at, cols, lanes, rows, OUTER_ROWS, lanes);
                for (int k = 0; k < OUTER_ROWS; k++) {
                    for (int l = 0; l < lanes; l++) {
                        out[at + k * lanes + l] = round(0 + sums[k][l]);
                    }
                }
            }
        });
        int j = groups * group;
        if (cols >= lanes) {
            for (; j + lanes <= cols; j += lanes) {
                Cancellation.checkSpan((long) j * rows, (long) lanes * rows);
                double[] sums = rowSum(load, j, cols, rows, lanes);
                for (int l = 0; l < lanes; l++) {
                    out[j + l] = round(0 + sums[l]);
                }
            }
        } else {
            for (; j + OUTER_ROWS - 1 < cols; j += OUTER_ROWS) {
                Cancellation.checkSpan((long) j * rows, (long) OUTER_ROWS * rows);
                double[][] sums = multiRowSum(load, j, cols, 1, rows, OUTER_ROWS, 1);
                for (int k = 0; k < OUTER_ROWS; k++) {
                    out[j + k] = round(0 + sums[k][0]);
                }
            }
        }
        for (; j < cols; j++) {
            Cancellation.checkSpan((long) j * rows, rows);
            out[j] = round(0 + rowSum(load, j, cols, rows, 1)[0]);
        }
        return out;
    }

    /**
     * Sums over the first and last dimensions of a contiguous {@code outer x kept x inner} block,
     * one per kept element (NCHW summed over N, H and W, as a convolution's bias gradient): ATen's
     * reduction iterator puts the reduced dims first, so each kept element's accumulator, from zero,
     * adds its {@code outer} rows of {@code inner} contiguous elements in order, each row summed as
     * {@link #innerSums} sums one. Kept elements run on {@link Parallel}'s threads as ATen splits them.
     */
    public double[] keptMiddleSums(IntToDoubleFunction load, int outer, int kept, int inner) {
        double[] out = new double[kept];
        long perKept = (long) outer * inner;
        split(kept, perKept * kept, (from, to) -> {
            for (int c = from; c < to; c++) {
                Cancellation.checkSpan(c * perKept, perKept);
                double acc = 0;
                for (int j = 0; j < outer; j++) {
                    acc = round(acc + innerRow(load, (j * kept + c) * inner, inner));
                }
                out[c] = acc;
            }
        });
        return out;
    }

    /**
     * {@link Parallel#forRange} over {@code parts} independent parts of {@code elements} elements in
     * all, on one thread below {@link #SPLIT_MIN} elements, where a pool hand-off costs about as
     * much as the compiled vector loop's whole sum.
     */
    private static void split(int parts, long elements, Parallel.RangeBody body) {
        if (elements < SPLIT_MIN) {
            body.run(0, parts);
        } else {
            Parallel.forRange(parts, elements, body);
        }
    }

    /** One contiguous row: vectors of {@code lanes} plus a scalar tail, or the scalar row sum when shorter. */
    private double innerRow(IntToDoubleFunction load, int base, int n) {
        if (single && n >= lanes && load instanceof FloatArray f && Kernels.vectorCascade()) {
            return vectorRow(f.data(), f.offset() + base, n, new float[ILP * 8]);
        }
        if (n < lanes) {
            return rowSum(load, base, 1, n, 1)[0];
        }
        int vectors = n / lanes;
        double[] vector = rowSum(load, base, lanes, vectors, lanes);
        double acc = 0;
        for (int k = vectors * lanes; k < n; k++) {
            acc = round(acc + load.applyAsDouble(base + k));
        }
        for (int l = 0; l < lanes; l++) {
            acc = round(acc + vector[l]);
        }
        return acc;
    }

    /**
     * {@link #innerSums} of {@code rows} rows of {@code cols >= 8} floats from {@code a[at]} on, by
     * {@link #vectorRow}, into {@code out[outAt ..]}: each from 0, as {@code round(0 + row)}. One
     * loop for all rows (the warm-up compiles it: a row loop in the caller would run interpreted
     * for a user's first calls).
     */
    static void vectorRows(float[] a, int at, int rows, int cols, double[] out, int outAt) {
        float[] scratch = new float[ILP * 8];
        for (int r = 0; r < rows; r++) {
            out[outAt + r] = 0f + vectorRow(a, at + r * cols, cols, scratch);
        }
    }

    /**
     * {@link #outerSums}' groups {@code from} to {@code to - 1} of 32 columns of the {@code rows x
     * cols} floats from {@code a[at]} on, by the vector loop (the layout {@link #multiRowSum}
     * gives it), into {@code out}: column {@code j} as {@code round(0 + sum)}.
     */
    static void vectorColumnGroups(float[] a, int at, int rows, int cols, int from, int to, double[] out) {
        int group = OUTER_ROWS * 8;
        int levelPower = levelPower(rows);
        float[] sums = new float[group];
        for (int g = from; g < to; g++) {
            Cancellation.check();
            VectorKernels.cascadeRows(a, at + g * group, cols, rows, levelPower, sums);
            for (int k = 0; k < group; k++) {
                out[g * group + k] = 0f + sums[k];
            }
        }
    }

    /**
     * {@link #innerRow} of {@code n >= 8} floats from {@code a[at]} on, with the cascade as the
     * vector loop and the rest as in {@link #rowSum} and {@link #innerRow}, in float: the 4 x 8
     * lanes of the cascade, the leftover 8-float vectors into lane row 0, rows 1-3 into row 0, the
     * leftover floats, then row 0's lanes in order. Reads the array directly, as the interface
     * calls of the generic code cost as much as the vector loop on a row of a few thousand floats.
     * {@code s} is 32 floats of scratch.
     */
    private static float vectorRow(float[] a, int at, int n, float[] s) {
        int vectors = n / 8;
        int items = vectors / ILP;
        Cancellation.check();
        VectorKernels.cascadeRows(a, at, ILP * 8, items, levelPower(items), s);
        for (int i = items * ILP; i < vectors; i++) {
            for (int l = 0; l < 8; l++) {
                s[l] += a[at + i * 8 + l];
            }
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < 8; l++) {
                s[l] += s[k * 8 + l];
            }
        }
        float acc = 0;
        for (int k = vectors * 8; k < n; k++) {
            acc += a[at + k];
        }
        for (int l = 0; l < 8; l++) {
            acc += s[l];
        }
        return acc;
    }

    /** {@code row_sum}: {@code size} items {@code stride} apart, each {@code width} lanes, as 4 interleaved cascades. */
    private double[] rowSum(IntToDoubleFunction load, int base, int stride, int size, int width) {
        int sizeIlp = size / ILP;
        double[][] partial = multiRowSum(load, base, stride * ILP, stride, sizeIlp, ILP, width);
        for (int i = sizeIlp * ILP; i < size; i++) {
            for (int l = 0; l < width; l++) {
                partial[0][l] = round(partial[0][l] + load.applyAsDouble(base + i * stride + l));
            }
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < width; l++) {
                partial[0][l] = round(partial[0][l] + partial[k][l]);
            }
        }
        return partial[0];
    }

    /**
     * {@code multi_row_sum}: {@code nrows} sums (each {@code width} lanes) of {@code size} steps, with
     * the level cascade; item {@code i} of row {@code k} is the {@code width} elements from
     * {@code base + i * rowStride + k * colStride} on.
     */
    private double[][] multiRowSum(IntToDoubleFunction load, int base, int rowStride, int colStride, int size,
            int nrows, int width) {
        return multiRowSum(load, base, rowStride, colStride, size, nrows, width, levelPower(size));
    }

    /** {@code multi_row_sum}'s level power of {@code size} steps: level {@code j} flushes every {@code 2^(j * p)}. */
    private static int levelPower(int size) {
        return Math.max(4, ceilLog2(size) / LEVELS);
    }

    /** {@link #multiRowSum} flushing level {@code j} every {@code 2^(j * levelPower)} steps. */
    double[][] multiRowSum(IntToDoubleFunction load, int base, int rowStride, int colStride, int size,
            int nrows, int width, int levelPower) {
        if (single && nrows == 4 && width == lanes && colStride == lanes && load instanceof FloatArray f
                && Kernels.vectorCascade()) {
            // 4 rows of 8 lanes whose items are 32 consecutive floats: the vector loop's layout
            float[] sums = new float[nrows * lanes];
            Cancellation.check();
            VectorKernels.cascadeRows(f.data(), f.offset() + base, rowStride, size, levelPower, sums);
            double[][] rows = new double[nrows][lanes];
            for (int k = 0; k < nrows; k++) {
                for (int l = 0; l < lanes; l++) {
                    rows[k][l] = sums[k * lanes + l];
                }
            }
            return rows;
        }
        int levelStep = 1 << levelPower;
        long levelMask = levelStep - 1;
        double[][][] acc = new double[LEVELS][nrows][width];
        int i = 0;
        while (i + levelStep <= size) {
            for (int j = 0; j < levelStep; j++, i++) {
                addRows(acc[0], load, base + i * rowStride, colStride, nrows, width);
            }
            for (int j = 1; j < LEVELS; j++) {
                for (int k = 0; k < nrows; k++) {
                    for (int l = 0; l < width; l++) {
                        acc[j][k][l] = round(acc[j][k][l] + acc[j - 1][k][l]);
                        acc[j - 1][k][l] = 0;
                    }
                }
                if ((i & (levelMask << (j * levelPower))) != 0) {
                    break;
                }
            }
            Cancellation.checkEvery(i);
        }
        for (; i < size; i++) {
            addRows(acc[0], load, base + i * rowStride, colStride, nrows, width);
        }
        for (int j = 1; j < LEVELS; j++) {
            for (int k = 0; k < nrows; k++) {
                for (int l = 0; l < width; l++) {
                    acc[0][k][l] = round(acc[0][k][l] + acc[j][k][l]);
                }
            }
        }
        return acc[0];
    }

    private void addRows(double[][] acc, IntToDoubleFunction load, int at, int colStride, int nrows, int width) {
        for (int k = 0; k < nrows; k++) {
            for (int l = 0; l < width; l++) {
                acc[k][l] = round(acc[k][l] + load.applyAsDouble(at + k * colStride + l));
            }
        }
    }

    private double round(double v) {
        return single ? (float) v : v;
    }

    /** ATen's {@code CeilLog2}: 1 up to 2, else the bits of {@code x - 1}. */
    static int ceilLog2(int x) {
        return x <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
