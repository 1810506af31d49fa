package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.Operand.OTHER;
import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;
import static jtorch.internal.ops.Arithmetic.add;
import static jtorch.internal.ops.Arithmetic.div;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.neg;
import static jtorch.internal.ops.Arithmetic.sub;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.autograd.FormulaNode.Derivative;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.dtype.HalfFloats;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Binary (and ternary) pointwise math beyond the arithmetic operators: atan2, hypot, maximum and
 * minimum (NaN-propagating), fmax and fmin (NaN-ignoring), fmod, copysign, logaddexp(2), xlogy,
 * lerp, addcmul, addcdiv, and the closeness tests. Operands broadcast and promote as in PyTorch;
 * each op is its forward and its derivatives for both inputs, from PyTorch's derivatives.yaml.
 */
public final class BinaryMath {
    private BinaryMath() {
    }

    private static TensorImpl floating(TensorImpl a, TensorImpl b, DoubleBinaryOperator f) {
        DType type = DefaultDtype.floatingOf(Promotion.resultType(a, b));
        return Outputs.binary(a, b, type, type, f, null);
    }

    /**
     * PyTorch 1.13's error for an op whose CPU {@code kernel} exists only for some dtypes: float16
     * always lacks it; with {@code floatingOnly}, integral and bool operands do too.
     */
    private static void requireKernel(TensorImpl a, TensorImpl b, String kernel, boolean floatingOnly) {
        Shapes.broadcast(a.sizes(), b.sizes()); // TensorIterator checks shapes before dispatching on the dtype
        DType type = Promotion.resultType(a, b);
        if (type == DType.FLOAT16 || floatingOnly && !type.isFloatingPoint()) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + type.scalarName() + "'");
        }
    }

    private static TensorImpl promoted(TensorImpl a, TensorImpl b, DoubleBinaryOperator f, LongBinaryOperator g) {
        DType type = Promotion.resultType(a, b);
        return Outputs.binary(a, b, type, type, f, g);
    }

    private static TensorImpl record(TensorImpl out, String name, TensorImpl a, TensorImpl b, Derivative da,
            Derivative db) {
        return FormulaNode.record(out, name, a, b, da, db);
    }

    /** {@code atan2(y, x)}: {@code (grad x, -grad y) / (x^2 + y^2)}. */
    public static TensorImpl atan2(TensorImpl self, TensorImpl other) {
        requireKernel(self, other, "atan2_cpu", false);
        return record(floating(self, other, Math::atan2), "Atan2Backward0", self, other,
                formula((g, in) -> div(mul(g, in.other()), squares(in)), SELF, OTHER),
                formula((g, in) -> div(mul(g, neg(in.self())), squares(in)), SELF, OTHER));
    }

    private static TensorImpl squares(FormulaNode in) {
        return add(mul(in.self(), in.self()), mul(in.other(), in.other()));
    }

    /** {@code sqrt(a^2 + b^2)}: {@code grad * a / result}, {@code grad * b / result}. */
    public static TensorImpl hypot(TensorImpl self, TensorImpl other) {
        requireKernel(self, other, "hypot_cpu", true);
        return record(floating(self, other, Math::hypot), "HypotBackward0", self, other,
                formula((g, in) -> div(mul(g, in.self()), in.result()), SELF, RESULT),
                formula((g, in) -> div(mul(g, in.other()), in.result()), OTHER, RESULT));
    }

    /** Elementwise maximum, NaN if either is NaN; a tie splits the gradient in half. */
    public static TensorImpl maximum(TensorImpl self, TensorImpl other) {
        return extreme(self, other, true, false, "MaximumBackward0");
    }

    /** Elementwise minimum, NaN if either is NaN. */
    public static TensorImpl minimum(TensorImpl self, TensorImpl other) {
        return extreme(self, other, false, false, "MinimumBackward0");
    }

    /** Elementwise maximum ignoring a NaN operand. */
    public static TensorImpl fmax(TensorImpl self, TensorImpl other) {
        return extreme(self, other, true, true, "FmaxBackward0");
    }

    /** Elementwise minimum ignoring a NaN operand. */
    public static TensorImpl fmin(TensorImpl self, TensorImpl other) {
        return extreme(self, other, false, true, "FminBackward0");
    }

    private static TensorImpl extreme(TensorImpl self, TensorImpl other, boolean max, boolean ignoreNan,
            String node) {
        DoubleBinaryOperator f = (a, b) -> {
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return ignoreNan ? (Double.isNaN(a) ? b : a) : Double.NaN;
            }
            return max ? Math.max(a, b) : Math.min(a, b);
        };
        TensorImpl out = promoted(self, other, f, max ? Math::max : Math::min);
        return record(out, node, self, other,
                formula((g, in) -> share(g, in.self(), in.other(), max), SELF, OTHER),
                formula((g, in) -> share(g, in.other(), in.self(), max), SELF, OTHER));
    }

    /** The gradient share of {@code mine}: all where it wins, half on a tie, none where it loses. */
    private static TensorImpl share(TensorImpl g, TensorImpl mine, TensorImpl theirs, boolean max) {
        TensorImpl wins = Conversions.to(max ? Comparisons.gt(mine, theirs) : Comparisons.lt(mine, theirs), g.dtype());
        TensorImpl ties = Conversions.to(Comparisons.eq(mine, theirs), g.dtype());
        return mul(g, add(wins, mul(ties, Scalars.wrap(0.5))));
    }

    /** C's {@code fmod}: the remainder with the dividend's sign; {@code grad}, {@code -grad * trunc(a / b)}. */
    public static TensorImpl fmod(TensorImpl self, TensorImpl other) {
        if (Promotion.resultType(self, other) == DType.BOOL) {
            throw new UnsupportedOperationException("\"fmod_cpu\" not implemented for 'Bool'");
        }
        TensorImpl out = promoted(self, other, (a, b) -> a % b, (a, b) -> {
            if (b == 0) {
                throw new ArithmeticException("ZeroDivisionError");
            }
            return a % b;
        });
        return record(out, "FmodBackward1", self, other, formula((g, in) -> g),
                formula((g, in) -> mul(neg(g), Arithmetic.div(in.self(), in.other(), "trunc")), SELF, OTHER));
    }

    /** {@code |a|} with the sign of {@code b}: {@code grad * result / a} (0 where a is 0); no gradient for b. */
    public static TensorImpl copysign(TensorImpl self, TensorImpl other) {
        TensorImpl out = floating(self, other, Math::copySign);
        return record(out, "CopysignBackward0", self, other,
                formula((g, in) -> mul(g, Gathering.maskedFill(div(in.result(), in.self()),
                        Comparisons.eq(in.self(), Scalars.wrap(0)), 0)), SELF, RESULT),
                formula((g, in) -> Creation.zerosLike(g)));
    }

    /** {@code log(exp(a) + exp(b))}, computed as {@code max + log1p(exp(-|a - b|))}. */
    public static TensorImpl logaddexp(TensorImpl self, TensorImpl other) {
        requireKernel(self, other, "logaddexp_cpu", true);
        TensorImpl out = floating(self, other, (a, b) -> {
            double m = Math.max(a, b);
            return Double.isInfinite(m) && a == b ? a : m + Math.log1p(Math.exp(-Math.abs(a - b)));
        });
        return record(out, "LogaddexpBackward0", self, other,
                formula((g, in) -> div(g, add(Pointwise.exp(sub(in.other(), in.self())), Scalars.wrap(1))), SELF, OTHER),
                formula((g, in) -> div(g, add(Pointwise.exp(sub(in.self(), in.other())), Scalars.wrap(1))), SELF, OTHER));
    }

    /**
     * {@code log2(2^a + 2^b)}, computed as {@code max + log2(1 + 2^-|a - b|)} in the operands'
     * dtype; gradients {@code grad / (1 + 2^(b - a))} and {@code grad / (1 + 2^(a - b))}.
     */
    public static TensorImpl logaddexp2(TensorImpl self, TensorImpl other) {
        requireKernel(self, other, "logaddexp2_cpu", true);
        DType type = DefaultDtype.floatingOf(Promotion.resultType(self, other));
        boolean single = type != DType.FLOAT64;
        TensorImpl out = floating(self, other, (a, b) -> {
            if (Double.isInfinite(a) && a == b) {
                return a;
            }
            double m = Math.max(a, b);
            double power = round(Math.pow(2, round(-Math.abs(round(a - b, single)), single)), single);
            return m + round(Math.log(round(1 + power, single)) / Math.log(2), single);
        });
        return record(out, "Logaddexp2Backward0", self, other,
                formula((g, in) -> div(g, add(Arithmetic.pow(Scalars.wrap(2), sub(in.other(), in.self())),
                        Scalars.wrap(1))), SELF, OTHER),
                formula((g, in) -> div(g, add(Arithmetic.pow(Scalars.wrap(2), sub(in.self(), in.other())),
                        Scalars.wrap(1))), SELF, OTHER));
    }

    /**
     * {@code torch.heaviside(input, values)}: 0 where the input is negative (or NaN), 1 where it
     * is positive, {@code values} where it is zero; both tensors must have one dtype. PyTorch
     * records a {@code NotImplemented} node whose backward raises.
     */
    public static TensorImpl heaviside(TensorImpl self, TensorImpl values) {
        if (self.dtype() != values.dtype()) {
            throw new IllegalArgumentException("heaviside is not yet implemented for tensors with different dtypes.");
        }
        TensorImpl out = promoted(self, values, (a, b) -> a == 0 ? b : a > 0 ? 1 : 0, (a, b) -> a == 0 ? b : a > 0 ? 1 : 0);
        Derivative none = formula((g, in) -> {
            throw new IllegalStateException("derivative for aten::heaviside is not implemented");
        });
        return record(out, "NotImplemented", self, values, none, none);
    }

    /**
     * {@code torch.nextafter(input, other)}: the next representable value of the result dtype
     * after {@code input} towards {@code other} (float32, float64 and bfloat16; PyTorch 1.13 has
     * no float16 kernel). Its node's backward raises, as PyTorch's.
     */
    public static TensorImpl nextafter(TensorImpl self, TensorImpl other) {
        requireKernel(self, other, "nextafter_cpu", true);
        DType type = Promotion.resultType(self, other);
        DoubleBinaryOperator step = switch (type) {
            case FLOAT64 -> Math::nextAfter;
            case FLOAT32 -> (a, b) -> Math.nextAfter((float) a, (float) b);
            default -> BinaryMath::nextBfloat16;
        };
        TensorImpl out = promoted(self, other, step, null);
        Derivative none = formula((g, in) -> {
            throw new UnsupportedOperationException("the derivative for 'nextafter' is not implemented.");
        });
        return record(out, "NextafterBackward0", self, other, none, none);
    }

    /** c10::BFloat16's nextafter: one step of the 16-bit pattern towards {@code to}. */
    private static double nextBfloat16(double from, double to) {
        if (Double.isNaN(from) || Double.isNaN(to)) {
            return Double.NaN;
        }
        if (from == to) {
            return to;
        }
        int bits = HalfFloats.floatToBfloat16((float) from) & 0xFFFF;
        if (from == 0) {
            bits = 1 | (to < 0 ? 0x8000 : 0);
        } else {
            bits += (from < to) == (from > 0) ? 1 : -1;
        }
        return HalfFloats.bfloat16ToFloat((short) bits);
    }

    /** {@code torch.ldexp(input, other)}: {@code input * 2^other}, composed as PyTorch does (MulBackward0). */
    public static TensorImpl ldexp(TensorImpl self, TensorImpl other) {
        return mul(self, Arithmetic.pow(Scalars.wrap(2.0), other));
    }

    /**
     * {@code torch.float_power(input, exponent)}: the power in float64, composed as PyTorch does
     * ({@code input.to(float64).pow(exponent.to(float64))}).
     */
    public static TensorImpl floatPower(TensorImpl self, TensorImpl exponent) {
        if (self.isWrappedNumber()) {
            return Arithmetic.pow(self.getDouble(0), Conversions.to(exponent, DType.FLOAT64));
        }
        TensorImpl base = Conversions.to(self, DType.FLOAT64);
        if (exponent.isWrappedNumber()) {
            return Arithmetic.pow(base, exponent.getDouble(0));
        }
        return Arithmetic.pow(base, Conversions.to(exponent, DType.FLOAT64));
    }

    /** {@code self.float_power_(exponent)}: self must be float64 already. */
    public static TensorImpl floatPowerInPlace(TensorImpl self, TensorImpl exponent) {
        if (self.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("the base given to float_power_ has dtype "
                    + self.dtype().scalarName() + " but the operation's result requires dtype Double");
        }
        return Derived.inPlace(self, exponent, BinaryMath::floatPower);
    }

    /** {@code x * log(y)}, 0 where x is 0 (unless y is NaN): {@code grad * log(y)}, {@code grad * x / y}. */
    public static TensorImpl xlogy(TensorImpl self, TensorImpl other) {
        TensorImpl out = floating(self, other, (x, y) -> Double.isNaN(y) ? Double.NaN : x == 0 ? 0 : x * Math.log(y));
        return record(out, "XlogyBackward0", self, other,
                formula((g, in) -> xlogy(g, in.other()), OTHER),
                formula((g, in) -> div(mul(g, in.self()), in.other()), SELF, OTHER));
    }

    /**
     * {@code self + weight * (end - self)} with a scalar weight, in the dtype's arithmetic and
     * PyTorch's two-sided form ({@code end - (end - self) * (1 - weight)} from weight 0.5 on).
     */
    public static TensorImpl lerp(TensorImpl self, TensorImpl end, double weight) {
        checkLerpDtypes(self, end);
        Shapes.broadcast(self.sizes(), end.sizes()); // TensorIterator's shape check before the kernel's dtype
        DType type = self.dtype();
        if (!type.isFloatingPoint() || type == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"lerp_kernel_scalar\" not implemented for '" + type.scalarName()
                    + "'");
        }
        boolean single = type != DType.FLOAT64;
        double w = round(weight, single);
        TensorImpl out = Outputs.binary(self, end, type, type, (a, b) -> {
            double d = round(b - a, single);
            return w < 0.5 ? round(a + round(w * d, single), single)
                    : round(b - round(d * round(1 - w, single), single), single);
        }, null);
        return record(out, "LerpBackward0", self, end, formula((g, in) -> mul(g, Scalars.wrap(1 - weight))),
                formula((g, in) -> mul(g, Scalars.wrap(weight))));
    }

    /** {@code self.lerp_(end, weight)}: autograd's in-place check, then the dtypes, then the overlap and shapes. */
    public static TensorImpl lerpInPlace(TensorImpl self, TensorImpl end, double weight) {
        Autograd.checkInplace(self);
        checkLerpDtypes(self, end);
        return Derived.inPlace(self, end, (a, b) -> lerp(a, b, weight));
    }

    private static void checkLerpDtypes(TensorImpl self, TensorImpl end) {
        if (self.dtype() != end.dtype()) {
            throw new IllegalArgumentException("expected dtype " + Derived.cppName(self.dtype()) + " for `end` but got dtype "
                    + Derived.cppName(end.dtype()));
        }
    }

    /** {@code self.ldexp_(other)}: PyTorch's {@code mul_out(self, self, 2^other)}, so no autograd through it. */
    public static TensorImpl ldexpInPlace(TensorImpl self, TensorImpl other) {
        return Derived.out("mul", self, in -> {
            Derived.checkNoInternalOverlap(in[0]); // TensorIterator's overlap check, then shapes
            Derived.checkBroadcast(in[0], in[1]);
            return ldexp(in[0], in[1]);
        }, self, other);
    }

    private static double round(double v, boolean single) {
        return single ? (float) v : v;
    }

    /** {@code self + value * t1 * t2} in the result dtype (operands converted first), evaluated in that order. */
    public static TensorImpl addcmul(TensorImpl self, TensorImpl t1, TensorImpl t2, Number value) {
        broadcastInOrder(self, t1, t2);
        DType type = Promotion.resultType(self, t1, t2);
        if (type == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"addcmul_cpu_out\" not implemented for 'Half'");
        }
        TensorImpl v = Scalars.wrap(inDtype(value, type));
        TensorImpl out = GradEnabled.without(() -> add(Conversions.to(self, type),
                mul(mul(v, Conversions.to(t1, type)), Conversions.to(t2, type))));
        // derivatives.yaml: grad * (tensor2 * value), grad * (tensor1 * value)
        return FormulaNode.record(out, "AddcmulBackward0", new TensorImpl[] {self, t1, t2}, new Derivative[] {
            formula((g, in) -> g),
            formula((g, in) -> mul(g, mul(in.input(2), value)), FormulaNode.Operand.input(2)),
            formula((g, in) -> mul(g, mul(in.input(1), value)), FormulaNode.Operand.input(1))});
    }

    /** {@code self.addcmul_(t1, t2, value)}: shapes, then the cast to self's dtype, then the op. */
    public static TensorImpl addcmulInPlace(TensorImpl self, TensorImpl t1, TensorImpl t2, Number value) {
        return Derived.inPlace(self, t1, t2, Promotion.resultType(self, t1, t2), (a, b, c) -> addcmul(a, b, c, value));
    }

    /** {@code self.addcdiv_(t1, t2, value)}: the integer-division check comes first. */
    public static TensorImpl addcdivInPlace(TensorImpl self, TensorImpl t1, TensorImpl t2, Number value) {
        Autograd.checkInplace(self); // autograd's check comes before the op's own
        checkAddcdivOperands(t1, t2);
        return Derived.inPlace(self, t1, t2, Promotion.resultType(self, t1, t2), (a, b, c) -> addcdiv(a, b, c, value));
    }

    /** {@code self + value * t1 / t2}; two integral divisors are refused, as PyTorch 1.13 does. */
    public static TensorImpl addcdiv(TensorImpl self, TensorImpl t1, TensorImpl t2, Number value) {
        checkAddcdivOperands(t1, t2);
        broadcastInOrder(self, t1, t2);
        DType type = Promotion.resultType(self, t1, t2);
        if (type == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"addcdiv_cpu_out\" not implemented for 'Half'");
        }
        TensorImpl v = Scalars.wrap(inDtype(value, type));
        TensorImpl out = GradEnabled.without(() -> add(Conversions.to(self, type),
                div(mul(v, Conversions.to(t1, type)), Conversions.to(t2, type))));
        // derivatives.yaml: grad * (value / tensor2), -grad * (value * tensor1 / (tensor2 * tensor2))
        return FormulaNode.record(out, "AddcdivBackward0", new TensorImpl[] {self, t1, t2}, new Derivative[] {
            formula((g, in) -> g),
            formula((g, in) -> mul(g, scalarOver(value, in.input(2))), FormulaNode.Operand.input(2)),
            formula((g, in) -> mul(neg(g), div(mul(in.input(1), value), mul(in.input(2), in.input(2)))),
                    FormulaNode.Operand.input(1), FormulaNode.Operand.input(2))});
    }

    /** Two integral divisors are refused, as PyTorch 1.13 does (before any shape or dtype check). */
    private static void checkAddcdivOperands(TensorImpl t1, TensorImpl t2) {
        if (!t1.dtype().isFloatingPoint() && !t2.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Integer division with addcdiv is no longer supported, and in a future"
                    + "  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv"
                    + " behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype)"
                    + " for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future"
                    + " addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all"
                    + " dtypes.");
        }
    }

    /**
     * ATen's {@code Scalar / Tensor} in a derivative formula: {@code full_like(t, value).div_(t)},
     * in t's dtype (a float32 divisor gives a float32 quotient even for a float64 gradient);
     * an integral divisor divides to the default float dtype instead of failing.
     */
    private static TensorImpl scalarOver(Number value, TensorImpl t) {
        return t.dtype().isFloatingPoint() ? div(Creation.fullLike(t, value), t) : div(Scalars.wrap(value), t);
    }

    /** TensorIterator's shape check: the operands broadcast left to right, the first pair that fails named. */
    private static void broadcastInOrder(TensorImpl a, TensorImpl b, TensorImpl c) {
        Shapes.broadcast(Shapes.broadcast(a.sizes(), b.sizes()), c.sizes());
    }

    /** A scalar as the kernel sees it: truncated for integral dtypes ({@code value.to<scalar_t>()}). */
    private static Number inDtype(Number value, DType type) {
        return type.isFloatingPoint() ? (Number) value.doubleValue() : (Number) value.longValue();
    }

    /**
     * {@code isclose}: equal, or finite with {@code |a - b| <= atol + |rtol * b|} computed in the
     * operands' dtype as PyTorch does (bool operands in the default dtype).
     */
    public static TensorImpl isclose(TensorImpl self, TensorImpl other, double rtol, double atol, boolean equalNan) {
        if (self.dtype() != other.dtype()) {
            throw new IllegalArgumentException(self.dtype().scalarName() + " did not match "
                    + other.dtype().scalarName());
        }
        return GradEnabled.without(() -> {
            TensorImpl close = Comparisons.eq(self, other);
            if (equalNan) {
                close = Comparisons.logicalOr(close, Comparisons.logicalAnd(Rounding.isnan(self), Rounding.isnan(other)));
            }
            if (rtol == 0 && atol == 0) {
                return close;
            }
            TensorImpl a = self.dtype() == DType.BOOL ? Conversions.to(self, DefaultDtype.get()) : self;
            TensorImpl b = other.dtype() == DType.BOOL ? Conversions.to(other, DefaultDtype.get()) : other;
            TensorImpl allowed = add(Pointwise.abs(mul(b, Scalars.wrap(rtol))), Scalars.wrap(atol));
            TensorImpl actual = Pointwise.abs(sub(a, b));
            return Comparisons.logicalOr(close, Comparisons.logicalAnd(Rounding.isfinite(actual),
                    Comparisons.le(actual, allowed)));
        });
    }

    /** {@code torch.allclose}: every element close. */
    public static boolean allclose(TensorImpl self, TensorImpl other, double rtol, double atol, boolean equalNan) {
        TensorImpl close = isclose(self, other, rtol, atol, equalNan);
        return isTrue(Statistics.truth(close, null, false, true));
    }

    /** {@code torch.equal}: same shape and equal values (after promotion). */
    public static boolean equal(TensorImpl self, TensorImpl other) {
        if (!java.util.Arrays.equals(self.sizes(), other.sizes())) {
            return false;
        }
        TensorImpl same = GradEnabled.without(() -> Comparisons.eq(self, other));
        return isTrue(Statistics.truth(same, null, false, true));
    }

    private static boolean isTrue(TensorImpl scalar) {
        return scalar.storage().getLong(scalar.offset()) != 0;
    }
}
