package jtorch;

/** {@link nn.Softmax} and {@link nn.LogSoftmax} along {@code dim}. */
abstract class SoftmaxImpl extends nn.Module {
    private final int dim;
    private final boolean log;

    SoftmaxImpl(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    public Tensor forward(Tensor input) {
        return log ? input.logSoftmax(dim) : input.softmax(dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
