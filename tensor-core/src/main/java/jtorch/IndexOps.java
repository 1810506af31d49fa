package jtorch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;

import static jtorch.FormulaNode.formula;

/**
 * Ops that read or write through index tensors, each with its backward: advanced indexing
 * ({@code x[idx]}, IndexBackward0, and the {@code index_put_} it shares positions with),
 * {@code index_select}, {@code gather}, {@code masked_fill} and {@code nonzero}. Reads and writes
 * go through precomputed storage positions ({@link #readAt}, {@link #writeAt}). All results are
 * copies; nothing here returns a view.
 */
final class IndexOps {
    private IndexOps() {}

    /**
     * PyTorch's {@code AdvancedIndex}: for {@code self[indices]} (one optional index tensor per
     * leading dimension), the shape of the result and the storage index in {@code self} of each
     * result element, row-major.
     *
     * <p>As ATen's {@code make_info}: bool/uint8 masks become one int64 index per mask dimension
     * (their nonzero coordinates), the index tensors broadcast together, and when the indexed
     * dimensions are not adjacent they move to the front of the result.
     */
    static final class AdvancedIndex {
        /** The int64 indices after mask expansion (null for a dimension taken whole). */
        final List<Tensor> indices;
        final int[] resultSizes;
        /** Storage index in {@code self} of each result element, row-major. */
        final int[] positions;
        /** An index out of bounds, raised when the index is used (after the value's shape check, as ATen). */
        private final IndexOutOfBoundsException outOfBounds;

        private AdvancedIndex(List<Tensor> indices, int[] resultSizes, int[] positions,
                              IndexOutOfBoundsException outOfBounds) {
            this.indices = indices;
            this.resultSizes = resultSizes;
            this.positions = positions;
            this.outOfBounds = outOfBounds;
        }

        static AdvancedIndex of(Tensor self, List<Tensor> orig) {
            if (orig.size() > self.dim()) {
                throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim() + " (got "
                        + orig.size() + ")");
            }
            for (Tensor t : orig) {
                if (t != null && t.dtype != DType.INT64 && t.dtype != DType.UINT8 && !t.dtype.isBool()) {
                    throw new IndexOutOfBoundsException("tensors used as indices must be long, byte or bool tensors");
                }
            }
            List<Tensor> indices = expandMasks(self, orig);
            int[] shape = broadcastIndices(indices);
            if (shape == null) {
                throw new IllegalArgumentException("advanced indexing needs at least one index tensor, got none");
            }
            while (indices.size() < self.dim()) {
                indices.add(null);
            }
            int n = self.dim();
            int[] order = order(indices);
            int[] sizes = new int[n];
            int[] strides = new int[n];
            List<Tensor> ordered = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sizes[i] = self.sizes[order[i]];
                strides[i] = self.strides[order[i]];
                ordered.add(indices.get(order[i]));
            }
            int first = 0;
            while (ordered.get(first) == null) {
                first++;
            }
            int count = 0;
            while (first + count < n && ordered.get(first + count) != null) {
                count++;
            }
            int[] pre = Arrays.copyOfRange(sizes, 0, first);
            int[] post = Arrays.copyOfRange(sizes, first + count, n);
            int[] resultSizes = concat(pre, shape, post);
            int total = Shapes.numel(resultSizes);
            int[] positions = new int[total];
            IndexOutOfBoundsException outOfBounds = null;
            try {
                fillPositions(self, positions, pre, post, shape, ordered.subList(first, first + count),
                        Arrays.copyOfRange(sizes, first, first + count), strides, first);
            } catch (IndexOutOfBoundsException e) {
                outOfBounds = e;
            }
            return new AdvancedIndex(Collections.unmodifiableList(indices), resultSizes, positions, outOfBounds);
        }

        /**
         * Storage index of each result element: offsets of the dims before the indexed ones, of the
         * indexed positions, and of the dims after, combined row-major. {@code strides} are in result
         * dim order, the indexed dims starting at {@code first}.
         */
        private static void fillPositions(Tensor self, int[] positions, int[] pre, int[] post, int[] shape,
                                          List<Tensor> idx, int[] idxSizes, int[] strides, int first) {
            int count = idx.size();
            if (positions.length > 0) {
                int[] picked = pickedOffsets(idx, shape, idxSizes, Arrays.copyOfRange(strides, first, first + count));
                int[] preOff = offsets(pre, Arrays.copyOfRange(strides, 0, first));
                int[] postOff = offsets(post, Arrays.copyOfRange(strides, first + count, strides.length));
                int k = 0;
                for (int a : preOff) {
                    for (int p : picked) {
                        Cancellation.check();
                        for (int b : postOff) {
                            positions[k++] = self.offset + a + p + b;
                        }
                    }
                }
            }
        }

        /** {@code self[indices]} as a new contiguous tensor. */
        Tensor gather(Tensor self) {
            if (outOfBounds != null) {
                throw outOfBounds;
            }
            return readAt(self, positions, resultSizes);
        }

        /** ATen's checks before a put: values broadcast to the result, then every index in bounds. */
        void checkValues(Tensor values) {
            if (!broadcastsTo(values.sizes, resultSizes)) {
                throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Arrays.toString(values.sizes)
                        + " cannot be broadcast to indexing result of shape " + Arrays.toString(resultSizes));
            }
            if (outOfBounds != null) {
                throw outOfBounds;
            }
        }

        /** {@code self[indices] = values} (or {@code +=} when accumulating); values broadcast to the result. */
        void put(Tensor self, Tensor values, boolean accumulate) {
            checkValues(values);
            Tensor v = values.asStrided(resultSizes.clone(),
                    Shapes.expandStrides(values.sizes, values.strides, resultSizes), values.offset);
            writeAt(self, positions, v, accumulate);
        }

        private static boolean broadcastsTo(int[] sizes, int[] target) {
            int off = target.length - sizes.length;
            if (off < 0) {
                return false;
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] != 1 && sizes[i] != target[i + off]) {
                    return false;
                }
            }
            return true;
        }

        /** Bool/uint8 masks become the int64 coordinates of their true elements, one index per mask dim. */
        private static List<Tensor> expandMasks(Tensor self, List<Tensor> orig) {
            List<Tensor> result = new ArrayList<>();
            for (Tensor index : orig) {
                if (index == null || index.dtype == DType.INT64) {
                    result.add(index);
                    continue;
                }
                for (int j = 0; j < index.dim(); j++) {
                    int srcIdx = result.size() + j;
                    if (index.sizes[j] != self.size(srcIdx)) {
                        throw new IndexOutOfBoundsException("The shape of the mask " + Arrays.toString(index.sizes)
                                + " at index " + j + " does not match the shape of the indexed tensor "
                                + Arrays.toString(self.sizes) + " at index " + srcIdx);
                    }
                }
                Tensor nonzero = Nonzero.forward(index);
                for (int j = 0; j < index.dim(); j++) {
                    result.add(nonzero.select(1, j));
                }
            }
            return result;
        }

        private static int[] broadcastIndices(List<Tensor> indices) {
            int[] shape = null;
            try {
                for (Tensor t : indices) {
                    if (t != null) {
                        shape = shape == null ? t.sizes : Shapes.broadcast(shape, t.sizes);
                    }
                }
            } catch (IllegalArgumentException e) {
                StringBuilder shapes = new StringBuilder();
                for (Tensor t : indices) {
                    if (t != null) {
                        shapes.append(shapes.length() == 0 ? "" : ", ").append(Arrays.toString(t.sizes));
                    }
                }
                throw new IndexOutOfBoundsException(
                        "shape mismatch: indexing tensors could not be broadcast together with shapes " + shapes);
            }
            return shape;
        }

        /** Identity when the indexed dims are adjacent; else indexed dims first (ATen's transposeToFront). */
        private static int[] order(List<Tensor> indices) {
            int n = indices.size();
            int[] order = new int[n];
            int state = 0;
            boolean contiguous = true;
            for (Tensor t : indices) {
                if (state == 0 && t != null) {
                    state = 1;
                } else if (state == 1 && t == null) {
                    state = 2;
                } else if (state == 2 && t != null) {
                    contiguous = false;
                }
            }
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (contiguous || indices.get(i) != null) {
                    order[k++] = i;
                }
            }
            for (int i = 0; !contiguous && i < n; i++) {
                if (indices.get(i) == null) {
                    order[k++] = i;
                }
            }
            return order;
        }

        /** For each position of the broadcast index shape, the storage offset the indices pick. */
        private static int[] pickedOffsets(List<Tensor> idx, int[] shape, int[] sizes, int[] strides) {
            int count = Shapes.numel(shape);
            int[] picked = new int[count];
            for (int j = 0; j < idx.size(); j++) {
                Tensor t = idx.get(j);
                Tensor e = t.asStrided(shape, Shapes.expandStrides(t.sizes, t.strides, shape), t.offset);
                boolean direct = e.isContiguous();
                int size = sizes[j];
                for (int p = 0; p < count; p++) {
                    long v = direct ? e.storage.getLong(e.offset + p) : e.getLong(p);
                    if (v < -size || v >= size) {
                        throw new IndexOutOfBoundsException("index " + v + " is out of bounds for dimension " + j
                                + " with size " + size);
                    }
                    picked[p] += (int) (v < 0 ? v + size : v) * strides[j];
                }
            }
            return picked;
        }

        /** Storage offsets of every element of a shape with the given strides, row-major. */
        private static int[] offsets(int[] sizes, int[] strides) {
            int[] out = new int[Shapes.numel(sizes)];
            int[] idx = new int[sizes.length];
            int off = 0;
            for (int k = 0; k < out.length; k++) {
                out[k] = off;
                for (int d = sizes.length - 1; d >= 0; d--) {
                    off += strides[d];
                    if (++idx[d] < sizes[d]) {
                        break;
                    }
                    off -= strides[d] * sizes[d];
                    idx[d] = 0;
                }
            }
            return out;
        }

        private static int[] concat(int[] a, int[] b, int[] c) {
            int[] out = new int[a.length + b.length + c.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            System.arraycopy(c, 0, out, a.length + b.length, c.length);
            return out;
        }
    }

    /** A new contiguous tensor of {@code sizes} whose element i is self's storage element {@code positions[i]}. */
    static Tensor readAt(Tensor self, int[] positions, int[] sizes) {
        Tensor out = Tensor.allocate(self.dtype, sizes.clone());
        Storage src = self.storage;
        Storage dst = out.storage;
        if (self.dtype.isFloatingPoint()) {
            for (int i = 0; i < positions.length; i++) {
                dst.setDouble(i, src.getDouble(positions[i]));
            }
        } else {
            for (int i = 0; i < positions.length; i++) {
                dst.setLong(i, src.getLong(positions[i]));
            }
        }
        return out;
    }

    /** Stores element i of {@code values} (row-major) at self's storage element {@code positions[i]}, or adds it. */
    static void writeAt(Tensor self, int[] positions, Tensor values, boolean accumulate) {
        Storage dst = self.storage;
        if (self.dtype.isFloatingPoint()) {
            for (int i = 0; i < positions.length; i++) {
                int at = positions[i];
                double x = values.getDouble(i);
                dst.setDouble(at, accumulate ? dst.getDouble(at) + x : x);
            }
        } else {
            for (int i = 0; i < positions.length; i++) {
                int at = positions[i];
                long x = values.getLong(i);
                dst.setLong(at, Casts.wrap(accumulate ? dst.getLong(at) + x : x, self.dtype));
            }
        }
    }

    /** {@code self[indices]} with index tensors: ATen's {@code index}. */
    static final class Index {
        private Index() {}

        static Tensor forward(Tensor self, List<Tensor> indices) {
            AdvancedIndex info = AdvancedIndex.of(self, indices);
            return FormulaNode.record(info.gather(self), "IndexBackward0", self,
                    formula(accumulatedAt(self, info.indices)));
        }
    }

    /**
     * The gradient of a read through index tensors: zeros of the input's shape and dtype with the
     * incoming gradient added at the indexed positions ({@code index_put_(..., accumulate=True)}).
     */
    private static FormulaNode.Formula accumulatedAt(Tensor self, List<Tensor> indices) {
        int[] sizes = self.sizes;
        DType type = self.dtype;
        return (g, in) -> {
            Tensor zeros = Tensor.allocate(type, sizes.clone());
            AdvancedIndex.of(zeros, indices).put(zeros, g, true);
            return zeros;
        };
    }

    /** {@code index_select(dim, index)}: whole slices of {@code dim} picked by a vector of indices. */
    static final class IndexSelect {
        private IndexSelect() {}

        static Tensor forward(Tensor self, int dim, Tensor index) {
            if (index.dtype != DType.INT64 && index.dtype != DType.INT32) {
                throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
            }
            if (index.dim() > 1) {
                throw new IndexOutOfBoundsException("index_select(): Index is supposed to be a vector");
            }
            int d = Shapes.wrapDim(dim, self.dim());
            int size = self.dim() == 0 ? 1 : self.sizes[d];
            int n = index.numel();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = index.getLong(i);
                if (values[i] < 0 || values[i] >= size) {
                    throw new IndexOutOfBoundsException("index out of range in self");
                }
            }
            Tensor out;
            List<Tensor> indices = null;
            if (self.dim() == 0) {
                out = self.contiguousCopy();
            } else {
                indices = selectIndices(d, values);
                out = AdvancedIndex.of(self, indices).gather(self);
            }
            // a 0-d self passes the gradient through; else it is added at the selected slices (index_add)
            return FormulaNode.record(out, "IndexSelectBackward0", self,
                    formula(indices == null ? (g, in) -> g : accumulatedAt(self, indices)));
        }

        private static List<Tensor> selectIndices(int dim, long[] values) {
            List<Tensor> indices = new ArrayList<>(Collections.nCopies(dim, (Tensor) null));
            indices.add(torch.tensor(values, DType.INT64));
            return indices;
        }
    }

    /** {@code gather(dim, index)}: {@code out[i][j] = self[index[i][j]][j]} (for dim 0), shaped like the index. */
    static final class Gather {
        private Gather() {}

        static Tensor forward(Tensor self, int dim, Tensor index) {
            int d = Shapes.wrapDim(dim, self.dim());
            if (index.dtype != DType.INT64) {
                throw new IllegalArgumentException("gather(): Expected dtype int64 for index");
            }
            int[] positions = positions(self, d, index);
            Tensor out = readAt(self, positions, index.sizes);
            // zeros with the gradient added at the gathered positions (scatter_add)
            int[] sizes = self.sizes;
            DType type = self.dtype;
            return FormulaNode.record(out, "GatherBackward0", self, formula((g, in) -> {
                Tensor zeros = Tensor.allocate(type, sizes.clone());
                writeAt(zeros, positions(zeros, d, index), g, true);
                return zeros;
            }));
        }

        /** Storage index in self of each element of {@code self.gather(dim, index)}, with ATen's checks. */
        static int[] positions(Tensor self, int dim, Tensor index) {
            int n = Math.max(self.dim(), 1);
            if (Math.max(index.dim(), 1) != n) {
                throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
            }
            int[] selfSizes = self.dim() == 0 ? new int[] {1} : self.sizes;
            int[] selfStrides = self.dim() == 0 ? new int[] {0} : self.strides;
            int[] idxSizes = index.dim() == 0 ? new int[] {1} : index.sizes;
            for (int d = 0; d < n; d++) {
                if (d != dim && idxSizes[d] > selfSizes[d]) {
                    throw new IllegalArgumentException("Size does not match at dimension " + d + " expected index "
                            + Arrays.toString(index.sizes) + " to be smaller than self " + Arrays.toString(self.sizes)
                            + " apart from dimension " + dim);
                }
            }
            int count = index.numel();
            int[] positions = new int[count];
            int[] coord = new int[n];
            for (int k = 0; k < count; k++) {
                long v = index.getLong(k);
                if (v < 0 || v >= selfSizes[dim]) {
                    throw new IllegalArgumentException("index " + v + " is out of bounds for dimension " + dim
                            + " with size " + selfSizes[dim]);
                }
                int at = self.offset;
                for (int d = 0; d < n; d++) {
                    at += (d == dim ? (int) v : coord[d]) * selfStrides[d];
                }
                positions[k] = at;
                for (int d = n - 1; d >= 0 && ++coord[d] == idxSizes[d]; d--) {
                    coord[d] = 0;
                }
            }
            return positions;
        }
    }

    /**
     * {@code masked_fill(mask, value)} and {@code masked_fill_}: {@code value} where the mask is
     * true. The out-of-place form broadcasts self and mask; the in-place form requires the mask to
     * broadcast to self.
     */
    static final class MaskedFill {
        private MaskedFill() {}

        static Tensor forward(Tensor self, Tensor mask, Number value) {
            return run(self, mask, scalarTensor(value, self.dtype), false, false);
        }

        static Tensor forward(Tensor self, Tensor mask, Tensor value) {
            return run(self, mask, value, true, false);
        }

        static Tensor inplace(Tensor self, Tensor mask, Number value) {
            return run(self, mask, scalarTensor(value, self.dtype), false, true);
        }

        static Tensor inplace(Tensor self, Tensor mask, Tensor value) {
            return run(self, mask, value, true, true);
        }

        private static Tensor run(Tensor self, Tensor mask, Tensor value, boolean valueIsTensor, boolean inplace) {
            checkMask(mask);
            if (value.dim() != 0) {
                throw new IllegalArgumentException("masked_fill_ only supports a 0-dimensional value tensor, but got"
                        + " tensor with " + value.dim() + " dimension(s).");
            }
            Tensor out;
            if (inplace) {
                int[] shape = Shapes.broadcast(self.sizes, mask.sizes);
                if (!Arrays.equals(shape, self.sizes)) {
                    throw new IllegalArgumentException("output with shape " + Arrays.toString(self.sizes)
                            + " doesn't match the broadcast shape " + Arrays.toString(shape));
                }
                self.checkInplace();
                out = self;
            } else {
                int[] shape = Shapes.broadcast(mask.sizes, self.sizes);
                out = Tensor.allocate(self.dtype, shape);
                Copy.copyInto(out, self);
            }
            Tensor m = mask.asStrided(out.sizes.clone(), Shapes.expandStrides(mask.sizes, mask.strides, out.sizes),
                    mask.offset);
            Tensor target = Tensor.allocate(out.dtype, new int[0]);
            Copy.copyInto(target, value);
            int n = out.numel();
            for (int i = 0; i < n; i++) {
                if (m.getLong(i) != 0) {
                    if (out.dtype.isFloatingPoint()) {
                        out.storage.setDouble(out.storageIndex(i), target.getDouble(0));
                    } else {
                        out.storage.setLong(out.storageIndex(i), target.getLong(0));
                    }
                }
            }
            Tensor valueInput = valueIsTensor ? value : null;
            if (Grads.needed(self, valueInput)) {
                // self: grad with the masked positions zeroed; value: the sum of grad there
                Node node = FormulaNode.of(valueIsTensor ? "MaskedFillBackward1" : "MaskedFillBackward0", self,
                        valueInput,
                        formula((g, in) -> MaskedFill.forward(g, mask, 0)),
                        formula((g, in) -> MaskedFill.forward(g, mask.logicalNot(), 0).sum()));
                if (inplace) {
                    self.rebaseHistory(node);
                } else {
                    out.withGradFn(node);
                }
            }
            return out;
        }

        private static void checkMask(Tensor mask) {
            if (mask.dtype.isBool() || mask.dtype == DType.UINT8) {
                return;
            }
            if (mask.dtype.isFloatingPoint()) {
                throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                        + mask.dtype.pyName());
            }
            for (int i = 0; i < mask.numel(); i++) {
                long v = mask.getLong(i);
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("Mask tensor can take 0 and 1 values only");
                }
            }
        }
    }

    /** {@code nonzero()}: the int64 coordinates of the nonzero elements, one row per element. */
    static final class Nonzero {
        private Nonzero() {}

        static Tensor forward(Tensor self) {
            int n = self.numel();
            int nd = self.dim();
            boolean floating = self.dtype.isFloatingPoint();
            boolean direct = self.isContiguous();
            Storage st = self.storage;
            int found = 0;
            int[] hits = new int[n];
            for (int i = 0; i < n; i++) {
                int at = direct ? self.offset + i : self.storageIndex(i);
                if (floating ? st.getDouble(at) != 0 : st.getLong(at) != 0) {
                    hits[found++] = i;
                }
            }
            Tensor out = Tensor.allocate(DType.INT64, new int[] {found, nd});
            for (int r = 0; r < found; r++) {
                int linear = hits[r];
                for (int d = nd - 1; d >= 0; d--) {
                    out.storage.setLong(r * nd + d, linear % self.sizes[d]);
                    linear /= self.sizes[d];
                }
            }
            return out;
        }
    }

    /**
     * A Python number as a 0-d tensor of {@code dtype} (ATen's {@code scalar_to_tensor}), with
     * c10's "value cannot be converted to type T without overflow" check.
     */
    static Tensor scalarTensor(Number value, DType dtype) {
        Tensor wrapped = Scalars.wrap(value);
        checkConvertible(wrapped, dtype);
        Tensor out = Tensor.allocate(dtype, new int[0]);
        Copy.copyInto(out, wrapped);
        return out;
    }

    /** {@link #scalarTensor} for a Python bool. */
    static Tensor scalarTensor(boolean value, DType dtype) {
        Tensor out = Tensor.allocate(dtype, new int[0]);
        Copy.copyInto(out, Scalars.wrap(value));
        return out;
    }

    private static void checkConvertible(Tensor wrapped, DType to) {
        boolean floating = wrapped.dtype.isFloatingPoint();
        double d = floating ? wrapped.getDouble(0) : wrapped.getLong(0);
        long l = floating ? 0 : wrapped.getLong(0);
        boolean overflow;
        String name;
        switch (to) {
            case INT8: name = "int8_t"; overflow = outside(floating, d, l, -128, 127, false); break;
            case UINT8: name = "uint8_t"; overflow = outside(floating, d, l, 0, 255, true); break;
            case INT16: name = "int16_t"; overflow = outside(floating, d, l, Short.MIN_VALUE, Short.MAX_VALUE, false); break;
            case INT32: name = "int"; overflow = outside(floating, d, l, Integer.MIN_VALUE, Integer.MAX_VALUE, false); break;
            case INT64: name = "int64_t"; overflow = floating && (Double.isNaN(d) || d < -0x1p63 || d > 0x1p63); break;
            case FLOAT16: name = "at::Half"; overflow = Double.isFinite(d) && Math.abs(d) > 65504; break;
            case BFLOAT16: name = "at::BFloat16"; overflow = Double.isFinite(d) && Math.abs(d) > 0x1.FEp127; break;
            case FLOAT32: name = "float"; overflow = Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE; break;
            default: return;
        }
        if (overflow) {
            throw new IllegalArgumentException("value cannot be converted to type " + name + " without overflow");
        }
    }

    /** c10's range check; unsigned targets also accept negatives down to {@code -max}, which wrap. */
    private static boolean outside(boolean floating, double d, long l, long min, long max, boolean unsigned) {
        long low = unsigned ? -max : min;
        if (floating) {
            return Double.isNaN(d) || d < low || d > max;
        }
        return l < low || l > max;
    }
}
