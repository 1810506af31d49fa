package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.Grads;
import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/** Copying ops: dtype conversion, clone, {@code copy_} and {@code fill_}, with their derivative formulas. */
public final class Conversions {
    private Conversions() {}

    /** {@code to(dtype)}: the tensor itself when the dtype is already right, else a converted copy. */
    public static TensorImpl to(TensorImpl self, DType target) {
        return target == self.dtype() ? self : toCopy(self, target);
    }

    /** The copy of {@code to(dtype)}; the gradient is cast back to the input dtype (by {@link FormulaNode}). */
    private static TensorImpl toCopy(TensorImpl self, DType target) {
        TensorImpl out = TensorImpl.allocateLike(self, target);
        StridedCopy.copyInto(out, self);
        if (!target.isFloatingPoint()) {
            return out;
        }
        return FormulaNode.record(out, "ToCopyBackward0", self, formula((g, in) -> g));
    }

    /** {@code clone()}: a copy in PyTorch's preserve_format (a transposed tensor's copy is transposed). */
    public static TensorImpl clone(TensorImpl self) {
        TensorImpl out = TensorImpl.allocateLike(self, self.dtype());
        StridedCopy.copyInto(out, self);
        return cloned(out, self);
    }

    /** The row-major copy of {@code contiguous()} and {@code reshape()} ({@code clone(contiguous_format)}). */
    public static TensorImpl contiguousClone(TensorImpl self) {
        return cloned(self.contiguousCopy(), self);
    }

    private static TensorImpl cloned(TensorImpl out, TensorImpl self) {
        return FormulaNode.record(out, "CloneBackward0", self, formula((g, in) -> g));
    }

    /** {@code contiguous()}: the tensor itself when contiguous, else a contiguous copy. */
    public static TensorImpl contiguous(TensorImpl self) {
        return self.isContiguous() ? self : contiguousClone(self);
    }

    /** {@code self.copy_(src)}: self's old values get no gradient, src gets the (reduced) grad. */
    public static TensorImpl copyInPlace(TensorImpl self, TensorImpl src) {
        Autograd.checkInplace(self);
        Derived.checkNoInternalOverlap(self);
        int[] shape = Shapes.broadcast(self.sizes(), src.sizes());
        if (!java.util.Arrays.equals(shape, self.sizes())) {
            throw new IllegalArgumentException("output with shape " + java.util.Arrays.toString(self.sizes())
                    + " doesn't match the broadcast shape " + java.util.Arrays.toString(shape));
        }
        StridedCopy.copyInto(self, src);
        // an integral destination has no history (autograd's set_history skips non-differentiable dtypes)
        if (Grads.needed(self, src) && self.dtype().isFloatingPoint()) {
            Autograd.rebaseHistory(self, FormulaNode.of("CopyBackwards", self, src,
                    formula((g, in) -> Creation.zerosLike(g)),
                    formula((g, in) -> g)));
        }
        return self;
    }

    /** {@code fill_(value)}. */
    public static TensorImpl fill(TensorImpl self, Number value) {
        return fill(self, value, "FillBackward2");
    }

    /** {@code zero_()}, whose node PyTorch names {@code ZeroBackward0}. */
    public static TensorImpl zero(TensorImpl self) {
        return fill(self, 0, "ZeroBackward0");
    }

    private static TensorImpl fill(TensorImpl self, Number value, String name) {
        Autograd.checkInplace(self);
        Casts.checkConvertible(value, self.dtype());
        StridedCopy.copyInto(self, Scalars.wrap(value));
        overwritten(self, name);
        return self;
    }

    /**
     * Records that {@code self} was overwritten in place by values that do not depend on its old
     * ones ({@code fill_}, {@code zero_}, the random samplers): the old values get zero gradient.
     */
    static void overwritten(TensorImpl self, String name) {
        if (Grads.needed(self)) {
            Autograd.rebaseHistory(self, FormulaNode.of(name, self, formula((g, in) -> Creation.zerosLike(g))));
        }
    }
}
