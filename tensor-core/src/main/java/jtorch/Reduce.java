package jtorch;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.storage.Storage;

/** The reduction kernel: sums (or other folds) over a set of dimensions of a strided tensor. */
final class Reduce {
    private Reduce() {}

    /** Sums into a double accumulator per output element (row-major over kept dims). */
    static double[] sumDouble(Tensor t, boolean[] mask) {
        double[] acc = new double[Math.max(1, ReducedDims.outCount(t.sizes, mask))];
        if (t.dtype == DType.FLOAT32 && t.isContiguous() && t.storage.array() != null) {
            float[] data = (float[]) t.storage.array();
            int off = t.storage.base + t.offset;
            if (allTrue(mask)) {
                acc[0] = Kernels.sumFloat(data, off, t.numel());
                return acc;
            }
            if (t.dim() == 2 && mask[1] && !mask[0]) {
                return Kernels.rowSums(data, off, t.sizes[0], t.sizes[1]);
            }
            if (t.dim() == 2 && mask[0] && !mask[1]) {
                float[] cols = Kernels.columnSums(data, off, t.sizes[0], t.sizes[1]);
                for (int j = 0; j < cols.length; j++) {
                    acc[j] = cols[j];
                }
                return acc;
            }
        }
        for (Rows r = Rows.of(t, mask); r != null; r = r.next()) {
            addRow(acc, t.storage, r.src, r.srcStep, r.dst, r.dstStep, r.length, r.done);
        }
        return acc;
    }

    /** Adds {@code length} elements from storage index {@code src} on into {@code acc} from {@code dst} on. */
    private static void addRow(double[] acc, Storage st, int src, int srcStep, int dst, int dstStep, int length,
                               int done) {
        for (int i = 0; i < length; i++, src += srcStep, dst += dstStep) {
            Cancellation.checkEvery(done + i);
            acc[dst] += st.getDouble(src);
        }
    }

    /** Sums into a long accumulator per output element (integral and bool inputs). */
    static long[] sumLong(Tensor t, boolean[] mask) {
        long[] acc = new long[Math.max(1, ReducedDims.outCount(t.sizes, mask))];
        for (Rows r = Rows.of(t, mask); r != null; r = r.next()) {
            addRow(acc, t.storage, r.src, r.srcStep, r.dst, r.dstStep, r.length, r.done);
        }
        return acc;
    }

    private static void addRow(long[] acc, Storage st, int src, int srcStep, int dst, int dstStep, int length,
                               int done) {
        for (int i = 0; i < length; i++, src += srcStep, dst += dstStep) {
            Cancellation.checkEvery(done + i);
            acc[dst] += st.getLong(src);
        }
    }

    /**
     * A strided tensor walked row by row in row-major order, for folding it into a reduced output.
     * A row runs along the last dim: its element {@code i} is at storage index
     * {@code src + i * srcStep} and folds into output element {@code dst + i * dstStep} (outputs
     * numbered row-major over the kept dims); {@code done} counts the elements of earlier rows.
     */
    private static final class Rows {
        final int length;
        final int srcStep;
        final int dstStep;
        int src;
        int dst;
        int done;
        private final int[] sizes;
        private final int[] strides;
        private final int[] outStrides;
        private final int[] idx;
        private final int total;

        private Rows(Tensor t, boolean[] mask) {
            int last = t.sizes.length - 1;
            this.sizes = t.sizes;
            this.strides = t.strides;
            this.outStrides = ReducedDims.keptStrides(t.sizes, mask);
            this.idx = new int[sizes.length];
            this.length = last < 0 ? 1 : sizes[last];
            this.srcStep = last < 0 ? 0 : strides[last];
            this.dstStep = last < 0 ? 0 : outStrides[last];
            this.src = t.offset;
            this.total = t.numel();
        }

        /** The first row, or null when the tensor has no elements. */
        static Rows of(Tensor t, boolean[] mask) {
            return t.numel() == 0 ? null : new Rows(t, mask);
        }

        /** Steps to the next row (carrying like an odometer over the outer dims), or null after the last. */
        Rows next() {
            done += length;
            if (done >= total) {
                return null;
            }
            for (int d = sizes.length - 2; d >= 0; d--) {
                src += strides[d];
                dst += outStrides[d];
                if (++idx[d] < sizes[d]) {
                    break;
                }
                src -= strides[d] * sizes[d];
                dst -= outStrides[d] * sizes[d];
                idx[d] = 0;
            }
            return this;
        }
    }

    private static boolean allTrue(boolean[] mask) {
        for (boolean b : mask) {
            if (!b) {
                return false;
            }
        }
        return true;
    }
}
