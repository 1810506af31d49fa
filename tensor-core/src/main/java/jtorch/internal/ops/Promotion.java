package jtorch.internal.ops;

import jtorch.DType;
import jtorch.internal.dtype.ResultType;
import jtorch.internal.tensor.TensorImpl;

/** PyTorch's {@code result_type} over tensor operands ({@link ResultType} on their dtypes and ranks). */
public final class Promotion {
    private Promotion() {}

    public static DType resultType(TensorImpl... operands) {
        ResultType state = new ResultType();
        for (TensorImpl t : operands) {
            state.add(t.dtype(), t.dim(), t.isWrappedNumber());
        }
        return state.result();
    }
}
