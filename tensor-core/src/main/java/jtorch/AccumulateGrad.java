package jtorch;

/**
 * The graph node of a leaf that requires grad: adds incoming gradients into {@code leaf.grad()}.
 * The first gradient is copied (it may alias a buffer other nodes still read); later ones are
 * added in place, so a {@code .grad} tensor the user holds sees the sum, as in PyTorch.
 */
final class AccumulateGrad extends Node {
    final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super();
        this.variable = variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    Tensor[] apply(Tensor grad) {
        Tensor current = variable.grad();
        if (current == null) {
            Tensor fresh = grad.dtype == variable.dtype ? grad.contiguousCopy() : grad.to(variable.dtype);
            variable.setGradUnchecked(fresh);
        } else {
            current.addInPlaceNoGraph(grad);
        }
        return null;
    }
}
