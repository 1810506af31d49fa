package jtorch;

import jtorch.internal.format.PythonFloatFormat;

/** {@link nn.LeakyReLU}: {@code x} where positive, {@code negative_slope * x} elsewhere. */
abstract class LeakyReLUImpl extends nn.Module {
    private final double negativeSlope;

    LeakyReLUImpl(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.leakyRelu(input, negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PythonFloatFormat.repr(negativeSlope);
    }
}
