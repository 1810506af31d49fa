package jtorch;

/**
 * PyTorch's default initialisation of the layers' parameters ({@code reset_parameters()}),
 * drawing from the generator {@code torch.manualSeed} seeds, in PyTorch's order and arithmetic,
 * so a seeded model starts with PyTorch's values.
 */
final class Init {
    private Init() {}

    /**
     * A linear or convolution layer: {@code kaiming_uniform_(weight, a=sqrt(5))}, then the bias
     * uniform in {@code ±1/sqrt(fan_in)}, drawing in that order.
     */
    @SuppressWarnings("try")
    static void kaimingUniform(Tensor weight, Tensor bias, int fanIn) {
        try (GradMode ignored = GradMode.set(false)) {
            double a = Math.sqrt(5);
            double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
            double std = gain / Math.sqrt(fanIn);
            double bound = Math.sqrt(3.0) * std;
            weight.uniform_(-bound, bound);
            if (bias != null) {
                double b = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
                bias.uniform_(-b, b);
            }
        }
    }

    /** A new parameter holding {@code values} (a fresh tensor), as a module registers it. */
    static Tensor parameter(Tensor values) {
        return values.requiresGrad_().markParameter();
    }
}
