package jtorch;

/** {@link nn.Flatten}: dimensions {@code start_dim..end_dim} flattened into one. */
abstract class FlattenImpl extends nn.Module {
    private final int startDim;
    private final int endDim;

    FlattenImpl(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
