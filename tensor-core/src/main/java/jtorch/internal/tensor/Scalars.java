package jtorch.internal.tensor;

import jtorch.DType;
import jtorch.internal.dtype.Casts;

/** Java numbers as operands: 0-d "wrapped number" tensors that promote like Python scalars. */
public final class Scalars {
    private Scalars() {}

    /** Integer-like numbers become int64, floating ones float64, both flagged as wrapped numbers. */
    public static TensorImpl wrap(Number n) {
        if (n == null) {
            throw new IllegalArgumentException("expected a number, got null");
        }
        TensorImpl t;
        if (isIntegral(n)) {
            t = TensorImpl.allocate(DType.INT64, new int[0]);
            t.storage().setLong(0, n.longValue());
        } else {
            t = TensorImpl.allocate(DType.FLOAT64, new int[0]);
            t.storage().setDouble(0, n.doubleValue());
        }
        return t.markWrappedNumber();
    }

    /** A wrapped boolean scalar. */
    public static TensorImpl wrap(boolean b) {
        TensorImpl t = TensorImpl.allocate(DType.BOOL, new int[0]);
        t.storage().setLong(0, b ? 1 : 0);
        return t.markWrappedNumber();
    }

    /** Whether a Java number is a Python int (integral boxed types and BigInteger). */
    public static boolean isIntegral(Number n) {
        return Casts.isIntegral(n);
    }
}
