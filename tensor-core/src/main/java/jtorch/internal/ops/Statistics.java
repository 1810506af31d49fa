package jtorch.internal.ops;

import java.util.Comparator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Norms;
import jtorch.internal.kernels.Parallel;
import jtorch.internal.kernels.Products;
import jtorch.internal.kernels.ReductionSplit;
import jtorch.internal.kernels.Scans;
import jtorch.internal.kernels.Variance;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;
import static jtorch.internal.ops.Arithmetic.div;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.pow;
import static jtorch.internal.ops.Arithmetic.sub;

/**
 * Statistics over dims: {@code prod}, {@code var}/{@code std}, {@code norm}, the {@code cumsum}
 * scan and the truth reductions {@code all}/{@code any}, each with its backward node (derivative
 * formulas as PyTorch's derivatives.yaml). Floating results accumulate as PyTorch's CPU kernels
 * do: var/std and cumsum in double; prod and the 2-norm of lanes in one block of memory in its
 * vectorised kernels' order ({@link Products}, {@link Norms}), other lanes sequentially in the
 * opmath type (float for float32 and narrower).
 */
public final class Statistics {
    private Statistics() {}

    private static UnsupportedOperationException notImplemented(String kernel, DType dtype) {
        return new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + dtype.scalarName() + "'");
    }

    /**
     * Rounds a double to what a tensor of {@code dtype} stores; scalars in backward formulas are
     * rounded so that {@code tensor * scalar} multiplies in the tensor's precision, as in PyTorch.
     */
    private static double round(double v, DType dtype) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    /**
     * Whether a reduction over {@code dtype} accumulates in single precision, as PyTorch's CPU
     * kernels for prod and norm do for float32, float16 and bfloat16 ({@code opmath} type float).
     */
    private static boolean singlePrecision(DType dtype) {
        return dtype != DType.FLOAT64;
    }

    /**
     * {@code prod}: integral and bool inputs multiply to int64 unless a dtype is given;
     * {@code dim == null} reduces everything ({@code ProdBackward0}), else one dim
     * ({@code ProdBackward1}). The gradient is {@code grad * result / self} when no reduced
     * element is zero, else {@code grad} times the product of the other elements of the lane.
     */
    public static TensorImpl prod(TensorImpl self, Integer dim, boolean keepdim, DType dtype) {
        DType out = dtype != null ? dtype : self.dtype().isFloatingPoint() ? self.dtype() : DType.INT64;
        if (out == DType.FLOAT16 || out == DType.BFLOAT16) {
            throw notImplemented("prod_cpu", out);
        }
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dim == null ? null : new int[] {dim});
        TensorImpl result = TensorImpl.allocate(out, ReducedDims.outShape(self.sizes(), mask, keepdim));
        if (out != self.dtype() || !reduceBlocks(self, mask, result, Statistics::productOfBlock)) {
            sequentialProducts(self, mask, result);
        }
        Integer wrapped = dim == null ? null : Shapes.wrapDim(dim, self.dim());
        String name = dim == null ? "ProdBackward0" : "ProdBackward1";
        return FormulaNode.record(result, name, self, formula((grad, in) -> {
            TensorImpl s = in.self();
            TensorImpl g = Reductions.expandBack(grad, s.sizes(), mask, keepdim);
            if (s.dim() == 0) {
                return grad;
            }
            if (anyTrue(Comparisons.eq(s, Scalars.wrap(0)))) {
                return mul(g, othersProduct(s, wrapped, mask));
            }
            return mul(g, div(Reductions.expandBack(in.result(), s.sizes(), mask, keepdim), s));
        }, SELF, RESULT));
    }

    /** Each lane's product multiplied in order from 1, in the output's type (float for float32). */
    private static void sequentialProducts(TensorImpl self, boolean[] mask, TensorImpl result) {
        DType out = result.dtype();
        Lanes lanes = Lanes.over(self, mask);
        int n = result.numel();
        for (int j = 0; j < n; j++) {
            int s = lanes.start(j);
            if (out.isFloatingPoint()) {
                boolean single = singlePrecision(out);
                double p = 1;
                for (int k = 0; k < lanes.length; k++) {
                    Cancellation.checkEvery(k);
                    double x = lanes.storage().getDouble(s + k * lanes.step);
                    p = single ? (float) ((float) x * (float) p) : p * x;
                }
                result.storage().setDouble(j, p);
            } else {
                long p = 1;
                for (int k = 0; k < lanes.length; k++) {
                    Cancellation.checkEvery(k);
                    p *= lanes.storage().getLong(s + k * lanes.step);
                }
                result.storage().setLong(j, p);
            }
        }
    }

    private static boolean anyTrue(TensorImpl t) {
        return truth(t, null, false, false).getLong(0) != 0;
    }

    /** Each element's lane product without it: exclusive prefix times suffix products. */
    private static TensorImpl othersProduct(TensorImpl s, Integer dim, boolean[] mask) {
        TensorImpl out = TensorImpl.allocate(s.dtype(), s.sizes().clone());
        Lanes in = dim == null || s.dim() == 0 ? Lanes.over(s, mask) : Lanes.along(s, dim);
        Lanes to = dim == null || s.dim() == 0 ? Lanes.over(out, mask) : Lanes.along(out, dim);
        double[] suffix = new double[in.length + 1];
        for (int j = 0; j < in.lanes(); j++) {
            double[] x = in.doubles(j);
            suffix[x.length] = 1;
            for (int k = x.length - 1; k >= 0; k--) {
                suffix[k] = suffix[k + 1] * x[k];
            }
            double prefix = 1;
            int t = to.start(j);
            for (int k = 0; k < x.length; k++) {
                double left = round(prefix, s.dtype());
                double right = round(suffix[k + 1], s.dtype());
                out.storage().setDouble(t + k * to.step, left * right);
                prefix *= x[k];
            }
        }
        return out;
    }

    /**
     * {@code var} and {@code std} ({@code unbiased}: divide by N - 1), floating dtypes only; to a
     * single float32 or float64 value as ATen's {@code std_var_all_cpu} ({@link Variance}).
     * {@code VarBackward0}: {@code 2 / (N - correction) * grad * (self - mean)};
     * {@code StdBackward0} first turns the gradient into var's: {@code grad / (2 * std)} (0 where
     * std is 0).
     */
    public static TensorImpl var(TensorImpl self, int[] dims, boolean unbiased, boolean keepdim, boolean std) {
        if (!self.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("std and var only support floating point and complex dtypes");
        }
        return moments(self, dims, unbiased, keepdim, std, null)[0];
    }

    /**
     * {@code torch.var_mean} / {@code torch.std_mean}: the spread and the mean of one pass (the
     * mean in double, as PyTorch's Welford kernel), each recording {@code VarMeanBackward0}
     * ({@code StdMeanBackward0}): var's gradient for the first, mean's for the second.
     */
    public static TensorImpl[] varMean(TensorImpl self, int[] dims, boolean unbiased, boolean keepdim, boolean std) {
        String name = std ? "std_mean" : "var_mean";
        if (!self.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(name + " only support floating point and complex dtypes");
        }
        return moments(self, dims, unbiased, keepdim, std, std ? "StdMeanBackward0" : "VarMeanBackward0");
    }

    /**
     * One lane's {@code {spread, mean}}: var/std by two passes in double; var_mean/std_mean
     * ({@code welford}) by PyTorch's Welford updates in double, which give NaN for a lane
     * holding an infinity, and NaN for both when the lane is empty.
     */
    private static double[] lane(double[] x, int correction, boolean std, boolean welford) {
        double mean = 0;
        double m2 = 0;
        if (welford) {
            if (x.length == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            for (int i = 0; i < x.length; i++) {
                double delta = x[i] - mean;
                mean += delta / (i + 1);
                m2 += delta * (x[i] - mean);
            }
        } else {
            for (double v : x) {
                mean += v;
            }
            mean /= x.length;
            for (double v : x) {
                m2 += (v - mean) * (v - mean);
            }
        }
        double var = m2 / Math.max(0, x.length - correction);
        return new double[] {std ? Math.sqrt(var) : var, mean};
    }

    private static TensorImpl[] moments(TensorImpl self, int[] dims, boolean unbiased, boolean keepdim, boolean std,
            String meanNode) {
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
        int[] shape = ReducedDims.outShape(self.sizes(), mask, keepdim);
        TensorImpl result = TensorImpl.allocate(self.dtype(), shape);
        TensorImpl means = TensorImpl.allocate(self.dtype(), shape.clone());
        int correction = unbiased ? 1 : 0;
        int n = result.numel();
        // var/std to one value: ATen's std_var_all_cpu, which walks the elements in memory order
        boolean all = meanNode == null && n == 1;
        TensorImpl dense = all && !self.layout().isNonOverlappingAndDense() ? self.contiguousCopy() : self;
        if (all && Variance.serves(dense)) {
            double var = Variance.ofAll(dense, correction, Parallel.numThreads());
            result.storage().setDouble(0, std ? Math.sqrt(var) : var);
        } else {
            Lanes lanes = Lanes.over(self, mask);
            for (int j = 0; j < n; j++) {
                double[] spreadMean = lane(lanes.doubles(j), correction, std, meanNode != null);
                result.storage().setDouble(j, spreadMean[0]);
                means.storage().setDouble(j, spreadMean[1]);
            }
        }
        FormulaNode.Formula backward = (grad, in) -> {
            TensorImpl s = in.self();
            TensorImpl g = grad;
            if (std) {
                TensorImpl r = in.result();
                g = Where.where(Comparisons.eq(r, Scalars.wrap(0)), Scalars.wrap(0), div(g, mul(r, 2)));
            }
            int dof = ReducedDims.reducedCount(s.sizes(), mask) - correction;
            TensorImpl scaled = mul(g, round(2.0 / dof, g.dtype()));
            TensorImpl centered = sub(s, Reductions.mean(s, Extrema.dimsOf(mask), true, null));
            return mul(Reductions.expandBack(scaled, s.sizes(), mask, keepdim), centered);
        };
        String spreadNode = meanNode != null ? meanNode : std ? "StdBackward0" : "VarBackward0";
        FormulaNode.record(result, spreadNode, self, std ? formula(backward, SELF, RESULT) : formula(backward, SELF));
        if (meanNode == null) {
            return new TensorImpl[] {result};
        }
        int[] sizes = self.sizes();
        int count = ReducedDims.reducedCount(sizes, mask);
        FormulaNode.record(means, meanNode, self, formula((g, in) ->
                Reductions.expandBack(div(g, count), sizes, mask, keepdim)));
        return new TensorImpl[] {result, means};
    }

    /** {@code norm(p, dims, keepdim)}: the vector p-norm of each lane, floating dtypes only. */
    public static TensorImpl norm(TensorImpl self, double p, int[] dims, boolean keepdim) {
        if (!self.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                    + self.dtype().scalarName() + " instead.");
        }
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
        TensorImpl result = TensorImpl.allocate(self.dtype(), ReducedDims.outShape(self.sizes(), mask, keepdim));
        if (p != 2 || !reduceBlocks(self, mask, result, Statistics::twoNormOfBlock)) {
            Lanes lanes = memoryOrderLanes(self, mask, reducedOuterFirst(self, mask));
            for (int j = 0; j < result.numel(); j++) {
                Cancellation.check();
                result.storage().setDouble(j, p == 2 ? twoNorm(lanes, j) : norm(lanes.doubles(j), p,
                        singlePrecision(self.dtype())));
            }
        }
        return FormulaNode.record(result, "NormBackward1", self,
                formula((g, in) -> normBackward(g, in.self(), in.result(), p, mask, keepdim), SELF, RESULT));
    }

    /** A reduction of one lane: elements {@code [start, start + length)} of {@code array}, on {@code threads}. */
    private interface BlockReduction {
        double of(Object array, int start, int length, int threads);
    }

    /**
     * {@code f} of each lane written to {@code result} where the lanes are float32 or float64 and
     * each one block of memory (the reduced dims, in any order, dense from stride 1: a contiguous
     * tensor over its trailing dims or all, a transposed matrix over its first), the lanes PyTorch
     * reduces by its vectorised kernels; false, with nothing written, for other lanes. A single
     * lane gets PyTorch's thread count (it may split it), several lanes one thread each.
     */
    private static boolean reduceBlocks(TensorImpl self, boolean[] mask, TensorImpl result, BlockReduction f) {
        Object array = self.storage().array();
        int[] sizes = self.sizes();
        int[] strides = self.strides();
        if (!(array instanceof float[] || array instanceof double[])
                || !oneBlock(sizes, strides, reducedOuterFirst(self, mask))) {
            return false;
        }
        int length = ReducedDims.reducedCount(sizes, mask);
        int threads = result.numel() == 1 ? Parallel.numThreads() : 1;
        int[] index = new int[sizes.length];
        int offset = self.storage().base + self.offset();
        for (int j = 0; j < result.numel(); j++) {
            Cancellation.check();
            result.storage().setDouble(j, f.of(array, offset, length, threads));
            // the next lane: the kept dims' index, row-major
            for (int k = sizes.length - 1; k >= 0; k--) {
                if (!mask[k]) {
                    offset += strides[k];
                    if (++index[k] < sizes[k]) {
                        break;
                    }
                    offset -= strides[k] * sizes[k];
                    index[k] = 0;
                }
            }
        }
        return true;
    }

    /**
     * A lane's 2-norm in PyTorch's order for a lane in one block ({@link Norms}): float32 by its
     * last-dim kernel (never split), float64 one fused multiply-add chain per thread's chunk.
     */
    private static double twoNormOfBlock(Object array, int start, int length, int threads) {
        return array instanceof float[] x ? (float) Math.sqrt(Norms.sumSquaresLastDim(x, start, length))
                : Math.sqrt(ReductionSplit.reduce(length, threads, 0, Double::sum,
                        (begin, len) -> Norms.sumSquares((double[]) array, start + begin, len)));
    }

    /** A lane's product in PyTorch's order for a lane in one block ({@link Products}), per thread's chunk. */
    private static double productOfBlock(Object array, int start, int length, int threads) {
        return array instanceof float[] x
                ? ReductionSplit.reduce(length, threads, 1, (a, b) -> (float) (a * b),
                        (begin, len) -> Products.product(x, start + begin, len))
                : ReductionSplit.reduce(length, threads, 1, (a, b) -> a * b,
                        (begin, len) -> Products.product((double[]) array, start + begin, len));
    }

    /** The reduced dims by stride, largest first: the order TensorIterator walks them in, the last fastest. */
    private static int[] reducedOuterFirst(TensorImpl self, boolean[] mask) {
        int[] strides = self.strides();
        return IntStream.range(0, mask.length).filter(i -> mask[i]).boxed()
                .sorted(Comparator.comparingInt(i -> -strides[i])).mapToInt(Integer::intValue).toArray();
    }

    /** Whether the {@code reduced} dims (largest stride first) of more than one element are dense from stride 1. */
    private static boolean oneBlock(int[] sizes, int[] strides, int[] reduced) {
        int expected = 1;
        for (int k = reduced.length - 1; k >= 0; k--) {
            int i = reduced[k];
            if (sizes[i] > 1) {
                if (strides[i] != expected) {
                    return false;
                }
                expected *= sizes[i];
            }
        }
        return true;
    }

    /**
     * Lanes over {@code mask} whose elements come in memory order, as PyTorch sums them: the kept
     * dims in their order, then the {@code reduced} ones largest stride first.
     */
    private static Lanes memoryOrderLanes(TensorImpl self, boolean[] mask, int[] reduced) {
        int n = mask.length;
        int[] sizes = new int[n];
        int[] strides = new int[n];
        boolean[] last = new boolean[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!mask[i]) {
                sizes[k] = self.sizes()[i];
                strides[k++] = self.strides()[i];
            }
        }
        for (int i : reduced) {
            last[k] = true;
            sizes[k] = self.sizes()[i];
            strides[k++] = self.strides()[i];
        }
        return Lanes.over(self.asStrided(sizes, strides, self.offset()), last);
    }

    /**
     * Lane {@code j}'s 2-norm, fused multiply-add chains in order for float32 and float64 ({@link
     * Norms#sumSquares}, {@link ReductionSplit}), as PyTorch's reduction over lanes not in one block of
     * memory; float16 and bfloat16 sequentially in float.
     */
    private static double twoNorm(Lanes lanes, int j) {
        int start = lanes.storage().base + lanes.start(j);
        int threads = lanes.lanes() == 1 ? Parallel.numThreads() : 1;
        if (lanes.storage().array() instanceof float[] x) {
            return (float) Math.sqrt(ReductionSplit.reduce(lanes.length, threads, 0, (a, b) -> (float) (a + b),
                    (begin, len) -> Norms.sumSquares(x, start + begin, len)));
        }
        if (lanes.storage().array() instanceof double[] x) {
            return Math.sqrt(ReductionSplit.reduce(lanes.length, threads, 0, Double::sum,
                    (begin, len) -> Norms.sumSquares(x, start + begin, len)));
        }
        return norm(lanes.doubles(j), 2, true);
    }

    /**
     * The p-norm of one lane, accumulated sequentially in float ({@code single}) or double like
     * PyTorch's kernel (the 2-norm of float32 and float64 lanes: {@link #twoNorm}).
     */
    private static double norm(double[] x, double p, boolean single) {
        DoubleUnaryOperator r = single ? v -> (float) v : v -> v;
        double q = r.applyAsDouble(p);
        double acc = p == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : 0;
        for (double v : x) {
            double a = Math.abs(v);
            if (p == 0) {
                acc += v != 0 ? 1 : 0;
            } else if (p == 1) {
                acc = r.applyAsDouble(acc + a);
            } else if (p == 2) {
                acc = r.applyAsDouble(acc + r.applyAsDouble(a * a));
            } else if (p == Double.POSITIVE_INFINITY) {
                acc = Double.isNaN(a) || a > acc ? a : acc;
            } else if (p == Double.NEGATIVE_INFINITY) {
                acc = Double.isNaN(a) || a < acc ? a : acc;
            } else {
                acc = r.applyAsDouble(acc + r.applyAsDouble(Math.pow(a, q)));
            }
        }
        if (p == 2) {
            return Math.sqrt(acc);
        }
        return p == 0 || p == 1 || Double.isInfinite(p) ? acc : Math.pow(acc, r.applyAsDouble(1 / q));
    }

    /** PyTorch's {@code norm_backward} for each kind of p (none for p = 0). */
    private static TensorImpl normBackward(TensorImpl grad, TensorImpl s, TensorImpl result, double p, boolean[] mask,
                                           boolean keepdim) {
        if (p == 0) {
            return null;
        }
        int[] kept = ReducedDims.outShape(s.sizes(), mask, true);
        TensorImpl g = keepdim || s.dim() == 0 ? grad : Views.reshape(grad, kept);
        TensorImpl norm = keepdim || s.dim() == 0 ? result : Views.reshape(result, kept);
        if (p == 1) {
            return mul(Pointwise.sign(s), g);
        }
        if (p == 2) {
            return mul(g, zeroWhereNormIsZero(norm, div(s, norm)));
        }
        if (Double.isInfinite(p)) {
            TensorImpl a = Pointwise.abs(s);
            TensorImpl hits = Comparisons.logicalOr(Comparisons.eq(a, norm), Comparisons.ne(a, a));
            return mul(Pointwise.sign(s), mul(div(g, Reductions.sum(hits, Extrema.dimsOf(mask), true, null)), hits));
        }
        if (p < 1) {
            TensorImpl scaled = mul(Pointwise.sign(s), Where.where(Comparisons.eq(s, Scalars.wrap(0)), Scalars.wrap(0),
                    pow(Pointwise.abs(s), p - 1)));
            return mul(mul(scaled, g), pow(norm, 1 - p));
        }
        TensorImpl scaled = p < 2 ? mul(Pointwise.sign(s), pow(Pointwise.abs(s), p - 1))
                : mul(s, pow(Pointwise.abs(s), p - 2));
        return mul(scaled, zeroWhereNormIsZero(norm, div(g, pow(norm, p - 1))));
    }

    private static TensorImpl zeroWhereNormIsZero(TensorImpl norm, TensorImpl t) {
        return Where.where(Comparisons.eq(norm, Scalars.wrap(0)), Scalars.wrap(0), t);
    }

    /**
     * Running sums along one lane layout, {@code reverse} from the end; floating ones in double
     * (float32 by {@link Scans#cumsum}, the same additions).
     */
    static TensorImpl scan(TensorImpl src, int dim, DType outType, boolean reverse) {
        TensorImpl out = TensorImpl.allocate(outType, src.sizes().clone());
        Lanes in = Lanes.along(src, dim);
        Lanes to = Lanes.along(out, dim);
        if (src.numel() > 0 && in.storage().array() instanceof float[] x && to.storage().array() instanceof float[] y) {
            Scans.cumsum(x, in.start(0) + in.storage().base, y, to.start(0) + to.storage().base,
                    in.lanes() / in.step, in.length, in.step, reverse);
            return out;
        }
        boolean floating = outType.isFloatingPoint();
        int len = in.length;
        for (int j = 0; j < in.lanes(); j++) {
            Cancellation.check();
            int s = in.start(j);
            int t = to.start(j);
            double accD = 0;
            long accL = 0;
            for (int i = 0; i < len; i++) {
                Cancellation.checkEvery(i);
                int k = reverse ? len - 1 - i : i;
                if (floating) {
                    accD += in.storage().getDouble(s + k * in.step);
                    out.storage().setDouble(t + k * to.step, accD);
                } else {
                    accL += in.storage().getLong(s + k * in.step);
                    out.storage().setLong(t + k * to.step, accL);
                }
            }
        }
        return out;
    }

    /**
     * {@code x.cumsum_(dim)}: cumsum_out into x, whose kernel refuses float16/bool before the
     * overlap check of an expanded x (cumsum is no TensorIterator op); autograd's check comes first.
     */
    public static TensorImpl cumsumInPlace(TensorImpl self, int dim) {
        Autograd.checkInplace(self);
        if ((self.dtype() == DType.FLOAT16 || self.dtype() == DType.BOOL) && self.numel() > 0) {
            Shapes.wrapDim(dim, self.dim());
            throw notImplemented("cumsum_out_cpu", self.dtype());
        }
        return Derived.inPlace(self, a -> cumsum(a, dim, a.dtype()));
    }

    /** {@code cumsum(dim, dtype)}: integral and bool inputs sum to int64 unless a dtype is given. */
    public static TensorImpl cumsum(TensorImpl self, int dim, DType dtype) {
        int d = Shapes.wrapDim(dim, self.dim());
        DType out = dtype != null ? dtype : self.dtype().isFloatingPoint() ? self.dtype() : DType.INT64;
        if ((out == DType.FLOAT16 || out == DType.BOOL) && self.dim() > 0 && self.numel() > 0) {
            throw notImplemented("cumsum_out_cpu", out);
        }
        TensorImpl input = self.dtype() == out ? self : Conversions.to(self.detachAlias(), out);
        DType inputType = self.dtype();
        // CumsumBackward0: the reversed running sum of the gradient
        return FormulaNode.record(scan(input, d, out, false), "CumsumBackward0", self,
                formula((g, in) -> scan(g, d, inputType, true)));
    }

    /** {@code all} / {@code any}: bool results (uint8 for uint8 input); not differentiable. */
    public static TensorImpl truth(TensorImpl self, Integer dim, boolean keepdim, boolean all) {
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dim == null ? null : new int[] {dim});
        DType outType = self.dtype() == DType.UINT8 ? DType.UINT8 : DType.BOOL;
        TensorImpl result = TensorImpl.allocate(outType, ReducedDims.outShape(self.sizes(), mask, keepdim));
        Lanes lanes = Lanes.over(self, mask);
        boolean floating = self.dtype().isFloatingPoint();
        int n = result.numel();
        for (int j = 0; j < n; j++) {
            int s = lanes.start(j);
            boolean acc = all;
            for (int k = 0; k < lanes.length && acc == all; k++) {
                Cancellation.checkEvery(k);
                int at = s + k * lanes.step;
                acc = floating ? lanes.storage().getDouble(at) != 0 : lanes.storage().getLong(at) != 0;
            }
            result.storage().setLong(j, acc ? 1 : 0);
        }
        return result;
    }
}
