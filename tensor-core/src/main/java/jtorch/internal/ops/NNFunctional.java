package jtorch.internal.ops;

import jtorch.internal.kernels.Kernels.BinaryOp;
import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.Parallel;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

import static jtorch.internal.autograd.FormulaNode.Operand.OTHER;
import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.Operand.input;
import static jtorch.internal.autograd.FormulaNode.formula;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.neg;
import static jtorch.internal.ops.Arithmetic.sub;

/**
 * The differentiable ops behind {@code torch.nn.functional}: softmax, log-softmax, the negative
 * log-likelihood and mean-squared-error losses and {@code addmm} (a linear layer's product plus
 * bias), each forward with its backward node named as in PyTorch 1.13. Cross-entropy is
 * {@code nll_loss(log_softmax(x))}, as PyTorch composes it.
 *
 * <p>Softmax and log-softmax reduce along one dimension of a dense copy of the input: with
 * {@code outer} the product of the sizes before {@code dim}, {@code n} the size of {@code dim}
 * and {@code inner} the product after it, element {@code (o, k, i)} sits at
 * {@code (o * n + k) * inner + i}. They round as PyTorch's CPU kernels do (see
 * {@link #normalize}), which shows in printed results: {@code log_softmax([0., 10.])} is
 * {@code -4.5418e-05} there, not the exact {@code -4.5399e-05}.
 */
public final class NNFunctional {
    private NNFunctional() {}

    /** {@code ignore_index} of the losses: targets equal to it count nowhere. */
    public static final long IGNORE_INDEX = -100;

    /** {@code reduction=} of the losses. */
    public enum Reduction {
        NONE, MEAN, SUM;

        public static Reduction of(String name) {
            switch (name) {
                case "none": return NONE;
                case "mean": return MEAN;
                case "sum": return SUM;
                default: throw new IllegalArgumentException(name + " is not a valid value for reduction");
            }
        }
    }

    /** Exponentials normalised along {@code dim}, shifted by the maximum so large inputs cannot overflow. */
    /** Softmax along {@code dim}; {@code grad_input = y * (grad - sum(grad * y, dim))}. */
    public static TensorImpl softmax(TensorImpl self, int dim) {
        int d = Shapes.wrapDim(dim, Math.max(self.dim(), 1));
        checkFloating(self, d, "softmax");
        return FormulaNode.record(normalize(self, d, false), "SoftmaxBackward0", self, formula((g, in) -> {
            TensorImpl y = in.result();
            return y.dim() == 0 ? Creation.zerosLike(g)
                    : mul(sub(g, Reductions.sum(mul(g, y), new int[] {d}, true, null)), y);
        }, RESULT));
    }

    /** {@code x - max - log(sum(exp(x - max)))} along {@code dim}. */
    /** Log-softmax along {@code dim}; {@code grad_input = grad - exp(y) * sum(grad, dim)}. */
    public static TensorImpl logSoftmax(TensorImpl self, int dim) {
        int d = Shapes.wrapDim(dim, Math.max(self.dim(), 1));
        checkFloating(self, d, "log_softmax");
        return FormulaNode.record(normalize(self, d, true), "LogSoftmaxBackward0", self,
                formula((g, in) -> logSoftmaxBackward(g, in.result(), d), RESULT));
    }

    /**
     * {@code grad - exp(y) * sum(grad, dim)}. Without a graph to record, float32 along a
     * contiguous last dimension fuses the product and the difference into one pass (the same
     * exp, row sums and float roundings as the composed ops, so the same bits).
     */
    private static TensorImpl logSoftmaxBackward(TensorImpl g, TensorImpl y, int d) {
        if (y.dim() == 0) {
            return Creation.zerosLike(g);
        }
        TensorImpl e = Pointwise.exp(y);
        TensorImpl sums = Reductions.sum(g, new int[] {d}, true, null);
        if (GradEnabled.isEnabled() || g.dtype() != DType.FLOAT32 || y.dtype() != DType.FLOAT32
                || d != y.dim() - 1 || !g.isContiguous() || !g.layout().sameSizes(y.layout())
                || g.storage().array() == null) {
            return sub(g, mul(e, sums));
        }
        TensorImpl out = TensorImpl.allocate(DType.FLOAT32, g.sizes().clone());
        int n = y.sizes()[d];
        Kernels.logSoftmaxGrad((float[]) g.storage().array(), g.storage().base + g.offset(),
                (float[]) e.storage().array(), (float[]) sums.storage().array(), (float[]) out.storage().array(),
                out.numel() / Math.max(n, 1), n);
        return out;
    }

    /**
     * PyTorch 1.13's CPU (log-)softmax kernels exist for float32, float64 and bfloat16; along
     * another than the last dimension softmax and log-softmax share one kernel name.
     */
    private static void checkFloating(TensorImpl self, int dim, String op) {
        if (!self.dtype().isFloatingPoint() || self.dtype() == DType.FLOAT16) {
            boolean last = self.dim() == 0 || dim == self.dim() - 1;
            throw new UnsupportedOperationException("\"" + (last ? op + "_lastdim" : "softmax") + "_kernel_impl\" not"
                    + " implemented for '" + self.dtype().scalarName() + "'");
        }
    }

    /** Vector lanes of PyTorch's float reductions along the last dimension (AVX2: 8 floats). */
    private static final int LANES = 8;

    /**
     * Softmax (or log-softmax) of a floating tensor along {@code dim}. float64 computes in double.
     * Other dtypes follow PyTorch's float kernels step by step, each intermediate rounded to float:
     * {@code s = x - max}, {@code e = exp(s)}, their sum, then {@code s - log(sum)}, or {@code e *
     * (1 / sum)} (last dimension, {@link #lastDim}) or {@code e / sum} (along another dimension,
     * the sum in order).
     */
    private static TensorImpl normalize(TensorImpl self, int dim, boolean log) {
        TensorImpl out = TensorImpl.allocate(self.dtype(), self.sizes().clone());
        if (out.numel() == 0) {
            return out;
        }
        TensorImpl in = self.dense();
        int n = self.dim() == 0 ? 1 : self.sizes()[dim];
        int inner = 1;
        for (int i = dim + 1; i < self.dim(); i++) {
            inner *= self.sizes()[i];
        }
        int outer = out.numel() / (n * inner);
        boolean single = self.dtype() != DType.FLOAT64;
        Rows rows = new Rows(in, out);
        if (single && inner == 1) {
            lastDim(rows, outer, n, log);
            return out;
        }
        double[] shifted = new double[n];
        double[] exps = new double[n];
        for (int o = 0; o < outer; o++) {
            Cancellation.check();
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    shifted[k] = rows.get(base + k * inner);
                    max = Math.max(max, shifted[k]);
                }
                if (Double.isInfinite(max)) {
                    max = 0;
                }
                for (int k = 0; k < n; k++) {
                    shifted[k] = round(single, shifted[k] - max);
                    exps[k] = round(single, Math.exp(shifted[k]));
                }
                double sum = orderedSum(single, exps, n);
                if (log) {
                    double logSum = round(single, Math.log(sum));
                    for (int k = 0; k < n; k++) {
                        rows.set(base + k * inner, shifted[k] - logSum);
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        rows.set(base + k * inner, exps[k] / sum);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Rows of {@code n} contiguous elements, as PyTorch's vectorised float kernels for the last
     * dimension compute them: the shift {@code s = x - max} in float, {@code exp} as its vector
     * code ({@link Kernels#unary} with {@code EXP}: SLEEF's, bit for bit), the sum in vector lanes
     * ({@link #laneSum}), then {@code s - log(sum)} or {@code e * (1 / sum)}. Rows are split over
     * {@link Parallel}'s threads, each with its own row buffers.
     */
    private static void lastDim(Rows rows, int outer, int n, boolean log) {
        Parallel.forRange(outer, (long) outer * n * ROW_ELEMENT_WORK, (from, to) -> {
            float[] shifted = new float[n];
            float[] exps = new float[n];
            for (int o = from; o < to; o++) {
                Cancellation.check();
                rows.read(o * n, shifted, n);
                float max = n == 0 ? 0 : Kernels.extreme(shifted, 0, n, true);
                if (Float.isInfinite(max)) {
                    max = 0;
                }
                for (int k = 0; k < n; k++) {
                    shifted[k] -= max;
                }
                Kernels.unary(UnaryOp.EXP, shifted, 0, exps, 0, n);
                float sum = laneSum(exps, n);
                // the results replace the exponentials
                if (log) {
                    float logSum = (float) Math.log(sum);
                    for (int k = 0; k < n; k++) {
                        exps[k] = shifted[k] - logSum;
                    }
                } else {
                    float scale = 1 / sum;
                    for (int k = 0; k < n; k++) {
                        exps[k] *= scale;
                    }
                }
                rows.write(o * n, exps, n);
            }
        });
    }

    /** {@link Parallel#forRange}'s work for an element of {@link #lastDim}, in elements of a vector kernel. */
    private static final int ROW_ELEMENT_WORK = 4;

    /**
     * Reads the dense input and writes the fresh output of {@link #normalize}, through their
     * float arrays when they have them (float32), else through the storages.
     */
    private static final class Rows {
        private final TensorImpl in;
        private final TensorImpl out;
        private final float[] x;
        private final float[] y;

        Rows(TensorImpl in, TensorImpl out) {
            this.in = in;
            this.out = out;
            this.x = in.storage().array() instanceof float[] f ? f : null;
            this.y = out.storage().array() instanceof float[] f ? f : null;
        }

        double get(int i) {
            return x != null ? x[in.storage().base + i] : in.storage().getDouble(i);
        }

        /** Elements {@code [at, at + n)} into {@code dst} as floats. */
        void read(int at, float[] dst, int n) {
            if (x != null) {
                System.arraycopy(x, in.storage().base + at, dst, 0, n);
            } else {
                for (int k = 0; k < n; k++) {
                    dst[k] = (float) in.storage().getDouble(at + k);
                }
            }
        }

        /** {@code src[0..n)} into elements {@code [at, at + n)}. */
        void write(int at, float[] src, int n) {
            if (y != null) {
                System.arraycopy(src, 0, y, out.storage().base + at, n);
            } else {
                for (int k = 0; k < n; k++) {
                    out.storage().setDouble(at + k, src[k]);
                }
            }
        }

        void set(int i, double v) {
            if (y != null) {
                y[out.storage().base + i] = (float) v;
            } else {
                out.storage().setDouble(i, v);
            }
        }
    }

    private static double round(boolean single, double v) {
        return single ? (float) v : v;
    }

    /** The sum of {@code v[0..n)} in order, each partial sum rounded to float when {@code single}. */
    private static double orderedSum(boolean single, double[] v, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum = round(single, sum + v[k]);
        }
        return sum;
    }

    /**
     * The float sum of {@code v[0..n)} as PyTorch's vectorised reduction forms it: fewer than
     * {@value #LANES} values in order; else {@value #LANES} lane accumulators (the tail added to
     * the first lanes), then halves added pairwise: {@code ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7))}.
     */
    private static float laneSum(float[] v, int n) {
        if (n < LANES) {
            float sum = 0;
            for (int k = 0; k < n; k++) {
                sum += v[k];
            }
            return sum;
        }
        // the lanes in locals: eight independent chains of additions (in an array, a store and a load each)
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float a4 = 0;
        float a5 = 0;
        float a6 = 0;
        float a7 = 0;
        int k = 0;
        for (; k + LANES <= n; k += LANES) {
            a0 += v[k];
            a1 += v[k + 1];
            a2 += v[k + 2];
            a3 += v[k + 3];
            a4 += v[k + 4];
            a5 += v[k + 5];
            a6 += v[k + 6];
            a7 += v[k + 7];
        }
        // the partial last vector into the first lanes
        int r = n - k;
        a0 += r > 0 ? v[k] : 0;
        a1 += r > 1 ? v[k + 1] : 0;
        a2 += r > 2 ? v[k + 2] : 0;
        a3 += r > 3 ? v[k + 3] : 0;
        a4 += r > 4 ? v[k + 4] : 0;
        a5 += r > 5 ? v[k + 5] : 0;
        a6 += r > 6 ? v[k + 6] : 0;
        return ((a0 + a4) + (a2 + a6)) + ((a1 + a5) + (a3 + a7));
    }

    /**
     * {@code nll_loss(input, target)}: input {@code (N, C)} log-probabilities with int64 targets
     * {@code (N)}, or {@code (C)} with a 0-d target; {@code ignoreIndex} targets count nowhere.
     */
    public static TensorImpl nllLoss(TensorImpl input, TensorImpl target, Reduction reduction, long ignoreIndex) {
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarName());
        }
        if (input.dim() < 1 || input.dim() > 2) {
            throw new IllegalArgumentException("input tensor should be 1D or 2D");
        }
        boolean batched = input.dim() == 2;
        if (batched ? target.dim() != 1 : target.dim() != 0) {
            if (batched && target.dim() > 1) {
                throw new IllegalArgumentException("Expected input batch_size (" + input.sizes()[0]
                        + ") to match target batch_size (" + target.sizes()[0] + ").");
            }
            throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
        }
        int rows = batched ? input.sizes()[0] : 1;
        int classes = input.sizes()[input.dim() - 1];
        if (batched && target.sizes()[0] != rows) {
            throw new IllegalArgumentException("Expected input batch_size (" + rows
                    + ") to match target batch_size (" + target.sizes()[0] + ").");
        }
        long[] labels = new long[rows];
        int counted = 0;
        for (int r = 0; r < rows; r++) {
            labels[r] = target.getLong(r);
            if (labels[r] == ignoreIndex) {
                continue;
            }
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IndexOutOfBoundsException("Target " + labels[r] + " is out of bounds.");
            }
            counted++;
        }
        int[] shape = reduction == Reduction.NONE && batched ? new int[] {rows} : new int[0];
        TensorImpl out = TensorImpl.allocate(input.dtype(), shape);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double loss = labels[r] == ignoreIndex ? 0 : -input.getDouble(r * classes + (int) labels[r]);
            if (reduction == Reduction.NONE) {
                out.storage().setDouble(r, loss);
            }
            total += loss;
        }
        if (reduction != Reduction.NONE) {
            out.storage().setDouble(0, reduction == Reduction.MEAN ? total / counted : total);
        }
        // grad_input[r, target[r]] = -grad / count (mean), -grad (sum) or -grad[r] (none)
        int[] sizes = input.sizes();
        DType type = input.dtype();
        double scale = reduction == Reduction.MEAN ? 1.0 / counted : 1.0;
        return FormulaNode.record(out, "NllLossBackward0", input, formula((g, in) -> {
            TensorImpl gradInput = TensorImpl.allocate(type, sizes.clone());
            for (int r = 0; r < rows; r++) {
                if (labels[r] != ignoreIndex) {
                    double v = reduction == Reduction.NONE && g.dim() > 0 ? g.getDouble(r) : g.getDouble(0);
                    gradInput.storage().setDouble(r * classes + (int) labels[r], -v * scale);
                }
            }
            return gradInput;
        }));
    }

    /** {@code mse_loss(input, target)}: {@code (input - target)^2}, reduced; the operands broadcast. */
    public static TensorImpl mseLoss(TensorImpl input, TensorImpl target, Reduction reduction) {
        DType type = Promotion.resultType(input, target);
        if (!type.isFloatingPoint() || type == DType.BFLOAT16) {
            throw new UnsupportedOperationException("\"mse_cpu\" not implemented for '" + type.scalarName() + "'");
        }
        TensorImpl out = GradEnabled.without(() -> {
            TensorImpl diff = sub(input, target);
            TensorImpl squared = mul(diff, diff);
            return reduction == Reduction.NONE ? squared
                    : reduction == Reduction.MEAN ? Reductions.mean(squared, null, false, null)
                    : Reductions.sum(squared, null, false, null);
        });
        // input: 2 (input - target) grad / count; target: the negation
        FormulaNode.Formula dInput = (g, in) -> {
            TensorImpl diff = sub(in.self(), in.other());
            double scale = reduction == Reduction.MEAN ? 2.0 / Math.max(diff.numel(), 1) : 2.0;
            return mul(mul(diff, g), scale);
        };
        return FormulaNode.record(out, "MseLossBackward0", input, target,
                formula(dInput, SELF, OTHER),
                formula((g, in) -> neg(dInput.apply(g, in)), SELF, OTHER));
    }

    /**
     * {@code addmm(bias, mat1, mat2)}: {@code bias + mat1 @ mat2}, a linear layer on a batch.
     * Gradients: bias, the incoming one summed to its shape; mat1, {@code grad @ mat2^T}; mat2,
     * {@code mat1^T @ grad}, computed as {@code (grad^T @ mat1)^T} when mat2 is a transposed
     * contiguous matrix (a linear layer's {@code weight.t()}), so the weight's gradient arrives
     * contiguous.
     */
    public static TensorImpl addmm(TensorImpl bias, TensorImpl mat1, TensorImpl mat2) {
        TensorImpl out = GradEnabled.without(() -> Linalg.mm(mat1, mat2));
        if (bias.dtype() != out.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + out.dtype().scalarName() + " but found "
                    + bias.dtype().scalarName());
        }
        GradEnabled.without(() -> Arithmetic.inplace(out, bias, BinaryOp.ADD));
        boolean mat2Transposed = mat2.strides()[0] == 1 && mat2.strides()[1] == mat2.sizes()[0] && mat2.sizes()[0] > 1;
        return FormulaNode.record(out, "AddmmBackward0", new TensorImpl[] {bias, mat1, mat2},
                new FormulaNode.Derivative[] {
                    formula((g, in) -> g),
                    formula((g, in) -> Linalg.mm(g, Views.t(in.input(2))), input(2)),
                    formula((g, in) -> mat2Transposed ? Views.t(Linalg.mm(Views.t(g), in.input(1)))
                            : Linalg.mm(Views.t(in.input(1)), g), input(1)),
                });
    }

    /** {@code F.linear(input, weight, bias)}: {@code input @ weight^T + bias} (bias may be null). */
    public static TensorImpl linear(TensorImpl input, TensorImpl weight, TensorImpl bias) {
        if (input.dim() == 2 && bias != null) {
            return addmm(bias, input, Views.t(weight));
        }
        TensorImpl out = Linalg.matmul(input, Views.t(weight));
        return bias == null ? out : Arithmetic.add(out, bias);
    }

    /**
     * {@code F.cross_entropy(input, target, reduction=...)}: input {@code (N, C)}, {@code (C)} or
     * {@code (N, C, d1, ...)}; target int64 class indices ({@link #IGNORE_INDEX} ignored), or
     * probabilities shaped like the input.
     */
    public static TensorImpl crossEntropy(TensorImpl input, TensorImpl target, Reduction r) {
        int classDim = input.dim() == 1 ? 0 : 1;
        if (input.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [-1, 0], but"
                    + " got 1)");
        }
        TensorImpl logp = logSoftmax(input, classDim);
        if (target.dtype().isFloatingPoint() && target.layout().sameSizes(input.layout())) {
            TensorImpl perSample = neg(Reductions.sum(mul(logp, target), new int[] {classDim}, false, null));
            if (r == Reduction.NONE) {
                return perSample;
            }
            TensorImpl total = Reductions.sum(perSample, null, false, null);
            return r == Reduction.SUM ? total : Arithmetic.div(total, input.numel() / input.sizes()[classDim]);
        }
        if (input.dim() <= 2) {
            return nllLoss(logp, target, r, IGNORE_INDEX);
        }
        int classes = input.sizes()[1];
        int[] perm = new int[input.dim()];
        for (int i = 0, j = 0; i < perm.length; i++) {
            if (i != 1) {
                perm[j++] = i;
            }
        }
        perm[perm.length - 1] = 1;
        if (target.dim() != input.dim() - 1) {
            int[] expected = new int[input.dim() - 1];
            for (int i = 0, j = 0; i < input.dim(); i++) {
                if (i != 1) {
                    expected[j++] = input.sizes()[i];
                }
            }
            throw new IllegalArgumentException("Expected target size " + java.util.Arrays.toString(expected)
                    + ", got " + java.util.Arrays.toString(target.sizes()));
        }
        TensorImpl flat = Views.reshape(Views.permute(logp, perm), -1, classes);
        TensorImpl loss = nllLoss(flat, Views.reshape(target, -1), r, IGNORE_INDEX);
        return r == Reduction.NONE ? Views.view(loss, target.sizes()) : loss;
    }

    /** {@code one_hot(tensor, num_classes)}: int64 indicators with a new last dimension (not differentiable). */
    public static TensorImpl oneHot(TensorImpl self, int numClasses) {
        if (self.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor.");
        }
        int n = self.numel();
        long max = -1;
        for (int i = 0; i < n; i++) {
            long v = self.getLong(i);
            if (v < 0) {
                throw new IllegalArgumentException("Class values must be non-negative.");
            }
            max = Math.max(max, v);
        }
        int classes = numClasses < 0 ? (int) max + 1 : numClasses;
        if (max >= classes) {
            throw new IllegalArgumentException("Class values must be smaller than num_classes.");
        }
        int[] shape = java.util.Arrays.copyOf(self.sizes(), self.dim() + 1);
        shape[self.dim()] = classes;
        TensorImpl out = TensorImpl.allocate(DType.INT64, shape);
        for (int i = 0; i < n; i++) {
            out.storage().setLong(i * classes + (int) self.getLong(i), 1);
        }
        return out;
    }
}
