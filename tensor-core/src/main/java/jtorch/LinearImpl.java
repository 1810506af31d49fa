package jtorch;

/**
 * {@link nn.Linear}: {@code y = x W^T + b}, with PyTorch's initialisation.
 *
 * <p>Invariant: {@code weight} is {@code (out_features, in_features)}; {@code bias} is
 * {@code (out_features)} or null.
 */
abstract class LinearImpl extends nn.Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    LinearImpl(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension "
                    + Math.min(inFeatures, outFeatures) + ": [" + outFeatures + ", " + inFeatures + "]");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = torch.empty(outFeatures, inFeatures);
        this.bias = bias ? torch.empty(outFeatures) : null;
        Init.kaimingUniform(weight, this.bias, inFeatures);
        registerParameter("weight", Init.parameter(weight));
        if (this.bias != null) {
            registerParameter("bias", Init.parameter(this.bias));
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.linear(input, weight, bias);
    }

    /** The {@code weight} parameter, {@code (out_features, in_features)}. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code bias} parameter, or null when created with {@code bias=false}. */
    public Tensor bias() {
        return bias;
    }

    /** {@code in_features}. */
    public int inFeatures() {
        return inFeatures;
    }

    /** {@code out_features}. */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias="
                + (bias != null ? "True" : "False");
    }
}
