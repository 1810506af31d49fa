package jtorch.internal.autograd;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.dtype.ResultType;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.kernels.Sums;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * The gradient arithmetic the autograd layer does itself (never recorded, so it runs on kernels
 * directly and does not call the op layer): summing a broadcast gradient back to an input's
 * shape, casting, adding gradients that meet at a node, and the implicit root gradient.
 */
public final class Grads {
    private Grads() {}

    /** Whether any operand requires grad while grad mode is on, i.e. the op must be recorded. */
    public static boolean needed(TensorImpl... inputs) {
        if (!GradEnabled.isEnabled()) {
            return false;
        }
        for (TensorImpl t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reduces a gradient of a broadcast result to an input's shape (summing the broadcast
     * dimensions) and casts it to the input's dtype, as autograd's {@code sum_to} + engine cast.
     */
    static TensorImpl reduceTo(TensorImpl grad, int[] sizes, DType dtype) {
        TensorImpl g = grad;
        int[] gs = g.sizes();
        if (!Arrays.equals(gs, sizes)) {
            int lead = gs.length - sizes.length;
            boolean[] mask = new boolean[gs.length];
            for (int i = 0; i < gs.length; i++) {
                mask[i] = i < lead || (sizes[i - lead] == 1 && gs[i] != 1);
            }
            DType sumType = g.dtype().isFloatingPoint() ? g.dtype() : DType.INT64;
            TensorImpl summed = TensorImpl.allocate(sumType, sizes.clone());
            Sums.sumInto(summed, g, mask);
            g = summed;
        }
        return cast(g, dtype);
    }

    /** {@code t} in {@code dtype}: itself when it already is, else a converted copy. */
    static TensorImpl cast(TensorImpl t, DType dtype) {
        if (t.dtype() == dtype) {
            return t;
        }
        TensorImpl out = TensorImpl.allocate(dtype, t.sizes().clone());
        StridedCopy.copyInto(out, t);
        return out;
    }

    /** {@code a + b} with PyTorch's promotion and broadcasting: two gradients meeting at one node. */
    static TensorImpl add(TensorImpl a, TensorImpl b) {
        DType type = new ResultType().add(a.dtype(), a.dim(), false).add(b.dtype(), b.dim(), false).result();
        TensorImpl out = TensorImpl.allocate(type, Shapes.broadcast(a.sizes(), b.sizes()));
        Elementwise.binaryInto(out, a, b, type, Kernels.BinaryOp.ADD);
        return out;
    }

    /** {@code target += g} in place (a leaf's {@code .grad} the user may hold), bumping its version. */
    static void addInto(TensorImpl target, TensorImpl g) {
        Elementwise.binaryInto(target, target, g, DType.promote(target.dtype(), g.dtype()), Kernels.BinaryOp.ADD);
        target.storage().bumpVersion();
    }

    /** Ones shaped like {@code t}: the implicit gradient of a scalar output. */
    static TensorImpl onesLike(TensorImpl t) {
        TensorImpl out = TensorImpl.allocate(t.dtype(), t.sizes().clone());
        int n = out.numel();
        for (int i = 0; i < n; i++) {
            out.storage().setDouble(i, 1);
        }
        return out;
    }
}
