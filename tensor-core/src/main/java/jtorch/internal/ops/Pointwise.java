package jtorch.internal.ops;

import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.dtype.Casts;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.dtype.ResultType;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.kernels.Strided;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;
import static jtorch.internal.ops.Arithmetic.div;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.neg;
import static jtorch.internal.ops.Arithmetic.rsub;
import static jtorch.internal.ops.Comparisons.ge;
import static jtorch.internal.ops.Comparisons.le;
import static jtorch.internal.ops.Comparisons.logicalAnd;

/**
 * Unary pointwise math. Each op is one small unit: its forward kernel and its derivative,
 * written as in PyTorch's derivatives.yaml — a formula of the incoming gradient and either the
 * op's result ({@link #onResult}) or its input ({@link #onInput}). Floating-only ops (exp, log,
 * sqrt, sigmoid, tanh, reciprocal) compute integral inputs in the default dtype. As in PyTorch
 * 1.13's CPU build, exp, log, sqrt, sigmoid, tanh, relu and the clamps have no float16 kernel
 * (bfloat16 has one): {@link #checkHalf} raises PyTorch's error naming the missing kernel.
 */
public final class Pointwise {
    private Pointwise() {}

    /** Records {@code out = op(self)} whose derivative is {@code derivative(grad, result)}. */
    static TensorImpl onResult(TensorImpl out, TensorImpl self, String name, BinaryOperator<TensorImpl> derivative) {
        return FormulaNode.record(out, name, self, formula((g, in) -> derivative.apply(g, in.result()), RESULT));
    }

    /** Records {@code out = op(self)} whose derivative is {@code derivative(grad, self)}. */
    static TensorImpl onInput(TensorImpl out, TensorImpl self, String name, BinaryOperator<TensorImpl> derivative) {
        return FormulaNode.record(out, name, self, formula((g, in) -> derivative.apply(g, in.self()), SELF));
    }

    /** Forward of a floating-only op: promotes integral inputs to the default dtype. */
    private static TensorImpl floating(TensorImpl self, DoubleUnaryOperator f) {
        DType type = DefaultDtype.floatingOf(self.dtype());
        return Outputs.unary(self, type, type, f, null);
    }

    /** Forward of a floating-only op with a vector form. */
    private static TensorImpl floating(TensorImpl self, UnaryOp op) {
        DType type = DefaultDtype.floatingOf(self.dtype());
        return Outputs.unary(self, type, type, op);
    }

    /** PyTorch's error for an op whose CPU {@code kernel} is not built for float16 inputs. */
    static void checkHalf(TensorImpl self, String kernel) {
        if (self.dtype() == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for 'Half'");
        }
    }

    /** {@code exp(x)}: {@code grad * result}. */
    public static TensorImpl exp(TensorImpl self) {
        checkHalf(self, "exp_vml_cpu");
        return onResult(floating(self, UnaryOp.EXP), self, "ExpBackward0", Arithmetic::mul);
    }

    /** {@code log(x)}: {@code grad / self}. */
    public static TensorImpl log(TensorImpl self) {
        checkHalf(self, "log_vml_cpu");
        return onInput(floating(self, UnaryOp.LOG), self, "LogBackward0", Arithmetic::div);
    }

    /** {@code sqrt(x)}: {@code grad / (2 * result)}. */
    public static TensorImpl sqrt(TensorImpl self) {
        checkHalf(self, "sqrt_vml_cpu");
        return onResult(floating(self, UnaryOp.SQRT), self, "SqrtBackward0", (g, r) -> div(g, mul(r, 2)));
    }

    /** {@code 1 / x}: {@code -grad * result^2}. */
    public static TensorImpl reciprocal(TensorImpl self) {
        return onResult(floating(self, UnaryOp.RECIPROCAL), self, "ReciprocalBackward0",
                (g, r) -> mul(neg(g), mul(r, r)));
    }

    /** {@code |x|}: {@code grad * sgn(self)}. */
    public static TensorImpl abs(TensorImpl self) {
        if (self.dtype() == DType.BOOL) {
            throw new UnsupportedOperationException("\"abs_cpu\" not implemented for 'Bool'");
        }
        TensorImpl out = Outputs.unary(self, self.dtype(), self.dtype(), UnaryOp.ABS);
        return onInput(out, self, "AbsBackward0", (g, x) -> mul(g, sign(x)));
    }

    /**
     * Sign: -1, 0 or 1, as PyTorch's {@code (0 < x) - (x < 0)}, so NaN and -0.0 give 0; piecewise
     * constant, so {@code SignBackward0} passes a zero gradient.
     */
    public static TensorImpl sign(TensorImpl self) {
        // the zero gradient reads nothing, so nothing is saved (a second backward is fine, as in PyTorch)
        return Rounding.zeroGradient(Outputs.unary(self, self.dtype(), self.dtype(), UnaryOp.SIGN), self,
                "SignBackward0");
    }

    /** {@code max(x, 0)}: {@code threshold_backward(grad, result, 0)}. */
    public static TensorImpl relu(TensorImpl self) {
        checkHalf(self, "clamp_min_cpu");
        if (self.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Boolean inputs not supported for relu");
        }
        TensorImpl out = Outputs.unary(self, self.dtype(), self.dtype(), UnaryOp.RELU);
        // threshold_backward(grad, result, 0): the gradient where the result is positive (or NaN), else 0
        return onResult(out, self, "ReluBackward0", resultGrad(Elementwise::reluGradInto));
    }

    /** A kernel writing an op's gradient into {@code out} from the incoming gradient and the op's result. */
    private interface ResultGradKernel {
        void into(Strided out, Strided grad, Strided result, DType compute);
    }

    /** The derivative computed by {@code kernel} in the promoted dtype and broadcast shape of its operands. */
    private static BinaryOperator<TensorImpl> resultGrad(ResultGradKernel kernel) {
        return (grad, result) -> {
            DType type = Promotion.resultType(grad, result);
            TensorImpl out = TensorImpl.allocate(type, Shapes.broadcast(grad.sizes(), result.sizes()));
            kernel.into(out, grad, result, type);
            return out;
        };
    }

    /** Logistic sigmoid: {@code grad * result * (1 - result)}. */
    public static TensorImpl sigmoid(TensorImpl self) {
        checkHalf(self, "sigmoid_cpu");
        return onResult(floating(self, UnaryOp.SIGMOID), self, "SigmoidBackward0",
                (g, r) -> mul(g, mul(r, rsub(r, Scalars.wrap(1)))));
    }

    /** Hyperbolic tangent: {@code grad * (1 - result^2)}. */
    public static TensorImpl tanh(TensorImpl self) {
        checkHalf(self, "tanh_vml_cpu");
        // tanh_backward(grad, result): grad * (1 - result^2), the difference of the square fused as PyTorch's
        return onResult(floating(self, UnaryOp.TANH), self, "TanhBackward0", resultGrad(Elementwise::tanhGradInto));
    }

    /** Clamp into {@code [min, max]} (a null bound is open): {@code grad * (min <= self <= max)}. */
    public static TensorImpl clamp(TensorImpl self, Number min, Number max) {
        return clamp(self, min, max, "ClampBackward1");
    }

    /** {@code clamp_min(min)}: as {@code clamp(min=min)}, recorded as {@code ClampMinBackward0}. */
    public static TensorImpl clampMin(TensorImpl self, Number min) {
        return clamp(self, min, null, "ClampMinBackward0");
    }

    /** {@code clamp_max(max)}: as {@code clamp(max=max)}, recorded as {@code ClampMaxBackward0}. */
    public static TensorImpl clampMax(TensorImpl self, Number max) {
        return clamp(self, null, max, "ClampMaxBackward0");
    }

    private static TensorImpl clamp(TensorImpl self, Number min, Number max, String name) {
        // where(min <= x <= max, grad, 0) as PyTorch's clamp_backward: a zero, never -0, outside
        return clamp(self, min, max, name, (lo, hi) -> (g, x) -> Where.where(logicalAnd(ge(x, Scalars.wrap(lo)),
                le(x, Scalars.wrap(hi))), g, Creation.zerosLike(g)));
    }

    /** The derivative of a clamp to {@code [lo, hi]}, the bounds as the result's dtype holds them. */
    interface ClampDerivative {
        BinaryOperator<TensorImpl> of(double lo, double hi);
    }

    /** Clamp into {@code [min, max]} (a null bound is open), recorded as {@code name} with {@code derivative(grad, self)}. */
    static TensorImpl clamp(TensorImpl self, Number min, Number max, String name, ClampDerivative derivative) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        checkHalf(self, max == null ? "clamp_min_cpu" : min == null ? "clamp_max_scalar_cpu" : "clamp_scalar_cpu");
        DType type = self.dtype();
        for (Number bound : new Number[] {min, max}) {
            if (bound != null) {
                type = new ResultType().add(type, 1, false).add(Scalars.wrap(bound).dtype(), 0, true).result();
            }
        }
        // the bounds take the result dtype first, as ATen converts the scalars (uint8: -2 is 254, 300 overflows)
        for (Number bound : new Number[] {min, max}) {
            if (bound != null) {
                Casts.checkConvertible(bound, type);
            }
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : Casts.round(min.doubleValue(), type);
        double hi = max == null ? Double.POSITIVE_INFINITY : Casts.round(max.doubleValue(), type);
        long loL = min == null ? Long.MIN_VALUE : Casts.wrap(min.longValue(), type);
        long hiL = max == null ? Long.MAX_VALUE : Casts.wrap(max.longValue(), type);
        float loF = (float) lo;
        float hiF = (float) hi;
        // ATen's std::min(std::max(x, lo), hi): NaN and a zero equal to a bound stay as they are
        TensorImpl out = Outputs.unary(self, type, type, x -> Kernels.clamp(x, lo, hi),
                x -> Math.min(Math.max(x, loL), hiL), (x, xo, y, yo, n) -> Kernels.clamp(x, xo, loF, hiF, y, yo, n));
        return onInput(out, self, name, derivative.of(lo, hi));
    }
}
