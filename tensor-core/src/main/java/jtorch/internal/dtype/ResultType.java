package jtorch.internal.dtype;

import jtorch.DType;

/**
 * PyTorch's {@code result_type} (ATen's {@code ResultTypeState}): operands are ranked as
 * dimensioned tensors, 0-d tensors and wrapped numbers (Java numbers used as operands); a lower
 * rank only matters when its category (bool &lt; integral &lt; floating) is higher, and a floating
 * wrapped number then counts as the default dtype.
 *
 * <p>Use: {@code new ResultType().add(a...).add(b...).result()}; an instance is a one-shot
 * accumulator owned by the caller.
 */
public final class ResultType {
    private DType dimResult;
    private DType zeroResult;
    private DType wrappedResult;

    /** Adds one operand: its dtype, its number of dimensions, and whether it is a wrapped number. */
    public ResultType add(DType dtype, int ndim, boolean wrappedNumber) {
        if (wrappedNumber) {
            wrappedResult = promote(wrappedResult, dtype.isFloatingPoint() ? DefaultDtype.get() : dtype);
        } else if (ndim == 0) {
            zeroResult = promote(zeroResult, dtype);
        } else {
            dimResult = promote(dimResult, dtype);
        }
        return this;
    }

    /** The promoted dtype of the operands added so far (the default dtype when there are none). */
    public DType result() {
        DType r = combine(dimResult, combine(zeroResult, wrappedResult));
        return r == null ? DefaultDtype.get() : r;
    }

    private static DType promote(DType a, DType b) {
        return a == null ? b : b == null ? a : DType.promote(a, b);
    }

    private static DType combine(DType higher, DType lower) {
        if (higher == null) {
            return lower;
        }
        if (higher.isFloatingPoint()) {
            return higher;
        }
        if (lower != null && (higher.isBool() || lower.isFloatingPoint())) {
            return DType.promote(higher, lower);
        }
        return higher;
    }
}
