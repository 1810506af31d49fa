package jtorch;

/** The graph node of a leaf that requires grad: adds incoming gradients into {@code leaf.grad()}. */
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
            variable.setGradUnchecked(grad.contiguousCopy());
        } else {
            current.addInPlaceNoGraph(grad);
        }
        return new Tensor[0];
    }
}
