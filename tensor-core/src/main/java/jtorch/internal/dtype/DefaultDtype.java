package jtorch.internal.dtype;

import jtorch.DType;

/**
 * The process-wide default floating dtype ({@code torch.get_default_dtype()}): what Python
 * floats, floating factories and floating-only ops on integral inputs produce. A notebook
 * session evaluates one cell at a time, so a plain volatile field suffices.
 */
public final class DefaultDtype {
    private static volatile DType current = DType.FLOAT32;

    private DefaultDtype() {}

    public static DType get() {
        return current;
    }

    /** Sets the default; only floating dtypes are allowed, as in PyTorch. */
    public static void set(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("only floating-point types are supported as the default type");
        }
        current = dtype;
    }

    /** The dtype a floating-only op computes in: integral and bool inputs become the default dtype. */
    public static DType floatingOf(DType d) {
        return d.isFloatingPoint() ? d : current;
    }
}
