package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.Arrays;
import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Comparison;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.BufferStorage;
import jtorch.internal.tensor.TensorImpl;

/**
 * Comparisons and logical/bitwise ops: they compute in the promoted dtype, return bool (or the
 * integral dtype for bitwise ops) and are not differentiable.
 */
public final class Comparisons {
    private Comparisons() {}

    public static TensorImpl gt(TensorImpl a, TensorImpl b) {
        return compare(a, b, Comparison.GT);
    }

    public static TensorImpl ge(TensorImpl a, TensorImpl b) {
        return compare(a, b, Comparison.GE);
    }

    public static TensorImpl lt(TensorImpl a, TensorImpl b) {
        return compare(a, b, Comparison.LT);
    }

    public static TensorImpl le(TensorImpl a, TensorImpl b) {
        return compare(a, b, Comparison.LE);
    }

    public static TensorImpl eq(TensorImpl a, TensorImpl b) {
        return compare(a, b, Comparison.EQ);
    }

    public static TensorImpl ne(TensorImpl a, TensorImpl b) {
        return compare(a, b, Comparison.NE);
    }

    /**
     * {@code self.eq_(other)} and the other in-place comparisons ({@code op} is {@code "eq"},
     * {@code "ne"}, {@code "gt"}, {@code "ge"}, {@code "lt"} or {@code "le"}): 1 or 0 in self's
     * dtype. Under autograd the result is constant: {@code EqBackward0} (scalar other) or
     * {@code EqBackward1} (tensor other) passes zero gradients, as PyTorch's derivatives.yaml.
     */
    public static TensorImpl inPlace(TensorImpl self, TensorImpl other, String op) {
        Comparison kind = Comparison.valueOf(op.toUpperCase(java.util.Locale.ROOT));
        String node = op.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + op.substring(1)
                + (other.isWrappedNumber() ? "Backward0" : "Backward1");
        return Derived.inPlace(self, other, (a, b) -> FormulaNode.record(compare(a, b, kind), node, a, b,
                formula((g, in) -> Creation.zerosLike(g)), formula((g, in) -> Creation.zerosLike(g))));
    }

    private static TensorImpl compare(TensorImpl a, TensorImpl b, Comparison kind) {
        DType type = Promotion.resultType(a, b);
        a = inType(a, type);
        b = inType(b, type);
        TensorImpl dense = denseFloat32(a, b, kind);
        return dense != null ? dense
                : Outputs.binary(a, b, type, DType.BOOL, (x, y) -> kind.test(x, y) ? 1 : 0, (x, y) -> kind.test(x, y) ? 1 : 0);
    }

    /**
     * A contiguous float32 tensor against a float32 one of its shape or a 0-d one, by {@link
     * Comparison#dense}; null for other operands.
     */
    private static TensorImpl denseFloat32(TensorImpl a, TensorImpl b, Comparison kind) {
        boolean scalar = b.dim() == 0;
        if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32 || !a.layout().isContiguous()
                || !scalar && !(b.layout().isContiguous() && Arrays.equals(a.sizes(), b.sizes()))) {
            return null;
        }
        int n = a.numel();
        byte[] out = new byte[n];
        kind.dense((float[]) a.dense().storage().array(), scalar ? null : (float[]) b.dense().storage().array(),
                scalar ? (float) b.getDouble(0) : 0f, out, n);
        return new TensorImpl(BufferStorage.of(out, DType.BOOL), Layout.contiguous(a.sizes().clone()), null);
    }

    /**
     * A 0-d operand (such as a Python scalar) cast to the comparison's dtype first, as PyTorch's
     * TensorIterator casts it: {@code uint8 == -1} compares with 255, {@code float16 == 0.1} with
     * 0.1 rounded to float16. (Other operands take part in the promotion, so the dtype holds them.)
     */
    private static TensorImpl inType(TensorImpl t, DType type) {
        if (t.dim() != 0 || t.dtype() == type) {
            return t;
        }
        TensorImpl cast = TensorImpl.allocate(type, new int[0]);
        StridedCopy.copyInto(cast, t);
        return cast;
    }

    private enum Logical { AND, OR, XOR }

    public static TensorImpl logicalAnd(TensorImpl a, TensorImpl b) {
        return logical(a, b, Logical.AND);
    }

    public static TensorImpl logicalOr(TensorImpl a, TensorImpl b) {
        return logical(a, b, Logical.OR);
    }

    public static TensorImpl logicalXor(TensorImpl a, TensorImpl b) {
        return logical(a, b, Logical.XOR);
    }

    /** {@code logical_and/or/xor}: truthiness of each operand, bool result. */
    private static TensorImpl logical(TensorImpl a, TensorImpl b, Logical op) {
        DType type = Promotion.resultType(a, b);
        switch (op) {
            case AND: return Outputs.binary(a, b, type, DType.BOOL, (x, y) -> x != 0 && y != 0 ? 1 : 0,
                    (x, y) -> x != 0 && y != 0 ? 1 : 0);
            case OR: return Outputs.binary(a, b, type, DType.BOOL, (x, y) -> x != 0 || y != 0 ? 1 : 0,
                    (x, y) -> x != 0 || y != 0 ? 1 : 0);
            default: return Outputs.binary(a, b, type, DType.BOOL, (x, y) -> (x != 0) != (y != 0) ? 1 : 0,
                    (x, y) -> (x != 0) != (y != 0) ? 1 : 0);
        }
    }

    public static TensorImpl logicalNot(TensorImpl a) {
        return Outputs.unary(a, a.dtype(), DType.BOOL, x -> x == 0 ? 1 : 0, x -> x == 0 ? 1 : 0);
    }

    public static TensorImpl bitwiseAnd(TensorImpl a, TensorImpl b) {
        return bitwise(a, b, Logical.AND, "bitwise_and");
    }

    public static TensorImpl bitwiseOr(TensorImpl a, TensorImpl b) {
        return bitwise(a, b, Logical.OR, "bitwise_or");
    }

    public static TensorImpl bitwiseXor(TensorImpl a, TensorImpl b) {
        return bitwise(a, b, Logical.XOR, "bitwise_xor");
    }

    /** {@code &}, {@code |}, {@code ^} on integral and bool tensors. */
    private static TensorImpl bitwise(TensorImpl a, TensorImpl b, Logical op, String name) {
        DType type = Promotion.resultType(a, b);
        if (type.isFloatingPoint()) {
            Shapes.broadcast(a.sizes(), b.sizes()); // TensorIterator's shape check comes before the kernel's dtype
            throw new UnsupportedOperationException("\"" + name + "_cpu\" not implemented for '" + type.scalarName()
                    + "'");
        }
        switch (op) {
            case AND: return Outputs.binary(a, b, type, type, null, (x, y) -> x & y);
            case OR: return Outputs.binary(a, b, type, type, null, (x, y) -> x | y);
            default: return Outputs.binary(a, b, type, type, null, (x, y) -> x ^ y);
        }
    }

    /** {@code ~a}: logical not for bool, bitwise not for integers. */
    public static TensorImpl bitwiseNot(TensorImpl a) {
        if (a.dtype().isFloatingPoint()) {
            throw new UnsupportedOperationException("\"bitwise_not_cpu\" not implemented for '"
                    + a.dtype().scalarName() + "'");
        }
        if (a.dtype().isBool()) {
            return logicalNot(a);
        }
        return Outputs.unary(a, a.dtype(), a.dtype(), null, x -> ~x);
    }
}
