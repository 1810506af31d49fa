package jtorch;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Binary arithmetic: each op's forward (promotion, broadcasting, kernel) and its backward node,
 * one nested class per op. Backward formulas follow PyTorch's derivatives.yaml.
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
            if (Grads.needed(self, other)) {
                out.withGradFn(new Backward(self, other, alpha));
            }
            return out;
        }

        static final class Backward extends Node {
            private final int[] selfSizes;
            private final int[] otherSizes;
            private final DType selfType;
            private final DType otherType;
            private final Number alpha;

            Backward(Tensor self, Tensor other, Number alpha) {
                super(self, other);
                this.selfSizes = self.sizes;
                this.otherSizes = other.sizes;
                this.selfType = self.dtype;
                this.otherType = other.dtype;
                this.alpha = alpha;
            }

            @Override
            public String name() {
                return "AddBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad, selfSizes, selfType) : null,
                    needsGrad(1) ? Grads.reduceTo(isOne(alpha) ? grad : grad.mul(alpha), otherSizes, otherType) : null,
                };
            }
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
            if (Grads.needed(self, other)) {
                out.withGradFn(new Backward(self, other, alpha));
            }
            return out;
        }

        static final class Backward extends Node {
            private final Tensor self;
            private final Tensor other;
            private final Number alpha;

            Backward(Tensor self, Tensor other, Number alpha) {
                super(self, other);
                this.self = self.detachAlias();
                this.other = other.detachAlias();
                this.alpha = alpha;
            }

            @Override
            public String name() {
                return "SubBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad, self) : null,
                    needsGrad(1) ? Grads.reduceTo(grad.mul(-alpha.doubleValue()), other) : null,
                };
            }
        }
    }

    /** {@code other - self}: Python's {@code scalar - tensor}. */
    static final class Rsub {
        private Rsub() {}

        static Tensor forward(Tensor self, Tensor other) {
            checkBoolSub(self, other);
            DType type = Promotion.resultType(self, other);
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> y - x, (x, y) -> y - x);
            if (Grads.needed(self, other)) {
                out.withGradFn(new Backward(self, other));
            }
            return out;
        }

        static final class Backward extends Node {
            private final Tensor self;
            private final Tensor other;

            Backward(Tensor self, Tensor other) {
                super(self, other);
                this.self = self.detachAlias();
                this.other = other.detachAlias();
            }

            @Override
            public String name() {
                return other.wrappedNumber ? "RsubBackward1" : "RsubBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad.neg(), self) : null,
                    needsGrad(1) ? Grads.reduceTo(grad, other) : null,
                };
            }
        }
    }

    /** {@code self * other}. */
    static final class Mul {
        private Mul() {}

        static Tensor forward(Tensor self, Tensor other) {
            DType type = Promotion.resultType(self, other);
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> x * y,
                    type.isBool() ? (x, y) -> x & y : (x, y) -> x * y, Kernels.BinaryOp.MUL);
            if (Grads.needed(self, other)) {
                out.withGradFn(new Backward(self, other));
            }
            return out;
        }

        static final class Backward extends Node {
            private final SavedTensor self;
            private final SavedTensor other;
            private final int[] selfSizes;
            private final int[] otherSizes;
            private final DType selfType;
            private final DType otherType;

            Backward(Tensor self, Tensor other) {
                super(self, other);
                this.other = needsGrad(0) ? save(other) : null;
                this.self = needsGrad(1) ? save(self) : null;
                this.selfSizes = self.sizes;
                this.otherSizes = other.sizes;
                this.selfType = self.dtype;
                this.otherType = other.dtype;
            }

            @Override
            public String name() {
                return "MulBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad.mul(other.unpack()), selfSizes, selfType) : null,
                    needsGrad(1) ? Grads.reduceTo(grad.mul(self.unpack()), otherSizes, otherType) : null,
                };
            }
        }
    }

    /** Division: true division, or with rounding mode {@code "trunc"} / {@code "floor"}. */
    static final class Div {
        private Div() {}

        static Tensor forward(Tensor self, Tensor other) {
            DType type = Promotion.floatingOf(Promotion.resultType(self, other));
            Tensor out = Elementwise.binary(self, other, type, type, (x, y) -> x / y, null, Kernels.BinaryOp.DIV);
            if (Grads.needed(self, other)) {
                out.withGradFn(new Backward(self, other));
            }
            return out;
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
            if (Grads.needed(self, other)) {
                out.withGradFn(new RoundedBackward(self, other, floor));
            }
            return out;
        }

        static final class Backward extends Node {
            private final SavedTensor self;
            private final SavedTensor other;
            private final int[] selfSizes;
            private final int[] otherSizes;
            private final DType selfType;
            private final DType otherType;

            Backward(Tensor self, Tensor other) {
                super(self, other);
                this.other = save(other);
                this.self = needsGrad(1) ? save(self) : null;
                this.selfSizes = self.sizes;
                this.otherSizes = other.sizes;
                this.selfType = self.dtype;
                this.otherType = other.dtype;
            }

            @Override
            public String name() {
                return "DivBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor o = other.unpack();
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad.div(o), selfSizes, selfType) : null,
                    needsGrad(1) ? Grads.reduceTo(grad.neg().mul(self.unpack()).div(o.mul(o)), otherSizes, otherType)
                            : null,
                };
            }
        }

        /** Rounded division is piecewise constant: zero gradient almost everywhere. */
        static final class RoundedBackward extends Node {
            private final Tensor self;
            private final Tensor other;
            private final boolean floor;

            RoundedBackward(Tensor self, Tensor other, boolean floor) {
                super(self, other);
                this.self = self.detachAlias();
                this.other = other.detachAlias();
                this.floor = floor;
            }

            @Override
            public String name() {
                return "DivBackward2";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad.mul(0), self) : null,
                    needsGrad(1) ? Grads.reduceTo(grad.mul(0), other) : null,
                };
            }
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
            if (Grads.needed(self, other)) {
                out.withGradFn(new Backward(self, other));
            }
            return out;
        }

        static final class Backward extends Node {
            private final Tensor self;
            private final Tensor other;

            Backward(Tensor self, Tensor other) {
                super(self, other);
                this.self = self.detachAlias();
                this.other = other.detachAlias();
            }

            @Override
            public String name() {
                return other.wrappedNumber ? "RemainderBackward0" : "RemainderBackward1";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? Grads.reduceTo(grad, self) : null,
                    needsGrad(1) ? Grads.reduceTo(grad.neg().mul(self.div(other, "floor")), other) : null,
                };
            }
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
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self));
            }
            return out;
        }

        static final class Backward extends Node {
            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "NegBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.neg()};
            }
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
            if (Grads.needed(self)) {
                out.withGradFn(new ScalarBackward(self, p));
            }
            return out;
        }

        static Tensor forward(Tensor self, Tensor exponent) {
            DType type = Promotion.resultType(self, exponent);
            checkIntegerPower(type, exponent);
            Tensor out = Elementwise.binary(self, exponent, type, type, Math::pow, ArithmeticOps::intPow);
            if (Grads.needed(self, exponent)) {
                Backward node = new Backward(self, exponent);
                out.withGradFn(node);
                node.result = node.needsGrad(1) ? node.saveOutput(out) : null;
            }
            return out;
        }

        static final class ScalarBackward extends Node {
            private final SavedTensor self;
            private final double exponent;

            ScalarBackward(Tensor self, double exponent) {
                super(self);
                this.self = save(self);
                this.exponent = exponent;
            }

            @Override
            public String name() {
                return "PowBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                if (exponent == 0) {
                    return new Tensor[] {grad.mul(0)};
                }
                return new Tensor[] {grad.mul(self.unpack().pow(exponent - 1).mul(exponent))};
            }
        }

        static final class Backward extends Node {
            private final SavedTensor self;
            private final SavedTensor exponent;
            private SavedTensor result;
            private final int[] selfSizes;
            private final int[] expSizes;
            private final DType selfType;
            private final DType expType;

            Backward(Tensor self, Tensor exponent) {
                super(self, exponent);
                this.self = save(self);
                this.exponent = save(exponent);
                this.selfSizes = self.sizes;
                this.expSizes = exponent.sizes;
                this.selfType = self.dtype;
                this.expType = exponent.dtype;
            }

            @Override
            public String name() {
                return "PowBackward1";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor s = self.unpack();
                Tensor e = exponent.unpack();
                Tensor gs = null;
                Tensor ge = null;
                if (needsGrad(0)) {
                    Tensor d = e.mul(s.pow(e.sub(1)));
                    gs = Grads.reduceTo(grad.mul(torch.where(e.eq(0), torch.zerosLike(d), d)), selfSizes, selfType);
                }
                if (needsGrad(1)) {
                    Tensor logS = s.log();
                    Tensor safe = torch.where(s.eq(0).logicalAnd(e.ge(0)), torch.zerosLike(logS), logS);
                    ge = Grads.reduceTo(grad.mul(result.unpack().mul(safe)), expSizes, expType);
                }
                return new Tensor[] {gs, ge};
            }
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
            type = Promotion.floatingOf(type);
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
