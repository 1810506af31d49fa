package jtorch.internal.ops;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.autograd.Grads;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.Kernels.BinaryOp;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * The {@code out=} forms ({@code torch::add_out} etc.): results written into an existing tensor
 * of the right shape and dtype, with no allocation and no autograd, as PyTorch's out variants.
 * They run the same arithmetic ({@link BinaryOp}, {@link UnaryOp}) as the out-of-place ops.
 */
public final class OutVariants {
    private OutVariants() {}

    /** {@code torch.add(a, b, out=out)}. */
    public static TensorImpl addOut(TensorImpl out, TensorImpl a, TensorImpl b) {
        return binary(out, a, b, BinaryOp.ADD);
    }

    /** {@code torch.mul(a, b, out=out)}. */
    public static TensorImpl mulOut(TensorImpl out, TensorImpl a, TensorImpl b) {
        return binary(out, a, b, BinaryOp.MUL);
    }

    /** {@code torch.exp(a, out=out)}. */
    public static TensorImpl expOut(TensorImpl out, TensorImpl a) {
        return unary(out, a, DefaultDtype.floatingOf(a.dtype()), UnaryOp.EXP);
    }

    /** {@code torch.relu} into {@code out} ({@code torch.clamp(a, min=0, out=out)}). */
    public static TensorImpl reluOut(TensorImpl out, TensorImpl a) {
        return unary(out, a, a.dtype(), UnaryOp.RELU);
    }

    private static void check(TensorImpl out, int[] shape, DType type, TensorImpl... inputs) {
        if (Grads.needed(inputs) || Grads.needed(out)) {
            throw new IllegalArgumentException("functions with out=... arguments don't support automatic"
                    + " differentiation, but one of the arguments requires grad.");
        }
        if (!Arrays.equals(out.sizes(), shape)) {
            throw new IllegalArgumentException("out= tensor of shape " + Arrays.toString(out.sizes())
                    + " does not match the result shape " + Arrays.toString(shape));
        }
        if (!DType.canCast(type, out.dtype())) {
            throw new IllegalArgumentException("result type " + type.scalarName() + " can't be cast to the desired"
                    + " output type " + out.dtype().scalarName());
        }
        out.storage().bumpVersion();
    }

    private static TensorImpl binary(TensorImpl out, TensorImpl a, TensorImpl b, BinaryOp op) {
        DType type = Promotion.resultType(a, b);
        check(out, Shapes.broadcast(a.sizes(), b.sizes()), type, a, b);
        Elementwise.binaryInto(out, a, b, type, op);
        return out;
    }

    private static TensorImpl unary(TensorImpl out, TensorImpl a, DType type, UnaryOp op) {
        check(out, a.sizes(), type, a);
        Elementwise.unaryInto(out, a, type, op);
        return out;
    }
}
