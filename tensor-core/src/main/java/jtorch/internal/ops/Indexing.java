package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jtorch.DType;
import jtorch.Slice;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.Grads;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Python subscripts on tensors, {@code x[spec]} ({@link #get}) and {@code x[spec] = value}
 * ({@link #set}), step for step as PyTorch 1.13's {@code python_variable_indexing.cpp} and
 * {@code TensorIndexing.h}.
 *
 * <p>Walking the items left to right over a running dimension {@code dim}: an integer selects
 * ({@code SelectBackward0}, dimension dropped), a slice narrows ({@code SliceBackward0}),
 * {@code None} inserts a size-1 dimension ({@code UnsqueezeBackward0}), {@code ...} skips the
 * dimensions no other item names, and a tensor (or a Python bool) is recorded as the index of
 * {@code dim}. Those basic steps give a view; recorded tensors then apply to it as one advanced
 * index, a copy ({@code IndexBackward0}). In a tuple, a slice written {@code 0:n} over a whole
 * dimension of size n is skipped (a bare {@code :} is not, as in 1.13), and a read that applied no
 * step at all ({@code x[...]}) returns an alias ({@code AliasBackward0}).
 *
 * <p>Assignment writes into the same view, or through {@code index_put_} when tensors were
 * recorded. Python numbers become 0-d tensors of the target's dtype first; tensor values lose
 * leading size-1 dimensions and broadcast to the target. The indexed tensor's grad_fn becomes
 * {@code CopySlices} around the write's node when a view of it was written, else the write's own
 * node ({@code CopyBackwards}, {@code FillBackward3}, {@code IndexPutBackward0}); if the indexed
 * tensor is itself a view, {@link Autograd#rebaseHistory} moves that history to its base as for
 * every in-place op.
 */
public final class Indexing {
    private Indexing() {}

    /** The basic part of an index: a view (or the tensor itself) and the tensors recorded per dimension of it. */
    private static final class Sliced {
        final TensorImpl view;
        final List<TensorImpl> indices;

        Sliced(TensorImpl view, List<TensorImpl> indices) {
            this.view = view;
            this.indices = indices;
        }
    }

    /** {@code self[spec]}. */
    public static TensorImpl get(TensorImpl self, IndexSpec spec) {
        Sliced s = slice(self, spec, !spec.tuple);
        if (s.indices.isEmpty()) {
            return s.view == self ? alias(self) : s.view;
        }
        return Gathering.index(s.view, s.indices);
    }

    /** {@code self[spec] = value} with a Python number or bool, converted to self's dtype first. */
    public static TensorImpl set(TensorImpl self, IndexSpec spec, Number value) {
        return set(self, spec, Gathering.scalarTensor(value, self.dtype()));
    }

    /** {@code self[spec] = True/False}. */
    public static TensorImpl set(TensorImpl self, IndexSpec spec, boolean value) {
        return set(self, spec, Gathering.scalarTensor(value, self.dtype()));
    }

    /** {@code self[spec] = value} with a tensor value. */
    public static TensorImpl set(TensorImpl self, IndexSpec spec, TensorImpl value) {
        if (value == null) {
            throw new IllegalArgumentException("the assigned value is null; expected a number or a tensor");
        }
        if (!spec.tuple && spec.items.get(0) == Boolean.FALSE) {
            return self;
        }
        IndexSpec effective = !spec.tuple && spec.items.get(0) == Boolean.TRUE
                ? IndexSpec.ofArguments(new Object[] {Slice.NONE}) : spec;
        Sliced s = slice(self, effective, false);
        if (s.indices.isEmpty()) {
            copyTo(self, s.view, value);
        } else {
            int[] stripped = stripLeadingOnes(value.sizes());
            TensorImpl values = stripped.length == value.dim() ? value : Views.view(value, stripped);
            write(self, s.view, s.indices, values, Write.INDEX_PUT, false);
        }
        return self;
    }

    /** {@code self.index_put_(indices, values, accumulate)}: ATen's op on index tensors, no Python conversions. */
    public static TensorImpl indexPut(TensorImpl self, TensorImpl[] indices, TensorImpl values, boolean accumulate) {
        write(self, self, Arrays.asList(indices.clone()), values, Write.INDEX_PUT, accumulate);
        return self;
    }

    // ---------------------------------------------------------------- the basic part

    /**
     * Applies the basic items (PyTorch's {@code applySlicing}). A single non-tuple item skips the
     * "too many indices" count, so {@code scalar[0]} gets the 0-dim message; {@code disableSliceOpt}
     * keeps a slice covering the whole dimension as a real slice (single-slice reads do).
     */
    private static Sliced slice(TensorImpl self, IndexSpec spec, boolean disableSliceOpt) {
        List<Object> items = spec.items;
        int specified = countSpecified(items);
        if ((spec.tuple || items.get(0) instanceof TensorImpl) && specified > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim());
        }
        TensorImpl result = self;
        List<TensorImpl> indices = new ArrayList<>();
        int dim = 0;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Long) {
                result = select(result, dim, (Long) item, i);
            } else if (item instanceof Slice) {
                result = sliceDim(result, dim++, (Slice) item, disableSliceOpt);
            } else if (item == Slice.ELLIPSIS) {
                dim += self.dim() - specified;
            } else if (item == Slice.NONE) {
                result = Views.unsqueeze(result, dim++);
            } else if (item instanceof Boolean) {
                result = Views.unsqueeze(result, dim);
                record(indices, dim++, boolIndex((Boolean) item));
            } else {
                TensorImpl t = (TensorImpl) item;
                if (t.dim() == 0 && !t.dtype().isFloatingPoint()) {
                    if (t.dtype().isBool() || t.dtype() == DType.UINT8) {
                        result = Views.unsqueeze(result, dim);
                        record(indices, dim++, boolIndex(t.getLong(0) != 0));
                    } else {
                        result = select(result, dim, t.getLong(0), i);
                    }
                } else {
                    record(indices, dim++, t);
                }
            }
        }
        return new Sliced(result, indices);
    }

    /** Integers, slices and index tensors name one dimension each, masks as many as they have. */
    private static int countSpecified(List<Object> items) {
        int count = 0;
        for (Object item : items) {
            if (item instanceof TensorImpl) {
                TensorImpl t = (TensorImpl) item;
                count += t.dtype().isBool() || t.dtype() == DType.UINT8 ? t.dim() : 1;
            } else if (item instanceof Long || item instanceof Slice) {
                count++;
            }
        }
        return count;
    }

    private static TensorImpl select(TensorImpl t, int dim, long index, int realDim) {
        if (index == 0 && dim == 0 && t.dim() == 0) {
            throw new IndexOutOfBoundsException("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or"
                    + " `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        int size = t.dim() == 0 ? 0 : t.sizes()[dim];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension " + realDim
                    + " with size " + size);
        }
        return Views.select(t, dim, (int) index);
    }

    private static TensorImpl sliceDim(TensorImpl t, int dim, Slice s, boolean disableOpt) {
        long step = s.step() == null ? 1 : s.step();
        if (step <= 0) {
            throw new IllegalArgumentException("step must be greater than zero");
        }
        if (t.dim() == 0) {
            throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        }
        int length = t.sizes()[dim];
        long start = s.start() == null ? 0 : s.start();
        long stop = s.stop() == null ? Long.MAX_VALUE : s.stop();
        if (!disableOpt && start == 0 && stop == length && step == 1) {
            return t;
        }
        start = start < 0 ? start + length : start;
        stop = stop < 0 ? stop + length : stop;
        start = Math.min(Math.max(start, 0), length);
        stop = stop < start ? start : Math.min(stop, length);
        return Views.slice(t, dim, (int) start, (int) stop, (int) step);
    }

    private static void record(List<TensorImpl> indices, int dim, TensorImpl index) {
        while (indices.size() <= dim) {
            indices.add(null);
        }
        indices.set(dim, index);
    }

    /** A Python bool as an index of a new size-1 dimension: {@code [0]} for true, {@code []} for false. */
    private static TensorImpl boolIndex(boolean value) {
        return TensorData.build(value ? new long[] {0} : new long[0], DType.INT64);
    }

    /** {@code at::alias}: the same geometry, as a new tensor with {@code AliasBackward0}. */
    private static TensorImpl alias(TensorImpl self) {
        TensorImpl out = self.asStrided(self.sizes(), self.strides(), self.offset());
        return FormulaNode.record(out, "AliasBackward0", self, formula((g, in) -> g));
    }

    private static int[] stripLeadingOnes(int[] sizes) {
        int k = 0;
        while (k < sizes.length && sizes[k] == 1) {
            k++;
        }
        return Arrays.copyOfRange(sizes, k, sizes.length);
    }

    // ---------------------------------------------------------------- writes

    /** {@code copy_to}: an equal-shaped value is copied, a 0-d one fills, others broadcast and copy. */
    private static void copyTo(TensorImpl self, TensorImpl target, TensorImpl value) {
        if (Arrays.equals(target.sizes(), value.sizes())) {
            write(self, target, List.of(), value, Write.COPY, false);
        } else if (value.dim() == 0) {
            write(self, target, List.of(), value, Write.FILL, false);
        } else {
            int[] stripped = stripLeadingOnes(value.sizes());
            TensorImpl src = Views.expand(stripped.length == value.dim() ? value : Views.view(value, stripped),
                    target.sizes());
            write(self, target, List.of(), src, Write.COPY, false);
        }
    }

    /**
     * Writes {@code value} into {@code target} ({@code self} or a view of it) and records the write:
     * the op's node on self, or {@code CopySlices} around it when a view of self was written.
     */
    private static void write(TensorImpl self, TensorImpl target, List<TensorImpl> indices, TensorImpl value,
                              Write kind, boolean accumulate) {
        AdvancedIndex info = null;
        if (kind == Write.INDEX_PUT) {
            if (value.dtype() != target.dtype()) {
                throw new IllegalArgumentException("Index put requires the source and destination dtypes match, got "
                        + target.dtype().scalarName() + " for the destination and " + value.dtype().scalarName()
                        + " for the source.");
            }
            info = AdvancedIndex.of(target, indices);
            info.checkValues(value);
        }
        if (kind != Write.FILL) {
            checkNoOverlap(target, value);
        }
        Autograd.checkInplace(target);
        TensorImpl data = value.storage() == target.storage() ? value.contiguousCopy() : value;
        if (info != null) {
            info.put(target, data, accumulate);
        } else {
            StridedCopy.copyInto(target, data);
        }
        if (Grads.needed(target, value)) {
            List<TensorImpl> written = info == null ? List.of() : info.indices;
            // self: the gradient with what the write overwrote cleared; value: the written region's gradient
            FormulaNode fn = FormulaNode.of(kind.nodeName, target, value,
                    formula((g, in) -> {
                        TensorImpl buffer = g.contiguousCopy();
                        kind.clearOverwritten(buffer, written, accumulate);
                        return buffer;
                    }),
                    formula((g, in) -> kind.valueGrad(g, written)));
            Autograd.rebaseHistory(self, target, fn);
        }
    }

    /**
     * ATen's {@code assert_no_overlap} for a write reading {@code src}: when both are dense and share
     * storage, any shared memory is an error unless src is exactly the destination (a no-op copy).
     * Layouts too hard to compare are allowed; {@link #write} then reads a copy of src.
     */
    private static void checkNoOverlap(TensorImpl dst, TensorImpl src) {
        if (dst.storage() != src.storage() || dst.numel() == 0 || src.numel() == 0 || !dense(dst) || !dense(src)) {
            return;
        }
        boolean sameView = dst.offset() == src.offset() && Arrays.equals(dst.sizes(), src.sizes())
                && Arrays.equals(dst.strides(), src.strides());
        int dstEnd = dst.offset() + dst.numel();
        int srcEnd = src.offset() + src.numel();
        if (!sameView && dst.offset() < srcEnd && src.offset() < dstEnd) {
            throw new IllegalArgumentException("unsupported operation: some elements of the input tensor and the"
                    + " written-to tensor refer to a single memory location. Please clone() the tensor before"
                    + " performing the operation.");
        }
    }

    /** Whether the elements fill a gap-free block, in any dimension order (non-overlapping and dense). */
    private static boolean dense(TensorImpl t) {
        Integer[] dims = new Integer[t.dim()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i;
        }
        Arrays.sort(dims, (a, b) -> Integer.compare(t.strides()[a], t.strides()[b]));
        int expected = 1;
        for (int d : dims) {
            if (t.sizes()[d] != 1) {
                if (t.strides()[d] != expected) {
                    return false;
                }
                expected *= t.sizes()[d];
            }
        }
        return true;
    }

    /** The in-place op behind an assignment, with its gradients over the written region. */
    enum Write {
        /** {@code copy_} of a value of the region's shape. */
        COPY("CopyBackwards"),
        /** {@code fill_} with a 0-d value. */
        FILL("FillBackward3"),
        /** {@code index_put_} through index tensors. */
        INDEX_PUT("IndexPutBackward0");

        final String nodeName;

        Write(String nodeName) {
            this.nodeName = nodeName;
        }

        /** The value's gradient (before summing to its shape) from the written region's gradient. */
        TensorImpl valueGrad(TensorImpl region, List<TensorImpl> indices) {
            switch (this) {
                case INDEX_PUT:
                    return AdvancedIndex.of(region, indices).gather(region);
                case FILL:
                    return Reductions.sum(region, null, false, null);
                default:
                    return region;
            }
        }

        /** Zeroes, in a writable copy of the gradient, what the write overwrote (nothing when accumulating). */
        void clearOverwritten(TensorImpl region, List<TensorImpl> indices, boolean accumulate) {
            if (this != INDEX_PUT) {
                StridedCopy.copyInto(region, Scalars.wrap(0));
            } else if (!accumulate) {
                AdvancedIndex.of(region, indices).put(region, Conversions.to(Scalars.wrap(0), region.dtype()), false);
            }
        }
    }
}
