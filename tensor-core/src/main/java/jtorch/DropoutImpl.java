package jtorch;

/**
 * {@link nn.Dropout}: in training mode zeroes each element with probability {@code p} (PyTorch's
 * Bernoulli draws from the seeded generator) and scales the rest by {@code 1 / (1 - p)}; the
 * identity in evaluation mode.
 */
abstract class DropoutImpl extends nn.Module {
    private final double p;
    private final boolean inplace;

    DropoutImpl(double p, boolean inplace) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + Reprs.number(p));
        }
        this.p = p;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.dropout(input, p, training(), inplace);
    }

    @Override
    public String extraRepr() {
        return "p=" + Reprs.number(p) + ", inplace=" + Reprs.bool(inplace);
    }
}
