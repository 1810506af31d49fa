package jtorch;

import java.util.function.DoubleUnaryOperator;

/**
 * Unary pointwise math: each op's forward and its backward node together. Floating-only ops
 * (exp, log, sqrt, sigmoid, tanh, reciprocal) compute integral inputs in the default dtype.
 */
final class PointwiseOps {
    private PointwiseOps() {}

    /** Forward of a floating-only op: promotes integral inputs to the default dtype. */
    private static Tensor floating(Tensor self, DoubleUnaryOperator f) {
        return floating(self, f, null);
    }

    private static Tensor floating(Tensor self, DoubleUnaryOperator f, Kernels.UnaryOp fast) {
        DType type = Promotion.floatingOf(self.dtype);
        return Elementwise.unary(self, type, type, f, null, fast);
    }

    /** {@code e^x}; d/dx = result. */
    static final class Exp {
        private Exp() {}

        static Tensor forward(Tensor self) {
            Tensor out = floating(self, Math::exp, Kernels.UnaryOp.EXP);
            if (Grads.needed(self)) {
                Backward node = new Backward(self);
                out.withGradFn(node);
                node.result = node.saveOutput(out);
            }
            return out;
        }

        static final class Backward extends Node {
            SavedTensor result;

            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "ExpBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.mul(result.unpack())};
            }
        }
    }

    /** Natural log; d/dx = 1 / x. */
    static final class Log {
        private Log() {}

        static Tensor forward(Tensor self) {
            Tensor out = floating(self, Math::log);
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self));
            }
            return out;
        }

        static final class Backward extends Node {
            private final SavedTensor self;

            Backward(Tensor self) {
                super(self);
                this.self = save(self);
            }

            @Override
            public String name() {
                return "LogBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.div(self.unpack())};
            }
        }
    }

    /** Square root; d/dx = 1 / (2 result). */
    static final class Sqrt {
        private Sqrt() {}

        static Tensor forward(Tensor self) {
            Tensor out = floating(self, Math::sqrt);
            if (Grads.needed(self)) {
                Backward node = new Backward(self);
                out.withGradFn(node);
                node.result = node.saveOutput(out);
            }
            return out;
        }

        static final class Backward extends Node {
            SavedTensor result;

            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "SqrtBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.div(result.unpack().mul(2))};
            }
        }
    }

    /** Reciprocal; d/dx = -result^2. */
    static final class Reciprocal {
        private Reciprocal() {}

        static Tensor forward(Tensor self) {
            Tensor out = floating(self, x -> 1.0 / x);
            if (Grads.needed(self)) {
                Backward node = new Backward(self);
                out.withGradFn(node);
                node.result = node.saveOutput(out);
            }
            return out;
        }

        static final class Backward extends Node {
            SavedTensor result;

            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "ReciprocalBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor r = result.unpack();
                return new Tensor[] {grad.neg().mul(r.mul(r))};
            }
        }
    }

    /** {@code |x|}; d/dx = sign(x). */
    static final class Abs {
        private Abs() {}

        static Tensor forward(Tensor self) {
            Tensor out = Elementwise.unary(self, self.dtype, self.dtype, Math::abs, Math::abs);
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self));
            }
            return out;
        }

        static final class Backward extends Node {
            private final SavedTensor self;

            Backward(Tensor self) {
                super(self);
                this.self = save(self);
            }

            @Override
            public String name() {
                return "AbsBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.mul(self.unpack().sign())};
            }
        }
    }

    /** Sign: -1, 0 or 1 (zero gradient). */
    static Tensor sign(Tensor self) {
        Tensor out = Elementwise.unary(self, self.dtype, self.dtype, Math::signum, Long::signum);
        if (Grads.needed(self)) {
            out.withGradFn(new SignBackward(self));
        }
        return out;
    }

    /** Sign is piecewise constant: zero gradient. */
    static final class SignBackward extends Node {
        SignBackward(Tensor self) {
            super(self);
        }

        @Override
        public String name() {
            return "SignBackward0";
        }

        @Override
        Tensor[] apply(Tensor grad) {
            return new Tensor[] {torch.zerosLike(grad)};
        }
    }

    /** {@code max(x, 0)}; d/dx = 1 where result &gt; 0. */
    static final class Relu {
        private Relu() {}

        static Tensor forward(Tensor self) {
            Tensor out = Elementwise.unary(self, self.dtype, self.dtype, x -> x > 0 ? x : (Double.isNaN(x) ? x : 0),
                    x -> Math.max(x, 0), Kernels.UnaryOp.RELU);
            if (Grads.needed(self)) {
                Backward node = new Backward(self);
                out.withGradFn(node);
                node.result = node.saveOutput(out);
            }
            return out;
        }

        static final class Backward extends Node {
            SavedTensor result;

            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "ReluBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.mul(result.unpack().gt(0).to(grad.dtype))};
            }
        }
    }

    /** Logistic sigmoid; d/dx = result (1 - result). */
    static final class Sigmoid {
        private Sigmoid() {}

        static Tensor forward(Tensor self) {
            Tensor out = floating(self, x -> 1.0 / (1.0 + Math.exp(-x)));
            if (Grads.needed(self)) {
                Backward node = new Backward(self);
                out.withGradFn(node);
                node.result = node.saveOutput(out);
            }
            return out;
        }

        static final class Backward extends Node {
            SavedTensor result;

            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "SigmoidBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor r = result.unpack();
                return new Tensor[] {grad.mul(r.mul(r.rsub(1)))};
            }
        }
    }

    /** Hyperbolic tangent; d/dx = 1 - result^2. */
    static final class Tanh {
        private Tanh() {}

        static Tensor forward(Tensor self) {
            Tensor out = floating(self, Math::tanh);
            if (Grads.needed(self)) {
                Backward node = new Backward(self);
                out.withGradFn(node);
                node.result = node.saveOutput(out);
            }
            return out;
        }

        static final class Backward extends Node {
            SavedTensor result;

            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "TanhBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor r = result.unpack();
                return new Tensor[] {grad.mul(r.mul(r).rsub(1))};
            }
        }
    }

    /** Clamp into {@code [min, max]}; d/dx = 1 inside the bounds. */
    static final class Clamp {
        private Clamp() {}

        static Tensor forward(Tensor self, Number min, Number max) {
            if (min == null && max == null) {
                throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
            }
            double lo = min == null ? Double.NEGATIVE_INFINITY : min.doubleValue();
            double hi = max == null ? Double.POSITIVE_INFINITY : max.doubleValue();
            long loL = min == null ? Long.MIN_VALUE : min.longValue();
            long hiL = max == null ? Long.MAX_VALUE : max.longValue();
            Tensor[] bounds = {
                min == null ? null : Scalars.wrap(min), max == null ? null : Scalars.wrap(max),
            };
            DType type = self.dtype;
            for (Tensor b : bounds) {
                if (b != null) {
                    type = Promotion.resultType(Tensor.allocate(type, new int[] {1}), b);
                }
            }
            Tensor out = Elementwise.unary(self, type, type,
                    x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi), x -> Math.min(Math.max(x, loL), hiL));
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self, lo, hi));
            }
            return out;
        }

        static final class Backward extends Node {
            private final SavedTensor self;
            private final double lo;
            private final double hi;

            Backward(Tensor self, double lo, double hi) {
                super(self);
                this.self = save(self);
                this.lo = lo;
                this.hi = hi;
            }

            @Override
            public String name() {
                return "ClampBackward1";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor s = self.unpack();
                Tensor inside = s.ge(lo).logicalAnd(s.le(hi));
                return new Tensor[] {grad.mul(inside.to(grad.dtype))};
            }
        }
    }
}
