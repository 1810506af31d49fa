package jtorch.internal.autograd;

import jtorch.internal.tensor.TensorImpl;

/**
 * The graph node of a leaf that requires grad: adds incoming gradients into {@code leaf.grad()}.
 * The first gradient is copied (it may alias a buffer other nodes still read); later ones are
 * added in place, so a {@code .grad} tensor the user holds sees the sum, as in PyTorch.
 */
final class AccumulateGrad extends Node {
    private final TensorImpl variable;

    AccumulateGrad(TensorImpl variable) {
        super();
        this.variable = variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    public TensorImpl variable() {
        return variable;
    }

    @Override
    TensorImpl[] apply(TensorImpl grad) {
        TensorImpl current = Autograd.grad(variable);
        if (current == null) {
            TensorImpl fresh = grad.dtype() == variable.dtype() ? grad.contiguousCopy()
                    : Grads.cast(grad, variable.dtype());
            Autograd.setGradUnchecked(variable, fresh);
        } else {
            Grads.addInto(current, grad);
        }
        return null;
    }
}
