package jtorch;

/**
 * {@link nn.LayerNorm}: normalizes over the trailing {@code normalized_shape} dimensions, then
 * (with {@code elementwise_affine}) a learnable elementwise scale and shift, initialised to ones
 * and zeros.
 */
abstract class LayerNormImpl extends nn.Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    LayerNormImpl(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = elementwiseAffine ? nn.Parameter(torch.ones(normalizedShape)) : null;
        bias = elementwiseAffine ? nn.Parameter(torch.zeros(normalizedShape)) : null;
        registerParameter("weight", weight);
        registerParameter("bias", bias);
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /** The {@code weight} (scale) parameter, or null without {@code elementwise_affine}. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code bias} (shift) parameter, or null without {@code elementwise_affine}. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public String extraRepr() {
        return Reprs.tuple(normalizedShape) + ", eps=" + Reprs.number(eps) + ", elementwise_affine="
                + Reprs.bool(weight != null);
    }
}
