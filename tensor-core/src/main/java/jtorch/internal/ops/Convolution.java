package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.Operand.OTHER;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Conv2dKernel;
import jtorch.internal.kernels.Parallel;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.kernels.Window2d;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code F.conv2d}: 2-d convolution (cross-correlation, as PyTorch's) of {@code (N, C, H, W)} or
 * unbatched {@code (C, H, W)} input with an {@code (O, C / groups, kh, kw)} weight and an optional
 * {@code (O)} bias, computed by im2col and GEMM ({@link Conv2dKernel}); backward node
 * {@code ConvolutionBackward0} with one formula per input: the input gradient (the transposed
 * convolution of the output gradient), the weight gradient (the output gradient against the
 * input's column matrices) and the bias gradient (the output gradient summed over all but the
 * channel dimension). Argument checks and messages are PyTorch 1.13's.
 */
public final class Convolution {
    private Convolution() {}

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)} with numeric padding;
     * as in PyTorch, the bias must have the input's dtype before anything else is checked.
     */
    public static TensorImpl conv2d(TensorImpl input, TensorImpl weight, TensorImpl bias, int[] stride, int[] padding,
                                    int[] dilation, int groups) {
        if (bias != null && bias.dtype() != input.dtype()) {
            throw new IllegalArgumentException("Input type (" + Backend.cppName(input.dtype()) + ") and bias type ("
                    + Backend.cppName(bias.dtype()) + ") should be the same");
        }
        checkRanks(input, weight);
        int[] s = perDim("stride", stride, weight);
        int[] p = perDim("padding", padding, weight);
        int[] d = perDim("dilation", dilation, weight);
        return convolve(input, weight, bias, s, new int[] {p[0], p[1], p[0], p[1]}, d, groups);
    }

    /**
     * {@code F.conv2d(..., padding='valid' | 'same', ...)}: no padding, or the padding that keeps
     * the input size (stride 1 only); an odd total padding puts the extra row or column at the
     * bottom or right, as PyTorch does (its errors then name the input padded on those sides).
     */
    public static TensorImpl conv2d(TensorImpl input, TensorImpl weight, TensorImpl bias, int[] stride, String padding,
                                    int[] dilation, int groups) {
        if (!"valid".equals(padding) && !"same".equals(padding)) {
            throw new IllegalArgumentException("Invalid padding string: '" + padding + "'");
        }
        checkRanks(input, weight);
        if ("valid".equals(padding)) {
            return convolve(input, weight, bias, perDim("stride", stride, weight), new int[4],
                    perDim("dilation", dilation, weight), groups);
        }
        int batchedRank = input.dim() == 3 ? 4 : input.dim();
        if (weight.dim() != batchedRank) {
            int[] batched = input.dim() == 3 ? Views.unsqueeze(input, 0).sizes() : input.sizes();
            throw new IllegalArgumentException("Expected " + weight.dim() + "-dimensional input for " + weight.dim()
                    + "-dimensional weight" + Arrays.toString(weight.sizes()) + ", but got " + batchedRank
                    + "-dimensional input of size " + Arrays.toString(batched) + " instead");
        }
        for (int[] values : new int[][] {stride, dilation}) {
            if (values.length != 2 && values.length != 1) {
                throw new IllegalArgumentException((values == stride ? "stride" : "dilation")
                        + " cannot broadcast to 2 dimensions");
            }
        }
        for (int v : stride) {
            if (v != 1) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
        }
        int[] d = perDim("dilation", dilation, weight);
        int[] pads = new int[4];
        for (int i = 0; i < 2; i++) {
            int total = d[i] * (weight.sizes()[2 + i] - 1);
            pads[i] = total / 2;
            pads[2 + i] = total - total / 2;
        }
        return convolve(input, weight, bias, perDim("stride", stride, weight), pads, d, groups);
    }

    private static void checkRanks(TensorImpl input, TensorImpl weight) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input"
                    + " of size: " + Arrays.toString(input.sizes()));
        }
        if (weight.dim() < 3) {
            throw new IllegalArgumentException("weight should have at least three dimensions");
        }
    }

    /**
     * A per-dimension argument as PyTorch's conv2d takes it (one value stands for both axes), then
     * checked against the weight's spatial dimensions as PyTorch's expand_param_if_needed does.
     */
    private static int[] perDim(String name, int[] values, TensorImpl weight) {
        int[] pair = values.length == 1 ? new int[] {values[0], values[0]} : values.clone();
        int dims = weight.dim() - 2;
        if (pair.length != dims) {
            throw new IllegalArgumentException("expected " + name + " to be a single integer value or a list of " + dims
                    + " values to match the convolution dimensions, but got " + name + "=" + Arrays.toString(pair));
        }
        return pair;
    }

    /**
     * The backend PyTorch 1.13's CPU build picks, which decides its dtype checks and messages:
     * oneDNN for bfloat16 and for float32 unless the problem is small (its use_mkldnn rule), the
     * dilated kernel when a dilation exceeds 1, else slow_conv2d (im2col).
     */
    private enum Backend {
        MKLDNN, DILATED, SLOW2D;

        static Backend of(TensorImpl x, TensorImpl weight, int[] stride, int[] pads, int[] dilation, int groups) {
            int[] in = x.sizes();
            int[] w = weight.sizes();
            boolean strided = stride[0] != 1 || stride[1] != 1;
            boolean dilated = dilation[0] != 1 || dilation[1] != 1;
            if (x.dtype() == DType.BFLOAT16 || x.dtype() == DType.FLOAT32
                    && (strided || dilated || in[0] >= 16 || w[3] != 1 || w[2] != 1 || Parallel.numThreads() > 1)
                    && (groups > 1 || w[3] > 3 && w[2] > 3 || in[0] > 1 || (long) in[0] * in[1] * in[2] * in[3] > 20480)) {
                return MKLDNN;
            }
            return dilated ? DILATED : SLOW2D;
        }

        /** PyTorch's dtype checks of the inputs for this backend, then its kernel's dtype support. */
        void checkTypes(TensorImpl x, TensorImpl weight, TensorImpl bias) {
            DType type = x.dtype();
            if (this == MKLDNN) {
                for (TensorImpl parameter : new TensorImpl[] {weight, bias}) {
                    if (parameter != null && parameter.dtype() != type) {
                        String role = parameter == weight ? "weight" : "bias";
                        throw new IllegalArgumentException("Input type (" + legacyName(type) + ") and " + role
                                + " type (" + legacyName(parameter.dtype()) + ") should be the same or input should be a"
                                + " MKLDNN tensor and " + role + " is a dense tensor");
                    }
                }
                return;
            }
            boolean supported = this == DILATED
                    ? type == DType.FLOAT32 || type == DType.FLOAT64 || type == DType.BFLOAT16 || type == DType.INT64
                    : type != DType.FLOAT16 && type != DType.BOOL;
            if (!supported) {
                throw new UnsupportedOperationException("\"" + (this == DILATED ? "slow_conv_dilated<>" : "slow_conv2d_cpu")
                        + "\" not implemented for '" + type.scalarName() + "'");
            }
            if (weight.dtype() != type) {
                throw new IllegalArgumentException("expected scalar type " + type.scalarName() + " but found "
                        + weight.dtype().scalarName());
            }
        }

        /** {@code Tensor::toString()}: the legacy type name, or the dispatch key's for bool and bfloat16. */
        private static String legacyName(DType type) {
            return type == DType.BFLOAT16 ? "CPUBFloat16Type" : type == DType.BOOL ? "CPUBoolType" : type.tensorTypeName();
        }

        /** The C++ element type name PyTorch's TypeMeta prints. */
        static String cppName(DType type) {
            switch (type) {
                case FLOAT32: return "float";
                case FLOAT64: return "double";
                case FLOAT16: return "c10::Half";
                case BFLOAT16: return "c10::BFloat16";
                case INT64: return "long int";
                case INT32: return "int";
                case INT16: return "short int";
                case INT8: return "signed char";
                case UINT8: return "unsigned char";
                default: return "bool";
            }
        }
    }

    /** pads = {top, left, bottom, right}. */
    private static TensorImpl convolve(TensorImpl input, TensorImpl weight, TensorImpl bias, int[] stride, int[] pads,
                                       int[] dilation, int groups) {
        boolean batched = input.dim() == 4;
        TensorImpl x = batched ? input : Views.unsqueeze(input, 0);
        checkShapes(x, weight, bias, stride, pads, dilation, groups);
        Backend.of(x, weight, stride, pads, dilation, groups).checkTypes(x, weight, bias);
        int[] w = weight.sizes();
        int[] in = x.sizes();
        int outH = (in[2] + pads[0] + pads[2] - dilation[0] * (w[2] - 1) - 1) / stride[0] + 1;
        int outW = (in[3] + pads[1] + pads[3] - dilation[1] * (w[3] - 1) - 1) / stride[1] + 1;
        Window2d window = new Window2d(in[2], in[3], w[2], w[3], stride[0], stride[1], pads[0], pads[1], dilation[0],
                dilation[1], outH, outW);
        Conv2dKernel.Shape shape = new Conv2dKernel.Shape(in[0], in[1], w[0], groups, window);
        TensorImpl out = forward(x, weight, bias, shape);
        int[] inputSizes = in.clone();
        int[] weightSizes = w.clone();
        TensorImpl[] inputs = {x, weight, bias};
        FormulaNode.Derivative[] derivatives = {
            formula((g, saved) -> inputGrad(g, saved.other(), shape, inputSizes), OTHER),
            formula((g, saved) -> weightGrad(g, saved.self(), shape, weightSizes), SELF),
            formula((g, saved) -> Reductions.sum(g, new int[] {0, 2, 3}, false, null)),
        };
        FormulaNode.record(out, "ConvolutionBackward0", inputs, derivatives);
        return batched ? out : Views.squeeze(out, 0);
    }

    /**
     * PyTorch's check_shape_forward, in its order; an input with more padding at the bottom or right
     * ('same' with an even kernel) is named as PyTorch names it, padded by the difference first.
     */
    private static void checkShapes(TensorImpl x, TensorImpl weight, TensorImpl bias, int[] stride, int[] pads,
                                    int[] dilation, int groups) {
        int[] w = weight.sizes();
        for (int p : pads) {
            if (p < 0) {
                throw new IllegalArgumentException("negative padding is not supported");
            }
        }
        if (stride[0] <= 0 || stride[1] <= 0) {
            throw new IllegalArgumentException("non-positive stride is not supported");
        }
        if (dilation[0] <= 0 || dilation[1] <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero");
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        if (w.length != 4) {
            throw new IllegalArgumentException("Expected " + w.length + "-dimensional input for " + w.length
                    + "-dimensional weight " + Arrays.toString(w) + ", but got 4-dimensional input of size "
                    + Arrays.toString(x.sizes()) + " instead");
        }
        if (w[0] < groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be at least " + groups
                    + " at dimension 0, but got weight of size " + Arrays.toString(w) + " instead");
        }
        if (w[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by " + groups
                    + " at dimension 0, but got weight of size [" + Arrays.toString(w) + "] instead");
        }
        if (x.sizes()[1] != w[1] * groups) {
            int[] shown = x.sizes().clone();
            shown[2] += pads[2] - pads[0];
            shown[3] += pads[3] - pads[1];
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Arrays.toString(w)
                    + ", expected input" + Arrays.toString(shown) + " to have " + w[1] * groups
                    + " channels, but got " + x.sizes()[1] + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.sizes()[0] != w[0])) {
            throw new IllegalArgumentException("Given weight of size " + Arrays.toString(w) + ", expected bias to be"
                    + " 1-dimensional with " + w[0] + " elements, but got bias of size " + Arrays.toString(bias.sizes())
                    + " instead");
        }
        int paddedH = x.sizes()[2] + pads[0] + pads[2];
        int paddedW = x.sizes()[3] + pads[1] + pads[3];
        int kernelH = dilation[0] * (w[2] - 1) + 1;
        int kernelW = dilation[1] * (w[3] - 1) + 1;
        if (paddedH < kernelH || paddedW < kernelW) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + paddedH + " x " + paddedW
                    + "). Kernel size: (" + kernelH + " x " + kernelW + "). Kernel size can't be greater than actual"
                    + " input size");
        }
    }

    private static TensorImpl forward(TensorImpl x, TensorImpl weight, TensorImpl bias, Conv2dKernel.Shape s) {
        DType work = x.dtype().isFloatingPoint() ? WorkArrays.workType(x.dtype()) : DType.INT64;
        TensorImpl xs = WorkArrays.dense(x, work);
        TensorImpl ws = WorkArrays.dense(weight, work);
        int[] outSizes = {s.n(), s.o(), s.window().outH(), s.window().outW()};
        TensorImpl out = TensorImpl.allocate(work, outSizes);
        if (bias != null) {
            int[] perChannel = {1, s.o(), 1, 1};
            StridedCopy.copyInto(out, Views.expand(Views.reshape(bias.detachAlias(), perChannel), outSizes));
        }
        if (work == DType.INT64) {
            Conv2dKernel.forwardLong(WorkArrays.array(xs), WorkArrays.array(ws), WorkArrays.array(out), s);
        } else {
            kernel(work).forward(WorkArrays.array(xs), WorkArrays.array(ws), WorkArrays.array(out), s, bias != null);
        }
        return WorkArrays.result(out, x.dtype());
    }

    private static TensorImpl inputGrad(TensorImpl g, TensorImpl weight, Conv2dKernel.Shape s, int[] inputSizes) {
        DType work = WorkArrays.workType(g.dtype());
        TensorImpl gx = TensorImpl.allocate(work, inputSizes.clone());
        kernel(work).inputGrad(WorkArrays.array(WorkArrays.dense(g, work)),
                WorkArrays.array(WorkArrays.dense(weight, work)), WorkArrays.array(gx), s);
        return WorkArrays.result(gx, g.dtype());
    }

    private static TensorImpl weightGrad(TensorImpl g, TensorImpl x, Conv2dKernel.Shape s, int[] weightSizes) {
        DType work = WorkArrays.workType(g.dtype());
        TensorImpl gw = TensorImpl.allocate(work, weightSizes.clone());
        kernel(work).weightGrad(WorkArrays.array(WorkArrays.dense(g, work)), WorkArrays.array(WorkArrays.dense(x, work)),
                WorkArrays.array(gw), s, gw.numel());
        return WorkArrays.result(gw, g.dtype());
    }

    @SuppressWarnings("unchecked")
    private static <A> Conv2dKernel<A> kernel(DType work) {
        return (Conv2dKernel<A>) (work == DType.FLOAT64 ? Conv2dKernel.DOUBLE : Conv2dKernel.FLOAT);
    }
}
