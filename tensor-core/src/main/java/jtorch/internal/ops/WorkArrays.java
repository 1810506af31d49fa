package jtorch.internal.ops;

import jtorch.DType;
import jtorch.internal.tensor.TensorImpl;

/**
 * Dense float32 or float64 copies of tensors for the array kernels of the nn ops (convolution,
 * pooling, normalization): float64 stays float64, every other dtype is computed in float32
 * (float16/bfloat16 as PyTorch's CPU kernels do, in float and rounded once at the end) or, for
 * integer inputs, in float64.
 */
final class WorkArrays {
    private WorkArrays() {}

    /** The dtype an nn kernel computes {@code type} in. */
    static DType workType(DType type) {
        return type == DType.FLOAT64 || !type.isFloatingPoint() ? DType.FLOAT64 : DType.FLOAT32;
    }

    /**
     * {@code t}'s values in {@code work}, dense from element 0 of an array storage, without
     * autograd history: {@code t}'s own storage when it already is such a tensor.
     */
    static TensorImpl dense(TensorImpl t, DType work) {
        return Conversions.to(t.detachAlias(), work).dense();
    }

    /** The array of a tensor made by {@link #dense} or {@code TensorImpl.allocate}. */
    @SuppressWarnings("unchecked")
    static <A> A array(TensorImpl dense) {
        return (A) dense.storage().array();
    }

    /** {@code out} (a fresh work-dtype result) in the op's dtype {@code type}. */
    static TensorImpl result(TensorImpl out, DType type) {
        return Conversions.to(out, type);
    }
}
