package jtorch;

/**
 * {@link nn.Conv2d}: a 2-d convolution over {@code (N, C, H, W)} or {@code (C, H, W)} with
 * PyTorch's initialisation ({@code kaiming_uniform_(weight, a=sqrt(5))}, bias uniform in
 * {@code ±1/sqrt(fan_in)}, {@code fan_in = in_channels / groups * kh * kw}) and PyTorch's repr.
 *
 * <p>Invariants: {@code weight} is {@code (out_channels, in_channels / groups, kh, kw)};
 * {@code bias} is {@code (out_channels)} or null; {@code padding} is null exactly when
 * {@code paddingMode} ({@code "same"} or {@code "valid"}) is not.
 */
abstract class Conv2dImpl extends nn.Module {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final String paddingString;
    private final int[] dilation;
    private final int groups;
    private final Tensor weight;
    private final Tensor bias;

    /** {@code padding} is an int[] (one value or one per axis) or the string {@code "same"} / {@code "valid"}. */
    Conv2dImpl(int inChannels, int outChannels, int[] kernelSize, int[] stride, Object padding, int[] dilation,
               int groups, boolean bias) {
        if (groups <= 0) {
            throw new IllegalArgumentException("groups must be a positive integer");
        }
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException("in_channels must be divisible by groups");
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("out_channels must be divisible by groups");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = Reprs.pair(kernelSize, "kernel_size");
        this.stride = Reprs.pair(stride, "stride");
        this.dilation = Reprs.pair(dilation, "dilation");
        this.groups = groups;
        if (padding instanceof String mode) {
            if (!mode.equals("same") && !mode.equals("valid")) {
                throw new IllegalArgumentException("Invalid padding string '" + mode + "', should be one of"
                        + " {'valid', 'same'}");
            }
            if (mode.equals("same") && (this.stride[0] != 1 || this.stride[1] != 1)) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
            this.paddingString = mode;
            this.padding = null;
        } else {
            this.paddingString = null;
            this.padding = Reprs.pair((int[]) padding, "padding");
        }
        this.weight = torch.empty(outChannels, inChannels / groups, this.kernelSize[0], this.kernelSize[1]);
        this.bias = bias ? torch.empty(outChannels) : null;
        Init.kaimingUniform(weight, this.bias, inChannels / groups * this.kernelSize[0] * this.kernelSize[1]);
        registerParameter("weight", Init.parameter(weight));
        if (this.bias != null) {
            registerParameter("bias", Init.parameter(this.bias));
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return paddingString != null
                ? nn.functional.conv2d(input, weight, bias, stride, paddingString, dilation, groups)
                : nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** The {@code weight} parameter, {@code (out_channels, in_channels / groups, kh, kw)}. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code bias} parameter, or null when created with {@code bias=false}. */
    public Tensor bias() {
        return bias;
    }

    /** {@code in_channels}. */
    public int inChannels() {
        return inChannels;
    }

    /** {@code out_channels}. */
    public int outChannels() {
        return outChannels;
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(Reprs.tuple(kernelSize)).append(", stride=").append(Reprs.tuple(stride));
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(Reprs.tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(Reprs.tuple(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }
}
