package jtorch;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import jtorch.internal.kernels.Kernels;
import jtorch.internal.shape.Shapes;

/**
 * The {@code out=} forms ({@code torch::add_out} etc.): results written into an existing tensor
 * of the right shape and dtype, with no allocation and no autograd, as PyTorch's out variants.
 */
final class OutOps {
    private OutOps() {}

    private static void check(Tensor out, int[] shape, DType type, Tensor... inputs) {
        if (Grads.needed(inputs) || Grads.needed(out)) {
            throw new IllegalArgumentException("functions with out=... arguments don't support automatic"
                    + " differentiation, but one of the arguments requires grad.");
        }
        if (!Arrays.equals(out.sizes, shape)) {
            throw new IllegalArgumentException("out= tensor of shape " + Arrays.toString(out.sizes)
                    + " does not match the result shape " + Arrays.toString(shape));
        }
        if (!DType.canCast(type, out.dtype)) {
            throw new IllegalArgumentException("result type " + type.scalarName() + " can't be cast to the desired"
                    + " output type " + out.dtype.scalarName());
        }
        out.storage.bumpVersion();
    }

    static Tensor binary(Tensor out, Tensor a, Tensor b, DoubleBinaryOperator f, LongBinaryOperator g,
                         Kernels.BinaryOp fast) {
        DType type = Promotion.resultType(a, b);
        check(out, Shapes.broadcast(a.sizes, b.sizes), type, a, b);
        Elementwise.binaryInto(out, a, b, type, f, g, out.dtype == type ? fast : null);
        return out;
    }

    static Tensor unary(Tensor out, Tensor a, DType type, java.util.function.DoubleUnaryOperator f,
                        java.util.function.LongUnaryOperator g, Kernels.UnaryOp fast) {
        check(out, a.sizes, type, a);
        Elementwise.unaryInto(out, a, type, f, g, out.dtype == type ? fast : null);
        return out;
    }
}
