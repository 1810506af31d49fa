package jtorch;

import jtorch.internal.format.PythonFloatFormat;

/**
 * {@link nn.LayerNorm}: normalizes over the trailing {@code normalized_shape} dimensions, then a
 * learnable elementwise scale and shift.
 */
abstract class LayerNormImpl extends nn.Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    LayerNormImpl(int[] normalizedShape, double eps) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = nn.Parameter(torch.ones(normalizedShape));
        bias = nn.Parameter(torch.zeros(normalizedShape));
        registerParameter("weight", weight);
        registerParameter("bias", bias);
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    @Override
    public String extraRepr() {
        return torch.Size(normalizedShape).toString().replace("torch.Size([", "(")
                .replace("])", normalizedShape.length == 1 ? ",)" : ")") + ", eps=" + PythonFloatFormat.repr(eps)
                + ", elementwise_affine=True";
    }
}
