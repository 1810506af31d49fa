package jtorch.internal.ops;

import jtorch.DType;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * A tensor read as independent 1-d lanes: the elements that one reduction, scan or sort sees
 * together. Lane {@code j} (numbered row-major over the kept dimensions, i.e. in the order of the
 * reduced result) has {@link #length} elements; element {@code k} of it is at storage index
 * {@code start(j) + k * step}.
 *
 * <p>Invariants: {@link #storage} is a dense row-major block seen as {@code outer x length x inner}
 * (a copy when the input was not contiguous, or when {@link #over} had to move the reduced dims
 * last, so writing through a lane never reaches such an input); {@code lanes() == outer * inner}
 * and {@code step == inner}. Writing results through lanes is therefore only done on freshly
 * allocated contiguous tensors seen {@link #along} a dim, or {@link #over} all dims.
 */
final class Lanes {
    private final Storage storage;
    private final DType dtype;
    final int length;
    final int step;
    private final int base;
    private final int outer;
    private final int inner;

    private Lanes(TensorImpl dense, int outer, int length, int inner) {
        this.storage = dense.storage();
        this.dtype = dense.dtype();
        this.base = dense.offset();
        this.outer = outer;
        this.length = length;
        this.inner = inner;
        this.step = inner;
    }

    /** Lanes along one (already wrapped) dimension; a 0-d tensor is one lane of one element. */
    static Lanes along(TensorImpl t, int dim) {
        TensorImpl d = t.isContiguous() ? t : t.contiguousCopy();
        if (t.dim() == 0) {
            return new Lanes(d, 1, 1, 1);
        }
        int outer = 1;
        for (int i = 0; i < dim; i++) {
            outer *= t.sizes()[i];
        }
        int inner = 1;
        for (int i = dim + 1; i < t.dim(); i++) {
            inner *= t.sizes()[i];
        }
        return new Lanes(d, outer, t.sizes()[dim], inner);
    }

    /** Lanes over every dimension flagged in {@code mask} (the kept ones number the lanes). */
    static Lanes over(TensorImpl t, boolean[] mask) {
        int n = t.dim();
        int[] perm = new int[n];
        int k = 0;
        int outer = 1;
        int length = 1;
        for (int i = 0; i < n; i++) {
            if (!mask[i]) {
                perm[k++] = i;
                outer *= t.sizes()[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                perm[k++] = i;
                length *= t.sizes()[i];
            }
        }
        int[] sizes = new int[n];
        int[] strides = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = t.sizes()[perm[i]];
            strides[i] = t.strides()[perm[i]];
        }
        TensorImpl p = t.asStrided(sizes, strides, t.offset());
        return new Lanes(p.isContiguous() ? p : p.contiguousCopy(), outer, length, 1);
    }

    /** The dense storage the lanes read. */
    Storage storage() {
        return storage;
    }

    DType dtype() {
        return dtype;
    }

    /** Number of lanes. */
    int lanes() {
        return outer * inner;
    }

    /** Storage index of element 0 of lane {@code j}. */
    int start(int j) {
        int a = j / inner;
        int b = j - a * inner;
        return base + a * length * inner + b;
    }

    /** Lane {@code j} as doubles. */
    double[] doubles(int j) {
        double[] out = new double[length];
        int s = start(j);
        for (int k = 0; k < length; k++) {
            Cancellation.checkEvery(k);
            out[k] = storage.getDouble(s + k * step);
        }
        return out;
    }

    /** Lane {@code j} as longs (integral and bool dtypes). */
    long[] longs(int j) {
        long[] out = new long[length];
        int s = start(j);
        for (int k = 0; k < length; k++) {
            Cancellation.checkEvery(k);
            out[k] = storage.getLong(s + k * step);
        }
        return out;
    }

    /**
     * The gradient of a value-selecting op along {@code dim} (max, min, median, sort, topk):
     * zeros of the input's shape with each {@code grad} element written where its
     * {@code indices} entry points in its lane. {@code grad} and {@code indices} have the input's
     * shape with {@code dim} of any size (sort, topk, keepdim) or dropped (a reduction).
     */
    static TensorImpl scatterAlong(int[] inputSizes, DType dtype, int dim, TensorImpl indices, TensorImpl grad) {
        TensorImpl out = TensorImpl.allocate(dtype, inputSizes.clone());
        TensorImpl idx = indices;
        TensorImpl g = grad;
        if (indices.dim() != inputSizes.length) {
            idx = Views.unsqueeze(idx, dim);
            g = Views.unsqueeze(g, dim);
        }
        Lanes to = along(out, dim);
        Lanes at = along(idx, dim);
        Lanes from = along(g, dim);
        for (int j = 0; j < to.lanes(); j++) {
            int t = to.start(j);
            int a = at.start(j);
            int f = from.start(j);
            for (int k = 0; k < at.length; k++) {
                int target = t + (int) at.storage().getLong(a + k * at.step) * to.step;
                out.storage().setDouble(target, from.storage().getDouble(f + k * from.step));
            }
        }
        return out;
    }
}
