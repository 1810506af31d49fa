package jtorch;

import java.util.Arrays;

import jtorch.internal.shape.Shapes;

/**
 * Ops that return a view of their input's storage (no copy), each with its backward node.
 * A view's backward reshapes, permutes or scatters the gradient back to the input's geometry.
 */
final class ViewOps {
    private ViewOps() {}

    /** Backward of a view whose gradient is the incoming grad reshaped to the input's shape. */
    static final class ReshapeBackward extends Node {
        private final String name;
        private final int[] inputSizes;

        ReshapeBackward(String name, Tensor input) {
            super(input);
            this.name = name;
            this.inputSizes = input.sizes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        Tensor[] apply(Tensor grad) {
            return new Tensor[] {grad.reshape(inputSizes)};
        }
    }

    private static Tensor record(Tensor out, Tensor input, String reshapeName) {
        if (Grads.needed(input)) {
            out.withGradFn(new ReshapeBackward(reshapeName, input));
        }
        return out;
    }

    /** {@code view(shape)}: requires strides compatible with the new shape. */
    static final class View {
        private View() {}

        static Tensor forward(Tensor self, int[] shape) {
            int[] sizes = Shapes.inferSize(shape, self.numel());
            int[] strides = Shapes.viewStrides(self.sizes, self.strides, sizes);
            if (strides == null) {
                throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at"
                        + " least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
            }
            return record(self.asStrided(sizes, strides, self.offset), self, "ViewBackward0");
        }
    }

    /** {@code reshape(shape)}: an alias when the strides allow, else a contiguous copy. */
    static final class Reshape {
        private Reshape() {}

        static Tensor forward(Tensor self, int[] shape) {
            int[] sizes = Shapes.inferSize(shape, self.numel());
            int[] strides = Shapes.viewStrides(self.sizes, self.strides, sizes);
            if (strides != null) {
                return record(self.asStrided(sizes, strides, self.offset), self, "ReshapeAliasBackward0");
            }
            Tensor copy = self.clone();
            Tensor out = new Tensor(copy.storage, 0, sizes, Shapes.contiguousStrides(sizes), null);
            return record(out, copy, "UnsafeViewBackward0");
        }
    }

    /** {@code squeeze()} / {@code squeeze(dim)}. */
    static final class Squeeze {
        private Squeeze() {}

        static Tensor forward(Tensor self, Integer dim) {
            int n = self.dim();
            boolean[] drop = new boolean[n];
            if (dim == null) {
                for (int i = 0; i < n; i++) {
                    drop[i] = self.sizes[i] == 1;
                }
            } else {
                int d = Shapes.wrapDim(dim, n);
                drop[d] = n > 0 && self.sizes[d] == 1;
            }
            int kept = 0;
            for (boolean b : drop) {
                kept += b ? 0 : 1;
            }
            int[] sizes = new int[kept];
            int[] strides = new int[kept];
            for (int i = 0, j = 0; i < n; i++) {
                if (!drop[i]) {
                    sizes[j] = self.sizes[i];
                    strides[j++] = self.strides[i];
                }
            }
            return record(self.asStrided(sizes, strides, self.offset), self,
                    dim == null ? "SqueezeBackward0" : "SqueezeBackward1");
        }
    }

    /** {@code unsqueeze(dim)}. */
    static final class Unsqueeze {
        private Unsqueeze() {}

        static Tensor forward(Tensor self, int dim) {
            int n = self.dim();
            int d = Shapes.wrapDim(dim, n + 1);
            int[] sizes = new int[n + 1];
            int[] strides = new int[n + 1];
            for (int i = 0, j = 0; i <= n; i++) {
                if (i == d) {
                    sizes[i] = 1;
                    strides[i] = d < n ? self.sizes[d] * self.strides[d] : 1;
                } else {
                    sizes[i] = self.sizes[j];
                    strides[i] = self.strides[j++];
                }
            }
            return record(self.asStrided(sizes, strides, self.offset), self, "UnsqueezeBackward0");
        }
    }

    /** Backward of a dimension permutation: the inverse permutation. */
    static final class PermuteBackward extends Node {
        private final String name;
        private final int[] inverse;

        PermuteBackward(String name, Tensor input, int[] perm) {
            super(input);
            this.name = name;
            this.inverse = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inverse[perm[i]] = i;
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        Tensor[] apply(Tensor grad) {
            return new Tensor[] {grad.permute(inverse)};
        }
    }

    private static Tensor permuted(Tensor self, int[] perm, String name) {
        int n = perm.length;
        int[] sizes = new int[n];
        int[] strides = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = self.sizes[perm[i]];
            strides[i] = self.strides[perm[i]];
        }
        Tensor out = self.asStrided(sizes, strides, self.offset);
        if (Grads.needed(self)) {
            out.withGradFn(new PermuteBackward(name, self, perm));
        }
        return out;
    }

    /** {@code permute(dims)}. */
    static final class Permute {
        private Permute() {}

        static Tensor forward(Tensor self, int[] dims) {
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
    }

    /** {@code transpose(dim0, dim1)}. */
    static final class Transpose {
        private Transpose() {}

        static Tensor forward(Tensor self, int dim0, int dim1) {
            int n = self.dim();
            int a = Shapes.wrapDim(dim0, n);
            int b = Shapes.wrapDim(dim1, n);
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            perm[a] = b;
            perm[b] = a;
            return permuted(self, perm, "TransposeBackward0");
        }
    }

    /** {@code t()}: transpose of a tensor with at most 2 dimensions. */
    static final class T {
        private T() {}

        static Tensor forward(Tensor self) {
            int n = self.dim();
            if (n > 2) {
                throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + n + "D");
            }
            return permuted(self, n == 2 ? new int[] {1, 0} : n == 1 ? new int[] {0} : new int[0], "TBackward0");
        }
    }

    /** {@code expand(sizes)}: broadcast size-1 dims with stride 0. */
    static final class Expand {
        private Expand() {}

        static Tensor forward(Tensor self, int[] shape) {
            int n = self.dim();
            if (shape.length < n) {
                throw new IllegalArgumentException("expand(" + self.type() + "{" + Arrays.toString(self.sizes)
                        + "}, size=" + Arrays.toString(shape) + "): the number of sizes provided (" + shape.length
                        + ") must be greater or equal to the number of dimensions in the tensor (" + n + ")");
            }
            int[] sizes = new int[shape.length];
            int[] strides = new int[shape.length];
            int off = shape.length - n;
            for (int i = 0; i < shape.length; i++) {
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
                    int existing = self.sizes[j];
                    if (target == -1) {
                        target = existing;
                    }
                    if (existing == target) {
                        sizes[i] = existing;
                        strides[i] = self.strides[j];
                    } else if (existing == 1) {
                        sizes[i] = target;
                        strides[i] = 0;
                    } else {
                        throw new IllegalArgumentException("The expanded size of the tensor (" + target
                                + ") must match the existing size (" + existing + ") at non-singleton dimension "
                                + i + ".  Target sizes: " + Arrays.toString(shape) + ".  Tensor sizes: "
                                + Arrays.toString(self.sizes));
                    }
                }
            }
            Tensor out = self.asStrided(sizes, strides, self.offset);
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self));
            }
            return out;
        }

        static final class Backward extends Node {
            private final int[] inputSizes;
            private final DType inputType;

            Backward(Tensor self) {
                super(self);
                this.inputSizes = self.sizes;
                this.inputType = self.dtype;
            }

            @Override
            public String name() {
                return "ExpandBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {Grads.reduceTo(grad, inputSizes, inputType)};
            }
        }
    }

    /** {@code flatten(start, end)}: a reshape of the dims in range. */
    static Tensor flatten(Tensor self, int startDim, int endDim) {
        int n = self.dim();
        int s = Shapes.wrapDim(startDim, n);
        int e = Shapes.wrapDim(endDim, n);
        if (s > e) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (n == 0) {
            return self.reshape(1);
        }
        if (s == e) {
            return self;
        }
        int[] shape = new int[n - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) {
            shape[k++] = self.sizes[i];
        }
        int prod = 1;
        for (int i = s; i <= e; i++) {
            prod *= self.sizes[i];
        }
        shape[k++] = prod;
        for (int i = e + 1; i < n; i++) {
            shape[k++] = self.sizes[i];
        }
        return self.reshape(shape);
    }

    /** {@code select(dim, index)}: drops one dimension. */
    static final class Select {
        private Select() {}

        static Tensor forward(Tensor self, int dim, int index) {
            if (self.dim() == 0) {
                throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
            }
            int d = Shapes.wrapDim(dim, self.dim());
            int size = self.sizes[d];
            if (index < -size || index >= size) {
                throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                        + java.util.Arrays.toString(self.sizes) + " at dimension " + d);
            }
            int i = index < 0 ? index + size : index;
            int n = self.dim();
            int[] sizes = new int[n - 1];
            int[] strides = new int[n - 1];
            for (int k = 0, j = 0; k < n; k++) {
                if (k != d) {
                    sizes[j] = self.sizes[k];
                    strides[j++] = self.strides[k];
                }
            }
            Tensor out = self.asStrided(sizes, strides, self.offset + i * self.strides[d]);
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self, d, i));
            }
            return out;
        }

        static final class Backward extends Node {
            private final int[] inputSizes;
            private final DType inputType;
            private final int dim;
            private final int index;

            Backward(Tensor self, int dim, int index) {
                super(self);
                this.inputSizes = self.sizes;
                this.inputType = self.dtype;
                this.dim = dim;
                this.index = index;
            }

            @Override
            public String name() {
                return "SelectBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor zeros = Tensor.allocate(inputType, inputSizes.clone());
                Copy.copyInto(zeros.select(dim, index), grad);
                return new Tensor[] {zeros};
            }
        }
    }

    /** Python slicing of one dimension, {@code [start:stop:step]}, and {@code narrow}. */
    static final class Slice {
        private Slice() {}

        /** {@code narrow(dim, start, length)}. */
        static Tensor narrow(Tensor self, int dim, int start, int length) {
            int d = Shapes.wrapDim(dim, self.dim());
            int size = self.sizes[d];
            int s = start < 0 ? start + size : start;
            if (s < 0 || s > size) {
                throw new IndexOutOfBoundsException("start out of range (expected to be in range of [" + (-size) + ", "
                        + size + "], but got " + start + ")");
            }
            if (length < 0 || s + length > size) {
                throw new IllegalArgumentException("start (" + s + ") + length (" + length
                        + ") exceeds dimension size (" + size + ").");
            }
            return forward(self, d, s, s + length, 1);
        }

        /** The view of {@code [start, stop)} with {@code step} along {@code dim}; bounds already clamped. */
        static Tensor forward(Tensor self, int dim, int start, int stop, int step) {
            int[] sizes = self.sizes.clone();
            int[] strides = self.strides.clone();
            int len = stop > start ? (stop - start + step - 1) / step : 0;
            sizes[dim] = len;
            strides[dim] = self.strides[dim] * step;
            Tensor out = self.asStrided(sizes, strides, self.offset + (len > 0 ? start * self.strides[dim] : 0));
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self, dim, start, len, step));
            }
            return out;
        }

        static final class Backward extends Node {
            private final int[] inputSizes;
            private final DType inputType;
            private final int dim;
            private final int start;
            private final int length;
            private final int step;

            Backward(Tensor self, int dim, int start, int length, int step) {
                super(self);
                this.inputSizes = self.sizes;
                this.inputType = self.dtype;
                this.dim = dim;
                this.start = start;
                this.length = length;
                this.step = step;
            }

            @Override
            public String name() {
                return "SliceBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor zeros = Tensor.allocate(inputType, inputSizes.clone());
                int[] sizes = zeros.sizes.clone();
                int[] strides = zeros.strides.clone();
                sizes[dim] = length;
                strides[dim] *= step;
                Copy.copyInto(zeros.asStrided(sizes, strides, length > 0 ? start * zeros.strides[dim] : 0), grad);
                return new Tensor[] {zeros};
            }
        }
    }
}
