package jtorch;

/** {@link nn.MaxPool2d}: the maximum of each window over {@code (N, C, H, W)}. */
abstract class MaxPool2dImpl extends nn.Module {
    private final int kernelSize;
    private final int stride;
    private final int padding;

    MaxPool2dImpl(int kernelSize, int stride, int padding) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor input) {
        return nn.functional.maxPool2d(input, kernelSize, stride, padding);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding
                + ", dilation=1, ceil_mode=False";
    }
}
