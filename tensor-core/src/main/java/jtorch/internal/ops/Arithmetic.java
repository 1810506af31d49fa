package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.Operand.OTHER;
import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.autograd.Grads;
import jtorch.internal.dtype.Casts;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.Kernels.BinaryOp;
import jtorch.internal.kernels.Powers;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Binary arithmetic and negation: each op's forward (promotion, broadcasting, kernel) and its
 * derivative formulas together, following PyTorch's derivatives.yaml ({@link FormulaNode}). The
 * arithmetic of {@code + - * /} is defined once, in {@link BinaryOp}, and used by the
 * out-of-place ops here, the in-place ops ({@link #inplace}) and the {@code out=} forms.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** {@code self + alpha * other}. */
    public static TensorImpl add(TensorImpl self, TensorImpl other, Number alpha) {
        DType type = Promotion.resultType(self, other);
        checkAlpha(self, other, type, alpha);
        TensorImpl out;
        if (isOne(alpha)) {
            out = Outputs.binary(self, other, type, type, BinaryOp.ADD);
        } else {
            double a = Casts.round(alpha.doubleValue(), type); // alpha takes the op's dtype, as in ATen
            long al = alpha.longValue();
            out = Outputs.binary(self, other, type, type, (x, y) -> x + a * y, (x, y) -> x + al * y);
        }
        return FormulaNode.record(out, "AddBackward0", self, other,
                formula((g, in) -> g),
                formula((g, in) -> isOne(alpha) ? g : mul(g, alpha)));
    }

    public static TensorImpl add(TensorImpl self, TensorImpl other) {
        return add(self, other, 1);
    }

    /** {@code self - alpha * other}. */
    public static TensorImpl sub(TensorImpl self, TensorImpl other, Number alpha) {
        checkBoolSub(self, other);
        DType type = Promotion.resultType(self, other);
        checkAlpha(self, other, type, alpha);
        TensorImpl out;
        double a = Casts.round(alpha.doubleValue(), type); // alpha takes the op's dtype, as in ATen
        if (isOne(alpha)) {
            out = Outputs.binary(self, other, type, type, BinaryOp.SUB);
        } else {
            long al = alpha.longValue();
            out = Outputs.binary(self, other, type, type, (x, y) -> x - a * y, (x, y) -> x - al * y);
        }
        return FormulaNode.record(out, "SubBackward0", self, other,
                formula((g, in) -> g),
                formula((g, in) -> mul(g, -a)));
    }

    public static TensorImpl sub(TensorImpl self, TensorImpl other) {
        return sub(self, other, 1);
    }

    /** {@code other - self}: Python's {@code scalar - tensor}. */
    public static TensorImpl rsub(TensorImpl self, TensorImpl other) {
        checkBoolSub(self, other);
        DType type = Promotion.resultType(self, other);
        // computed as sub(other, self), so a broadcast error names other as tensor a, as PyTorch's
        TensorImpl out = Outputs.binary(other, self, type, type, BinaryOp.SUB);
        return FormulaNode.record(out, other.isWrappedNumber() ? "RsubBackward1" : "RsubBackward0", self, other,
                formula((g, in) -> neg(g)),
                formula((g, in) -> g));
    }

    /** {@code self * other}. */
    public static TensorImpl mul(TensorImpl self, TensorImpl other) {
        DType type = Promotion.resultType(self, other);
        TensorImpl out = Outputs.binary(self, other, type, type, BinaryOp.MUL);
        return FormulaNode.record(out, "MulBackward0", self, other,
                formula((g, in) -> mul(g, in.other()), OTHER),
                formula((g, in) -> mul(g, in.self()), SELF));
    }

    /** {@code self * scalar}. */
    public static TensorImpl mul(TensorImpl self, Number other) {
        return mul(self, Scalars.wrap(other));
    }

    /** True division: integers divide to the default float dtype. */
    public static TensorImpl div(TensorImpl self, TensorImpl other) {
        DType type = DefaultDtype.floatingOf(Promotion.resultType(self, other));
        TensorImpl out = Outputs.binary(self, other, type, type, BinaryOp.DIV);
        return FormulaNode.record(out, "DivBackward0", self, other,
                formula((g, in) -> div(g, in.other()), OTHER),
                formula((g, in) -> { // div_tensor_other_backward: -grad * ((self / other) / other)
                    TensorImpl o = in.other();
                    return mul(neg(g), div(div(in.self(), o), o));
                }, SELF, OTHER));
    }

    /** {@code self / scalar}. */
    public static TensorImpl div(TensorImpl self, Number other) {
        return div(self, Scalars.wrap(other));
    }

    /** Division with {@code rounding_mode} {@code "trunc"} or {@code "floor"} (null: true division). */
    public static TensorImpl div(TensorImpl self, TensorImpl other, String roundingMode) {
        if (roundingMode == null) {
            return div(self, other);
        }
        boolean floor;
        if (roundingMode.equals("floor")) {
            floor = true;
        } else if (roundingMode.equals("trunc")) {
            floor = false;
        } else {
            throw new IllegalArgumentException("div expected rounding_mode to be one of None, 'trunc', or 'floor' but"
                    + " found '" + roundingMode + "'");
        }
        DType type = Promotion.resultType(self, other);
        requireNonBool(self, other, type, "div_" + roundingMode + "_cpu");
        LongBinaryOperator ints = (x, y) -> {
            if (y == 0) {
                throw new ArithmeticException("ZeroDivisionError");
            }
            return floor ? Math.floorDiv(x, y) : x / y;
        };
        TensorImpl out = Outputs.binary(self, other, type, type,
                floor ? (x, y) -> floorDivide(x, y, type) : (x, y) -> truncate(Casts.round(x / y, type)), ints);
        // rounded division is piecewise constant: zero gradient almost everywhere
        return FormulaNode.record(out, "DivBackward2", self, other,
                formula((g, in) -> mul(g, 0)),
                formula((g, in) -> mul(g, 0)));
    }

    /**
     * {@code floor_divide}: {@code div(rounding_mode='floor')}, but PyTorch 1.13 has no derivative
     * for it: the result's grad_fn is {@code NotImplemented}, whose backward fails.
     */
    public static TensorImpl floorDivide(TensorImpl self, TensorImpl other) {
        TensorImpl out = GradEnabled.without(() -> div(self, other, "floor"));
        FormulaNode.Derivative none = formula((g, in) -> {
            throw new UnsupportedOperationException("derivative for aten::floor_divide is not implemented");
        });
        return FormulaNode.record(out, "NotImplemented", self, other, none, none);
    }

    /** Python's {@code %}: the result takes the sign of the divisor. */
    public static TensorImpl remainder(TensorImpl self, TensorImpl other) {
        DType type = Promotion.resultType(self, other);
        requireNonBool(self, other, type, "remainder_cpu");
        TensorImpl out = Outputs.binary(self, other, type, type, (x, y) -> {
            double m = x % y;
            return m != 0 && (y < 0) != (m < 0) ? m + y : m;
        }, (x, y) -> {
            if (y == 0) {
                throw new ArithmeticException("ZeroDivisionError");
            }
            return Math.floorMod(x, y);
        });
        TensorImpl dividend = self.detachAlias();
        TensorImpl divisor = other.detachAlias();
        return FormulaNode.record(out, other.isWrappedNumber() ? "RemainderBackward0" : "RemainderBackward1", self,
                other,
                formula((g, in) -> g),
                formula((g, in) -> mul(neg(g), div(dividend, divisor, "floor"))));
    }

    /** PyTorch's CPU kernels of rounded division and remainder have no bool version (shapes are checked first). */
    private static void requireNonBool(TensorImpl self, TensorImpl other, DType type, String kernel) {
        Shapes.broadcast(self.sizes(), other.sizes());
        if (type == DType.BOOL) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for 'Bool'");
        }
    }

    /** {@code -self}. */
    public static TensorImpl neg(TensorImpl self) {
        if (self.dtype().isBool()) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you"
                    + " are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        // floating dtypes by the vector kernels (7.8 -> 2.8 ms for 4M float32), integers by the long loop
        TensorImpl out = self.dtype().isFloatingPoint() ? Outputs.unary(self, self.dtype(), self.dtype(), UnaryOp.NEG)
                : Outputs.unary(self, self.dtype(), self.dtype(), x -> -x, x -> -x);
        return FormulaNode.record(out, "NegBackward0", self, formula((g, in) -> neg(g)));
    }

    /**
     * {@code self ** exponent} with a scalar exponent ({@code PowBackward0}). As ATen's kernel: the
     * exponent takes a float16, bfloat16 or integral op's dtype first (checked, so {@code 1e-30}
     * is 0 for float16); exponents 0.5, -0.5 and -1 of float32/float64/bfloat16 run sqrt,
     * rsqrt and reciprocal ({@code (-inf) ** 0.5} is NaN), and 2, 3 and -2 of float32/float64
     * {@code x * x}, {@code x * x * x} and {@code 1 / (x * x)} ({@link #specialPower}).
     */
    public static TensorImpl pow(TensorImpl self, Number exponent) {
        TensorImpl e = Scalars.wrap(exponent);
        DType type = Promotion.resultType(self, e);
        checkPowDtype(type);
        checkIntegerPower(type, e);
        double given = exponent.doubleValue();
        boolean lowOrIntegral = type == DType.FLOAT16 || type == DType.BFLOAT16 || !type.isFloatingPoint();
        if (lowOrIntegral && given != 0 && given != 1) { // ATen fills or copies for 0 and 1
            Casts.checkConvertible(exponent, type);
        }
        double p = lowOrIntegral ? Casts.round(given, type) : given;
        long pl = exponent.longValue();
        UnaryOp special = specialPower(type, p);
        // x ** 2 is x * x exactly (as PyTorch computes it), which takes the vector kernels
        TensorImpl out = p == 2 && self.dtype() == type ? Outputs.binary(self, self, type, type, BinaryOp.MUL)
                : special != null ? Outputs.unary(self, type, type, special)
                : type == DType.FLOAT32 ? Outputs.unary(self, type, type, x -> Powers.sleefPow((float) x, (float) p),
                        null, (xa, xo, ya, yo, n) -> Powers.powScalar(xa, xo, p, ya, yo, n))
                : Outputs.unary(self, type, type, x -> Powers.cPow(x, p), x -> intPow(x, pl));
        return FormulaNode.record(out, "PowBackward0", self,
                formula((g, in) -> given == 0 ? mul(g, 0) : mul(g, mul(pow(in.self(), given - 1), given)), SELF));
    }

    /**
     * {@code torch.pow(scalar, exponent)} ({@code PowBackward2}): the gradient is
     * {@code grad * result * log(base)}, 0 for a zero base and a non-negative exponent.
     */
    public static TensorImpl pow(Number base, TensorImpl exponent) {
        TensorImpl b = Scalars.wrap(base);
        TensorImpl out = GradEnabled.without(() -> pow(b, exponent));
        double logBase = Math.log(base.doubleValue());
        return FormulaNode.record(out, "PowBackward2", exponent, formula((g, in) -> {
            TensorImpl d = mul(g, mul(in.result(), logBase));
            return base.doubleValue() == 0 ? Where.where(Comparisons.ge(in.self(), Scalars.wrap(0)),
                    Creation.zerosLike(d), d) : d;
        }, SELF, RESULT));
    }

    /**
     * {@code self.pow_(scalar)}: the power must keep self's dtype (PyTorch's structured kernel
     * refuses a float power of an integral tensor with "Found dtype Long but expected Float"),
     * checked after autograd's in-place and TensorIterator's overlap checks.
     */
    public static TensorImpl powInPlace(TensorImpl self, Number exponent) {
        Autograd.checkInplace(self);
        Derived.checkNoInternalOverlap(self); // TensorIterator's overlap check comes before the dtype's
        DType type = Promotion.resultType(self, Scalars.wrap(exponent));
        if (type != self.dtype()) {
            throw new IllegalArgumentException("Found dtype " + self.dtype().scalarName() + " but expected "
                    + type.scalarName());
        }
        return Derived.inPlace(self, x -> pow(x, exponent));
    }

    /**
     * Python's {@code base ** exponent} for a number base: {@code torch.tensor(base, dtype=result_type)
     * ** exponent} (torch.tensor's overflow check, then {@code PowBackward1}).
     */
    public static TensorImpl rpow(Number base, TensorImpl exponent) {
        DType type = Promotion.resultType(Scalars.wrap(base), exponent);
        return pow(TensorData.build(base, type), exponent);
    }

    /**
     * {@code self ** exponent} with a tensor exponent ({@code PowBackward1}); integers to negative
     * integer powers are allowed here (0, or ±1 for a base of ±1), as in PyTorch.
     */
    public static TensorImpl pow(TensorImpl self, TensorImpl exponent) {
        DType type = Promotion.resultType(self, exponent);
        Shapes.broadcast(self.sizes(), exponent.sizes()); // TensorIterator's shape check before the kernel's dtype
        checkPowDtype(type);
        TensorImpl out = type == DType.FLOAT32
                ? Outputs.binary(self, exponent, type, type, (x, y) -> Powers.sleefPow((float) x, (float) y), null,
                        Powers::pow)
                : Outputs.binary(self, exponent, type, type, Powers::cPow, Arithmetic::intPow);
        return FormulaNode.record(out, "PowBackward1", self, exponent,
                formula((g, in) -> {
                    TensorImpl e = in.other();
                    TensorImpl d = mul(e, pow(in.self(), sub(e, Scalars.wrap(1))));
                    return mul(g, Where.where(Comparisons.eq(e, Scalars.wrap(0)), Creation.zerosLike(d), d));
                }, SELF, OTHER),
                formula((g, in) -> {
                    TensorImpl s = in.self();
                    // the log of the base in its own dtype, as PyTorch 1.13 (a float16 base has no log kernel)
                    TensorImpl logS = Pointwise.log(s);
                    TensorImpl zeroBase = Comparisons.logicalAnd(Comparisons.eq(s, Scalars.wrap(0)),
                            Comparisons.ge(in.other(), Scalars.wrap(0)));
                    return mul(g, mul(in.result(), Where.where(zeroBase, Creation.zerosLike(logS), logS)));
                }, SELF, OTHER, RESULT));
    }

    /**
     * Runs an in-place op ({@code add_}, {@code sub_}, {@code mul_}, {@code div_}): checks that the
     * result dtype casts to self's and the broadcast shape is self's; with grad, records the graph
     * by rebasing self's history on the out-of-place op's node, else runs the same arithmetic
     * straight into self.
     */
    public static TensorImpl inplace(TensorImpl self, TensorImpl other, BinaryOp op) {
        // PyTorch's order: autograd's in-place check, the op's own check, then TensorIterator's
        // overlap, shape and cast checks
        Autograd.checkInplace(self);
        if (op == BinaryOp.SUB) {
            checkBoolSub(self, other);
        }
        Derived.checkNoInternalOverlap(self);
        int[] shape = Shapes.broadcast(self.sizes(), other.sizes());
        if (!Arrays.equals(shape, self.sizes())) {
            throw new IllegalArgumentException("output with shape " + Arrays.toString(self.sizes())
                    + " doesn't match the broadcast shape " + Arrays.toString(shape));
        }
        DType type = Promotion.resultType(self, other);
        if (op == BinaryOp.DIV) {
            type = DefaultDtype.floatingOf(type);
        }
        if (!DType.canCast(type, self.dtype())) {
            throw new IllegalArgumentException("result type " + type.scalarName()
                    + " can't be cast to the desired output type " + self.dtype().scalarName());
        }
        if (Grads.needed(self, other)) {
            TensorImpl result = outOfPlace(op).apply(Autograd.snapshotForInplace(self), other);
            StridedCopy.copyInto(self, result);
            Autograd.rebaseHistory(self, Autograd.gradFn(result));
            return self;
        }
        Elementwise.binaryInto(self, self, other, type, op);
        return self;
    }

    private static BinaryOperator<TensorImpl> outOfPlace(BinaryOp op) {
        switch (op) {
            case ADD: return Arithmetic::add;
            case SUB: return Arithmetic::sub;
            case MUL: return Arithmetic::mul;
            default: return Arithmetic::div;
        }
    }

    private static void checkBoolSub(TensorImpl self, TensorImpl other) {
        if (self.dtype().isBool() && other.dtype().isBool()) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported."
                    + " Use the `^` or `logical_xor()` operator instead.");
        }
        if (self.dtype().isBool() || other.dtype().isBool()) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. If"
                    + " you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    /**
     * ATen's order for {@code alpha}: the broadcast shape first, then {@code alpha_check} (an
     * integral op takes an integral alpha only), then alpha's conversion to the op's dtype.
     */
    private static void checkAlpha(TensorImpl self, TensorImpl other, DType type, Number alpha) {
        if (Casts.isIntegral(alpha) && alpha.longValue() == 1) {
            return; // add(a, b) and sub(a, b): nothing to check
        }
        Shapes.broadcast(self.sizes(), other.sizes());
        if (!type.isFloatingPoint() && !Casts.isIntegral(alpha)) {
            throw new IllegalArgumentException(
                    "For integral input tensors, argument alpha must not be a floating point number.");
        }
        Casts.checkConvertible(alpha, type);
    }

    /**
     * The op ATen's pow kernel runs for a power {@code p} of {@code type} instead of {@code pow}:
     * sqrt, rsqrt and reciprocal for 0.5, -0.5 and -1 (float32, float64, bfloat16), {@code x * x * x}
     * and {@code 1 / (x * x)} for 3 and -2 (float32, float64); null for the others.
     */
    private static UnaryOp specialPower(DType type, double p) {
        boolean floatOrDouble = type == DType.FLOAT32 || type == DType.FLOAT64;
        if (floatOrDouble || type == DType.BFLOAT16) {
            if (p == 0.5 || p == -0.5 || p == -1) {
                return p == 0.5 ? UnaryOp.SQRT : p == -0.5 ? UnaryOp.RSQRT : UnaryOp.RECIPROCAL;
            }
        }
        return !floatOrDouble ? null : p == 3 ? UnaryOp.CUBE : p == -2 ? UnaryOp.INVERSE_SQUARE : null;
    }

    private static void checkPowDtype(DType type) {
        if (type == DType.BOOL) {
            throw new UnsupportedOperationException("\"pow\" not implemented for 'Bool'");
        }
    }

    /** A scalar exponent of an integral op must not be a negative integer (the tensor-exponent form may). */
    private static void checkIntegerPower(DType type, TensorImpl exponent) {
        if (!type.isFloatingPoint() && !exponent.dtype().isFloatingPoint()) {
            for (int i = 0; i < exponent.numel(); i++) {
                if (exponent.getLong(i) < 0) {
                    throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
                }
            }
        }
    }

    private static boolean isOne(Number alpha) {
        return alpha.doubleValue() == 1.0;
    }

    /** ATen's integer power: by squaring; a negative exponent gives 1 or -1 for a base of ±1, else 0. */
    static long intPow(long base, long exp) {
        if (exp < 0) {
            return base == 1 ? 1 : base == -1 ? ((exp & 1) == 0 ? 1 : -1) : 0;
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>= 1;
        }
        return result;
    }

    /**
     * Python's floor division for floating values, as ATen's {@code div_floor_floating}, each step
     * rounded to {@code type} (float16/bfloat16 steps run in float32, as their C++ operators do).
     */
    static double floorDivide(double a, double b, DType type) {
        DType t = type == DType.FLOAT16 || type == DType.BFLOAT16 ? DType.FLOAT32 : type;
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = Casts.round(Casts.round(a - mod, t) / b, t);
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div = Casts.round(div - 1, t);
        }
        if (div == 0) {
            return Math.copySign(0, a / b);
        }
        double fl = Math.floor(div);
        if (Casts.round(div - fl, t) > 0.5) {
            fl = Casts.round(fl + 1, t);
        }
        return fl;
    }

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
