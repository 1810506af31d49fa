package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * Joining and splitting: {@code cat}, {@code stack}, {@code repeat} (copies) and {@code split},
 * {@code chunk}, {@code unbind} (views of their input), each with its backward node.
 *
 * <p>The pieces of a split are views sharing the input's storage. PyTorch gives all pieces one
 * multi-output node; here each piece has its own node of the same name, whose backward writes
 * the piece's gradient into its slot of a zero gradient of the input's shape (the engine sums
 * them), which gives the same gradients.
 */
public final class Joining {
    private Joining() {}

    private static TensorImpl[] checked(TensorImpl[] tensors) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] == null) {
                throw new IllegalArgumentException("expected Tensor as element " + i + " in argument 0, but got None");
            }
        }
        return tensors;
    }

    /** A view of {@code t} restricted to {@code [start, start + length)} of {@code dim} (no autograd). */
    private static TensorImpl slab(TensorImpl t, int dim, int start, int length) {
        int[] sizes = t.sizes().clone();
        sizes[dim] = length;
        return t.asStrided(sizes, t.strides(), t.offset() + (length > 0 ? start * t.strides()[dim] : 0));
    }

    /**
     * Copies {@code src} into {@code [at, at + src.size(dim))} of {@code dim} of the contiguous
     * {@code out}: one array copy per outer index when the dtypes match and {@code src} is
     * contiguous, else an elementwise cast-and-copy.
     */
    private static void copyAlong(TensorImpl out, int dim, int at, TensorImpl src) {
        Object from = src.storage().array();
        Object to = out.storage().array();
        if (src.dtype() != out.dtype() || !src.isContiguous() || from == null || to == null) {
            StridedCopy.copyInto(slab(out, dim, at, src.sizes()[dim]), src);
            return;
        }
        int inner = 1;
        for (int i = dim + 1; i < out.dim(); i++) {
            inner *= out.sizes()[i];
        }
        int block = src.sizes()[dim] * inner;
        int row = out.sizes()[dim] * inner;
        int outer = block == 0 ? 0 : src.numel() / block;
        int srcBase = src.storage().base + src.offset();
        int dstBase = out.storage().base + out.offset() + at * inner;
        for (int a = 0; a < outer; a++) {
            Cancellation.check();
            System.arraycopy(from, srcBase + a * block, to, dstBase + a * row, block);
        }
    }

    private static boolean skipped(TensorImpl t) {
        return t.dim() == 1 && t.sizes()[0] == 0;
    }

    /** {@code torch.cat(tensors, dim)}: legacy empty 1-d tensors ({@code shape [0]}) are skipped. */
    public static TensorImpl cat(TensorImpl[] list, int dim) {
        if (list.length == 0) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        TensorImpl[] tensors = checked(list);
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + i
                        + ") cannot be concatenated");
            }
        }
        DType type = Promotion.resultType(tensors);
        TensorImpl first = null;
        for (TensorImpl t : tensors) {
            if (!skipped(t)) {
                first = t;
                break;
            }
        }
        if (first == null) {
            TensorImpl out = TensorImpl.allocate(type, new int[] {0});
            return record(out, tensors, 0);
        }
        int d = Shapes.wrapDim(dim, first.dim());
        int total = 0;
        for (int i = 0; i < tensors.length; i++) {
            TensorImpl t = tensors[i];
            if (skipped(t)) {
                continue;
            }
            checkShape(first, t, d, i);
            total += t.sizes()[d];
        }
        int[] shape = first.sizes().clone();
        shape[d] = total;
        TensorImpl out = TensorImpl.allocate(type, shape);
        int at = 0;
        for (TensorImpl t : tensors) {
            if (!skipped(t)) {
                copyAlong(out, d, at, t);
                at += t.sizes()[d];
            }
        }
        return record(out, tensors, d);
    }

    private static void checkShape(TensorImpl first, TensorImpl t, int dim, int index) {
        if (first.dim() != t.dim()) {
            throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                    + " and " + t.dim());
        }
        for (int i = 0; i < first.dim(); i++) {
            if (i != dim && first.sizes()[i] != t.sizes()[i]) {
                throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + dim
                        + ". Expected size " + first.sizes()[i] + " but got size " + t.sizes()[i]
                        + " for tensor number "
                        + index + " in the list.");
            }
        }
    }

    /** {@code CatBackward0}: each input gets its slab of the gradient (legacy empty inputs an empty one). */
    private static TensorImpl record(TensorImpl out, TensorImpl[] tensors, int dim) {
        FormulaNode.Derivative[] derivatives = new FormulaNode.Derivative[tensors.length];
        int at = 0;
        for (int i = 0; i < tensors.length; i++) {
            TensorImpl t = tensors[i];
            boolean empty = skipped(t);
            int start = at;
            int length = empty ? 0 : t.sizes()[dim];
            DType type = t.dtype();
            derivatives[i] = formula((g, in) -> empty ? TensorImpl.allocate(type, new int[] {0})
                    : Views.narrow(g, dim, start, length));
            at += length;
        }
        return FormulaNode.record(out, "CatBackward0", tensors, derivatives);
    }

    /**
     * {@code torch.hstack(tensors)}: {@code cat} of the tensors made at least 1-d, along dim 0
     * when the first is 1-d, else along dim 1.
     */
    public static TensorImpl hstack(TensorImpl[] list) {
        if (list.length == 0) {
            throw new IllegalArgumentException("hstack expects a non-empty TensorList");
        }
        TensorImpl[] tensors = new TensorImpl[list.length];
        for (int i = 0; i < list.length; i++) {
            tensors[i] = list[i].dim() == 0 ? Views.reshape(list[i], 1) : list[i];
        }
        return cat(tensors, tensors[0].dim() == 1 ? 0 : 1);
    }

    /** {@code torch.vstack(tensors)}: {@code cat} of the tensors made at least 2-d, along dim 0. */
    public static TensorImpl vstack(TensorImpl[] list) {
        if (list.length == 0) {
            throw new IllegalArgumentException("vstack expects a non-empty TensorList");
        }
        TensorImpl[] tensors = new TensorImpl[list.length];
        for (int i = 0; i < list.length; i++) {
            TensorImpl t = list[i];
            tensors[i] = t.dim() == 0 ? Views.reshape(t, 1, 1) : t.dim() == 1 ? Views.unsqueeze(t, 0) : t;
        }
        return cat(tensors, 0);
    }

    /** {@code torch.stack(tensors, dim)}: equal-shaped tensors joined along a new dim. */
    public static TensorImpl stack(TensorImpl[] list, int dim) {
        if (list.length == 0) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        TensorImpl[] tensors = checked(list);
        int[] entry = tensors[0].sizes();
        int d = Shapes.wrapDim(dim, entry.length + 1);
        for (int i = 1; i < tensors.length; i++) {
            if (!Arrays.equals(entry, tensors[i].sizes())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Arrays.toString(entry) + " at entry 0 and " + Arrays.toString(tensors[i].sizes())
                        + " at entry " + i);
            }
        }
        int[] shape = new int[entry.length + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == d ? tensors.length : entry[j++];
        }
        TensorImpl out = TensorImpl.allocate(Promotion.resultType(tensors), shape);
        for (int i = 0; i < tensors.length; i++) {
            copyAlong(out, d, i, Views.unsqueeze(tensors[i].detachAlias(), d));
        }
        // StackBackward0: input i gets grad.select(dim, i)
        FormulaNode.Derivative[] derivatives = new FormulaNode.Derivative[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            int index = i;
            derivatives[i] = formula((g, in) -> Views.select(g, d, index));
        }
        return FormulaNode.record(out, "StackBackward0", tensors, derivatives);
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

    /**
     * One piece of a split: the view {@code [start, start + length)} of {@code dim}, or with
     * {@code squeeze} the single index {@code start} with the dim removed ({@code unbind}).
     */
    static TensorImpl piece(TensorImpl self, int dim, int start, int length, boolean squeeze, String name) {
        TensorImpl out = slab(self, dim, start, length);
        if (squeeze) {
            out = out.asStrided(dropDim(out.sizes(), dim), dropDim(out.strides(), dim), out.offset());
        }
        // SplitBackward0 and kin: the piece's gradient in its slot of a zero input gradient
        int[] inputSizes = self.sizes();
        DType inputType = self.dtype();
        return FormulaNode.record(out, name, self, formula((g, in) -> {
            TensorImpl zeros = TensorImpl.allocate(inputType, inputSizes.clone());
            StridedCopy.copyInto(slab(zeros, dim, start, length), squeeze ? Views.unsqueeze(g, dim) : g);
            return zeros;
        }));
    }

    /** {@code split(splitSize, dim)}: pieces of {@code splitSize} along dim, the last one shorter. */
    public static TensorImpl[] split(TensorImpl self, int splitSize, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        if (splitSize < 0) {
            throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size="
                    + splitSize);
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.sizes()[d];
        if (splitSize == 0 && size != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension"
                    + " size of " + size);
        }
        int count = splitSize == 0 ? 1 : Math.max((size + splitSize - 1) / splitSize, 1);
        int last = splitSize - (splitSize * count - size);
        List<TensorImpl> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pieces.add(piece(self, d, i * splitSize, i < count - 1 ? splitSize : last, false, "SplitBackward0"));
        }
        return pieces.toArray(new TensorImpl[0]);
    }

    /** {@code split([sizes], dim)} ({@code split_with_sizes}): pieces of the given sizes. */
    public static TensorImpl[] splitWithSizes(TensorImpl self, int[] splitSizes, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.sizes()[d];
        List<TensorImpl> pieces = new ArrayList<>(splitSizes.length);
        int start = 0;
        for (int length : splitSizes) {
            if (length < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative"
                        + " entries,"
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
        return pieces.toArray(new TensorImpl[0]);
    }

    /** {@code chunk(chunks, dim)}: at most {@code chunks} pieces of equal size (the last may be smaller). */
    public static TensorImpl[] chunk(TensorImpl self, int chunks, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        }
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int size = self.sizes()[Shapes.wrapDim(dim, self.dim())];
        int splitSize = (size + chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) {
            return splitWithSizes(self, new int[chunks], dim);
        }
        return split(self, splitSize, dim);
    }

    /** {@code unbind(dim)}: the slices along dim, the dim removed ({@code UnbindBackward0}). */
    public static TensorImpl[] unbind(TensorImpl self, int dim) {
        int d = Shapes.wrapDim(dim, self.dim());
        if (self.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as " + d + " but tensor has no dimensions");
        }
        List<TensorImpl> pieces = new ArrayList<>(self.sizes()[d]);
        for (int i = 0; i < self.sizes()[d]; i++) {
            pieces.add(piece(self, d, i, 1, true, "UnbindBackward0"));
        }
        return pieces.toArray(new TensorImpl[0]);
    }

    /** {@code repeat(repeats)}: tiles the tensor, with new leading dims when repeats has more. */
    public static TensorImpl repeat(TensorImpl self, int[] repeats) {
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
            padded[i] = i < lead ? 1 : self.sizes()[i - lead];
            paddedStrides[i] = i < lead ? 0 : self.strides()[i - lead];
            target[i] = padded[i] * repeats[i];
        }
        for (int t : target) {
            if (t < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + t + ": "
                        + Arrays.toString(target));
            }
        }
        TensorImpl out = TensorImpl.allocate(self.dtype(), target);
        int[] tiles = new int[2 * n];
        int[] outStrides = new int[2 * n];
        int[] inStrides = new int[2 * n];
        for (int i = 0; i < n; i++) {
            tiles[2 * i] = repeats[i];
            tiles[2 * i + 1] = padded[i];
            outStrides[2 * i] = padded[i] * out.strides()[i];
            outStrides[2 * i + 1] = out.strides()[i];
            inStrides[2 * i + 1] = paddedStrides[i];
        }
        if (out.numel() > 0) {
            StridedCopy.copyInto(out.asStrided(tiles, outStrides, 0), self.asStrided(tiles, inStrides, self.offset()));
        }
        // RepeatBackward0: the gradient summed over the tiles
        int[] inputSizes = self.sizes();
        return FormulaNode.record(out, "RepeatBackward0", self, formula((grad, in) -> {
            int[] tileDims = new int[tiles.length / 2];
            for (int i = 0; i < tileDims.length; i++) {
                tileDims[i] = 2 * i;
            }
            TensorImpl summed = Reductions.sum(Views.reshape(grad, tiles), tileDims, false, null);
            return Views.reshape(summed, inputSizes);
        }));
    }
}
