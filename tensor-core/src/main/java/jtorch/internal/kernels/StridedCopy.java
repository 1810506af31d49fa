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
     * visited in {@code dst}'s row-major order, as by the per-element loop this replaces.
     */
    private static void copyRows(Storage d, Layout dl, Storage s, Layout sl) {
        int total = dl.numel();
        if (total == 0) {
            return;
        }
        int[] shape = dl.sizes();
        int[] dStrides = dl.strides();
        int[] sStrides = sl.stridesFor(shape);
        int[] size = new int[shape.length + 1];
        int[] dStep = new int[shape.length + 1];
        int[] sStep = new int[shape.length + 1];
        int dims = 0;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 1) {
                continue;
            }
            if (dims > 0 && dStep[dims - 1] == dStrides[i] * shape[i] && sStep[dims - 1] == sStrides[i] * shape[i]) {
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
        int len = size[dims - 1];
        int ss = sStep[dims - 1];
        int ds = dStep[dims - 1];
        StridedCursor rows = new StridedCursor(Arrays.copyOf(size, dims), dims - 1,
                new int[] {s.base + sl.offset(), d.base + dl.offset()}, Arrays.copyOf(sStep, dims),
                Arrays.copyOf(dStep, dims));
        Object from = s.array();
        Object to = d.array();
        for (int done = 0; done < total; done += len, rows.next()) {
            Cancellation.checkSpan(done, len);
            int so = rows.at(0);
            int dO = rows.at(1);
            if (ss == 1 && ds == 1) {
                System.arraycopy(from, so, to, dO, len);
            } else if (to instanceof float[] y) {
                copyRow((float[]) from, so, ss, y, dO, ds, len);
            } else {
                copyRow((double[]) from, so, ss, (double[]) to, dO, ds, len);
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
