package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code cumprod(dim, dtype)}: running products along one dimension, accumulated as PyTorch's
 * CPU scan does (in double for floating dtypes, rounding each output; in int64 for integers,
 * wrapping into the dtype), and its backward {@code CumprodBackward0}, PyTorch 1.13's
 * {@code cumprod_backward} for first-order gradients:
 * <ul>
 *   <li>no zero in the input: {@code reversed_cumsum(grad * result) / input};</li>
 *   <li>else, in each lane with first zero at {@code z1} and second at {@code z2} (or the end):
 *       that formula restricted to the elements before {@code z1}; at {@code z1} the sum of
 *       {@code grad[j] * prod(input[z1+1..j])} over {@code z1 <= j < z2}, times
 *       {@code result[z1 - 1]}; 0 after {@code z1}.</li>
 * </ul>
 * Intermediate values are rounded to the input's dtype where PyTorch's composed ops round them.
 */
public final class Cumprod {
    private Cumprod() {
    }

    /**
     * {@code x.cumprod_(dim)}: cumprod_out into x, whose kernel refuses float16/bool before the
     * overlap check of an expanded x (no TensorIterator op); autograd's check comes first.
     */
    public static TensorImpl cumprodInPlace(TensorImpl self, int dim) {
        Autograd.checkInplace(self);
        Shapes.wrapDim(dim, self.dim());
        checkKernel(self, self.dtype());
        return Derived.inPlace(self, a -> cumprod(a, dim, a.dtype()));
    }

    /** PyTorch's CPU kernel has no float16 or bool version (an empty or 0-d input never reaches it). */
    private static void checkKernel(TensorImpl self, DType out) {
        if ((out == DType.FLOAT16 || out == DType.BOOL) && self.dim() > 0 && self.numel() > 0) {
            throw new UnsupportedOperationException("\"cumprod_out_cpu\" not implemented for '" + out.scalarName()
                    + "'");
        }
    }

    /** {@code torch.cumprod(self, dim, dtype)}: integral and bool inputs multiply to int64 unless a dtype is given. */
    public static TensorImpl cumprod(TensorImpl self, int dim, DType dtype) {
        int d = Shapes.wrapDim(dim, self.dim());
        DType out = dtype != null ? dtype : self.dtype().isFloatingPoint() ? self.dtype() : DType.INT64;
        checkKernel(self, out);
        TensorImpl input = self.dtype() == out ? self : Conversions.to(self.detachAlias(), out);
        TensorImpl result = scan(input, d, out);
        return FormulaNode.record(result, "CumprodBackward0", self,
                formula((g, in) -> backward(Conversions.to(g, in.self().dtype()), in.self(), in.result(), d),
                        SELF, RESULT));
    }

    /**
     * float32 lanes through their arrays: the same double products, each rounded to float as
     * stored, a block of products at a time into a double buffer and then rounded (with the
     * rounding in the loop of products each step took ~7 cycles, against ~4 without it: 4M
     * elements 10.8 -> 7.9 ms in a probe, PyTorch 3.5).
     */
    private static void floatLanes(Lanes in, float[] x, Lanes to, float[] y) {
        double[] products = new double[Math.min(in.length, 1024)];
        for (int j = 0; j < in.lanes(); j++) {
            Cancellation.check();
            int s = in.storage().base + in.start(j);
            int t = to.storage().base + to.start(j);
            double acc = 1;
            for (int from = 0; from < in.length; from += products.length) {
                Cancellation.checkEvery(from);
                int len = Math.min(products.length, in.length - from);
                for (int k = 0; k < len; k++) {
                    acc *= x[s + (from + k) * in.step];
                    products[k] = acc;
                }
                for (int k = 0; k < len; k++) {
                    y[t + (from + k) * to.step] = (float) products[k];
                }
            }
        }
    }

    private static TensorImpl scan(TensorImpl src, int dim, DType outType) {
        TensorImpl out = TensorImpl.allocate(outType, src.sizes().clone());
        Lanes in = Lanes.along(src, dim);
        Lanes to = Lanes.along(out, dim);
        boolean floating = outType.isFloatingPoint();
        if (in.storage().array() instanceof float[] x && to.storage().array() instanceof float[] y) {
            floatLanes(in, x, to, y);
            return out;
        }
        for (int j = 0; j < in.lanes(); j++) {
            Cancellation.check();
            int s = in.start(j);
            int t = to.start(j);
            double accD = 1;
            long accL = 1;
            for (int k = 0; k < in.length; k++) {
                if (floating) {
                    accD *= in.storage().getDouble(s + k * in.step);
                    out.storage().setDouble(t + k * to.step, accD);
                } else {
                    accL = Casts.wrap(accL * in.storage().getLong(s + k * in.step), outType);
                    out.storage().setLong(t + k * to.step, accL);
                }
            }
        }
        return out;
    }

    /** PyTorch's {@code cumprod_backward} (first order), lane by lane. */
    static TensorImpl backward(TensorImpl grad, TensorImpl input, TensorImpl output, int dim) {
        if (input.numel() <= 1 || input.sizes()[dim] == 1) {
            return grad;
        }
        DType type = input.dtype();
        TensorImpl gradInput = TensorImpl.allocate(type, input.sizes().clone());
        Lanes x = Lanes.along(input, dim);
        Lanes y = Lanes.along(output, dim);
        Lanes g = Lanes.along(grad, dim);
        Lanes to = Lanes.along(gradInput, dim);
        for (int j = 0; j < x.lanes(); j++) {
            Cancellation.check();
            double[] result = lane(x.doubles(j), y.doubles(j), g.doubles(j), type);
            int t = to.start(j);
            for (int k = 0; k < result.length; k++) {
                gradInput.storage().setDouble(t + k * to.step, result[k]);
            }
        }
        return gradInput;
    }

    /** The gradient of one lane: input {@code x}, output {@code y}, incoming gradient {@code g}. */
    private static double[] lane(double[] x, double[] y, double[] g, DType type) {
        int n = x.length;
        int z1 = n;
        int z2 = n;
        for (int k = 0; k < n; k++) {
            if (x[k] == 0) {
                if (z1 == n) {
                    z1 = k;
                } else {
                    z2 = k;
                    break;
                }
            }
        }
        double[] out = new double[n];
        // before the first zero: reversed_cumsum(grad * output) / input (the sum accumulates in double)
        double acc = 0;
        for (int k = z1 - 1; k >= 0; k--) {
            acc += round(y[k] * g[k], type);
            out[k] = round(round(acc, type) / x[k], type);
        }
        if (z1 < n) {
            // input.masked_fill(outside (z1, z2), 1).cumprod(dim) * grad.masked_fill(outside [z1, z2), 0), summed
            double prod = 1;
            double sum = 0;
            for (int i = z1; i < z2; i++) {
                if (i > z1) {
                    prod *= x[i];
                }
                sum = round(sum + round(round(prod, type) * g[i], type), type);
            }
            out[z1] = round(sum * (z1 == 0 ? 1 : y[z1 - 1]), type);
        }
        return out;
    }

    private static double round(double v, DType type) {
        return Casts.round(v, type);
    }
}
