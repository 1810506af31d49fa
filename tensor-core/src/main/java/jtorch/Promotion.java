package jtorch;

/**
 * PyTorch's {@code result_type}: operands are ranked as dimensioned tensors, 0-d tensors and
 * wrapped numbers; a lower rank only matters when its category (bool &lt; integral &lt; floating)
 * is higher, and a floating wrapped number then counts as the default dtype.
 */
final class Promotion {
    private Promotion() {}

    static DType resultType(Tensor... operands) {
        DType dimResult = null;
        DType zeroResult = null;
        DType wrappedResult = null;
        for (Tensor t : operands) {
            DType d = t.dtype;
            if (t.wrappedNumber) {
                if (d.isFloatingPoint()) {
                    d = torch.getDefaultDtype();
                }
                wrappedResult = promote(wrappedResult, d);
            } else if (t.dim() == 0) {
                zeroResult = promote(zeroResult, d);
            } else {
                dimResult = promote(dimResult, d);
            }
        }
        DType r = combine(dimResult, combine(zeroResult, wrappedResult));
        return r == null ? torch.getDefaultDtype() : r;
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

    /** The dtype a floating-only op computes in: integral and bool inputs become the default dtype. */
    static DType floatingOf(DType d) {
        return d.isFloatingPoint() ? d : torch.getDefaultDtype();
    }
}
