package jtorch.internal.kernels;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.StridedCursor;
import jtorch.internal.storage.Storage;

/** Raw copies between operands of any dtype and layout, with PyTorch's casts (no autograd). */
public final class StridedCopy {
    private StridedCopy() {}

    /** Copies {@code src}, broadcast to {@code dst}'s shape, into {@code dst} with dtype casting. */
    public static void copyInto(Strided dst, Strided src) {
        if (dst.layout().numel() >= Cancellation.CHUNK) {
            Cancellation.check();
        }
        Storage d = dst.storage();
        Storage s = src.storage();
        Layout dl = dst.layout();
        Layout sl = src.layout();
        if (sl.numel() == 1 && dl.isContiguous() && fill(d, dl.offset(), dl.numel(), s.getDouble(sl.offset()))) {
            return;
        }
        boolean arrays = d.array() != null && s.array() != null && dl.sameSizes(sl);
        if (arrays && d.dtype() == s.dtype() && dl.isContiguous() && sl.isContiguous()) {
            System.arraycopy(s.array(), s.base + sl.offset(), d.array(), d.base + dl.offset(), dl.numel());
            return;
        }
        if (arrays && d.dtype() == DType.FLOAT32 && s.dtype() == DType.FLOAT32 && dl.dim() == 2 && dl.isContiguous()) {
            Kernels.copy2d((float[]) s.array(), s.base + sl.offset(), sl.stride(0), sl.stride(1), (float[]) d.array(),
                    d.base + dl.offset(), dl.size(0), dl.size(1));
            return;
        }
        if (arrays && dl.isContiguous() && sl.isContiguous() && widenOrNarrow(s, s.base + sl.offset(), d,
                d.base + dl.offset(), dl.numel())) {
            return;
        }
        boolean floats = d.dtype() == DType.FLOAT32 || d.dtype() == DType.FLOAT64;
        if (d.array() != null && s.array() != null && floats && s.dtype() == d.dtype()) {
            copyRows(d, dl, s, sl);
            return;
        }
        DType from = s.dtype();
        DType compute = from.isFloatingPoint() ? from : DType.INT64;
        if (d.dtype().isBool() && from.isFloatingPoint()) {
            Elementwise.unaryInto(dst, src, compute, x -> x != 0 ? 1 : 0, null);
        } else if (!from.isFloatingPoint() && d.dtype().isFloatingPoint()) {
            Elementwise.unaryInto(dst, src, DType.FLOAT64, x -> x, null);
        } else {
            Elementwise.unaryInto(dst, src, compute, x -> x, x -> x);
        }
    }

    /**
     * A float32 or float64 copy between array storages of the same dtype, {@code src} broadcast to
     * {@code dst}'s shape, any strides: the dimensions that are contiguous in both operands are
     * merged (a broadcast bias over a plane becomes one row of stride 0), then each row of the
     * last merged dimension is copied by {@link System#arraycopy}, filled from one element, or
     * stepped through; the outer dimensions are walked by a {@link StridedCursor}. Elements are
     * visited in {@code dst}'s row-major order, as by the per-element loop this replaces. A copy
     * whose two inner merged dimensions are a transpose goes plane by plane instead
     * ({@link #copyPlanes}); either order writes the same elements.
     */
    private static void copyRows(Storage d, Layout dl, Storage s, Layout sl) {
        int total = dl.numel();
        if (total == 0) {
            return;
        }
        Merged m = Merged.of(dl.sizes(), dl.strides(), sl.stridesFor(dl.sizes()));
        int dims = m.size.length;
        int so = s.base + sl.offset();
        int dO = d.base + dl.offset();
        Object from = s.array();
        Object to = d.array();
        if (m.transposedPlanes()) {
            copyPlanes(from, so, to, dO, m, total, dl.isContiguous());
            return;
        }
        int len = m.size[dims - 1];
        int ss = m.sStep[dims - 1];
        int ds = m.dStep[dims - 1];
        StridedCursor rows = new StridedCursor(m.size, dims - 1, new int[] {so, dO}, m.sStep, m.dStep);
        for (int done = 0; done < total; done += len, rows.next()) {
            Cancellation.checkSpan(done, len);
            int sAt = rows.at(0);
            int dAt = rows.at(1);
            if (ss == 1 && ds == 1) {
                System.arraycopy(from, sAt, to, dAt, len);
            } else if (to instanceof float[] y) {
                copyRow((float[]) from, sAt, ss, y, dAt, ds, len);
            } else {
                copyRow((double[]) from, sAt, ss, (double[]) to, dAt, ds, len);
            }
        }
    }

    /**
     * A copy's shape with its dimensions of size 1 dropped and each dimension merged into the one
     * before it when that steps over it whole in both operands; at least one dimension (a single
     * element is one row of 1). {@code sStep} and {@code dStep} are the source's and destination's
     * strides.
     */
    record Merged(int[] size, int[] sStep, int[] dStep) {
        static Merged of(int[] shape, int[] dStrides, int[] sStrides) {
            int[] size = new int[shape.length + 1];
            int[] dStep = new int[shape.length + 1];
            int[] sStep = new int[shape.length + 1];
            int dims = 0;
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] == 1) {
                    continue;
                }
                if (dims > 0 && dStep[dims - 1] == dStrides[i] * shape[i]
                        && sStep[dims - 1] == sStrides[i] * shape[i]) {
                    size[dims - 1] *= shape[i];
                    dStep[dims - 1] = dStrides[i];
                    sStep[dims - 1] = sStrides[i];
                } else {
                    size[dims] = shape[i];
                    dStep[dims] = dStrides[i];
                    sStep[dims] = sStrides[i];
                    dims++;
                }
            }
            if (dims == 0) {
                size[0] = 1;
                dims = 1;
            }
            return new Merged(Arrays.copyOf(size, dims), Arrays.copyOf(sStep, dims), Arrays.copyOf(dStep, dims));
        }

        /**
         * Whether the two inner dimensions form a transpose: the destination's rows contiguous,
         * the source's elements adjacent down a column and strided along a row. A source row of
         * stride 0 (a value broadcast along the row, as a conv2d bias over its planes) is not one:
         * each row is a fill ({@link #copyRow}).
         */
        boolean transposedPlanes() {
            int n = size.length;
            return n >= 2 && dStep[n - 1] == 1 && dStep[n - 2] == size[n - 1] && sStep[n - 2] == 1
                    && sStep[n - 1] != 1 && sStep[n - 1] != 0;
        }
    }

    /** How many columns of a plane {@link #copyPlanes} copies at a time. */
    static final int PLANE_BAND = 32;

    /**
     * A copy of {@link Merged#transposedPlanes transposed planes}, each plane in bands of
     * {@link #PLANE_BAND} columns: a destination row's part in the band is written whole, its
     * source elements from lines that stay in the L1 cache for the next rows. For planes of short
     * rows the row loop's per-row cursor step, checks and two-stride loop cost more than the copy
     * (64x32x26x26 to channels last, 1 thread: 1.85 -> 1.08 ms). The planes are split over threads
     * when the destination is contiguous (so no two planes share an element).
     */
    private static void copyPlanes(Object from, int so, Object to, int dO, Merged m, int total, boolean disjoint) {
        int dims = m.size.length;
        int rows = m.size[dims - 2];
        int cols = m.size[dims - 1];
        int cs = m.sStep[dims - 1];
        int count = total / (rows * cols);
        int[] sAt = new int[count];
        int[] dAt = new int[count];
        StridedCursor planes = new StridedCursor(m.size, dims - 2, new int[] {so, dO}, m.sStep, m.dStep);
        for (int p = 0; p < count; p++, planes.next()) {
            sAt[p] = planes.at(0);
            dAt[p] = planes.at(1);
        }
        Parallel.forRange(count, disjoint ? total : 0, (first, last) -> {
            for (int p = first; p < last; p++) {
                Cancellation.check();
                if (to instanceof float[] y) {
                    transposePlane((float[]) from, sAt[p], cs, y, dAt[p], rows, cols);
                } else {
                    transposePlane((double[]) from, sAt[p], cs, (double[]) to, dAt[p], rows, cols);
                }
            }
        });
    }

    /** {@code y[yo + i * cols + j] = x[xo + i + j * cs]} over a plane, a band of columns at a time. */
    private static void transposePlane(float[] x, int xo, int cs, float[] y, int yo, int rows, int cols) {
        for (int j0 = 0; j0 < cols; j0 += PLANE_BAND) {
            int jEnd = Math.min(cols, j0 + PLANE_BAND);
            for (int i = 0; i < rows; i++) {
                Cancellation.checkEvery(i);
                int from = xo + i + j0 * cs;
                int to = yo + i * cols;
                for (int j = j0; j < jEnd; j++, from += cs) {
                    y[to + j] = x[from];
                }
            }
        }
    }

    /** {@code y[yo + i * cols + j] = x[xo + i + j * cs]} over a plane, a band of columns at a time. */
    private static void transposePlane(double[] x, int xo, int cs, double[] y, int yo, int rows, int cols) {
        for (int j0 = 0; j0 < cols; j0 += PLANE_BAND) {
            int jEnd = Math.min(cols, j0 + PLANE_BAND);
            for (int i = 0; i < rows; i++) {
                Cancellation.checkEvery(i);
                int from = xo + i + j0 * cs;
                int to = yo + i * cols;
                for (int j = j0; j < jEnd; j++, from += cs) {
                    y[to + j] = x[from];
                }
            }
        }
    }

    private static void copyRow(float[] x, int xo, int xs, float[] y, int yo, int ys, int len) {
        if (xs == 0 && ys == 1) {
            Arrays.fill(y, yo, yo + len, x[xo]);
            return;
        }
        for (int i = 0; i < len; i++) {
            y[yo + i * ys] = x[xo + i * xs];
        }
    }

    private static void copyRow(double[] x, int xo, int xs, double[] y, int yo, int ys, int len) {
        if (xs == 0 && ys == 1) {
            Arrays.fill(y, yo, yo + len, x[xo]);
            return;
        }
        for (int i = 0; i < len; i++) {
            y[yo + i * ys] = x[xo + i * xs];
        }
    }

    /** Converts {@code n} contiguous float32 values to float64 or back (rounding to nearest); false for other dtypes. */
    private static boolean widenOrNarrow(Storage s, int from, Storage d, int to, int n) {
        if (s.dtype() == DType.FLOAT32 && d.dtype() == DType.FLOAT64) {
            float[] x = (float[]) s.array();
            double[] y = (double[]) d.array();
            for (int i = 0; i < n; i++) {
                y[to + i] = x[from + i];
            }
            return true;
        }
        if (s.dtype() == DType.FLOAT64 && d.dtype() == DType.FLOAT32) {
            double[] x = (double[]) s.array();
            float[] y = (float[]) d.array();
            for (int i = 0; i < n; i++) {
                y[to + i] = (float) x[from + i];
            }
            return true;
        }
        return false;
    }

    /**
     * Fills {@code n} elements of a float32 or float64 array storage from {@code offset} with
     * {@code value} cast to its dtype ({@code fill_}, {@code zero_}); false for other storages.
     */
    private static boolean fill(Storage d, int offset, int n, double value) {
        if (n == 0) {
            return true;
        }
        if (d.dtype() == DType.FLOAT32 && d.array() != null) {
            Arrays.fill((float[]) d.array(), d.base + offset, d.base + offset + n, (float) value);
            return true;
        }
        if (d.dtype() == DType.FLOAT64 && d.array() != null) {
            Arrays.fill((double[]) d.array(), d.base + offset, d.base + offset + n, value);
            return true;
        }
        return false;
    }
}
