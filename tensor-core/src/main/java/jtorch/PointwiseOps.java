package jtorch;

import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;

import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.Kernels;

import static jtorch.FormulaNode.Operand.RESULT;
import static jtorch.FormulaNode.Operand.SELF;
import static jtorch.FormulaNode.formula;

/**
 * Unary pointwise math. Each op is one small unit: its forward kernel and its derivative,
 * written as in PyTorch's derivatives.yaml — a formula of the incoming gradient and either the
 * op's result ({@link #onResult}) or its input ({@link #onInput}). Floating-only ops (exp, log,
 * sqrt, sigmoid, tanh, reciprocal) compute integral inputs in the default dtype. As in PyTorch
 * 1.13's CPU build, exp, log, sqrt, sigmoid, tanh, relu and the clamps have no float16 kernel
 * (bfloat16 has one): {@link #checkHalf} raises PyTorch's error naming the missing kernel.
 */
final class PointwiseOps {
    private PointwiseOps() {}

    /** Records {@code out = op(self)} whose derivative is {@code derivative(grad, result)}. */
    static Tensor onResult(Tensor out, Tensor self, String name, BinaryOperator<Tensor> derivative) {
        return FormulaNode.record(out, name, self, formula((g, in) -> derivative.apply(g, in.result()), RESULT));
    }

    /** Records {@code out = op(self)} whose derivative is {@code derivative(grad, self)}. */
    static Tensor onInput(Tensor out, Tensor self, String name, BinaryOperator<Tensor> derivative) {
        return FormulaNode.record(out, name, self, formula((g, in) -> derivative.apply(g, in.self()), SELF));
    }

    /** Forward of a floating-only op: promotes integral inputs to the default dtype. */
    private static Tensor floating(Tensor self, DoubleUnaryOperator f, Kernels.UnaryOp fast) {
        DType type = DefaultDtype.floatingOf(self.dtype);
        return Elementwise.unary(self, type, type, f, null, fast);
    }

    /** PyTorch's error for an op whose CPU {@code kernel} is not built for float16 inputs. */
    static void checkHalf(Tensor self, String kernel) {
        if (self.dtype == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for 'Half'");
        }
    }

    /** {@code exp(x)}: {@code grad * result}. */
    static Tensor exp(Tensor self) {
        checkHalf(self, "exp_vml_cpu");
        return onResult(floating(self, Math::exp, Kernels.UnaryOp.EXP), self, "ExpBackward0", Tensor::mul);
    }

    /** {@code log(x)}: {@code grad / self}. */
    static Tensor log(Tensor self) {
        checkHalf(self, "log_vml_cpu");
        return onInput(floating(self, Math::log, null), self, "LogBackward0", Tensor::div);
    }

    /** {@code sqrt(x)}: {@code grad / (2 * result)}. */
    static Tensor sqrt(Tensor self) {
        checkHalf(self, "sqrt_vml_cpu");
        return onResult(floating(self, Math::sqrt, null), self, "SqrtBackward0", (g, r) -> g.div(r.mul(2)));
    }

    /** {@code 1 / x}: {@code -grad * result^2}. */
    static Tensor reciprocal(Tensor self) {
        return onResult(floating(self, x -> 1.0 / x, null), self, "ReciprocalBackward0",
                (g, r) -> g.neg().mul(r.mul(r)));
    }

    /** {@code |x|}: {@code grad * sgn(self)}. */
    static Tensor abs(Tensor self) {
        Tensor out = Elementwise.unary(self, self.dtype, self.dtype, Math::abs, Math::abs);
        return onInput(out, self, "AbsBackward0", (g, x) -> g.mul(x.sign()));
    }

    /**
     * Sign: -1, 0 or 1, as PyTorch's {@code (0 < x) - (x < 0)}, so NaN and -0.0 give 0; piecewise
     * constant, so {@code SignBackward0} passes a zero gradient.
     */
    static Tensor sign(Tensor self) {
        Tensor out = Elementwise.unary(self, self.dtype, self.dtype, x -> (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0),
                Long::signum);
        // the zero gradient reads nothing, so nothing is saved (a second backward is fine, as in PyTorch)
        return FormulaNode.record(out, "SignBackward0", self, formula((g, in) -> torch.zerosLike(g)));
    }

    /** {@code max(x, 0)}: {@code threshold_backward(grad, result, 0)}. */
    static Tensor relu(Tensor self) {
        checkHalf(self, "clamp_min_cpu");
        Tensor out = Elementwise.unary(self, self.dtype, self.dtype, x -> x > 0 || Double.isNaN(x) ? x : 0,
                x -> Math.max(x, 0), Kernels.UnaryOp.RELU);
        return onResult(out, self, "ReluBackward0", (g, r) -> g.mul(r.gt(0).to(g.dtype)));
    }

    /** Logistic sigmoid: {@code grad * result * (1 - result)}. */
    static Tensor sigmoid(Tensor self) {
        checkHalf(self, "sigmoid_cpu");
        return onResult(floating(self, x -> 1.0 / (1.0 + Math.exp(-x)), null), self, "SigmoidBackward0",
                (g, r) -> g.mul(r.mul(r.rsub(1))));
    }

    /** Hyperbolic tangent: {@code grad * (1 - result^2)}. */
    static Tensor tanh(Tensor self) {
        checkHalf(self, "tanh_vml_cpu");
        return onResult(floating(self, Math::tanh, null), self, "TanhBackward0", (g, r) -> g.mul(r.mul(r).rsub(1)));
    }

    /** Clamp into {@code [min, max]} (a null bound is open): {@code grad * (min <= self <= max)}. */
    static Tensor clamp(Tensor self, Number min, Number max) {
        return clamp(self, min, max, "ClampBackward1");
    }

    /** {@code clamp_min(min)}: as {@code clamp(min=min)}, recorded as {@code ClampMinBackward0}. */
    static Tensor clampMin(Tensor self, Number min) {
        return clamp(self, min, null, "ClampMinBackward0");
    }

    /** {@code clamp_max(max)}: as {@code clamp(max=max)}, recorded as {@code ClampMaxBackward0}. */
    static Tensor clampMax(Tensor self, Number max) {
        return clamp(self, null, max, "ClampMaxBackward0");
    }

    private static Tensor clamp(Tensor self, Number min, Number max, String name) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        checkHalf(self, max == null ? "clamp_min_cpu" : min == null ? "clamp_max_scalar_cpu" : "clamp_scalar_cpu");
        double lo = min == null ? Double.NEGATIVE_INFINITY : min.doubleValue();
        double hi = max == null ? Double.POSITIVE_INFINITY : max.doubleValue();
        long loL = min == null ? Long.MIN_VALUE : min.longValue();
        long hiL = max == null ? Long.MAX_VALUE : max.longValue();
        DType type = self.dtype;
        for (Number bound : new Number[] {min, max}) {
            if (bound != null) {
                type = Promotion.resultType(Tensor.allocate(type, new int[] {1}), Scalars.wrap(bound));
            }
        }
        Tensor out = Elementwise.unary(self, type, type,
                x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi), x -> Math.min(Math.max(x, loL), hiL));
        return onInput(out, self, name,
                (g, x) -> g.mul(x.ge(lo).logicalAnd(x.le(hi)).to(g.dtype)));
    }
}
