package jtorch;

/** Java numbers as operands: 0-d "wrapped number" tensors that promote like Python scalars. */
final class Scalars {
    private Scalars() {}

    /** Integer-like numbers become int64, floating ones float64, both flagged as wrapped numbers. */
    static Tensor wrap(Number n) {
        if (n == null) {
            throw new IllegalArgumentException("expected a number, got null");
        }
        Tensor t;
        if (isIntegral(n)) {
            t = Tensor.allocate(DType.INT64, new int[0]);
            t.storage.setLong(0, n.longValue());
        } else {
            t = Tensor.allocate(DType.FLOAT64, new int[0]);
            t.storage.setDouble(0, n.doubleValue());
        }
        t.wrappedNumber = true;
        return t;
    }

    /** A wrapped boolean scalar. */
    static Tensor wrap(boolean b) {
        Tensor t = Tensor.allocate(DType.BOOL, new int[0]);
        t.storage.setLong(0, b ? 1 : 0);
        t.wrappedNumber = true;
        return t;
    }

    static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }
}
