package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.MaxPool2dKernel;
import jtorch.internal.kernels.Window2d;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.BufferStorage;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code F.max_pool2d} over the planes of {@code (N, C, H, W)} or {@code (C, H, W)}: each output
 * is the maximum of its window and comes with the window's argmax (row-major index in its input plane, int64, as
 * {@code return_indices=True} gives it); backward node {@code MaxPool2DWithIndicesBackward0} adds
 * each output gradient to the input element at its index. Output sizes ({@code ceil_mode}),
 * argument checks and messages are PyTorch 1.13's {@code max_pool2d_with_indices}.
 */
public final class Pooling {
    private Pooling() {}

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)}:
     * {@code [values, indices]}; an empty {@code stride} means the kernel size.
     */
    public static TensorImpl[] maxPool2dWithIndices(TensorImpl input, int[] kernelSize, int[] stride, int[] padding,
                                                    int[] dilation, boolean ceilMode) {
        int[] k = pair("kernel_size must either be a single int, or a tuple of two ints", kernelSize);
        int[] s = stride.length == 0 ? k
                : pair("stride must either be omitted, a single int, or a tuple of two ints", stride);
        int[] p = pair("padding must be either be a single int, or a tuple of two ints", padding);
        int[] d = pair("dilation must be either a single int, or a tuple of two ints", dilation);
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        TensorImpl x = input;
        int[] in = x.sizes();
        int rank = in.length;
        int outH = outputSize(in[rank - 2], k[0], p[0], s[0], d[0], ceilMode);
        int outW = outputSize(in[rank - 1], k[1], p[1], s[1], d[1], ceilMode);
        checkShape(input, k, s, p, d, outH, outW);
        if (!x.dtype().isFloatingPoint() || x.dtype() == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"max_pool2d\" not implemented for '" + x.dtype().scalarName()
                    + "'");
        }
        Window2d window = new Window2d(in[rank - 2], in[rank - 1], k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], outH,
                outW);
        int planes = x.numel() / Math.max(1, window.inPlane());
        int[] outSizes = in.clone();
        outSizes[rank - 2] = outH;
        outSizes[rank - 1] = outW;
        DType work = WorkArrays.workType(x.dtype());
        TensorImpl xs = WorkArrays.dense(x, work);
        TensorImpl values = TensorImpl.allocate(work, outSizes);
        long[] indices = new long[values.numel()];
        if (work == DType.FLOAT64) {
            MaxPool2dKernel.forward((double[]) WorkArrays.array(xs), 0, planes, window,
                    (double[]) WorkArrays.array(values), indices);
        } else {
            MaxPool2dKernel.forward((float[]) WorkArrays.array(xs), 0, planes, window,
                    (float[]) WorkArrays.array(values), indices);
        }
        TensorImpl out = WorkArrays.result(values, x.dtype());
        TensorImpl index = new TensorImpl(BufferStorage.of(indices), Layout.contiguous(outSizes.clone()), null);
        int[] inputSizes = in.clone();
        FormulaNode.record(out, "MaxPool2DWithIndicesBackward0", x,
                formula((g, saved) -> backward(g, indices, planes, window, inputSizes)));
        return new TensorImpl[] {out, index};
    }

    /** A kernel-size-like argument: one value for both dimensions, or two. */
    private static int[] pair(String message, int[] values) {
        if (values.length == 1) {
            return new int[] {values[0], values[0]};
        }
        if (values.length != 2) {
            throw new IllegalArgumentException("max_pool2d: " + message);
        }
        return values.clone();
    }

    /** PyTorch's pooling_output_shape: floor (or ceil, not starting in the right padding) of the window count. */
    static int outputSize(int inputSize, int kernel, int pad, int stride, int dilation, boolean ceilMode) {
        if (stride == 0) {
            throw new IllegalArgumentException("stride should not be zero");
        }
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be non-negative, but got pad: " + pad);
        }
        if (pad > kernel / 2) {
            throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + pad
                    + " and kernel_size=" + kernel);
        }
        long span = (long) inputSize + 2L * pad - (long) dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0);
        int size = (int) Math.floorDiv(span, stride) + 1;
        if (ceilMode && (long) (size - 1) * stride >= inputSize + pad) {
            size--;
        }
        return size;
    }

    /** PyTorch's pool2d_shape_check. */
    private static void checkShape(TensorImpl input, int[] k, int[] s, int[] p, int[] d, int outH, int outW) {
        if (k[0] <= 0 || k[1] <= 0) {
            throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: " + k[0] + " kW: "
                    + k[1]);
        }
        if (s[0] <= 0 || s[1] <= 0) {
            throw new IllegalArgumentException("stride should be greater than zero, but got dH: " + s[0] + " dW: "
                    + s[1]);
        }
        if (d[0] <= 0 || d[1] <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: " + d[0]
                    + " dilationW: " + d[1]);
        }
        int[] in = input.sizes();
        int n = in.length;
        boolean validDims = in[n - 3] != 0 && in[n - 2] != 0;
        if (!(n == 3 && in[0] != 0 && validDims || n == 4 && validDims && in[3] != 0)) {
            throw new IllegalArgumentException("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for"
                    + " input, but got:" + Arrays.toString(in));
        }
        if (k[1] / 2 < p[1] || k[0] / 2 < p[0]) {
            throw new IllegalArgumentException("pad should be smaller than or equal to half of kernel size, but got padW"
                    + " = " + p[1] + ", padH = " + p[0] + ", kW = " + k[1] + ", kH = " + k[0]);
        }
        if (outW < 1 || outH < 1) {
            throw new IllegalArgumentException("Given input size: (" + in[n - 3] + "x" + in[n - 2] + "x" + in[n - 1]
                    + "). Calculated output size: (" + in[n - 3] + "x" + outH + "x" + outW + "). Output size is too"
                    + " small");
        }
    }

    private static TensorImpl backward(TensorImpl g, long[] indices, int planes, Window2d window, int[] inputSizes) {
        DType work = WorkArrays.workType(g.dtype());
        TensorImpl gx = TensorImpl.allocate(work, inputSizes.clone());
        TensorImpl gs = WorkArrays.dense(g, work);
        if (work == DType.FLOAT64) {
            MaxPool2dKernel.backward((double[]) WorkArrays.array(gs), indices, planes, window,
                    (double[]) WorkArrays.array(gx));
        } else {
            MaxPool2dKernel.backward((float[]) WorkArrays.array(gs), indices, planes, window,
                    (float[]) WorkArrays.array(gx));
        }
        return WorkArrays.result(gx, g.dtype());
    }
}
