package jtorch;

import jtorch.internal.format.PythonFloatFormat;

/**
 * {@link nn.BatchNorm1d} and {@link nn.BatchNorm2d}, as PyTorch's {@code _BatchNorm}: normalizes
 * each channel (dimension 1) with the batch's statistics in training mode and the running
 * statistics in evaluation mode; optional learnable scale and shift ({@code affine}); buffers
 * {@code running_mean}, {@code running_var} and {@code num_batches_tracked}
 * ({@code track_running_stats}), updated by every training forward with {@code momentum}, or
 * with the cumulative average {@code 1 / num_batches_tracked} when the momentum is null.
 *
 * <p>Invariant: weight and bias are both null or both {@code (num_features)}; the three buffers
 * are all null or all present.
 */
abstract class BatchNormImpl extends nn.Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final int[] inputDims;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    /** {@code inputDims}: the input ranks this module accepts (2 or 3 for 1d, 4 for 2d). */
    BatchNormImpl(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats,
                  int... inputDims) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.inputDims = inputDims.clone();
        weight = affine ? nn.Parameter(torch.ones(numFeatures)) : null;
        bias = affine ? nn.Parameter(torch.zeros(numFeatures)) : null;
        runningMean = trackRunningStats ? torch.zeros(numFeatures) : null;
        runningVar = trackRunningStats ? torch.ones(numFeatures) : null;
        numBatchesTracked = trackRunningStats ? torch.tensor(0L) : null;
        registerParameter("weight", weight);
        registerParameter("bias", bias);
        registerBuffer("running_mean", runningMean);
        registerBuffer("running_var", runningVar);
        registerBuffer("num_batches_tracked", numBatchesTracked);
    }

    @Override
    @SuppressWarnings("try")
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        if (training() && numBatchesTracked != null) {
            try (GradMode ignored = GradMode.set(false)) {
                numBatchesTracked.add_(1);
            }
            if (momentum == null) {
                factor = 1.0 / ((Number) numBatchesTracked.item()).doubleValue();
            }
        }
        boolean useBatchStats = training() || runningMean == null;
        return nn.functional.batchNorm(input, runningMean, runningVar, weight, bias, useBatchStats, factor, eps);
    }

    private void checkInputDim(Tensor input) {
        for (int d : inputDims) {
            if (input.dim() == d) {
                return;
            }
        }
        String expected = inputDims.length == 1 ? inputDims[0] + "D" : inputDims[0] + "D or " + inputDims[1] + "D";
        throw new IllegalArgumentException("expected " + expected + " input (got " + input.dim() + "D input)");
    }

    /** The {@code weight} (scale) parameter, or null when {@code affine=false}. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code bias} (shift) parameter, or null when {@code affine=false}. */
    public Tensor bias() {
        return bias;
    }

    /** The {@code running_mean} buffer, or null when {@code track_running_stats=false}. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The {@code running_var} buffer, or null when {@code track_running_stats=false}. */
    public Tensor runningVar() {
        return runningVar;
    }

    /** The {@code num_batches_tracked} buffer, or null when {@code track_running_stats=false}. */
    public Tensor numBatchesTracked() {
        return numBatchesTracked;
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + PythonFloatFormat.repr(eps) + ", momentum="
                + (momentum == null ? "None" : PythonFloatFormat.repr(momentum)) + ", affine=" + Reprs.bool(weight != null)
                + ", track_running_stats=" + Reprs.bool(runningMean != null);
    }
}
