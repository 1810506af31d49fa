package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.Arrays;

import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.dtype.TypeNames;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * Ops that return a view of their input's storage (no copy), each with its derivative formula:
 * a view's gradient is the incoming one reshaped, permuted, summed back (expand) or scattered
 * into zeros of the input's shape (select, slice).
 */
public final class Views {
    private Views() {}

    /** Records a view whose gradient is the incoming grad reshaped to the input's shape. */
    private static TensorImpl reshaped(TensorImpl out, TensorImpl input, String name) {
        int[] inputSizes = input.sizes();
        return FormulaNode.record(out, name, input, formula((g, in) -> reshape(g, inputSizes)));
    }

    /** {@code view(shape)}: requires strides compatible with the new shape. */
    public static TensorImpl view(TensorImpl self, int[] shape) {
        int[] sizes = Shapes.inferSize(shape, self.numel());
        int[] strides = Shapes.viewStrides(self.sizes(), self.strides(), sizes);
        if (strides == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at"
                    + " least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return reshaped(self.asStrided(sizes, strides, self.offset()), self, "ViewBackward0");
    }

    /** {@code reshape(shape)}: an alias when the strides allow, else a contiguous copy. */
    public static TensorImpl reshape(TensorImpl self, int... shape) {
        int[] sizes = Shapes.inferSize(shape, self.numel());
        int[] strides = Shapes.viewStrides(self.sizes(), self.strides(), sizes);
        if (strides != null) {
            return reshaped(self.asStrided(sizes, strides, self.offset()), self, "ReshapeAliasBackward0");
        }
        TensorImpl copy = Conversions.contiguousClone(self);
        TensorImpl out = new TensorImpl(copy.storage(), Layout.contiguous(sizes), null);
        return reshaped(out, copy, "UnsafeViewBackward0");
    }

    /** {@code squeeze()} (dim null: all size-1 dims) / {@code squeeze(dim)}. */
    public static TensorImpl squeeze(TensorImpl self, Integer dim) {
        int n = self.dim();
        int[] in = self.sizes();
        boolean[] drop = new boolean[n];
        if (dim == null) {
            for (int i = 0; i < n; i++) {
                drop[i] = in[i] == 1;
            }
        } else {
            int d = Shapes.wrapDim(dim, n);
            if (n > 0) {
                drop[d] = in[d] == 1;
            }
        }
        int kept = 0;
        for (boolean b : drop) {
            kept += b ? 0 : 1;
        }
        int[] sizes = new int[kept];
        int[] strides = new int[kept];
        for (int i = 0, j = 0; i < n; i++) {
            if (!drop[i]) {
                sizes[j] = in[i];
                strides[j++] = self.strides()[i];
            }
        }
        return reshaped(self.asStrided(sizes, strides, self.offset()), self,
                dim == null ? "SqueezeBackward0" : "SqueezeBackward1");
    }

    /** {@code unsqueeze(dim)}. */
    public static TensorImpl unsqueeze(TensorImpl self, int dim) {
        int n = self.dim();
        int d = Shapes.wrapDim(dim, n + 1);
        int[] sizes = new int[n + 1];
        int[] strides = new int[n + 1];
        for (int i = 0, j = 0; i <= n; i++) {
            if (i == d) {
                sizes[i] = 1;
                strides[i] = d < n ? self.sizes()[d] * self.strides()[d] : 1;
            } else {
                sizes[i] = self.sizes()[j];
                strides[i] = self.strides()[j++];
            }
        }
        return reshaped(self.asStrided(sizes, strides, self.offset()), self, "UnsqueezeBackward0");
    }

    /** A permutation of the dims, whose gradient is the incoming one permuted back. */
    private static TensorImpl permuted(TensorImpl self, int[] perm, String name) {
        int n = perm.length;
        int[] sizes = new int[n];
        int[] strides = new int[n];
        int[] inverse = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = self.sizes()[perm[i]];
            strides[i] = self.strides()[perm[i]];
            inverse[perm[i]] = i;
        }
        TensorImpl out = self.asStrided(sizes, strides, self.offset());
        return FormulaNode.record(out, name, self, formula((g, in) -> permute(g, inverse)));
    }

    /** {@code permute(dims)}. */
    public static TensorImpl permute(TensorImpl self, int... dims) {
        int n = self.dim();
        if (dims.length != n) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does"
                    + " not match the length of the desired ordering of dimensions i.e. input.dim() = " + n
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] perm = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            perm[i] = Shapes.wrapDim(dims[i], n);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[perm[i]] = true;
        }
        return permuted(self, perm, "PermuteBackward0");
    }

    /** {@code tensor.T}: all dims reversed. */
    public static TensorImpl reversedDims(TensorImpl self) {
        int n = self.dim();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = n - 1 - i;
        }
        return permute(self, perm);
    }

    /** {@code transpose(dim0, dim1)}. */
    public static TensorImpl transpose(TensorImpl self, int dim0, int dim1) {
        int n = self.dim();
        int a = Shapes.wrapDim(dim0, n);
        int b = Shapes.wrapDim(dim1, n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        if (n > 0) {
            perm[a] = b;
            perm[b] = a;
        }
        return permuted(self, perm, "TransposeBackward0");
    }

    /** {@code t()}: transpose of a tensor with at most 2 dimensions. */
    public static TensorImpl t(TensorImpl self) {
        int n = self.dim();
        if (n > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + n + "D");
        }
        return permuted(self, n == 2 ? new int[] {1, 0} : n == 1 ? new int[] {0} : new int[0], "TBackward0");
    }

    /** {@code expand(sizes)}: broadcast size-1 dims with stride 0; the gradient sums back over them. */
    public static TensorImpl expand(TensorImpl self, int... shape) {
        int n = self.dim();
        if (shape.length < n) {
            throw new IllegalArgumentException("expand(" + TypeNames.inMessages(self.dtype()) + "{"
                    + Arrays.toString(self.sizes()) + "}, size=" + Arrays.toString(shape)
                    + "): the number of sizes provided (" + shape.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + n + ")");
        }
        int[] sizes = new int[shape.length];
        int[] strides = new int[shape.length];
        int off = shape.length - n;
        for (int i = shape.length - 1; i >= 0; i--) { // from the last dim, as ATen's infer_expand_geometry
            int j = i - off;
            int target = shape[i];
            if (j < 0) {
                if (target < 0) {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + target
                            + ") isn't allowed in a leading, non-existing dimension " + i);
                }
                sizes[i] = target;
                strides[i] = 0;
            } else {
                int existing = self.sizes()[j];
                if (target == -1) {
                    target = existing;
                }
                if (existing == target) {
                    sizes[i] = existing;
                    strides[i] = self.strides()[j];
                } else if (existing == 1) {
                    sizes[i] = target;
                    strides[i] = 0;
                } else {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + target
                            + ") must match the existing size (" + existing + ") at non-singleton dimension "
                            + i + ".  Target sizes: " + Arrays.toString(shape) + ".  Tensor sizes: "
                            + Arrays.toString(self.sizes()));
                }
            }
        }
        TensorImpl out = self.asStrided(sizes, strides, self.offset());
        return FormulaNode.record(out, "ExpandBackward0", self, formula((g, in) -> g));
    }

    /** {@code torch.broadcast_tensors(tensors)}: each expanded to the broadcast shape of all (itself when it has it). */
    public static TensorImpl[] broadcastTensors(TensorImpl[] tensors) {
        int[] shape = new int[0];
        for (TensorImpl t : tensors) {
            shape = Shapes.broadcast(shape, t.sizes());
        }
        TensorImpl[] out = new TensorImpl[tensors.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.equals(tensors[i].sizes(), shape) ? tensors[i] : expand(tensors[i], shape);
        }
        return out;
    }

    /** {@code unflatten(dim, sizes)}: dimension {@code dim} viewed as {@code sizes} (one may be -1). */
    public static TensorImpl unflatten(TensorImpl self, int dim, int[] sizes) {
        int d = Shapes.wrapDim(dim, self.dim());
        if (sizes.length == 0) {
            throw new IllegalArgumentException("unflatten: sizes must be non-empty");
        }
        if (self.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        }
        int size = self.sizes()[d];
        int[] inferred;
        try {
            inferred = Shapes.inferSize(sizes, size);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("only one dimension")) {
                throw new IllegalArgumentException("unflatten got an unexpected error:\n" + e.getMessage(), e);
            }
            throw new IllegalArgumentException("unflatten: Provided sizes " + Arrays.toString(sizes)
                    + " don't multiply up to the size of dim " + d + " (" + size + ") in the input tensor", e);
        }
        int[] shape = new int[self.dim() - 1 + inferred.length];
        System.arraycopy(self.sizes(), 0, shape, 0, d);
        System.arraycopy(inferred, 0, shape, d, inferred.length);
        System.arraycopy(self.sizes(), d + 1, shape, d + inferred.length, self.dim() - d - 1);
        return view(self, shape);
    }

    /** {@code t} read as the larger broadcast {@code shape} (stride 0 on broadcast dims), not recorded. */
    static TensorImpl broadcastTo(TensorImpl t, int[] shape) {
        return t.asStrided(shape, t.layout().stridesFor(shape), t.offset());
    }

    /** {@code flatten(start, end)}: a reshape of the dims in range. */
    public static TensorImpl flatten(TensorImpl self, int startDim, int endDim) {
        int n = self.dim();
        int s = Shapes.wrapDim(startDim, n);
        int e = Shapes.wrapDim(endDim, n);
        if (s > e) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (n == 0) {
            return reshape(self, 1);
        }
        if (s == e) {
            return self;
        }
        int[] shape = new int[n - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) {
            shape[k++] = self.sizes()[i];
        }
        int prod = 1;
        for (int i = s; i <= e; i++) {
            prod *= self.sizes()[i];
        }
        shape[k++] = prod;
        for (int i = e + 1; i < n; i++) {
            shape[k++] = self.sizes()[i];
        }
        return reshape(self, shape);
    }

    /** {@code select(dim, index)}: drops one dimension; the gradient lands in that slot of zeros. */
    public static TensorImpl select(TensorImpl self, int dim, int index) {
        if (self.dim() == 0) {
            throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.sizes()[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + Arrays.toString(self.sizes()) + " at dimension " + d);
        }
        int i = index < 0 ? index + size : index;
        TensorImpl out = selectView(self, d, i);
        int[] inputSizes = self.sizes();
        return FormulaNode.record(out, "SelectBackward0", self, formula((g, in) -> {
            TensorImpl zeros = TensorImpl.allocate(g.dtype(), inputSizes.clone());
            StridedCopy.copyInto(selectView(zeros, d, i), g);
            return zeros;
        }));
    }

    /** The view of index {@code i} of the (wrapped) dim {@code d}, not recorded. */
    static TensorImpl selectView(TensorImpl self, int d, int i) {
        int n = self.dim();
        int[] sizes = new int[n - 1];
        int[] strides = new int[n - 1];
        for (int k = 0, j = 0; k < n; k++) {
            if (k != d) {
                sizes[j] = self.sizes()[k];
                strides[j++] = self.strides()[k];
            }
        }
        return self.asStrided(sizes, strides, self.offset() + i * self.strides()[d]);
    }

    /**
     * {@code narrow(dim, start, length)}, with PyTorch's checks in its order: not 0-d, the dim, then
     * {@code start} wrapped like a dim of the dimension's size (except {@code start == size}).
     */
    public static TensorImpl narrow(TensorImpl self, int dim, int start, int length) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.sizes()[d];
        int s = start == size ? start : Shapes.wrapDim(start, size);
        if (length < 0 || s + length > size) {
            throw new IllegalArgumentException("start (" + s + ") + length (" + length
                    + ") exceeds dimension size (" + size + ").");
        }
        return slice(self, d, s, s + length, 1);
    }

    /**
     * Python slicing of one dimension: the view of {@code [start, stop)} with {@code step} along
     * the (wrapped) {@code dim}, bounds already clamped; the gradient lands in that slice of zeros.
     */
    public static TensorImpl slice(TensorImpl self, int dim, int start, int stop, int step) {
        int len = stop > start ? (stop - start + step - 1) / step : 0;
        TensorImpl out = sliceView(self, dim, start, len, step);
        int[] inputSizes = self.sizes();
        return FormulaNode.record(out, "SliceBackward0", self, formula((g, in) -> {
            TensorImpl zeros = TensorImpl.allocate(g.dtype(), inputSizes.clone());
            StridedCopy.copyInto(sliceView(zeros, dim, start, len, step), g);
            return zeros;
        }));
    }

    private static TensorImpl sliceView(TensorImpl self, int dim, int start, int len, int step) {
        int[] sizes = self.sizes().clone();
        int[] strides = self.strides().clone();
        sizes[dim] = len;
        strides[dim] = self.strides()[dim] * step;
        return self.asStrided(sizes, strides, self.offset() + (len > 0 ? start * self.strides()[dim] : 0));
    }
}
