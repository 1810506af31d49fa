package jtorch;

import jtorch.internal.dtype.ResultType;

/** PyTorch's {@code result_type} over tensor operands ({@link ResultType} on their dtypes and ranks). */
final class Promotion {
    private Promotion() {}

    static DType resultType(Tensor... operands) {
        ResultType state = new ResultType();
        for (Tensor t : operands) {
            state.add(t.dtype, t.dim(), t.wrappedNumber);
        }
        return state.result();
    }
}
