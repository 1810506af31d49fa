package jtorch;

/**
 * Comparisons and logical/bitwise ops: they compute in the promoted dtype, return bool (or the
 * integral dtype for bitwise ops) and are not differentiable.
 */
final class Comparisons {
    private Comparisons() {}

    enum Kind { GT, GE, LT, LE, EQ, NE }

    static Tensor compare(Tensor a, Tensor b, Kind kind) {
        DType type = Promotion.resultType(a, b);
        a = inType(a, type);
        b = inType(b, type);
        switch (kind) {
            case GT: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x > y ? 1 : 0, (x, y) -> x > y ? 1 : 0);
            case GE: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x >= y ? 1 : 0, (x, y) -> x >= y ? 1 : 0);
            case LT: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x < y ? 1 : 0, (x, y) -> x < y ? 1 : 0);
            case LE: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x <= y ? 1 : 0, (x, y) -> x <= y ? 1 : 0);
            case EQ: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x == y ? 1 : 0, (x, y) -> x == y ? 1 : 0);
            default: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x != y ? 1 : 0, (x, y) -> x != y ? 1 : 0);
        }
    }

    /**
     * A 0-d operand (such as a Python scalar) cast to the comparison's dtype first, as PyTorch's
     * TensorIterator casts it: {@code uint8 == -1} compares with 255, {@code float16 == 0.1} with
     * 0.1 rounded to float16. (Other operands take part in the promotion, so the dtype holds them.)
     */
    private static Tensor inType(Tensor t, DType type) {
        if (t.dim() != 0 || t.dtype == type) {
            return t;
        }
        Tensor cast = Tensor.allocate(type, new int[0]);
        Copy.copyInto(cast, t);
        return cast;
    }

    enum Logical { AND, OR, XOR }

    /** {@code logical_and/or/xor}: truthiness of each operand, bool result. */
    static Tensor logical(Tensor a, Tensor b, Logical op) {
        DType type = Promotion.resultType(a, b);
        switch (op) {
            case AND: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x != 0 && y != 0 ? 1 : 0,
                    (x, y) -> x != 0 && y != 0 ? 1 : 0);
            case OR: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> x != 0 || y != 0 ? 1 : 0,
                    (x, y) -> x != 0 || y != 0 ? 1 : 0);
            default: return Elementwise.binary(a, b, type, DType.BOOL, (x, y) -> (x != 0) != (y != 0) ? 1 : 0,
                    (x, y) -> (x != 0) != (y != 0) ? 1 : 0);
        }
    }

    static Tensor logicalNot(Tensor a) {
        return Elementwise.unary(a, a.dtype, DType.BOOL, x -> x == 0 ? 1 : 0, x -> x == 0 ? 1 : 0);
    }

    /** {@code &}, {@code |}, {@code ^} on integral and bool tensors. */
    static Tensor bitwise(Tensor a, Tensor b, Logical op, String name) {
        DType type = Promotion.resultType(a, b);
        if (type.isFloatingPoint()) {
            throw new UnsupportedOperationException("\"" + name + "_cpu\" not implemented for '" + type.scalarName() + "'");
        }
        switch (op) {
            case AND: return Elementwise.binary(a, b, type, type, null, (x, y) -> x & y);
            case OR: return Elementwise.binary(a, b, type, type, null, (x, y) -> x | y);
            default: return Elementwise.binary(a, b, type, type, null, (x, y) -> x ^ y);
        }
    }

    /** {@code ~a}: logical not for bool, bitwise not for integers. */
    static Tensor bitwiseNot(Tensor a) {
        if (a.dtype.isFloatingPoint()) {
            throw new UnsupportedOperationException("\"bitwise_not_cpu\" not implemented for '"
                    + a.dtype.scalarName() + "'");
        }
        if (a.dtype.isBool()) {
            return logicalNot(a);
        }
        return Elementwise.unary(a, a.dtype, a.dtype, null, x -> ~x);
    }
}
