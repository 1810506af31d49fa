package jtorch;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.shape.Shapes;

import static jtorch.FormulaNode.Operand.OTHER;
import static jtorch.FormulaNode.Operand.RESULT;
import static jtorch.FormulaNode.Operand.SELF;
import static jtorch.FormulaNode.formula;

/**
 * Binary arithmetic: each op's forward (promotion, broadcasting, kernel) and its derivative
 * formulas, one nested class per op. Backward formulas follow PyTorch's derivatives.yaml
 * ({@link FormulaNode}).
 */
final class ArithmeticOps {
    private ArithmeticOps() {}

    static final DoubleBinaryOperator ADD_D = Double::sum;
    static final LongBinaryOperator ADD_L = Long::sum;

    /** {@code self + alpha * other}. */
    static final class Add {
        private Add() {}

        static Tensor forward(Tensor self, Tensor other, Number alpha) {
            DType type = Promotion.resultType(self, other);
            Tensor out;
            if (isOne(alpha)) {
                out = Elementwise.binary(self, other, type, type, ADD_D, ADD_L, Kernels.BinaryOp.ADD);
            } else {
                double a = alpha.doubleValue();
                long al = alpha.longValue();
                out = Elementwise.binary(self, other, type, type, (x, y) -> x + a * y, (x, y) -> x + al * y);
            }
            return FormulaNode.record(out, "AddBackward0", self, other,
                    formula((g, in) -> g),
                    formula((g, in) -> isOne(alpha) ? g : g.mul(alpha)));
        }
    }

    /** {@code self - alpha * other}. */
    static final class Sub {
        private Sub() {}

        static Tensor forward(Tensor self, Tensor other, Number alpha) {
            checkBoolSub(self, other);
            double a = alpha.doubleValue();
            long al = alpha.longValue();
            DType type = Promotion.resultType(self, other);
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> x - a * y, (x, y) -> x - al * y,
                    isOne(alpha) ? Kernels.BinaryOp.SUB : null);
            return FormulaNode.record(out, "SubBackward0", self, other,
                    formula((g, in) -> g),
                    formula((g, in) -> g.mul(-a)));
        }
    }

    /** {@code other - self}: Python's {@code scalar - tensor}. */
    static final class Rsub {
        private Rsub() {}

        static Tensor forward(Tensor self, Tensor other) {
            checkBoolSub(self, other);
            DType type = Promotion.resultType(self, other);
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> y - x, (x, y) -> y - x);
            return FormulaNode.record(out, other.wrappedNumber ? "RsubBackward1" : "RsubBackward0", self, other,
                    formula((g, in) -> g.neg()),
                    formula((g, in) -> g));
        }
    }

    /** {@code self * other}. */
    static final class Mul {
        private Mul() {}

        static Tensor forward(Tensor self, Tensor other) {
            DType type = Promotion.resultType(self, other);
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> x * y,
                    type.isBool() ? (x, y) -> x & y : (x, y) -> x * y, Kernels.BinaryOp.MUL);
            return FormulaNode.record(out, "MulBackward0", self, other,
                    formula((g, in) -> g.mul(in.other()), OTHER),
                    formula((g, in) -> g.mul(in.self()), SELF));
        }
    }

    /** Division: true division, or with rounding mode {@code "trunc"} / {@code "floor"}. */
    static final class Div {
        private Div() {}

        static Tensor forward(Tensor self, Tensor other) {
            DType type = DefaultDtype.floatingOf(Promotion.resultType(self, other));
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> x / y, null, Kernels.BinaryOp.DIV);
            return FormulaNode.record(out, "DivBackward0", self, other,
                    formula((g, in) -> g.div(in.other()), OTHER),
                    formula((g, in) -> {
                        Tensor o = in.other();
                        return g.neg().mul(in.self()).div(o.mul(o));
                    }, SELF, OTHER));
        }

        static Tensor forward(Tensor self, Tensor other, String roundingMode) {
            if (roundingMode == null) {
                return forward(self, other);
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
            LongBinaryOperator ints = (x, y) -> {
                if (y == 0) {
                    throw new ArithmeticException("ZeroDivisionError");
                }
                return floor ? Math.floorDiv(x, y) : x / y;
            };
            Tensor out = Elementwise.binary(self, other, type, type,
                    floor ? ArithmeticOps::floorDivide : (x, y) -> truncate(x / y), ints);
            // rounded division is piecewise constant: zero gradient almost everywhere
            return FormulaNode.record(out, "DivBackward2", self, other,
                    formula((g, in) -> g.mul(0)),
                    formula((g, in) -> g.mul(0)));
        }
    }

    /** Python's {@code %}: the result takes the sign of the divisor. */
    static final class Remainder {
        private Remainder() {}

        static Tensor forward(Tensor self, Tensor other) {
            DType type = Promotion.resultType(self, other);
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> {
                double m = x % y;
                return m != 0 && (y < 0) != (m < 0) ? m + y : m;
            }, (x, y) -> {
                if (y == 0) {
                    throw new ArithmeticException("ZeroDivisionError");
                }
                return Math.floorMod(x, y);
            });
            Tensor dividend = self.detachAlias();
            Tensor divisor = other.detachAlias();
            return FormulaNode.record(out, other.wrappedNumber ? "RemainderBackward0" : "RemainderBackward1", self,
                    other,
                    formula((g, in) -> g),
                    formula((g, in) -> g.neg().mul(dividend.div(divisor, "floor"))));
        }
    }

    /** {@code -self}. */
    static final class Neg {
        private Neg() {}

        static Tensor forward(Tensor self) {
            if (self.dtype.isBool()) {
                throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you"
                        + " are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
            }
            Tensor out = Elementwise.unary(self, self.dtype, self.dtype, x -> -x, x -> -x);
            return FormulaNode.record(out, "NegBackward0", self, formula((g, in) -> g.neg()));
        }
    }

    /** {@code self ** exponent}, with PowBackward0 (scalar exponent) and PowBackward1 (tensor). */
    static final class Pow {
        private Pow() {}

        static Tensor forwardScalar(Tensor self, Number exponent) {
            Tensor e = Scalars.wrap(exponent);
            DType type = Promotion.resultType(self, e);
            checkIntegerPower(type, e);
            double p = exponent.doubleValue();
            long pl = exponent.longValue();
            Tensor out = Elementwise.unary(self, type, type, x -> Math.pow(x, p), x -> intPow(x, pl));
            return FormulaNode.record(out, "PowBackward0", self,
                    formula((g, in) -> p == 0 ? g.mul(0) : g.mul(in.self().pow(p - 1).mul(p)), SELF));
        }

        static Tensor forward(Tensor self, Tensor exponent) {
            DType type = Promotion.resultType(self, exponent);
            checkIntegerPower(type, exponent);
            Tensor out = Elementwise.binary(self, exponent, type, type, Math::pow, ArithmeticOps::intPow);
            return FormulaNode.record(out, "PowBackward1", self, exponent,
                    formula((g, in) -> {
                        Tensor e = in.other();
                        Tensor d = e.mul(in.self().pow(e.sub(1)));
                        return g.mul(torch.where(e.eq(0), torch.zerosLike(d), d));
                    }, SELF, OTHER),
                    formula((g, in) -> {
                        Tensor s = in.self();
                        Tensor logS = s.log();
                        Tensor safe = torch.where(s.eq(0).logicalAnd(in.other().ge(0)), torch.zerosLike(logS), logS);
                        return g.mul(in.result().mul(safe));
                    }, SELF, OTHER, RESULT));
        }
    }

    /** The in-place arithmetic ops {@code add_}, {@code sub_}, {@code mul_}, {@code div_}. */
    enum InplaceKind { ADD, SUB, MUL, DIV }

    /**
     * Runs an in-place op: checks that the result dtype casts to self's and the broadcast shape
     * is self's; records the graph by rebasing self's history on the out-of-place op's node.
     */
    static Tensor inplace(Tensor self, Tensor other, InplaceKind kind) {
        DType type = Promotion.resultType(self, other);
        if (kind == InplaceKind.DIV) {
            type = DefaultDtype.floatingOf(type);
        }
        if (!DType.canCast(type, self.dtype)) {
            throw new IllegalArgumentException("result type " + type.scalarName() + " can't be cast to the desired output"
                    + " type " + self.dtype.scalarName());
        }
        int[] shape = Shapes.broadcast(self.sizes, other.sizes);
        if (!java.util.Arrays.equals(shape, self.sizes)) {
            throw new IllegalArgumentException("output with shape " + java.util.Arrays.toString(self.sizes)
                    + " doesn't match the broadcast shape " + java.util.Arrays.toString(shape));
        }
        if (kind == InplaceKind.SUB) {
            checkBoolSub(self, other);
        }
        self.checkInplace();
        if (Grads.needed(self, other)) {
            Tensor before = self.snapshotForInplace();
            Tensor result = apply(before, other, kind);
            Copy.copyInto(self, result);
            self.rebaseHistory(result.gradFn());
            return self;
        }
        DType compute = type;
        switch (kind) {
            case ADD:
                Elementwise.binaryInto(self, self, other, compute, ADD_D, ADD_L, Kernels.BinaryOp.ADD);
                break;
            case SUB:
                Elementwise.binaryInto(self, self, other, compute, (x, y) -> x - y, (x, y) -> x - y,
                        Kernels.BinaryOp.SUB);
                break;
            case MUL:
                Elementwise.binaryInto(self, self, other, compute, (x, y) -> x * y, (x, y) -> x * y,
                        Kernels.BinaryOp.MUL);
                break;
            default:
                Elementwise.binaryInto(self, self, other, compute, (x, y) -> x / y, null, Kernels.BinaryOp.DIV);
                break;
        }
        return self;
    }

    private static Tensor apply(Tensor self, Tensor other, InplaceKind kind) {
        switch (kind) {
            case ADD: return self.add(other);
            case SUB: return self.sub(other);
            case MUL: return self.mul(other);
            default: return self.div(other);
        }
    }

    private static void checkBoolSub(Tensor self, Tensor other) {
        if (self.dtype.isBool() && other.dtype.isBool()) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported."
                    + " Use the `^` or `logical_xor()` operator instead.");
        }
        if (self.dtype.isBool() || other.dtype.isBool()) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. If"
                    + " you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    private static void checkIntegerPower(DType type, Tensor exponent) {
        if (!type.isFloatingPoint() && !exponent.dtype.isFloatingPoint()) {
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

    static long intPow(long base, long exp) {
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

    /** Python's floor division for floating values, as ATen's div_floor. */
    static double floorDivide(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1;
        }
        if (div == 0) {
            return Math.copySign(0, a / b);
        }
        double fl = Math.floor(div);
        if (div - fl > 0.5) {
            fl += 1;
        }
        return fl;
    }

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
