package jtorch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * {@link CopySlices} around the write's node when a view of it was written, else the write's own
 * node ({@code CopyBackwards}, {@code FillBackward3}, {@code IndexPutBackward0}); if the indexed
 * tensor is itself a view, {@link Tensor#rebaseHistory} moves that history to its base as for
 * every in-place op.
 */
final class Indexing {
    private Indexing() {}

    /** The basic part of an index: a view (or the tensor itself) and the tensors recorded per dimension of it. */
    private static final class Sliced {
        final Tensor view;
        final List<Tensor> indices;

        Sliced(Tensor view, List<Tensor> indices) {
            this.view = view;
            this.indices = indices;
        }
    }

    /** {@code self[spec]}. */
    static Tensor get(Tensor self, IndexSpec spec) {
        Sliced s = slice(self, spec, !spec.tuple);
        if (s.indices.isEmpty()) {
            return s.view == self ? alias(self) : s.view;
        }
        return IndexOps.Index.forward(s.view, s.indices);
    }

    /** {@code self[spec] = value} with a Python number or bool, converted to self's dtype first. */
    static Tensor set(Tensor self, IndexSpec spec, Number value) {
        return set(self, spec, IndexOps.scalarTensor(value, self.dtype));
    }

    /** {@code self[spec] = True/False}. */
    static Tensor set(Tensor self, IndexSpec spec, boolean value) {
        return set(self, spec, IndexOps.scalarTensor(value, self.dtype));
    }

    /** {@code self[spec] = value} with a tensor value. */
    static Tensor set(Tensor self, IndexSpec spec, Tensor value) {
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
            int[] stripped = stripLeadingOnes(value.sizes);
            Tensor values = stripped.length == value.dim() ? value : value.view(stripped);
            write(self, s.view, s.indices, values, Write.INDEX_PUT, false);
        }
        return self;
    }

    /** {@code self.index_put_(indices, values, accumulate)}: ATen's op on index tensors, no Python conversions. */
    static Tensor indexPut(Tensor self, Tensor[] indices, Tensor values, boolean accumulate) {
        write(self, self, Arrays.asList(indices.clone()), values, Write.INDEX_PUT, accumulate);
        return self;
    }

    // ---------------------------------------------------------------- the basic part

    /**
     * Applies the basic items (PyTorch's {@code applySlicing}). A single non-tuple item skips the
     * "too many indices" count, so {@code scalar[0]} gets the 0-dim message; {@code disableSliceOpt}
     * keeps a slice covering the whole dimension as a real slice (single-slice reads do).
     */
    private static Sliced slice(Tensor self, IndexSpec spec, boolean disableSliceOpt) {
        List<Object> items = spec.items;
        int specified = countSpecified(items);
        if ((spec.tuple || items.get(0) instanceof Tensor) && specified > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim());
        }
        Tensor result = self;
        List<Tensor> indices = new ArrayList<>();
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
                result = ViewOps.Unsqueeze.forward(result, dim++);
            } else if (item instanceof Boolean) {
                result = ViewOps.Unsqueeze.forward(result, dim);
                record(indices, dim++, boolIndex((Boolean) item));
            } else {
                Tensor t = (Tensor) item;
                if (t.dim() == 0 && !t.dtype.isFloatingPoint()) {
                    if (t.dtype.isBool() || t.dtype == DType.UINT8) {
                        result = ViewOps.Unsqueeze.forward(result, dim);
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
            if (item instanceof Tensor) {
                Tensor t = (Tensor) item;
                count += t.dtype.isBool() || t.dtype == DType.UINT8 ? t.dim() : 1;
            } else if (item instanceof Long || item instanceof Slice) {
                count++;
            }
        }
        return count;
    }

    private static Tensor select(Tensor t, int dim, long index, int realDim) {
        if (index == 0 && dim == 0 && t.dim() == 0) {
            throw new IndexOutOfBoundsException("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or"
                    + " `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        int size = t.dim() == 0 ? 0 : t.sizes[dim];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension " + realDim
                    + " with size " + size);
        }
        return ViewOps.Select.forward(t, dim, (int) index);
    }

    private static Tensor sliceDim(Tensor t, int dim, Slice s, boolean disableOpt) {
        long step = s.step() == null ? 1 : s.step();
        if (step <= 0) {
            throw new IllegalArgumentException("step must be greater than zero");
        }
        if (t.dim() == 0) {
            throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        }
        int length = t.sizes[dim];
        long start = s.start() == null ? 0 : s.start();
        long stop = s.stop() == null ? Long.MAX_VALUE : s.stop();
        if (!disableOpt && start == 0 && stop == length && step == 1) {
            return t;
        }
        start = start < 0 ? start + length : start;
        stop = stop < 0 ? stop + length : stop;
        start = Math.min(Math.max(start, 0), length);
        stop = stop < start ? start : Math.min(stop, length);
        return ViewOps.Slice.forward(t, dim, (int) start, (int) stop, (int) step);
    }

    private static void record(List<Tensor> indices, int dim, Tensor index) {
        while (indices.size() <= dim) {
            indices.add(null);
        }
        indices.set(dim, index);
    }

    /** A Python bool as an index of a new size-1 dimension: {@code [0]} for true, {@code []} for false. */
    private static Tensor boolIndex(boolean value) {
        return torch.tensor(value ? new long[] {0} : new long[0], DType.INT64);
    }

    /** {@code at::alias}: the same geometry, as a new tensor with {@code AliasBackward0}. */
    private static Tensor alias(Tensor self) {
        Tensor out = self.asStrided(self.sizes, self.strides, self.offset);
        if (Grads.needed(self)) {
            out.withGradFn(new ViewOps.ReshapeBackward("AliasBackward0", self));
        }
        return out;
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
    private static void copyTo(Tensor self, Tensor target, Tensor value) {
        if (Arrays.equals(target.sizes, value.sizes)) {
            write(self, target, List.of(), value, Write.COPY, false);
        } else if (value.dim() == 0) {
            write(self, target, List.of(), value, Write.FILL, false);
        } else {
            int[] stripped = stripLeadingOnes(value.sizes);
            Tensor src = (stripped.length == value.dim() ? value : value.view(stripped)).expand(target.sizes);
            write(self, target, List.of(), src, Write.COPY, false);
        }
    }

    /**
     * Writes {@code value} into {@code target} ({@code self} or a view of it) and records the write:
     * the op's node on self, or {@code CopySlices} around it when a view of self was written.
     */
    private static void write(Tensor self, Tensor target, List<Tensor> indices, Tensor value, Write kind,
                              boolean accumulate) {
        IndexOps.AdvancedIndex info = null;
        if (kind == Write.INDEX_PUT) {
            if (value.dtype != target.dtype) {
                throw new IllegalArgumentException("Index put requires the source and destination dtypes match, got "
                        + target.dtype.scalarName() + " for the destination and " + value.dtype.scalarName()
                        + " for the source.");
            }
            info = IndexOps.AdvancedIndex.of(target, indices);
            info.checkValues(value);
        }
        if (kind != Write.FILL) {
            checkNoOverlap(target, value);
        }
        target.checkInplace();
        Tensor data = value.storage == target.storage ? value.contiguousCopy() : value;
        if (info != null) {
            info.put(target, data, accumulate);
        } else {
            Copy.copyInto(target, data);
        }
        if (Grads.needed(target, value)) {
            Node fn = new WriteBackward(target, value, kind, info == null ? List.of() : info.indices, accumulate);
            self.rebaseHistory(target == self ? fn : new CopySlices(self, target, fn));
        }
    }

    /**
     * ATen's {@code assert_no_overlap} for a write reading {@code src}: when both are dense and share
     * storage, any shared memory is an error unless src is exactly the destination (a no-op copy).
     * Layouts too hard to compare are allowed; {@link #write} then reads a copy of src.
     */
    private static void checkNoOverlap(Tensor dst, Tensor src) {
        if (dst.storage != src.storage || dst.numel() == 0 || src.numel() == 0 || !dense(dst) || !dense(src)) {
            return;
        }
        boolean sameView = dst.offset == src.offset && Arrays.equals(dst.sizes, src.sizes)
                && Arrays.equals(dst.strides, src.strides);
        int dstEnd = dst.offset + dst.numel();
        int srcEnd = src.offset + src.numel();
        if (!sameView && dst.offset < srcEnd && src.offset < dstEnd) {
            throw new IllegalArgumentException("unsupported operation: some elements of the input tensor and the"
                    + " written-to tensor refer to a single memory location. Please clone() the tensor before"
                    + " performing the operation.");
        }
    }

    /** Whether the elements fill a gap-free block, in any dimension order (non-overlapping and dense). */
    private static boolean dense(Tensor t) {
        Integer[] dims = new Integer[t.dim()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i;
        }
        Arrays.sort(dims, (a, b) -> Integer.compare(t.strides[a], t.strides[b]));
        int expected = 1;
        for (int d : dims) {
            if (t.sizes[d] != 1) {
                if (t.strides[d] != expected) {
                    return false;
                }
                expected *= t.sizes[d];
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

        /** The value's gradient from the written region's gradient, never aliasing it (cleared next). */
        Tensor valueGrad(Tensor region, List<Tensor> indices, int[] valueSizes, DType valueType) {
            switch (this) {
                case INDEX_PUT:
                    return Grads.reduceTo(IndexOps.AdvancedIndex.of(region, indices).gather(region), valueSizes, valueType);
                case FILL:
                    return Grads.reduceTo(region.sum(), valueSizes, valueType);
                default:
                    return Grads.reduceTo(region.contiguousCopy(), valueSizes, valueType);
            }
        }

        /** Zeroes, in a writable copy of the gradient, what the write overwrote (nothing when accumulating). */
        void clearOverwritten(Tensor region, List<Tensor> indices, boolean accumulate) {
            if (this != INDEX_PUT) {
                Copy.copyInto(region, Scalars.wrap(0));
            } else if (!accumulate) {
                IndexOps.AdvancedIndex.of(region, indices).put(region, Scalars.wrap(0).to(region.dtype), false);
            }
        }
    }

    /** Backward of an assignment into a tensor: the write's own node ({@code CopyBackwards}, ...). */
    static final class WriteBackward extends Node {
        private final Write kind;
        private final List<Tensor> indices;
        private final boolean accumulate;
        private final int[] valueSizes;
        private final DType valueType;

        WriteBackward(Tensor target, Tensor value, Write kind, List<Tensor> indices, boolean accumulate) {
            super(target, value);
            this.kind = kind;
            this.indices = indices;
            this.accumulate = accumulate;
            this.valueSizes = value.sizes;
            this.valueType = value.dtype;
        }

        @Override
        public String name() {
            return kind.nodeName;
        }

        @Override
        Tensor[] apply(Tensor grad) {
            Tensor buffer = grad.contiguousCopy();
            Tensor gValue = needsGrad(1) ? kind.valueGrad(buffer, indices, valueSizes, valueType) : null;
            Tensor gSelf = null;
            if (needsGrad(0)) {
                kind.clearOverwritten(buffer, indices, accumulate);
                gSelf = buffer;
            }
            return new Tensor[] {gSelf, gValue};
        }
    }
}
