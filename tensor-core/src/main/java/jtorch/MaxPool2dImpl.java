package jtorch;

/**
 * {@link nn.MaxPool2d}: the maximum of each window over {@code (N, C, H, W)} or
 * {@code (C, H, W)}. Each size is one value for both axes or one per axis (printed as given, an
 * int or a tuple, as PyTorch keeps it); the stride defaults to the kernel size.
 */
abstract class MaxPool2dImpl extends nn.Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    MaxPool2dImpl(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code forward} with {@code return_indices=True}: the pooled values and the index of each maximum in its plane. */
    public TensorList forwardWithIndices(Tensor input) {
        return nn.functional.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + asGiven(kernelSize) + ", stride=" + asGiven(stride) + ", padding=" + asGiven(padding)
                + ", dilation=" + asGiven(dilation) + ", ceil_mode=" + Reprs.bool(ceilMode);
    }

    private static String asGiven(int[] values) {
        return values.length == 1 ? Integer.toString(values[0]) : Reprs.tuple(values);
    }
}
