package jtorch.internal.ops;

import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Pointwise.checkHalf;
import static jtorch.internal.ops.Pointwise.onInput;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;
import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Rounding, sign tests and float classification: floor, ceil, round, trunc, frac, sgn, signbit,
 * isnan/isinf/isfinite/isposinf/isneginf, nan_to_num, and the constant scalings deg2rad/rad2deg.
 * Rounding keeps integral dtypes (they are already whole) and has a zero derivative, as PyTorch's.
 */
public final class Rounding {
    private Rounding() {
    }

    /** A rounding op: identity on integral dtypes, PyTorch's error for bool and float16, zero gradient. */
    private static TensorImpl rounding(TensorImpl self, String kernel, String node, UnaryOp op) {
        checkRoundable(self, kernel);
        return zeroGradient(Outputs.unary(self, self.dtype(), self.dtype(), op), self, node);
    }

    private static void checkRoundable(TensorImpl self, String kernel) {
        checkHalf(self, kernel);
        if (self.dtype() == DType.BOOL) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for 'Bool'");
        }
    }

    /** {@code out} recorded as a piecewise-constant function of {@code self}: the gradient is zero. */
    static TensorImpl zeroGradient(TensorImpl out, TensorImpl self, String node) {
        return FormulaNode.record(out, node, self, FormulaNode.formula((g, in) -> Creation.zerosLike(g)));
    }

    public static TensorImpl floor(TensorImpl self) {
        return rounding(self, "floor_vml_cpu", "FloorBackward0", UnaryOp.FLOOR);
    }

    public static TensorImpl ceil(TensorImpl self) {
        return rounding(self, "ceil_vml_cpu", "CeilBackward0", UnaryOp.CEIL);
    }

    /** Round half to even, as {@code nearbyint}. */
    public static TensorImpl round(TensorImpl self) {
        return rounding(self, "round_vml_cpu", "RoundBackward0", UnaryOp.ROUND);
    }

    /** {@code torch.round(x, decimals=d)}: {@code rint(x * 10^d) / 10^d} (negative {@code d} rounds to tens, ...). */
    public static TensorImpl round(TensorImpl self, int decimals) {
        if (decimals == 0) {
            return round(self);
        }
        double ten = Math.pow(10, Math.abs(decimals));
        DoubleUnaryOperator f = decimals > 0 ? x -> Math.rint(x * ten) / ten : x -> Math.rint(x / ten) * ten;
        checkRoundable(self, "round_vml_cpu");
        return zeroGradient(Outputs.unary(self, self.dtype(), self.dtype(), f, LongUnaryOperator.identity()), self,
                "RoundBackward1");
    }

    public static TensorImpl trunc(TensorImpl self) {
        return rounding(self, "trunc_vml_cpu", "TruncBackward0", UnaryOp.TRUNC);
    }

    /** {@code x - trunc(x)}: gradient passes through. */
    public static TensorImpl frac(TensorImpl self) {
        if (!self.dtype().isFloatingPoint()) {
            throw new UnsupportedOperationException("\"frac_cpu\" not implemented for '" + self.dtype().scalarName() + "'");
        }
        TensorImpl out = Outputs.unary(self, self.dtype(), self.dtype(), UnaryOp.FRAC);
        return onInput(out, self, "FracBackward0", (g, x) -> g);
    }

    /** {@code sgn(x)}: the sign for real dtypes (bool stays bool), zero gradient. */
    public static TensorImpl sgn(TensorImpl self) {
        if (self.dtype() == DType.BOOL) {
            return Conversions.clone(self);
        }
        return zeroGradient(Outputs.unary(self, self.dtype(), self.dtype(), UnaryOp.SIGN), self, "SgnBackward0");
    }

    /** True where the sign bit is set (so for -0.0 too). */
    public static TensorImpl signbit(TensorImpl self) {
        return test(self, x -> Double.doubleToRawLongBits(x) < 0, x -> x < 0);
    }

    /** {@code x != x}: the comparison's loops (float32: {@code Comparison}'s dense one), not a per-element test. */
    public static TensorImpl isnan(TensorImpl self) {
        return Comparisons.ne(self, self);
    }

    public static TensorImpl isinf(TensorImpl self) {
        return test(self, Double::isInfinite, x -> false);
    }

    public static TensorImpl isfinite(TensorImpl self) {
        return test(self, Double::isFinite, x -> true);
    }

    public static TensorImpl isposinf(TensorImpl self) {
        return test(self, x -> x == Double.POSITIVE_INFINITY, x -> false);
    }

    public static TensorImpl isneginf(TensorImpl self) {
        return test(self, x -> x == Double.NEGATIVE_INFINITY, x -> false);
    }

    /**
     * {@code nan_to_num(x, nan=0, posinf=max, neginf=min)}: NaN and infinities replaced (null
     * bounds mean the dtype's largest finite values); gradient where the input was finite.
     */
    public static TensorImpl nanToNum(TensorImpl self, Double nan, Double posinf, Double neginf) {
        DType type = self.dtype();
        if (!type.isFloatingPoint()) {
            return Conversions.clone(self);
        }
        double max = largestFinite(type);
        double n = nan == null ? 0 : nan;
        double p = posinf == null ? max : posinf;
        double m = neginf == null ? -max : neginf;
        TensorImpl out = Outputs.unary(self, type, type,
                x -> Double.isNaN(x) ? n : x == Double.POSITIVE_INFINITY ? p : x == Double.NEGATIVE_INFINITY ? m : x,
                null);
        return onInput(out, self, "NanToNumBackward0", (g, x) -> mul(g, Conversions.to(isfinite(x), g.dtype())));
    }

    /** {@code x * pi / 180}. */
    public static TensorImpl deg2rad(TensorImpl self) {
        return scaled(self, Math.PI / 180, "Deg2RadBackward0");
    }

    /** {@code x * 180 / pi}. */
    public static TensorImpl rad2deg(TensorImpl self) {
        return scaled(self, 180 / Math.PI, "Rad2DegBackward0");
    }

    private static TensorImpl scaled(TensorImpl self, double factor, String node) {
        DType type = DefaultDtype.floatingOf(self.dtype());
        TensorImpl out = Outputs.unary(self, type, type, x -> x * factor, null);
        return onInput(out, self, node, (g, x) -> mul(g, Scalars.wrap(factor)));
    }

    private static TensorImpl test(TensorImpl self, java.util.function.DoublePredicate floating,
            java.util.function.LongPredicate integral) {
        return Outputs.unary(self, self.dtype(), DType.BOOL, x -> floating.test(x) ? 1 : 0,
                x -> integral.test(x) ? 1 : 0);
    }

    private static double largestFinite(DType type) {
        return switch (type) {
            case FLOAT16 -> 65504;
            case BFLOAT16 -> 3.3895313892515355e38;
            case FLOAT32 -> Float.MAX_VALUE;
            default -> Double.MAX_VALUE;
        };
    }
}
