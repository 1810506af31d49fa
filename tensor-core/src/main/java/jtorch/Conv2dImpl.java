package jtorch;

/**
 * {@link nn.Conv2d}: a 2-d convolution over {@code (N, C, H, W)} with PyTorch's initialisation.
 *
 * <p>Invariant: {@code weight} is {@code (out_channels, in_channels, k, k)}, {@code bias}
 * {@code (out_channels)}.
 */
abstract class Conv2dImpl extends nn.Module {
    private final int stride;
    private final int padding;
    private final Tensor weight;
    private final Tensor bias;

    Conv2dImpl(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this.stride = stride;
        this.padding = padding;
        weight = torch.empty(new int[] {outChannels, inChannels, kernelSize, kernelSize});
        bias = torch.empty(outChannels);
        Init.kaimingUniform(weight, bias, inChannels * kernelSize * kernelSize);
        registerParameter("weight", Init.parameter(weight));
        registerParameter("bias", Init.parameter(bias));
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.conv2d(input, weight, bias, stride, padding);
    }

    /** The {@code weight} parameter, {@code (out, in, k, k)}. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code bias} parameter. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public String extraRepr() {
        int k = weight.size(2);
        return weight.size(1) + ", " + weight.size(0) + ", kernel_size=(" + k + ", " + k + "), stride=(" + stride
                + ", " + stride + ")" + (padding == 0 ? "" : ", padding=(" + padding + ", " + padding + ")");
    }
}
