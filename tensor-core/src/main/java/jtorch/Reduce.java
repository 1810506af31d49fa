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
        int[] outStrides = keptStrides(t.sizes, mask);
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
        int n = t.numel();
        int nd = t.sizes.length;
        int[] idx = new int[nd];
        int src = t.offset;
        int dst = 0;
        Storage st = t.storage;
        for (int k = 0; k < n; k++) {
            if ((k & (Elementwise.CHUNK - 1)) == 0) {
                Interrupts.check();
            }
            acc[dst] += st.getDouble(src);
            for (int d = nd - 1; d >= 0; d--) {
                src += t.strides[d];
                dst += outStrides[d];
                if (++idx[d] < t.sizes[d]) {
                    break;
                }
                src -= t.strides[d] * t.sizes[d];
                dst -= outStrides[d] * t.sizes[d];
                idx[d] = 0;
            }
        }
        return acc;
    }

    /** Sums into a long accumulator per output element (integral and bool inputs). */
    static long[] sumLong(Tensor t, boolean[] mask) {
        int[] outStrides = keptStrides(t.sizes, mask);
        long[] acc = new long[Math.max(1, outCount(t.sizes, mask))];
        int n = t.numel();
        int nd = t.sizes.length;
        int[] idx = new int[nd];
        int src = t.offset;
        int dst = 0;
        Storage st = t.storage;
        for (int k = 0; k < n; k++) {
            if ((k & (Elementwise.CHUNK - 1)) == 0) {
                Interrupts.check();
            }
            acc[dst] += st.getLong(src);
            for (int d = nd - 1; d >= 0; d--) {
                src += t.strides[d];
                dst += outStrides[d];
                if (++idx[d] < t.sizes[d]) {
                    break;
                }
                src -= t.strides[d] * t.sizes[d];
                dst -= outStrides[d] * t.sizes[d];
                idx[d] = 0;
            }
        }
        return acc;
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
    static int[] keptStrides(int[] sizes, boolean[] mask) {
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
