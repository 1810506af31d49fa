package jtorch.internal.ops;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

import jtorch.DType;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/** Fresh results of elementwise kernels: allocates the output (broadcast shape, given dtype) and fills it. */
final class Outputs {
    private Outputs() {}

    /** {@code f(a)} in a new tensor of {@code outType}, computing in {@code compute}'s domain. */
    static TensorImpl unary(TensorImpl a, DType compute, DType outType, DoubleUnaryOperator f, LongUnaryOperator g) {
        TensorImpl out = TensorImpl.allocate(outType, a.sizes().clone());
        Elementwise.unaryInto(out, a, compute, f, g);
        return out;
    }

    /** {@code f(a)}, contiguous float32 computed by {@code dense}. */
    static TensorImpl unary(TensorImpl a, DType compute, DType outType, DoubleUnaryOperator f, LongUnaryOperator g,
                            Elementwise.FloatRun dense) {
        TensorImpl out = TensorImpl.allocate(outType, a.sizes().clone());
        Elementwise.unaryInto(out, a, compute, f, g, dense);
        return out;
    }

    /** {@code op(a)} for an op with a vector form. */
    static TensorImpl unary(TensorImpl a, DType compute, DType outType, UnaryOp op) {
        TensorImpl out = TensorImpl.allocate(outType, a.sizes().clone());
        Elementwise.unaryInto(out, a, compute, op);
        return out;
    }

    /** {@code f(a, b)} with broadcasting in a new tensor of {@code outType}. */
    static TensorImpl binary(TensorImpl a, TensorImpl b, DType compute, DType outType, DoubleBinaryOperator f,
                             LongBinaryOperator g) {
        TensorImpl out = TensorImpl.allocate(outType, Shapes.broadcast(a.sizes(), b.sizes()));
        Elementwise.binaryInto(out, operand(a, compute), operand(b, compute), compute, f, g);
        return out;
    }

    /** {@code f(a, b)}, contiguous float32 operands of one shape computed by {@code dense}. */
    static TensorImpl binary(TensorImpl a, TensorImpl b, DType compute, DType outType, DoubleBinaryOperator f,
                             LongBinaryOperator g, Elementwise.FloatRun2 dense) {
        TensorImpl out = TensorImpl.allocate(outType, Shapes.broadcast(a.sizes(), b.sizes()));
        Elementwise.binaryInto(out, operand(a, compute), operand(b, compute), compute, f, g, dense);
        return out;
    }

    /** {@code op(a, b)} for an op with a vector form. */
    static TensorImpl binary(TensorImpl a, TensorImpl b, DType compute, DType outType, Kernels.BinaryOp op) {
        TensorImpl out = TensorImpl.allocate(outType, Shapes.broadcast(a.sizes(), b.sizes()));
        Elementwise.binaryInto(out, operand(a, compute), operand(b, compute), compute, op);
        return out;
    }

    /**
     * An operand as the kernel sees it: a Python number (wrapped scalar) or a 0-d tensor, the
     * operands that may not take part in type promotion, first take the op's common dtype, as
     * TensorIterator casts its inputs: {@code -1} is 255 for a uint8 op, {@code 1.1} is 1.0996
     * for a float16 one, {@code 2**40} is 0 for an int32 one; an int8 0-d tensor of -4 is 252
     * for a uint8 op.
     */
    static TensorImpl operand(TensorImpl t, DType common) {
        if (t.dtype() == common || t.dim() != 0) {
            return t;
        }
        return Conversions.to(t.isWrappedNumber() ? t : t.detachAlias(), common);
    }
}
