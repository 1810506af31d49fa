package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.Operand.input;
import static jtorch.internal.autograd.FormulaNode.formula;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.kernels.BatchNormKernel;
import jtorch.internal.kernels.CascadeSum;
import jtorch.internal.kernels.LayerNormBackward;
import jtorch.internal.kernels.LayerNormKernel;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.BufferStorage;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code F.batch_norm} and {@code F.layer_norm} as PyTorch 1.13's native ops (backward nodes
 * {@code NativeBatchNormBackward0} and {@code NativeLayerNormBackward0}, each with formulas for
 * the input, weight and bias), computed by {@link BatchNormKernel} and {@link LayerNormKernel}
 * to PyTorch's float32 rounding: float32 operands read and written as float arrays where the
 * kernels have a float twin, other types through float64 arrays. The batch statistics a forward
 * pass computes (mean and inverse standard deviation) are captured for its backward, as PyTorch
 * saves them; batch norm updates the running statistics in place.
 */
public final class Normalization {
    private Normalization() {}

    /**
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}
     * over dimension 1 of an {@code (N, C, *)} input; the running statistics may be null only in
     * training.
     */
    public static TensorImpl batchNorm(TensorImpl input, TensorImpl runningMean, TensorImpl runningVar,
                                       TensorImpl weight, TensorImpl bias, boolean training, double momentum,
                                       double eps) {
        int channels = input.dim() > 1 ? input.sizes()[1] : 0;
        if (training) {
            long count = input.numel() / Math.max(1, channels);
            if (count == 1 && input.numel() > 0) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input"
                        + " size torch.Size(" + Arrays.toString(input.sizes()) + ")");
            }
        } else if (runningMean == null) {
            throw new IllegalArgumentException("running_mean must be defined in evaluation mode");
        }
        for (String name : new String[] {"running_mean", "running_var"}) {
            TensorImpl stat = name.equals("running_mean") ? runningMean : runningVar;
            if (stat != null && stat.requiresGrad() && GradEnabled.isEnabled()) {
                throw new IllegalArgumentException("The function 'native_batch_norm' is not differentiable with respect"
                        + " to argument '" + name + "'. This input cannot have requires_grad True.");
            }
        }
        checkChannels("running_mean", runningMean, channels);
        checkChannels("running_var", runningVar, channels);
        checkChannels("weight", weight, channels);
        checkChannels("bias", bias, channels);
        DType type = input.dtype();
        if (!type.isFloatingPoint() || type == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"batch_norm\" not implemented for '" + type.scalarName() + "'");
        }
        for (TensorImpl t : new TensorImpl[] {runningMean, runningVar, weight, bias}) {
            if (t != null && t.dtype() != type && type != DType.BFLOAT16) {
                throw new IllegalArgumentException("mixed dtype (CPU): expect input to have scalar type of BFloat16");
            }
        }
        boolean single = type != DType.FLOAT64;
        BatchNormKernel.Shape shape = new BatchNormKernel.Shape(input.sizes()[0], channels,
                channels == 0 ? 0 : input.numel() / Math.max(1, input.sizes()[0] * channels));
        // float32 is read and written as it lies; other types through double arrays
        float[] xf = type == DType.FLOAT32 ? floats(input) : null;
        double[] x = xf == null ? values(input) : null;
        IntToDoubleFunction read = xf != null ? new CascadeSum.FloatArray(xf, 0) : k -> x[k];
        double[] w = weight == null ? null : values(weight);
        double[] mean;
        double[] invstd;
        if (training) {
            BatchNormKernel.Moments moments = BatchNormKernel.moments(read, shape, single);
            double[] rm = runningMean == null ? null : values(runningMean);
            double[] rv = runningVar == null ? null : values(runningVar);
            invstd = BatchNormKernel.updateStats(moments, shape, rm, rv, momentum, eps, single);
            mean = moments.mean();
            writeBack(runningMean, rm);
            writeBack(runningVar, rv);
        } else {
            mean = values(runningMean);
            invstd = BatchNormKernel.evalInvstd(values(runningVar), eps, single);
        }
        double[] b = bias == null ? null : values(bias);
        TensorImpl out;
        if (xf != null) {
            float[] y = new float[input.numel()];
            BatchNormKernel.normalize(xf, shape, mean, invstd, w, b, y);
            out = new TensorImpl(BufferStorage.of(y), Layout.contiguous(input.sizes().clone()), null);
        } else {
            double[] y = new double[input.numel()];
            BatchNormKernel.normalize(x, shape, mean, invstd, w, b, single, y);
            out = fromValues(y, input.sizes(), type);
        }
        TensorImpl[] inputs = {input, weight, bias};
        BatchNormGrads grads = new BatchNormGrads(shape, mean, invstd, training);
        FormulaNode.Derivative[] derivatives = {
            weight == null ? formula((g, in) -> grads.of(g, null, in.self(), 0), SELF)
                    : formula((g, in) -> grads.of(g, in.input(1), in.self(), 0),
                            SELF, input(1)),
            formula((g, in) -> grads.of(g, null, in.self(), 1), SELF),
            formula((g, in) -> grads.of(g, null, null, 2)),
        };
        return FormulaNode.record(out, "NativeBatchNormBackward0", inputs, derivatives);
    }

    private static void checkChannels(String name, TensorImpl t, int channels) {
        if (t != null && t.numel() != channels) {
            throw new IllegalArgumentException(name + " should contain " + channels + " elements not " + t.numel());
        }
    }

    /**
     * The gradients of one batch norm: its three formulas (input, weight, bias) share one pass of
     * per-channel sums over the incoming gradient (PyTorch computes all three in one call), kept
     * for the gradient tensor it was computed from while that tensor is alive and unchanged.
     */
    private static final class BatchNormGrads {
        private final BatchNormKernel.Shape shape;
        private final double[] mean;
        private final double[] invstd;
        private final boolean training;
        private WeakReference<TensorImpl> summed = new WeakReference<>(null);
        private int summedVersion;
        private boolean summedInput;
        private BatchNormKernel.GradSums sums;

        BatchNormGrads(BatchNormKernel.Shape shape, double[] mean, double[] invstd, boolean training) {
            this.shape = shape;
            this.mean = mean;
            this.invstd = invstd;
            this.training = training;
        }

        /**
         * Gradient {@code which} (0 input, 1 weight, 2 bias) from the incoming gradient, the saved
         * input (not needed for the bias) and weight (only for the input's gradient); float32
         * tensors are read and written as float arrays.
         */
        TensorImpl of(TensorImpl g, TensorImpl weight, TensorImpl input, int which) {
            boolean single = g.dtype() != DType.FLOAT64;
            TensorImpl read = which == 2 ? null : input;
            Operands o = which == 0 ? Operands.of(g, read) : null;
            BatchNormKernel.GradSums s = sums(g, read, o, single);
            if (which != 0) {
                double[] perChannel = which == 1 ? BatchNormKernel.weightGrad(s, invstd, single)
                        : BatchNormKernel.biasGrad(s, single);
                return fromValues(perChannel, new int[] {shape.c()}, g.dtype());
            }
            double[] w = weight == null ? null : values(weight);
            if (o.dyf() != null) {
                float[] dx = new float[g.numel()];
                BatchNormKernel.inputGrad(o.dyf(), o.xf(), shape, mean, invstd, w, training, s, dx);
                return new TensorImpl(BufferStorage.of(dx), Layout.contiguous(g.sizes().clone()), null);
            }
            double[] dx = new double[g.numel()];
            BatchNormKernel.inputGrad(o.dyd(), o.xd(), shape, mean, invstd, w, training, single, s, dx);
            return fromValues(dx, g.sizes(), g.dtype());
        }

        /**
         * The sums over {@code g} (with the input's when {@code input} is given), computed once per
         * gradient; {@code given} holds the operands' values if the caller has them (read here only
         * when the sums are computed).
         */
        private synchronized BatchNormKernel.GradSums sums(TensorImpl g, TensorImpl input, Operands given,
                                                           boolean single) {
            if (summed.get() != g || summedVersion != g.storage().version() || (input != null && !summedInput)) {
                Operands o = given != null ? given : Operands.of(g, input);
                sums = BatchNormKernel.gradSums(o.dy(), o.x(), shape, mean, single);
                summed = new WeakReference<>(g);
                summedVersion = g.storage().version();
                summedInput = input != null;
            }
            return sums;
        }
    }

    /**
     * The values of a backward's incoming gradient and saved input (null if not needed): float
     * arrays when both are float32, else double arrays.
     */
    private record Operands(float[] dyf, float[] xf, double[] dyd, double[] xd) {
        static Operands of(TensorImpl g, TensorImpl input) {
            if (g.dtype() == DType.FLOAT32 && (input == null || input.dtype() == DType.FLOAT32)) {
                return new Operands(floats(g), input == null ? null : floats(input), null, null);
            }
            return new Operands(null, null, values(g), input == null ? null : values(input));
        }

        IntToDoubleFunction dy() {
            return dyf != null ? new CascadeSum.FloatArray(dyf, 0) : k -> dyd[k];
        }

        IntToDoubleFunction x() {
            if (xf != null) {
                return new CascadeSum.FloatArray(xf, 0);
            }
            return xd == null ? null : k -> xd[k];
        }
    }

    /**
     * {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}: normalizes over the last
     * {@code normalizedShape.length} dimensions, which must equal {@code normalizedShape}.
     */
    public static TensorImpl layerNorm(TensorImpl input, int[] normalizedShape, TensorImpl weight, TensorImpl bias,
                                       double eps) {
        int k = normalizedShape.length;
        int[] in = input.sizes();
        checkAffine("weight", weight, normalizedShape);
        checkAffine("bias", bias, normalizedShape);
        if (in.length < k || !Arrays.equals(Arrays.copyOfRange(in, in.length - k, in.length), normalizedShape)) {
            throw new IllegalArgumentException("Given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape [*, " + Arrays.toString(normalizedShape).replaceAll("^\\[|]$", "")
                    + "], but got input of size" + Arrays.toString(in));
        }
        DType type = input.dtype();
        if (!type.isFloatingPoint() || type == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"LayerNormKernelImpl\" not implemented for '" + type.scalarName()
                    + "'");
        }
        int n = 1;
        for (int s : normalizedShape) {
            n *= s;
        }
        int rows = n == 0 ? 0 : input.numel() / n;
        LayerNormKernel.RowStats stats;
        TensorImpl out;
        if (type == DType.FLOAT32) {
            // float32 is read and written as it lies; other types through double arrays
            float[] y = new float[input.numel()];
            stats = LayerNormKernel.forward(floats(input), rows, n, narrowed(weight), narrowed(bias), eps, y);
            out = new TensorImpl(BufferStorage.of(y), Layout.contiguous(in.clone()), null);
        } else {
            boolean single = type != DType.FLOAT64;
            double[] x = values(input);
            double[] y = new double[x.length];
            stats = LayerNormKernel.forward(x, rows, n, weight == null ? null : values(weight),
                    bias == null ? null : values(bias), eps, single, single ? 8 : 4, y);
            out = fromValues(y, in, type);
        }
        TensorImpl[] inputs = {input, weight, bias};
        LayerNormGrads grads = new LayerNormGrads(stats, n, normalizedShape.clone());
        FormulaNode.Derivative[] derivatives = {
            weight == null ? formula((g, node) -> grads.of(g, null, node.self(), 0), SELF)
                    : formula((g, node) -> grads.of(g, node.input(1), node.self(), 0), SELF, input(1)),
            formula((g, node) -> grads.of(g, null, node.self(), 1), SELF),
            formula((g, node) -> grads.of(g, null, null, 2)),
        };
        return FormulaNode.record(out, "NativeLayerNormBackward0", inputs, derivatives);
    }

    private static void checkAffine(String name, TensorImpl t, int[] normalizedShape) {
        if (t != null && !Arrays.equals(t.sizes(), normalizedShape)) {
            throw new IllegalArgumentException("Expected " + name + " to be of same shape as normalized_shape, but got "
                    + name + " of shape " + Arrays.toString(t.sizes()) + " and normalized_shape = "
                    + Arrays.toString(normalizedShape));
        }
    }

    /**
     * The gradients of one layer norm ({@code which}: 0 input, 1 weight, 2 bias) from the saved
     * input (not needed for the bias) and weight (only for the input's gradient). The weight's and
     * bias's gradients are sums over the rows computed in one pass, kept for the incoming gradient
     * tensor they were computed from while that tensor is alive and unchanged. float32 operands
     * are read and written as float arrays.
     */
    private static final class LayerNormGrads {
        private final LayerNormKernel.RowStats stats;
        private final int n;
        private final int[] normalizedShape;
        private WeakReference<TensorImpl> summed = new WeakReference<>(null);
        private int summedVersion;
        private double[] dgamma;
        private double[] dbeta;

        LayerNormGrads(LayerNormKernel.RowStats stats, int n, int[] normalizedShape) {
            this.stats = stats;
            this.n = n;
            this.normalizedShape = normalizedShape;
        }

        TensorImpl of(TensorImpl g, TensorImpl weight, TensorImpl input, int which) {
            if (which == 0) {
                return inputGrad(g, weight, input);
            }
            double[] grad = columnSums(g, which == 1 ? input : null)[which - 1];
            return fromValues(grad.clone(), normalizedShape, g.dtype());
        }

        private TensorImpl inputGrad(TensorImpl g, TensorImpl weight, TensorImpl input) {
            int rows = stats.mean().length;
            if (all(DType.FLOAT32, g, input, weight)) {
                float[] dx = new float[g.numel()];
                LayerNormBackward.inputGrad(floats(g), floats(input), rows, n, stats,
                        weight == null ? null : floats(weight), dx);
                return new TensorImpl(BufferStorage.of(dx), Layout.contiguous(g.sizes().clone()), null);
            }
            double[] dx = new double[g.numel()];
            double[] gamma = weight == null ? null : values(weight);
            if (all(DType.FLOAT64, g, input, weight)) {
                LayerNormBackward.inputGrad(values(g), values(input), rows, n, stats, gamma, dx);
            } else {
                LayerNormKernel.backwardBfloat16(values(g), values(input), rows, n, stats, gamma, dx, null, null);
            }
            return fromValues(dx, g.sizes(), g.dtype());
        }

        /**
         * {dgamma, dbeta} of {@code g}, dgamma only when {@code input} is given (null otherwise),
         * computed once per gradient.
         */
        private synchronized double[][] columnSums(TensorImpl g, TensorImpl input) {
            if (summed.get() != g || summedVersion != g.storage().version() || (input != null && dgamma == null)) {
                int rows = stats.mean().length;
                double[] gamma = input == null ? null : new double[n];
                double[] beta = new double[n];
                if (all(DType.FLOAT32, g, input)) {
                    float[] gammaf = input == null ? null : new float[n];
                    float[] betaf = new float[n];
                    LayerNormBackward.paramGrads(floats(g), input == null ? null : floats(input), rows, n, stats,
                            gammaf, betaf);
                    widen(gammaf, gamma);
                    widen(betaf, beta);
                } else if (all(DType.FLOAT64, g, input)) {
                    LayerNormBackward.paramGrads(values(g), input == null ? null : values(input), rows, n, stats,
                            gamma, beta);
                } else {
                    LayerNormKernel.backwardBfloat16(values(g), input == null ? null : values(input), rows, n, stats,
                            null, null, gamma, beta);
                }
                summed = new WeakReference<>(g);
                summedVersion = g.storage().version();
                dgamma = gamma;
                dbeta = beta;
            }
            return new double[][] {dgamma, dbeta};
        }

        private static boolean all(DType type, TensorImpl... tensors) {
            for (TensorImpl t : tensors) {
                if (t != null && t.dtype() != type) {
                    return false;
                }
            }
            return true;
        }

        private static void widen(float[] from, double[] to) {
            for (int j = 0; from != null && j < from.length; j++) {
                to[j] = from[j];
            }
        }
    }

    /** A tensor's values as floats (a float32 tensor's as {@link #floats}), or null for null. */
    private static float[] narrowed(TensorImpl t) {
        if (t == null) {
            return null;
        }
        if (t.dtype() == DType.FLOAT32) {
            return floats(t);
        }
        double[] v = values(t);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** A float32 tensor's values in row-major order: its own array when it lies so, else a copy. */
    private static float[] floats(TensorImpl t) {
        return (float[]) t.dense().storage().array();
    }

    /** A tensor's values in row-major order as doubles (exact for every floating dtype). */
    private static double[] values(TensorImpl t) {
        TensorImpl wide = t.dtype() == DType.FLOAT64 ? t : Conversions.to(t.detachAlias(), DType.FLOAT64);
        // to() keeps a transposed input's layout (preserve_format): read the values in logical order
        TensorImpl copy = wide != t && wide.isContiguous() && wide.offset() == 0 ? wide : wide.contiguousCopy();
        return (double[]) copy.storage().array();
    }

    /** Writes {@code values} into {@code target} in place (a running statistic), as its own dtype. */
    private static void writeBack(TensorImpl target, double[] values) {
        if (target != null) {
            StridedCopy.copyInto(target, fromValues(values, target.sizes(), DType.FLOAT64));
            target.storage().bumpVersion();
        }
    }

    private static TensorImpl fromValues(double[] values, int[] sizes, DType type) {
        TensorImpl t = new TensorImpl(BufferStorage.of(values), Layout.contiguous(sizes.clone()), null);
        return Conversions.to(t, type);
    }
}
