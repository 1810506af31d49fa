package jtorch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.Shapes;

/**
 * Joining and splitting: {@code cat}, {@code stack}, {@code repeat} (copies) and {@code split},
 * {@code chunk}, {@code unbind} (views of their input), each with its backward node.
 *
 * <p>The pieces of a split are views sharing the input's storage. PyTorch gives all pieces one
 * multi-output node; here each piece has its own node of the same name, whose backward writes
 * the piece's gradient into its slot of a zero gradient of the input's shape (the engine sums
 * them), which gives the same gradients.
 */
final class JoinOps {
    private JoinOps() {}

    private static Tensor[] checked(List<Tensor> tensors) {
        Tensor[] array = new Tensor[tensors.size()];
        for (int i = 0; i < array.length; i++) {
            Tensor t = tensors.get(i);
            if (t == null) {
                throw new IllegalArgumentException("expected Tensor as element " + i + " in argument 0, but got None");
            }
            array[i] = t;
        }
        return array;
    }

    /** A view of {@code t} restricted to {@code [start, start + length)} of {@code dim} (no autograd). */
    private static Tensor slab(Tensor t, int dim, int start, int length) {
        int[] sizes = t.sizes.clone();
        sizes[dim] = length;
        return t.asStrided(sizes, t.strides, t.offset + (length > 0 ? start * t.strides[dim] : 0));
    }

    /**
     * Copies {@code src} into {@code [at, at + src.size(dim))} of {@code dim} of the contiguous
     * {@code out}: one array copy per outer index when the dtypes match and {@code src} is
     * contiguous, else an elementwise cast-and-copy.
     */
    private static void copyAlong(Tensor out, int dim, int at, Tensor src) {
        Object from = src.storage.array();
        Object to = out.storage.array();
        if (src.dtype != out.dtype || !src.isContiguous() || from == null || to == null) {
            Copy.copyInto(slab(out, dim, at, src.sizes[dim]), src);
            return;
        }
        int inner = 1;
        for (int i = dim + 1; i < out.dim(); i++) {
            inner *= out.sizes[i];
        }
        int block = src.sizes[dim] * inner;
        int row = out.sizes[dim] * inner;
        int outer = block == 0 ? 0 : src.numel() / block;
        int srcBase = src.storage.base + src.offset;
        int dstBase = out.storage.base + out.offset + at * inner;
        for (int a = 0; a < outer; a++) {
            Cancellation.check();
            System.arraycopy(from, srcBase + a * block, to, dstBase + a * row, block);
        }
    }

    /** {@code torch.cat(tensors, dim)}: legacy empty 1-d tensors ({@code shape [0]}) are skipped. */
    static final class Cat {
        private Cat() {}

        private static boolean skipped(Tensor t) {
            return t.dim() == 1 && t.sizes[0] == 0;
        }

        static Tensor forward(List<Tensor> list, int dim) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
            }
            Tensor[] tensors = checked(list);
            for (int i = 0; i < tensors.length; i++) {
                if (tensors[i].dim() == 0) {
                    throw new IllegalArgumentException("zero-dimensional tensor (at position " + i
                            + ") cannot be concatenated");
                }
            }
            DType type = Promotion.resultType(tensors);
            Tensor first = null;
            for (Tensor t : tensors) {
                if (!skipped(t)) {
                    first = t;
                    break;
                }
            }
            if (first == null) {
                Tensor out = Tensor.allocate(type, new int[] {0});
                return record(out, tensors, 0);
            }
            int d = Shapes.wrapDim(dim, first.dim());
            int total = 0;
            for (int i = 0; i < tensors.length; i++) {
                Tensor t = tensors[i];
                if (skipped(t)) {
                    continue;
                }
                checkShape(first, t, d, i);
                total += t.sizes[d];
            }
            int[] shape = first.sizes.clone();
            shape[d] = total;
            Tensor out = Tensor.allocate(type, shape);
            int at = 0;
            for (Tensor t : tensors) {
                if (!skipped(t)) {
                    copyAlong(out, d, at, t);
                    at += t.sizes[d];
                }
            }
            return record(out, tensors, d);
        }

        private static void checkShape(Tensor first, Tensor t, int dim, int index) {
            if (first.dim() != t.dim()) {
                throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                        + " and " + t.dim());
            }
            for (int i = 0; i < first.dim(); i++) {
                if (i != dim && first.sizes[i] != t.sizes[i]) {
                    throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + dim
                            + ". Expected size " + first.sizes[i] + " but got size " + t.sizes[i] + " for tensor number "
                            + index + " in the list.");
                }
            }
        }

        private static Tensor record(Tensor out, Tensor[] tensors, int dim) {
            if (Grads.needed(tensors)) {
                out.withGradFn(new Backward(tensors, dim));
            }
            return out;
        }

        /** {@code CatBackward0}: each input gets its slab of the gradient, in its own dtype. */
        static final class Backward extends Node {
            private final int dim;
            private final int[][] sizes;
            private final DType[] types;

            Backward(Tensor[] tensors, int dim) {
                super(tensors);
                this.dim = dim;
                this.sizes = new int[tensors.length][];
                this.types = new DType[tensors.length];
                for (int i = 0; i < tensors.length; i++) {
                    sizes[i] = tensors[i].sizes;
                    types[i] = tensors[i].dtype;
                }
            }

            @Override
            public String name() {
                return "CatBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor[] grads = new Tensor[sizes.length];
                int at = 0;
                for (int i = 0; i < sizes.length; i++) {
                    boolean empty = sizes[i].length == 1 && sizes[i][0] == 0;
                    int length = empty ? 0 : sizes[i][dim];
                    if (needsGrad(i)) {
                        Tensor g = empty ? Tensor.allocate(types[i], new int[] {0}) : grad.narrow(dim, at, length);
                        grads[i] = g.dtype == types[i] ? g : g.to(types[i]);
                    }
                    at += length;
                }
                return grads;
            }
        }
    }

    /** {@code torch.stack(tensors, dim)}: equal-shaped tensors joined along a new dim. */
    static final class Stack {
        private Stack() {}

        static Tensor forward(List<Tensor> list, int dim) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("stack expects a non-empty TensorList");
            }
            Tensor[] tensors = checked(list);
            int[] entry = tensors[0].sizes;
            int d = Shapes.wrapDim(dim, entry.length + 1);
            for (int i = 1; i < tensors.length; i++) {
                if (!Arrays.equals(entry, tensors[i].sizes)) {
                    throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                            + Arrays.toString(entry) + " at entry 0 and " + Arrays.toString(tensors[i].sizes)
                            + " at entry " + i);
                }
            }
            int[] shape = new int[entry.length + 1];
            for (int i = 0, j = 0; i < shape.length; i++) {
                shape[i] = i == d ? tensors.length : entry[j++];
            }
            Tensor out = Tensor.allocate(Promotion.resultType(tensors), shape);
            for (int i = 0; i < tensors.length; i++) {
                copyAlong(out, d, i, tensors[i].detachAlias().unsqueeze(d));
            }
            if (Grads.needed(tensors)) {
                out.withGradFn(new Backward(tensors, d));
            }
            return out;
        }

        private static int[] dropDim(int[] values, int dim) {
            int[] out = new int[values.length - 1];
            for (int i = 0, j = 0; i < values.length; i++) {
                if (i != dim) {
                    out[j++] = values[i];
                }
            }
            return out;
        }

        /** {@code StackBackward0}: input {@code i} gets {@code grad.select(dim, i)} in its dtype. */
        static final class Backward extends Node {
            private final int dim;
            private final DType[] types;

            Backward(Tensor[] tensors, int dim) {
                super(tensors);
                this.dim = dim;
                this.types = new DType[tensors.length];
                for (int i = 0; i < tensors.length; i++) {
                    types[i] = tensors[i].dtype;
                }
            }

            @Override
            public String name() {
                return "StackBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor[] grads = new Tensor[types.length];
                for (int i = 0; i < types.length; i++) {
                    if (needsGrad(i)) {
                        Tensor g = grad.select(dim, i);
                        grads[i] = g.dtype == types[i] ? g : g.to(types[i]);
                    }
                }
                return grads;
            }
        }
    }

    /**
     * One piece of a split: the view {@code [start, start + length)} of {@code dim}, or with
     * {@code squeeze} the single index {@code start} with the dim removed ({@code unbind}).
     */
    static Tensor piece(Tensor self, int dim, int start, int length, boolean squeeze, String name) {
        Tensor out = slab(self, dim, start, length);
        if (squeeze) {
            out = out.asStrided(Stack.dropDim(out.sizes, dim), Stack.dropDim(out.strides, dim), out.offset);
        }
        if (Grads.needed(self)) {
            out.withGradFn(new PieceBackward(name, self, dim, start, length, squeeze));
        }
        return out;
    }

    /** {@code SplitBackward0} and kin: the piece's gradient in its slot of a zero input gradient. */
    static final class PieceBackward extends Node {
        private final String name;
        private final int[] inputSizes;
        private final DType inputType;
        private final int dim;
        private final int start;
        private final int length;
        private final boolean squeeze;

        PieceBackward(String name, Tensor self, int dim, int start, int length, boolean squeeze) {
            super(self);
            this.name = name;
            this.inputSizes = self.sizes;
            this.inputType = self.dtype;
            this.dim = dim;
            this.start = start;
            this.length = length;
            this.squeeze = squeeze;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        Tensor[] apply(Tensor grad) {
            Tensor zeros = Tensor.allocate(inputType, inputSizes.clone());
            Copy.copyInto(slab(zeros, dim, start, length), squeeze ? grad.unsqueeze(dim) : grad);
            return new Tensor[] {zeros};
        }
    }

    /** {@code split(splitSize, dim)}: pieces of {@code splitSize} along dim, the last one shorter. */
    static TensorList split(Tensor self, int splitSize, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        if (splitSize < 0) {
            throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size="
                    + splitSize);
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.sizes[d];
        if (splitSize == 0 && size != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension"
                    + " size of " + size);
        }
        int count = splitSize == 0 ? 1 : Math.max((size + splitSize - 1) / splitSize, 1);
        int last = splitSize - (splitSize * count - size);
        List<Tensor> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pieces.add(piece(self, d, i * splitSize, i < count - 1 ? splitSize : last, false, "SplitBackward0"));
        }
        return new TensorList(pieces);
    }

    /** {@code split([sizes], dim)} ({@code split_with_sizes}): pieces of the given sizes. */
    static TensorList splitWithSizes(Tensor self, int[] splitSizes, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.sizes[d];
        List<Tensor> pieces = new ArrayList<>(splitSizes.length);
        int start = 0;
        for (int length : splitSizes) {
            if (length < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative entries,"
                        + " but got split_sizes=" + Arrays.toString(splitSizes));
            }
            if (start + length <= size) {
                pieces.add(piece(self, d, start, length, false, "SplitWithSizesBackward0"));
            }
            start += length;
        }
        if (start != size) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + size
                    + " (input tensor's size at dimension " + dim + "), but got split_sizes="
                    + Arrays.toString(splitSizes));
        }
        return new TensorList(pieces);
    }

    /** {@code chunk(chunks, dim)}: at most {@code chunks} pieces of equal size (the last may be smaller). */
    static TensorList chunk(Tensor self, int chunks, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        }
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int size = self.sizes[Shapes.wrapDim(dim, self.dim())];
        int splitSize = (size + chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) {
            return splitWithSizes(self, new int[chunks], dim);
        }
        return split(self, splitSize, dim);
    }

    /** {@code unbind(dim)}: the slices along dim, the dim removed ({@code UnbindBackward0}). */
    static TensorList unbind(Tensor self, int dim) {
        if (self.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        List<Tensor> pieces = new ArrayList<>(self.sizes[d]);
        for (int i = 0; i < self.sizes[d]; i++) {
            pieces.add(piece(self, d, i, 1, true, "UnbindBackward0"));
        }
        return new TensorList(pieces);
    }

    /** {@code repeat(repeats)}: tiles the tensor, with new leading dims when repeats has more. */
    static final class Repeat {
        private Repeat() {}

        static Tensor forward(Tensor self, int[] repeats) {
            if (repeats.length == 0) {
                throw new IllegalArgumentException("repeat() missing 1 required positional arguments: \"repeats\"");
            }
            if (repeats.length < self.dim()) {
                throw new IllegalArgumentException("Number of dimensions of repeat dims can not be smaller than number"
                        + " of dimensions of tensor");
            }
            int n = repeats.length;
            int lead = n - self.dim();
            int[] target = new int[n];
            int[] padded = new int[n];
            int[] paddedStrides = new int[n];
            for (int i = 0; i < n; i++) {
                padded[i] = i < lead ? 1 : self.sizes[i - lead];
                paddedStrides[i] = i < lead ? 0 : self.strides[i - lead];
                target[i] = padded[i] * repeats[i];
            }
            for (int t : target) {
                if (t < 0) {
                    throw new IllegalArgumentException("Trying to create tensor with negative dimension " + t + ": "
                            + Arrays.toString(target));
                }
            }
            Tensor out = Tensor.allocate(self.dtype, target);
            int[] tiles = new int[2 * n];
            int[] outStrides = new int[2 * n];
            int[] inStrides = new int[2 * n];
            for (int i = 0; i < n; i++) {
                tiles[2 * i] = repeats[i];
                tiles[2 * i + 1] = padded[i];
                outStrides[2 * i] = padded[i] * out.strides[i];
                outStrides[2 * i + 1] = out.strides[i];
                inStrides[2 * i + 1] = paddedStrides[i];
            }
            if (out.numel() > 0) {
                Copy.copyInto(out.asStrided(tiles, outStrides, 0), self.asStrided(tiles, inStrides, self.offset));
            }
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self, tiles));
            }
            return out;
        }

        /** {@code RepeatBackward0}: the gradient summed over the tiles. */
        static final class Backward extends Node {
            private final int[] inputSizes;
            private final DType inputType;
            private final int[] tiles;

            Backward(Tensor self, int[] tiles) {
                super(self);
                this.inputSizes = self.sizes;
                this.inputType = self.dtype;
                this.tiles = tiles;
            }

            @Override
            public String name() {
                return "RepeatBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                int[] tileDims = new int[tiles.length / 2];
                for (int i = 0; i < tileDims.length; i++) {
                    tileDims[i] = 2 * i;
                }
                Tensor g = grad.reshape(tiles).sum(tileDims, false).reshape(inputSizes);
                return new Tensor[] {g.dtype == inputType ? g : g.to(inputType)};
            }
        }
    }
}
