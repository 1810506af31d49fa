package jtorch;

import jtorch.internal.format.PythonFloatFormat;

/** {@link nn.Dropout}: zeroes elements with probability p in training mode, scales the rest by 1/(1-p). */
abstract class DropoutImpl extends nn.Module {
    private final double p;

    DropoutImpl(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + PythonFloatFormat.repr(p));
        }
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.dropout(input, p, training());
    }

    @Override
    public String extraRepr() {
        return "p=" + PythonFloatFormat.repr(p) + ", inplace=False";
    }
}
