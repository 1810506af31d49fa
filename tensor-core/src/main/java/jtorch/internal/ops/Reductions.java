package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.Sums;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Sum and mean over all or some dimensions, and the reductions built on them ({@code logsumexp},
 * {@code count_nonzero}), with their derivative formulas.
 */
public final class Reductions {
    private Reductions() {}

    /** The gradient of a reduction, broadcast back over the reduced dims of the input. */
    static TensorImpl expandBack(TensorImpl grad, int[] inputSizes, boolean[] mask, boolean keepdim) {
        TensorImpl g = grad;
        if (!keepdim && inputSizes.length > 0) {
            g = Views.reshape(g, ReducedDims.outShape(inputSizes, mask, true));
        }
        return Views.expand(g, inputSizes);
    }

    /** {@code sum}: integral and bool inputs sum to int64 unless a dtype is given; dims null: all. */
    public static TensorImpl sum(TensorImpl self, int[] dims, boolean keepdim, DType dtype) {
        DType out = dtype != null ? dtype : self.dtype().isFloatingPoint() ? self.dtype() : DType.INT64;
        TensorImpl input = dtype != null ? Conversions.to(self, dtype) : self;
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
        TensorImpl result = TensorImpl.allocate(out, ReducedDims.outShape(self.sizes(), mask, keepdim));
        Sums.sumInto(result, input, mask);
        return recordReduction(result, self, mask, keepdim, dims == null ? "SumBackward0" : "SumBackward1", 1);
    }

    /** Shared by sum and mean: the grad expanded back (and divided by the count for mean). */
    private static TensorImpl recordReduction(TensorImpl result, TensorImpl self, boolean[] mask, boolean keepdim,
                                              String name, int divisor) {
        int[] inputSizes = self.sizes();
        return FormulaNode.record(result, name, self, formula((g, in) ->
                expandBack(divisor == 1 ? g : Arithmetic.div(g, divisor), inputSizes, mask, keepdim)));
    }

    /** {@code mean}: floating inputs only (or an explicit floating dtype). */
    public static TensorImpl mean(TensorImpl self, int[] dims, boolean keepdim, DType dtype) {
        DType type = dtype != null ? dtype : self.dtype();
        if (!type.isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. " + (dtype != null ? "Optional"
                    : "Input") + " dtype must be either a floating point or complex dtype. Got: " + type.scalarName());
        }
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
        int count = self.numel() / Math.max(1, ReducedDims.outCount(self.sizes(), mask));
        if (self.numel() == 0) {
            count = ReducedDims.reducedCount(self.sizes(), mask);
        }
        TensorImpl sum = GradEnabled.without(() -> sum(self, dims, keepdim, type));
        int c = count;
        TensorImpl result = Outputs.unary(sum, type, type, x -> x / c, null);
        return recordReduction(result, self, mask, keepdim, dims == null ? "MeanBackward0" : "MeanBackward1",
                Math.max(count, 1));
    }

    /**
     * {@code torch.logsumexp(self, dims, keepdim)}, as PyTorch computes it:
     * {@code log(sum(exp(self - m))) + m} with {@code m} the lane's maximum (0 where infinite);
     * integral inputs in the default dtype. {@code LogsumexpBackward0}: {@code grad * exp(self - result)}.
     */
    public static TensorImpl logsumexp(TensorImpl self, int[] dims, boolean keepdim) {
        TensorImpl x = self.dtype().isFloatingPoint() ? self : Conversions.to(self, DefaultDtype.get());
        boolean[] mask = ReducedDims.reducedMask(x.dim(), dims);
        int[] kept = ReducedDims.outShape(x.sizes(), mask, true);
        int[] shape = ReducedDims.outShape(x.sizes(), mask, keepdim);
        TensorImpl out = GradEnabled.without(() -> {
            if (x.numel() == 0) {
                return Pointwise.log(sum(Pointwise.exp(x), dims, keepdim, null));
            }
            TensorImpl maxes = Extrema.amax(x, dims, true, Extrema.Kind.MAX);
            maxes = Gathering.maskedFill(maxes, Rounding.isinf(maxes), 0);
            TensorImpl sums = sum(Pointwise.exp(Arithmetic.sub(x, maxes)), dims, keepdim, null);
            return Arithmetic.add(Pointwise.log(sums), Views.reshape(maxes, shape));
        });
        return FormulaNode.record(out, "LogsumexpBackward0", x, formula((g, in) -> Arithmetic.mul(
                Views.reshape(g, kept), Pointwise.exp(Arithmetic.sub(in.self(), Views.reshape(in.result(), kept)))),
                FormulaNode.Operand.SELF, FormulaNode.Operand.RESULT));
    }

    /** {@code torch.count_nonzero(self, dims)}: int64 counts of the nonzero elements (dims null: all). */
    public static TensorImpl countNonzero(TensorImpl self, int[] dims) {
        ReducedDims.reducedMask(self.dim(), dims);
        return GradEnabled.without(() -> sum(Comparisons.ne(self, Scalars.wrap(0)), dims, false, null));
    }

}
