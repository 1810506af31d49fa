package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.autograd.Grads;
import jtorch.internal.tensor.TensorImpl;

/**
 * The in-place view ops {@code squeeze_}, {@code unsqueeze_}, {@code t_} and {@code transpose_}:
 * the tensor keeps its data and takes the layout of the matching view. A {@link TensorImpl}'s
 * layout never changes, so each returns a new {@code TensorImpl} over the same storage and view
 * base with the new layout, which the public {@code Tensor} then wraps instead of the old one.
 * Autograd: in a graph (requires grad, grad mode on) the new tensor records PyTorch's node for
 * the in-place form ({@code SqueezeBackward2/3}, {@code UnsqueezeBackward1}, {@code TBackward1},
 * {@code TransposeBackward1}), whose backward lays the gradient out as before; otherwise (a leaf
 * under no_grad, a tensor outside any graph) it takes over the old tensor's autograd state.
 */
public final class InPlaceViews {
    private InPlaceViews() {
    }

    /** {@code self.squeeze_()} (dim null) / {@code self.squeeze_(dim)}. */
    public static TensorImpl squeeze(TensorImpl self, Integer dim) {
        int[] sizes = self.sizes().clone();
        return moved(self, () -> Views.squeeze(self.detachAlias(), dim),
                dim == null ? "SqueezeBackward2" : "SqueezeBackward3", g -> Views.reshape(g, sizes));
    }

    /** {@code self.unsqueeze_(dim)}. */
    public static TensorImpl unsqueeze(TensorImpl self, int dim) {
        int[] sizes = self.sizes().clone();
        return moved(self, () -> Views.unsqueeze(self.detachAlias(), dim), "UnsqueezeBackward1",
                g -> Views.reshape(g, sizes));
    }

    /** {@code self.transpose_(dim0, dim1)}. */
    public static TensorImpl transpose(TensorImpl self, int dim0, int dim1) {
        return moved(self, () -> Views.transpose(self.detachAlias(), dim0, dim1), "TransposeBackward1",
                g -> Views.transpose(g, dim0, dim1));
    }

    /** {@code self.t_()}: at most 2 dimensions. */
    public static TensorImpl t(TensorImpl self) {
        return moved(self, () -> {
            if (self.dim() > 2) {
                throw new IllegalArgumentException("t_() expects a tensor with <= 2 dimensions, but self is "
                        + self.dim() + "D");
            }
            return Views.t(self.detachAlias());
        }, "TBackward1", Views::t);
    }

    /** Autograd's in-place check first (as PyTorch's), then the view's own checks and layout. */
    private static TensorImpl moved(TensorImpl self, Supplier<TensorImpl> viewOp, String node,
            UnaryOperator<TensorImpl> back) {
        Autograd.checkInplace(self);
        TensorImpl view = viewOp.get();
        TensorImpl out = new TensorImpl(self.storage(), view.layout(), self.viewBase());
        if (Grads.needed(self)) {
            return FormulaNode.record(out, node, self, formula((g, in) -> back.apply(g)));
        }
        Autograd.passState(self, out);
        return out;
    }
}
