package jtorch.internal.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.Grads;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.SliceGather;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

import static jtorch.internal.autograd.FormulaNode.formula;

/**
 * Ops that read or write through index tensors, each with its backward: advanced indexing
 * ({@code x[idx]}, IndexBackward0, and the {@code index_put_} it shares positions with),
 * {@code index_select}, {@code gather}, {@code masked_fill} and {@code nonzero}. Reads and writes
 * go through precomputed storage positions ({@link AdvancedIndex}). All results are copies;
 * nothing here returns a view.
 */
public final class Gathering {
    private Gathering() {}

    /** {@code self[indices]} with index tensors: ATen's {@code index}. */
    public static TensorImpl index(TensorImpl self, List<TensorImpl> indices) {
        AdvancedIndex info = AdvancedIndex.of(self, indices);
        return FormulaNode.record(info.gather(self), "IndexBackward0", self,
                formula(accumulatedAt(self, info.indices)));
    }

    /**
     * The gradient of a read through index tensors: zeros of the input's shape and dtype with the
     * incoming gradient added at the indexed positions ({@code index_put_(..., accumulate=True)}).
     */
    private static FormulaNode.Formula accumulatedAt(TensorImpl self, List<TensorImpl> indices) {
        int[] sizes = self.sizes();
        DType type = self.dtype();
        return (g, in) -> {
            TensorImpl zeros = TensorImpl.allocate(type, sizes.clone());
            AdvancedIndex.of(zeros, indices).put(zeros, g, true);
            return zeros;
        };
    }

    /** {@code index_select(dim, index)}: whole slices of {@code dim} picked by a vector of indices. */
    public static TensorImpl indexSelect(TensorImpl self, int dim, TensorImpl index) {
        // ATen's order: the dim, the index's shape, its dtype
        int d = Shapes.wrapDim(dim, self.dim());
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_select(): Index is supposed to be a vector");
        }
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        int size = self.dim() == 0 ? 1 : self.sizes()[d];
        int n = index.numel();
        // ATen's kernels for self.dim() > 1: an empty self needs a non-empty dim; it and dim 1 word the bound check
        boolean boundsAsDim1 = self.dim() > 1 && n > 0 && (self.numel() == 0 || d == 1);
        if (boundsAsDim1 && size == 0) {
            throw new IllegalArgumentException("index_select(): self indexing axis dim should be positive");
        }
        long[] values = indexValues(index);
        for (int i = 0; i < n; i++) {
            if (values[i] < 0 || values[i] >= size) {
                throw boundsAsDim1 ? new IllegalArgumentException("INDICES element is out of DATA bounds, id="
                        + values[i] + " axis_dim=" + size) : new IndexOutOfBoundsException("index out of range in self");
            }
        }
        TensorImpl out;
        List<TensorImpl> indices = null;
        if (self.dim() == 0) {
            out = self.contiguousCopy();
        } else {
            indices = selectIndices(d, values);
            out = self.isContiguous() && self.storage().array() != null ? selectSlices(self, d, values)
                    : AdvancedIndex.of(self, indices).gather(self);
        }
        // a 0-d self passes the gradient through; else it is added at the selected slices (index_add)
        return FormulaNode.record(out, "IndexSelectBackward0", self,
                formula(indices == null ? (g, in) -> g : accumulatedAt(self, indices)));
    }

    /** An integral index tensor's values, row-major: a contiguous int64 one's straight from its array. */
    static long[] indexValues(TensorImpl index) {
        int n = index.numel();
        if (index.isContiguous() && index.storage().array() instanceof long[] values) {
            int at = index.storage().base + index.offset();
            return Arrays.copyOfRange(values, at, at + n);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = index.getLong(i);
        }
        return out;
    }

    /**
     * {@code index_select} of a contiguous array-backed self (dim &gt;= 1, indices checked): one
     * block copy per outer index and pick ({@link SliceGather}), the same elements the gather by
     * positions reads.
     */
    private static TensorImpl selectSlices(TensorImpl self, int dim, long[] values) {
        int[] shape = self.sizes().clone();
        int size = shape[dim];
        shape[dim] = values.length;
        int outer = Shapes.numel(Arrays.copyOfRange(shape, 0, dim));
        int inner = Shapes.numel(Arrays.copyOfRange(shape, dim + 1, shape.length));
        TensorImpl out = TensorImpl.allocate(self.dtype(), shape);
        Storage from = self.storage();
        Storage to = out.storage();
        SliceGather.select(from.array(), from.base + self.offset(), size, inner, values, to.array(), to.base, outer);
        return out;
    }

    private static List<TensorImpl> selectIndices(int dim, long[] values) {
        List<TensorImpl> indices = new ArrayList<>(Collections.nCopies(dim, (TensorImpl) null));
        TensorImpl index = TensorImpl.allocate(DType.INT64, new int[] {values.length});
        for (int i = 0; i < values.length; i++) {
            index.storage().setLong(i, values[i]);
        }
        indices.add(index);
        return indices;
    }

    /** {@code gather(dim, index)}: {@code out[i][j] = self[index[i][j]][j]} (for dim 0), shaped like the index. */
    public static TensorImpl gather(TensorImpl self, int dim, TensorImpl index) {
        int d = Shapes.wrapDim(dim, self.dim());
        // ATen checks the index's dtype and shape only when it has elements
        if (index.dtype() != DType.INT64 && index.numel() > 0) {
            throw new IllegalArgumentException("gather(): Expected dtype int64 for index");
        }
        int[] positions = index.numel() == 0 ? new int[0] : positions(self, d, index);
        TensorImpl out = AdvancedIndex.readAt(self, positions, index.sizes());
        // zeros with the gradient added at the gathered positions (scatter_add)
        int[] sizes = self.sizes();
        DType type = self.dtype();
        return FormulaNode.record(out, "GatherBackward0", self, formula((g, in) -> {
            TensorImpl zeros = TensorImpl.allocate(type, sizes.clone());
            AdvancedIndex.writeAt(zeros, index.numel() == 0 ? positions : positions(zeros, d, index), g, true);
            return zeros;
        }));
    }

    /** Storage index in self of each element of {@code self.gather(dim, index)}, with ATen's checks. */
    private static int[] positions(TensorImpl self, int dim, TensorImpl index) {
        int n = Math.max(self.dim(), 1);
        if (Math.max(index.dim(), 1) != n) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        int[] selfSizes = self.dim() == 0 ? new int[] {1} : self.sizes();
        int[] selfStrides = self.dim() == 0 ? new int[] {0} : self.strides();
        int[] idxSizes = index.dim() == 0 ? new int[] {1} : index.sizes();
        for (int d = 0; d < n; d++) {
            if (d != dim && idxSizes[d] > selfSizes[d]) {
                throw new IllegalArgumentException("Size does not match at dimension " + d + " expected index "
                        + Arrays.toString(index.sizes()) + " to be smaller than self " + Arrays.toString(self.sizes())
                        + " apart from dimension " + dim);
            }
        }
        int count = index.numel();
        int[] positions = new int[count];
        int[] coord = new int[n];
        for (int k = 0; k < count; k++) {
            Cancellation.checkEvery(k);
            long v = index.getLong(k);
            if (v < 0 || v >= selfSizes[dim]) {
                throw new IllegalArgumentException("index " + v + " is out of bounds for dimension " + dim
                        + " with size " + selfSizes[dim]);
            }
            int at = self.offset();
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

    /**
     * {@code masked_fill(mask, value)} and {@code masked_fill_}: {@code value} where the mask is
     * true. The out-of-place form broadcasts self and mask; the in-place form requires the mask to
     * broadcast to self.
     */
    public static TensorImpl maskedFill(TensorImpl self, TensorImpl mask, Number value) {
        return maskedFill(self, mask, null, value, false);
    }

    public static TensorImpl maskedFill(TensorImpl self, TensorImpl mask, TensorImpl value) {
        return maskedFill(self, mask, value, null, false);
    }

    public static TensorImpl maskedFillInPlace(TensorImpl self, TensorImpl mask, Number value) {
        return maskedFill(self, mask, null, value, true);
    }

    public static TensorImpl maskedFillInPlace(TensorImpl self, TensorImpl mask, TensorImpl value) {
        return maskedFill(self, mask, value, null, true);
    }

    /** The value is {@code valueTensor}, or else the number {@code valueNumber}, converted after the shape checks. */
    private static TensorImpl maskedFill(TensorImpl self, TensorImpl mask, TensorImpl valueTensor, Number valueNumber,
                                         boolean inplace) {
            boolean valueIsTensor = valueTensor != null;
            if (inplace) {
                Autograd.checkInplace(self); // autograd's check comes first in PyTorch
            }
            checkMask(mask);
            if (valueIsTensor && valueTensor.dim() != 0) {
                throw new IllegalArgumentException("masked_fill_ only supports a 0-dimensional value tensor, but got"
                        + " tensor with " + valueTensor.dim() + " dimension(s).");
            }
            TensorImpl out;
            if (inplace) {
                int[] shape = Shapes.broadcast(self.sizes(), mask.sizes());
                if (!Arrays.equals(shape, self.sizes())) {
                    throw new IllegalArgumentException("output with shape " + Arrays.toString(self.sizes())
                            + " doesn't match the broadcast shape " + Arrays.toString(shape));
                }
                out = self;
            } else {
                int[] shape = Shapes.broadcast(mask.sizes(), self.sizes());
                out = TensorImpl.allocate(self.dtype(), shape);
                StridedCopy.copyInto(out, self);
            }
            TensorImpl value = valueIsTensor ? valueTensor : scalarTensor(valueNumber, self.dtype());
            TensorImpl m = Views.broadcastTo(mask, out.sizes().clone());
            TensorImpl target = TensorImpl.allocate(out.dtype(), new int[0]);
            StridedCopy.copyInto(target, value);
            DType type = out.dtype();
            if (!Where.selectDense(m, Where.operand(target, target, type), Where.operand(out, out, type), out)) {
                int n = out.numel();
                for (int i = 0; i < n; i++) {
                    if (m.getLong(i) != 0) {
                        Where.storeElement(target, 0, out.storage(), out.layout().storageIndex(i));
                    }
                }
            }
            TensorImpl valueInput = valueIsTensor ? value : null;
            if (Grads.needed(self, valueInput)) {
                // self: grad with the masked positions zeroed; value: the sum of grad there
                FormulaNode node = FormulaNode.of(valueIsTensor ? "MaskedFillBackward1" : "MaskedFillBackward0", self,
                        valueInput,
                        formula((g, in) -> maskedFill(g, mask, 0)),
                        formula((g, in) -> Reductions.sum(maskedFill(g, Comparisons.logicalNot(mask), 0), null, false,
                                null)));
                if (inplace) {
                    Autograd.rebaseHistory(self, node);
                } else {
                    Autograd.setGradFn(out, node);
                }
            }
            return out;
    }

    private static void checkMask(TensorImpl mask) {
        if (mask.dtype().isBool() || mask.dtype() == DType.UINT8) {
            return;
        }
        if (mask.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().pyName());
        }
        for (int i = 0; i < mask.numel(); i++) {
            long v = mask.getLong(i);
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("Mask tensor can take 0 and 1 values only");
            }
        }
    }

    /**
     * {@code masked_select(self, mask)}: the elements of self where the mask (broadcast with self)
     * is true, in row-major order, as a 1-d tensor. {@code MaskedSelectBackward0} scatters the
     * gradient back to those positions (summed over broadcast dims).
     */
    public static TensorImpl maskedSelect(TensorImpl self, TensorImpl mask) {
        if (mask.dtype() != DType.BOOL && mask.dtype() != DType.UINT8) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor or ByteTensor for mask");
        }
        int[] shape = Shapes.broadcast(mask.sizes(), self.sizes());
        TensorImpl m = Views.broadcastTo(mask, shape).contiguousCopy();
        TensorImpl x = Views.broadcastTo(self, shape);
        int n = m.numel();
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += m.getLong(i) != 0 ? 1 : 0;
        }
        TensorImpl out = TensorImpl.allocate(self.dtype(), new int[] {count});
        boolean floating = self.dtype().isFloatingPoint();
        for (int i = 0, k = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            if (m.getLong(i) != 0) {
                if (floating) {
                    out.storage().setDouble(k++, x.getDouble(i));
                } else {
                    out.storage().setLong(k++, x.getLong(i));
                }
            }
        }
        return FormulaNode.record(out, "MaskedSelectBackward0", self, formula((g, in) -> {
            TensorImpl grad = TensorImpl.allocate(g.dtype(), shape.clone());
            for (int i = 0, k = 0; i < n; i++) {
                if (m.getLong(i) != 0) {
                    grad.storage().setDouble(i, g.getDouble(k++));
                }
            }
            return grad;
        }));
    }

    /** {@code nonzero()}: the int64 coordinates of the nonzero elements, one row per element. */
    public static TensorImpl nonzero(TensorImpl self) {
        int n = self.numel();
        int nd = self.dim();
        boolean floating = self.dtype().isFloatingPoint();
        boolean direct = self.isContiguous();
        Storage st = self.storage();
        int found = 0;
        int[] hits = new int[n];
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            int at = direct ? self.offset() + i : self.layout().storageIndex(i);
            if (floating ? st.getDouble(at) != 0 : st.getLong(at) != 0) {
                hits[found++] = i;
            }
        }
        TensorImpl out = TensorImpl.allocate(DType.INT64, new int[] {found, nd});
        for (int r = 0; r < found; r++) {
            int linear = hits[r];
            for (int d = nd - 1; d >= 0; d--) {
                out.storage().setLong(r * nd + d, linear % self.sizes()[d]);
                linear /= self.sizes()[d];
            }
        }
        return out;
    }

    /**
     * A Python number as a 0-d tensor of {@code dtype} (ATen's {@code scalar_to_tensor}), with
     * c10's "value cannot be converted to type T without overflow" check.
     */
    public static TensorImpl scalarTensor(Number value, DType dtype) {
        Casts.checkConvertible(value, dtype);
        TensorImpl out = TensorImpl.allocate(dtype, new int[0]);
        StridedCopy.copyInto(out, Scalars.wrap(value));
        return out;
    }

    /** {@link #scalarTensor} for a Python bool. */
    public static TensorImpl scalarTensor(boolean value, DType dtype) {
        TensorImpl out = TensorImpl.allocate(dtype, new int[0]);
        StridedCopy.copyInto(out, Scalars.wrap(value));
        return out;
    }
}
