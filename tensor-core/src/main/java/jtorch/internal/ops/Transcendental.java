package jtorch.internal.ops;

import static jtorch.internal.ops.Arithmetic.add;
import static jtorch.internal.ops.Arithmetic.div;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.neg;
import static jtorch.internal.ops.Arithmetic.rsub;
import static jtorch.internal.ops.Arithmetic.sub;
import static jtorch.internal.ops.Pointwise.checkHalf;
import static jtorch.internal.ops.Pointwise.onInput;
import static jtorch.internal.ops.Pointwise.onResult;

import java.util.function.DoubleUnaryOperator;
import jtorch.DType;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The floating unary math of a first course beyond exp/log/sqrt: trigonometric, hyperbolic, their
 * inverses, exp2/expm1/log2/log10/log1p, rsqrt, sinc, the error functions and lgamma/digamma. Each
 * op is its forward (computed in the default dtype for integral and bool inputs, as PyTorch) and
 * its derivative from PyTorch's derivatives.yaml; each raises PyTorch 1.13's error naming its
 * missing float16 CPU kernel. Special functions come from Apache Commons Numbers.
 */
public final class Transcendental {
    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Transcendental() {
    }

    /** The op computed in the floating dtype; an integral or bool input is converted to it first, as PyTorch. */
    private static TensorImpl floating(TensorImpl self, String halfKernel, DoubleUnaryOperator f) {
        TensorImpl x = asFloating(self, halfKernel);
        return Outputs.unary(x, x.dtype(), x.dtype(), f, null);
    }

    /** {@link #floating(TensorImpl, String, DoubleUnaryOperator)} for an op with a vector form. */
    private static TensorImpl floating(TensorImpl self, String halfKernel, UnaryOp op) {
        TensorImpl x = asFloating(self, halfKernel);
        return Outputs.unary(x, x.dtype(), x.dtype(), op);
    }

    /** {@code self} in its floating dtype (PyTorch's error for float16 where {@code halfKernel} is missing). */
    private static TensorImpl asFloating(TensorImpl self, String halfKernel) {
        checkHalf(self, halfKernel);
        DType type = DefaultDtype.floatingOf(self.dtype());
        return self.dtype() == type ? self : GradEnabled.without(() -> Conversions.to(self, type));
    }

    private static TensorImpl one() {
        return Scalars.wrap(1);
    }

    /** {@code sin(x)}: {@code grad * cos(x)}. */
    public static TensorImpl sin(TensorImpl self) {
        return onInput(floating(self, "sin_vml_cpu", UnaryOp.SIN), self, "SinBackward0", (g, x) -> mul(g, cos(x)));
    }

    /** {@code cos(x)}: {@code grad * -sin(x)}. */
    public static TensorImpl cos(TensorImpl self) {
        return onInput(floating(self, "cos_vml_cpu", UnaryOp.COS), self, "CosBackward0", (g, x) -> mul(g, neg(sin(x))));
    }

    /** {@code tan(x)}: {@code grad * (1 + result^2)}. */
    public static TensorImpl tan(TensorImpl self) {
        return onResult(floating(self, "tan_vml_cpu", Math::tan), self, "TanBackward0",
                (g, r) -> mul(g, add(mul(r, r), one())));
    }

    /** {@code asin(x)}: {@code grad * rsqrt(1 - x^2)}. */
    public static TensorImpl asin(TensorImpl self) {
        return onInput(floating(self, "asin_vml_cpu", Math::asin), self, "AsinBackward0",
                (g, x) -> mul(g, rsqrt(rsub(mul(x, x), one()))));
    }

    /** {@code acos(x)}: {@code grad * -rsqrt(1 - x^2)}. */
    public static TensorImpl acos(TensorImpl self) {
        return onInput(floating(self, "acos_vml_cpu", Math::acos), self, "AcosBackward0",
                (g, x) -> mul(g, neg(rsqrt(rsub(mul(x, x), one())))));
    }

    /** {@code atan(x)}: {@code grad / (1 + x^2)}. */
    public static TensorImpl atan(TensorImpl self) {
        return onInput(floating(self, "atan_vml_cpu", UnaryOp.ATAN), self, "AtanBackward0",
                (g, x) -> div(g, add(mul(x, x), one())));
    }

    /** {@code sinh(x)}: {@code grad * cosh(x)}. */
    public static TensorImpl sinh(TensorImpl self) {
        return onInput(floating(self, "sinh_cpu", Math::sinh), self, "SinhBackward0", (g, x) -> mul(g, cosh(x)));
    }

    /** {@code cosh(x)}: {@code grad * sinh(x)}. */
    public static TensorImpl cosh(TensorImpl self) {
        return onInput(floating(self, "cosh_cpu", Math::cosh), self, "CoshBackward0", (g, x) -> mul(g, sinh(x)));
    }

    /** {@code asinh(x)}: {@code grad * rsqrt(x^2 + 1)}. */
    public static TensorImpl asinh(TensorImpl self) {
        return onInput(floating(self, "asinh_cpu", Transcendental::asinh), self, "AsinhBackward0",
                (g, x) -> mul(g, rsqrt(add(mul(x, x), one()))));
    }

    /** The inverse hyperbolic cosine: NaN below 1, {@code log(2x)} where {@code x^2} would overflow. */
    private static double acosh(double x) {
        if (!(x >= 1)) {
            return Double.NaN;
        }
        return x > 0x1p28 ? Math.log(x) + Math.log(2) : Math.log(x + Math.sqrt(x * x - 1));
    }

    /** {@code acosh(x)}: {@code grad * rsqrt(x^2 - 1)}. */
    public static TensorImpl acosh(TensorImpl self) {
        return onInput(floating(self, "acosh_cpu", Transcendental::acosh), self, "AcoshBackward0",
                (g, x) -> mul(g, rsqrt(sub(mul(x, x), one()))));
    }

    /** {@code atanh(x)}: {@code grad / (1 - x^2)}. */
    public static TensorImpl atanh(TensorImpl self) {
        return onInput(floating(self, "atanh_cpu", x -> 0.5 * Math.log1p(2 * x / (1 - x))), self, "AtanhBackward0",
                (g, x) -> div(g, rsub(mul(x, x), one())));
    }

    /** {@code 2^x}: {@code grad * result * ln 2}. */
    public static TensorImpl exp2(TensorImpl self) {
        DType type = DefaultDtype.floatingOf(self.dtype());
        return onResult(Outputs.unary(self, type, type, x -> Math.pow(2, x), null), self, "Exp2Backward0",
                (g, r) -> mul(g, mul(r, Scalars.wrap(LN2))));
    }

    /** {@code exp(x) - 1}: {@code grad * (result + 1)}. */
    public static TensorImpl expm1(TensorImpl self) {
        return onResult(floating(self, "expm1_vml_cpu", UnaryOp.EXPM1), self, "Expm1Backward0",
                (g, r) -> mul(g, add(r, one())));
    }

    /** {@code log2(x)}: {@code grad / (x ln 2)}. */
    public static TensorImpl log2(TensorImpl self) {
        return onInput(floating(self, "log2_vml_cpu", x -> Math.log(x) / LN2), self, "Log2Backward0",
                (g, x) -> div(g, mul(x, Scalars.wrap(LN2))));
    }

    /** {@code log10(x)}: {@code grad / (x ln 10)}. */
    public static TensorImpl log10(TensorImpl self) {
        return onInput(floating(self, "log10_vml_cpu", Math::log10), self, "Log10Backward0",
                (g, x) -> div(g, mul(x, Scalars.wrap(LN10))));
    }

    /** {@code log(1 + x)}: {@code grad / (x + 1)}. */
    public static TensorImpl log1p(TensorImpl self) {
        return onInput(floating(self, "log1p_vml_cpu", UnaryOp.LOG1P), self, "Log1PBackward0",
                (g, x) -> div(g, add(x, one())));
    }

    /** {@code 1 / sqrt(x)}: {@code -grad * result^3 / 2}. */
    public static TensorImpl rsqrt(TensorImpl self) {
        checkHalf(self, "rsqrt_cpu");
        DType type = DefaultDtype.floatingOf(self.dtype());
        return onResult(Outputs.unary(self, type, type, UnaryOp.RSQRT), self, "RsqrtBackward0",
                (g, r) -> mul(mul(g, mul(r, mul(r, r))), Scalars.wrap(-0.5)));
    }

    /** {@code sin(pi x) / (pi x)}, 1 at 0: {@code grad * (cos(pi x) pi x - sin(pi x)) / (pi x^2)}, 0 at 0. */
    public static TensorImpl sinc(TensorImpl self) {
        return onInput(floating(self, "sinc_cpu", Transcendental::sinc), self, "SincBackward0",
                (g, x) -> mul(g, Outputs.unary(x, x.dtype(), x.dtype(), Transcendental::sincDerivative, null)));
    }

    /** {@code erf(x)}: {@code grad * 2 / sqrt(pi) * exp(-x^2)}. */
    public static TensorImpl erf(TensorImpl self) {
        return onInput(floating(self, "erf_vml_cpu", Erf::value), self, "ErfBackward0",
                (g, x) -> mul(g, mul(Pointwise.exp(neg(mul(x, x))), Scalars.wrap(TWO_OVER_SQRT_PI))));
    }

    /** {@code erfc(x)}: {@code grad * -2 / sqrt(pi) * exp(-x^2)}. */
    public static TensorImpl erfc(TensorImpl self) {
        return onInput(floating(self, "erfc_vml_cpu", Erfc::value), self, "ErfcBackward0",
                (g, x) -> mul(g, mul(Pointwise.exp(neg(mul(x, x))), Scalars.wrap(-TWO_OVER_SQRT_PI))));
    }

    /** {@code erfinv(x)}: {@code grad * sqrt(pi) / 2 * exp(result^2)}. */
    public static TensorImpl erfinv(TensorImpl self) {
        return onResult(floating(self, "erfinv_vml_cpu", InverseErf::value), self, "ErfinvBackward0",
                (g, r) -> mul(g, mul(Pointwise.exp(mul(r, r)), Scalars.wrap(Math.sqrt(Math.PI) / 2))));
    }

    /** {@code log|gamma(x)|}: {@code grad * digamma(x)}. */
    public static TensorImpl lgamma(TensorImpl self) {
        return onInput(floating(self, "lgamma_vml_cpu", Transcendental::lgamma), self, "LgammaBackward0",
                (g, x) -> mul(g, digamma(x)));
    }

    /** {@code digamma(x)}: {@code grad * trigamma(x)}. */
    public static TensorImpl digamma(TensorImpl self) {
        return onInput(floating(self, "digamma", Transcendental::digamma), self, "DigammaBackward0",
                (g, x) -> mul(g, Outputs.unary(x, x.dtype(), x.dtype(), Trigamma::value, null)));
    }

    /** {@code log(x / (1 - x))}: {@code grad / (x (1 - x))}, NaN outside {@code [0, 1]}. */
    public static TensorImpl logit(TensorImpl self) {
        return onInput(floating(self, "logit_cpu", x -> Math.log(x / (1 - x))), self, "LogitBackward0",
                (g, x) -> Where.where(Comparisons.logicalOr(Comparisons.lt(x, Scalars.wrap(0)),
                        Comparisons.gt(x, one())), Scalars.wrap(Double.NaN), div(g, mul(x, rsub(x, one())))));
    }

    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + LN2 : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double sincDerivative(double x) {
        if (x == 0) {
            return 0;
        }
        double px = Math.PI * x;
        return (Math.cos(px) * px - Math.sin(px)) / (px * x);
    }

    /** C's lgamma: +inf at the poles (0 and negative integers), as PyTorch. */
    private static double lgamma(double x) {
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0.5) {
            // reflection: log|gamma(x)| = log(pi / |sin(pi x)|) - log|gamma(1 - x)|
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - LogGamma.value(1 - x);
        }
        return LogGamma.value(x);
    }

    /** PyTorch's digamma: -inf at 0 (+/-0 keep their sign's limit), NaN at negative integers. */
    private static double digamma(double x) {
        if (x == 0) {
            return Math.copySign(Double.POSITIVE_INFINITY, -x);
        }
        if (x < 0 && x == Math.rint(x)) {
            return Double.NaN;
        }
        return Digamma.value(x);
    }
}
