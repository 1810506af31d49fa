package jtorch;

/** The reduction kernel: sums (or other folds) over a set of dimensions of a strided tensor. */
final class Reduce {
    private Reduce() {}

    /** Which dims are reduced: all when {@code dims} is null or empty; wrapped and de-duplicated. */
    static boolean[] reducedMask(int ndim, int[] dims) {
        boolean[] mask = new boolean[ndim];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(mask, true);
            return mask;
        }
        for (int d : dims) {
            int w = Shapes.wrapDim(d, ndim);
            if (ndim > 0) {
                if (mask[w]) {
                    throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
                }
                mask[w] = true;
            }
        }
        return mask;
    }

    /** The result shape: reduced dims dropped, or kept as 1 with {@code keepdim}. */
    static int[] outShape(int[] sizes, boolean[] mask, boolean keepdim) {
        int n = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (!mask[i] || keepdim) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < sizes.length; i++) {
            if (!mask[i]) {
                out[j++] = sizes[i];
            } else if (keepdim) {
                out[j++] = 1;
            }
        }
        return out;
    }

    /** Sums into a double accumulator per output element (row-major over kept dims). */
    static double[] sumDouble(Tensor t, boolean[] mask) {
        double[] acc = new double[Math.max(1, outCount(t.sizes, mask))];
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
            Lanes.checkEvery(done + i);
            acc[dst] += st.getDouble(src);
        }
    }

    /** Sums into a long accumulator per output element (integral and bool inputs). */
    static long[] sumLong(Tensor t, boolean[] mask) {
        long[] acc = new long[Math.max(1, outCount(t.sizes, mask))];
        for (Rows r = Rows.of(t, mask); r != null; r = r.next()) {
            addRow(acc, t.storage, r.src, r.srcStep, r.dst, r.dstStep, r.length, r.done);
        }
        return acc;
    }

    private static void addRow(long[] acc, Storage st, int src, int srcStep, int dst, int dstStep, int length,
                               int done) {
        for (int i = 0; i < length; i++, src += srcStep, dst += dstStep) {
            Lanes.checkEvery(done + i);
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
            this.outStrides = keptStrides(t.sizes, mask);
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

    static int outCount(int[] sizes, boolean[] mask) {
        int n = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (!mask[i]) {
                n *= sizes[i];
            }
        }
        return n;
    }

    /** Row-major strides of the output over the input's dims, 0 for reduced dims. */
    private static int[] keptStrides(int[] sizes, boolean[] mask) {
        int[] strides = new int[sizes.length];
        int s = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (!mask[i]) {
                strides[i] = s;
                s *= sizes[i];
            }
        }
        return strides;
    }
}
