package jtorch;

import jtorch.internal.format.PythonFloatFormat;

/**
 * {@link nn.BatchNorm1d} and {@link nn.BatchNorm2d}: normalizes each channel (dimension 1) with
 * batch statistics in training mode, running statistics in evaluation mode; learnable scale
 * and shift; buffers {@code running_mean}, {@code running_var}, {@code num_batches_tracked}.
 */
abstract class BatchNormImpl extends nn.Module {
    private final double eps;
    private final double momentum;
    private final int dims;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    BatchNormImpl(int numFeatures, double eps, double momentum, int dims) {
        this.eps = eps;
        this.momentum = momentum;
        this.dims = dims;
        weight = nn.Parameter(torch.ones(numFeatures));
        bias = nn.Parameter(torch.zeros(numFeatures));
        runningMean = torch.zeros(numFeatures);
        runningVar = torch.ones(numFeatures);
        numBatchesTracked = torch.zeros(new int[0], torch.int64);
        registerParameter("weight", weight);
        registerParameter("bias", bias);
        registerBuffer("running_mean", runningMean);
        registerBuffer("running_var", runningVar);
        registerBuffer("num_batches_tracked", numBatchesTracked);
    }

    @Override
    @SuppressWarnings("try")
    public Tensor forward(Tensor input) {
        if (input.dim() != dims && !(dims == 2 && input.dim() == 3)) {
            throw new IllegalArgumentException("expected " + (dims == 4 ? "4D" : "2D or 3D") + " input (got "
                    + input.dim() + "D input)");
        }
        if (training()) {
            try (GradMode ignored = GradMode.set(false)) {
                numBatchesTracked.add_(1);
            }
        }
        return nn.functional.batchNorm(input, runningMean, runningVar, weight, bias, training(), momentum, eps);
    }

    /** The {@code weight} (scale) parameter. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code bias} (shift) parameter. */
    public Tensor bias() {
        return bias;
    }

    /** The {@code running_mean} buffer. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The {@code running_var} buffer. */
    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public String extraRepr() {
        return weight.size(0) + ", eps=" + PythonFloatFormat.repr(eps) + ", momentum="
                + PythonFloatFormat.repr(momentum) + ", affine=True, track_running_stats=True";
    }
}
