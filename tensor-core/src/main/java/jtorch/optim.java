package jtorch;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jtorch.internal.autograd.Autograd;
import jtorch.internal.format.PythonFloatFormat;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.ops.Conversions;
import jtorch.internal.tensor.TensorImpl;

/**
 * The {@code torch.optim} namespace: {@link SGD} (with momentum) and {@link Adam}, following
 * PyTorch 1.13's single-tensor update rules, plus {@code zeroGrad()}.
 *
 * <p>Updates run without recording a graph and write the parameters in place (bumping their
 * version counters, as PyTorch's do). For a dense float32 or float64 parameter the update is one
 * fused loop in the parameter's own precision; any other parameter is updated on a float64 copy
 * that is copied back.
 */
@SuppressWarnings({"checkstyle:TypeName", "java:S101"})
public final class optim {
    private optim() {}

    /** Zeroes (or nulls) the gradients of {@code params}, as {@code zero_grad(set_to_none)}. */
    static void zeroGrads(List<Tensor> params, boolean setToNone) {
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                if (g.gradFn() != null) {
                    g.detach_();
                } else {
                    g.requiresGrad_(false);
                }
                g.zero_();
            }
        }
    }

    /** Base of the optimizers, as {@code torch.optim.Optimizer}, with one parameter group. */
    public abstract static class Optimizer {
        final List<Tensor> params;
        /** Hyperparameters as the user gave them (Integer or Double), for the repr. */
        private final Map<String, Object> defaults = new TreeMap<>();

        /** The base of a user's optimizer: {@code super(params)}, then override {@link #step()}. */
        protected Optimizer(Iterable<Tensor> params) {
            if (params == null) {
                throw new IllegalArgumentException("params argument given to the optimizer should be an iterable of"
                        + " Tensors or dicts, but got None");
            }
            List<Tensor> list = new ArrayList<>();
            Map<Tensor, Boolean> seen = new IdentityHashMap<>();
            for (Tensor p : params) {
                if (!p.isLeaf()) {
                    throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
                }
                if (seen.put(p, Boolean.TRUE) == null) {
                    list.add(p);
                }
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("optimizer got an empty parameter list");
            }
            this.params = List.copyOf(list);
        }

        /** Records a hyperparameter for the repr; a Number keeps its Python type (int or float). */
        protected final void hyper(String name, Object value) {
            defaults.put(name, value);
        }

        /** The optimized tensors, as {@code param_groups[0]['params']}. */
        public List<Tensor> params() {
            return params;
        }

        /** {@code zero_grad()} as in PyTorch 1.13: gradients are zeroed in place. */
        public void zeroGrad() {
            zeroGrads(params, false);
        }

        /** {@code zero_grad(set_to_none)}. */
        public void zeroGrad(boolean setToNone) {
            zeroGrads(params, setToNone);
        }

        /**
         * One update of every parameter that has a gradient, as {@code step()}. A user's
         * optimizer overrides it (under {@code torch.noGrad()}, with {@link #params()} and each
         * parameter's {@code grad()}); the built-in ones update each parameter in one fused loop.
         */
        @SuppressWarnings("try")
        public void step() {
            try (GradMode ignored = GradMode.set(false)) {
                for (int i = 0; i < params.size(); i++) {
                    TensorImpl p = params.get(i).impl;
                    TensorImpl g = Autograd.grad(p);
                    if (g != null) {
                        TensorImpl target = isFast(p) ? p : Conversions.to(p, DType.FLOAT64).contiguousCopy();
                        update(i, target, Conversions.to(g, target.dtype()).dense());
                        if (target != p) {
                            StridedCopy.copyInto(p, target);
                        }
                        p.storage().bumpVersion();
                    }
                }
            }
        }

        /** Updates parameter {@code index} (dense float32 or float64) from its dense gradient of the same dtype. */
        void update(int index, TensorImpl param, TensorImpl grad) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " must override step()");
        }

        /** PyTorch's optimizer repr: the class name, then the group's options sorted by name. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (\nParameter Group 0\n");
            for (Map.Entry<String, Object> e : defaults.entrySet()) {
                sb.append("    ").append(e.getKey()).append(": ").append(pythonRepr(e.getValue())).append('\n');
            }
            return sb.append(')').toString();
        }
    }

    /**
     * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)}:
     * {@code d = grad + weight_decay * p}; with momentum {@code buf = momentum * buf + (1 - dampening) * d}
     * (the first step copies {@code d}), {@code d = buf} (or {@code d + momentum * buf} for Nesterov);
     * then {@code p -= lr * d}.
     */
    public static final class SGD extends Optimizer {
        private final double lr;
        private final double momentum;
        private final double dampening;
        private final double weightDecay;
        private final boolean nesterov;
        private final TensorImpl[] momentumBuffers;

        /** {@code optim.SGD(params, lr=...)}. */
        public SGD(Iterable<Tensor> params, Number lr) {
            this(params, lr, 0, 0, 0, false);
        }

        /** {@code optim.SGD(params, lr=..., momentum=...)}. */
        public SGD(Iterable<Tensor> params, Number lr, Number momentum) {
            this(params, lr, momentum, 0, 0, false);
        }

        /** {@code optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)}. */
        public SGD(Iterable<Tensor> params, Number lr, Number momentum, Number dampening, Number weightDecay,
                boolean nesterov) {
            super(params);
            this.lr = checkAtLeastZero(lr, "Invalid learning rate: ");
            this.momentum = checkAtLeastZero(momentum, "Invalid momentum value: ");
            this.dampening = dampening.doubleValue();
            this.weightDecay = checkAtLeastZero(weightDecay, "Invalid weight_decay value: ");
            this.nesterov = nesterov;
            if (nesterov && (this.momentum <= 0 || this.dampening != 0)) {
                throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
            }
            this.momentumBuffers = new TensorImpl[this.params.size()];
            hyper("lr", lr);
            hyper("momentum", momentum);
            hyper("dampening", dampening);
            hyper("weight_decay", weightDecay);
            hyper("nesterov", nesterov);
            hyper("maximize", false);
            hyper("foreach", null);
            hyper("differentiable", false);
        }

        @Override
        void update(int index, TensorImpl param, TensorImpl grad) {
            if (param.dtype() == DType.FLOAT32) {
                updateFloat(index, (float[]) param.storage().array(), (float[]) grad.storage().array(), param);
            } else {
                updateDouble(index, (double[]) param.storage().array(), (double[]) grad.storage().array(), param);
            }
        }

        private void updateFloat(int index, float[] p, float[] g, TensorImpl param) {
            int n = param.numel();
            int po = param.storage().base;
            float wd = (float) weightDecay;
            float negLr = (float) -lr;
            if (momentum == 0 && weightDecay == 0) {
                Kernels.sgdStep(p, po, g, negLr, n);
                return;
            }
            if (momentum == 0) {
                for (int i = 0; i < n; i++) {
                    float d = weightDecay != 0 ? g[i] + wd * p[po + i] : g[i];
                    p[po + i] = p[po + i] + negLr * d;
                }
                return;
            }
            boolean fresh = momentumBuffers[index] == null;
            if (fresh) {
                momentumBuffers[index] = TensorImpl.allocate(DType.FLOAT32, param.sizes().clone());
            }
            float[] buf = (float[]) momentumBuffers[index].storage().array();
            float mom = (float) momentum;
            float keep = (float) (1 - dampening);
            if (!fresh && weightDecay == 0 && !nesterov) {
                Kernels.sgdMomentumStep(p, po, g, buf, mom, keep, negLr, n);
                return;
            }
            for (int i = 0; i < n; i++) {
                float d = weightDecay != 0 ? g[i] + wd * p[po + i] : g[i];
                float b = fresh ? d : buf[i] * mom + keep * d;
                buf[i] = b;
                d = nesterov ? d + mom * b : b;
                p[po + i] = p[po + i] + negLr * d;
            }
        }

        private void updateDouble(int index, double[] p, double[] g, TensorImpl param) {
            int n = param.numel();
            int po = param.storage().base;
            boolean fresh = momentum != 0 && momentumBuffers[index] == null;
            if (fresh) {
                momentumBuffers[index] = TensorImpl.allocate(DType.FLOAT64, param.sizes().clone());
            }
            double[] buf = momentum != 0 ? (double[]) momentumBuffers[index].storage().array() : null;
            for (int i = 0; i < n; i++) {
                double d = weightDecay != 0 ? g[i] + weightDecay * p[po + i] : g[i];
                if (buf != null) {
                    double b = fresh ? d : buf[i] * momentum + (1 - dampening) * d;
                    buf[i] = b;
                    d = nesterov ? d + momentum * b : b;
                }
                p[po + i] = p[po + i] + -lr * d;
            }
        }
    }

    /**
     * {@code torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0)}:
     * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
     * {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
     */
    public static final class Adam extends Optimizer {
        private final double lr;
        private final double beta1;
        private final double beta2;
        private final double eps;
        private final double weightDecay;
        private final TensorImpl[] expAvg;
        private final TensorImpl[] expAvgSq;
        private final int[] steps;

        /** {@code optim.Adam(params)}. */
        public Adam(Iterable<Tensor> params) {
            this(params, 0.001);
        }

        /** {@code optim.Adam(params, lr=...)}. */
        public Adam(Iterable<Tensor> params, Number lr) {
            this(params, lr, 0.9, 0.999, 1e-8, 0);
        }

        /** {@code optim.Adam(params, lr, betas=(beta1, beta2), eps, weight_decay)}. */
        public Adam(Iterable<Tensor> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay) {
            super(params);
            this.lr = checkAtLeastZero(lr, "Invalid learning rate: ");
            this.eps = checkAtLeastZero(eps, "Invalid epsilon value: ");
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new IllegalArgumentException("Invalid beta parameter at index 0: " + pythonRepr(beta1));
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Invalid beta parameter at index 1: " + pythonRepr(beta2));
            }
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.weightDecay = checkAtLeastZero(weightDecay, "Invalid weight_decay value: ");
            int n = this.params.size();
            this.expAvg = new TensorImpl[n];
            this.expAvgSq = new TensorImpl[n];
            this.steps = new int[n];
            hyper("lr", lr);
            hyper("betas", "(" + pythonRepr(beta1) + ", " + pythonRepr(beta2) + ")");
            hyper("eps", eps);
            hyper("weight_decay", weightDecay);
            hyper("amsgrad", false);
            hyper("maximize", false);
            hyper("foreach", null);
            hyper("capturable", false);
            hyper("differentiable", false);
            hyper("fused", false);
        }

        @Override
        void update(int index, TensorImpl param, TensorImpl grad) {
            if (expAvg[index] == null) {
                expAvg[index] = TensorImpl.allocate(param.dtype(), param.sizes().clone());
                expAvgSq[index] = TensorImpl.allocate(param.dtype(), param.sizes().clone());
            }
            int step = ++steps[index];
            double biasCorrection1 = 1 - Math.pow(beta1, step);
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            double stepSize = lr / biasCorrection1;
            double correction2Sqrt = Math.sqrt(biasCorrection2);
            int n = param.numel();
            int po = param.storage().base;
            if (param.dtype() == DType.FLOAT32) {
                float[] p = (float[]) param.storage().array();
                float[] g = (float[]) grad.storage().array();
                float[] m = (float[]) expAvg[index].storage().array();
                float[] v = (float[]) expAvgSq[index].storage().array();
                Kernels.adamStep(p, po, g, m, v, new Kernels.AdamCoefficients((float) beta1, (float) beta2,
                        (float) (1 - beta1), (float) (1 - beta2), (float) weightDecay, (float) correction2Sqrt,
                        (float) eps, (float) -stepSize), n);
            } else {
                double[] p = (double[]) param.storage().array();
                double[] g = (double[]) grad.storage().array();
                double[] m = (double[]) expAvg[index].storage().array();
                double[] v = (double[]) expAvgSq[index].storage().array();
                for (int i = 0; i < n; i++) {
                    double gi = weightDecay != 0 ? g[i] + weightDecay * p[po + i] : g[i];
                    m[i] = m[i] * beta1 + (1 - beta1) * gi;
                    v[i] = v[i] * beta2 + (1 - beta2) * gi * gi;
                    double denom = Math.sqrt(v[i]) / correction2Sqrt + eps;
                    p[po + i] = p[po + i] + -stepSize * m[i] / denom;
                }
            }
        }
    }

    /** Whether the fused loops can update {@code p} in place: dense float32 or float64 from storage element 0. */
    private static boolean isFast(TensorImpl p) {
        return (p.dtype() == DType.FLOAT32 || p.dtype() == DType.FLOAT64) && p.isContiguous() && p.offset() == 0
                && p.storage().array() != null && p.storage().length == p.numel();
    }

    private static double checkAtLeastZero(Number value, String message) {
        double v = value.doubleValue();
        if (!(v >= 0)) {
            throw new IllegalArgumentException(message + pythonRepr(value));
        }
        return v;
    }

    /** Python's repr of an option value: ints, floats ({@code 1e-08}, {@code 0.001}), booleans, None. */
    static String pythonRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PythonFloatFormat.repr(((Number) value).doubleValue());
        }
        return value.toString();
    }

    /**
     * An optimizer written with tensor operations on the public API, as PyTorch's single-tensor
     * implementations are: per parameter state tensors, updated in place under no-grad.
     */
    abstract static class TensorOptimizer extends Optimizer {
        private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();
        private final Map<Tensor, Integer> steps = new IdentityHashMap<>();

        TensorOptimizer(Iterable<Tensor> params) {
            super(params);
        }

        @Override
        @SuppressWarnings("try")
        public final void step() {
            try (GradMode ignored = GradMode.set(false)) {
                for (Tensor p : params()) {
                    if (p.grad() != null) {
                        int step = steps.merge(p, 1, Integer::sum);
                        update(p, p.grad(), state.computeIfAbsent(p, k -> new java.util.HashMap<>()), step);
                    }
                }
            }
        }

        /** One parameter's update; {@code state} keeps its buffers, {@code step} counts from 1. */
        abstract void update(Tensor param, Tensor grad, Map<String, Tensor> state, int step);
    }

    /**
     * {@code torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2)}:
     * Adam with decoupled weight decay ({@code p *= 1 - lr * weight_decay} before the step).
     */
    public static final class AdamW extends TensorOptimizer {
        private final double lr;
        private final double beta1;
        private final double beta2;
        private final double eps;
        private final double weightDecay;

        /** {@code optim.AdamW(params)}. */
        public AdamW(Iterable<Tensor> params) {
            this(params, 0.001);
        }

        /** {@code optim.AdamW(params, lr=...)}. */
        public AdamW(Iterable<Tensor> params, Number lr) {
            this(params, lr, 0.9, 0.999, 1e-8, 0.01);
        }

        /** {@code optim.AdamW(params, lr, betas=(beta1, beta2), eps, weight_decay)}. */
        public AdamW(Iterable<Tensor> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay) {
            super(params);
            this.lr = checkAtLeastZero(lr, "Invalid learning rate: ");
            this.eps = checkAtLeastZero(eps, "Invalid epsilon value: ");
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.weightDecay = checkAtLeastZero(weightDecay, "Invalid weight_decay value: ");
            hyper("amsgrad", false);
            hyper("betas", "(" + pythonRepr(beta1) + ", " + pythonRepr(beta2) + ")");
            hyper("capturable", false);
            hyper("eps", eps);
            hyper("foreach", null);
            hyper("lr", lr);
            hyper("maximize", false);
            hyper("weight_decay", weightDecay);
        }

        @Override
        void update(Tensor p, Tensor grad, Map<String, Tensor> state, int step) {
            p.mul_(1 - lr * weightDecay);
            Tensor m = state.computeIfAbsent("exp_avg", k -> torch.zerosLike(p));
            Tensor v = state.computeIfAbsent("exp_avg_sq", k -> torch.zerosLike(p));
            m.mul_(beta1).add_(grad.mul(1 - beta1));
            v.mul_(beta2).add_(grad.mul(grad).mul(1 - beta2));
            double stepSize = lr / (1 - Math.pow(beta1, step));
            Tensor denom = v.sqrt().div(Math.sqrt(1 - Math.pow(beta2, step))).add(eps);
            p.add_(m.div(denom).mul(-stepSize));
        }
    }

    /**
     * {@code torch.optim.RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0)}:
     * {@code sq = alpha * sq + (1 - alpha) * g^2}, {@code p -= lr * g / (sqrt(sq) + eps)} (through a
     * momentum buffer when momentum > 0).
     */
    public static final class RMSprop extends TensorOptimizer {
        private final double lr;
        private final double alpha;
        private final double eps;
        private final double weightDecay;
        private final double momentum;

        /** {@code optim.RMSprop(params)}. */
        public RMSprop(Iterable<Tensor> params) {
            this(params, 0.01);
        }

        /** {@code optim.RMSprop(params, lr=...)}. */
        public RMSprop(Iterable<Tensor> params, Number lr) {
            this(params, lr, 0.99, 1e-8, 0, 0);
        }

        /** {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum)}. */
        public RMSprop(Iterable<Tensor> params, Number lr, double alpha, Number eps, Number weightDecay, Number momentum) {
            super(params);
            this.lr = checkAtLeastZero(lr, "Invalid learning rate: ");
            this.alpha = alpha;
            this.eps = checkAtLeastZero(eps, "Invalid epsilon value: ");
            this.weightDecay = checkAtLeastZero(weightDecay, "Invalid weight_decay value: ");
            this.momentum = checkAtLeastZero(momentum, "Invalid momentum value: ");
            hyper("alpha", alpha);
            hyper("centered", false);
            hyper("differentiable", false);
            hyper("eps", eps);
            hyper("foreach", null);
            hyper("lr", lr);
            hyper("maximize", false);
            hyper("momentum", momentum);
            hyper("weight_decay", weightDecay);
        }

        @Override
        void update(Tensor p, Tensor grad, Map<String, Tensor> state, int step) {
            Tensor g = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
            Tensor sq = state.computeIfAbsent("square_avg", k -> torch.zerosLike(p));
            sq.mul_(alpha).add_(g.mul(g).mul(1 - alpha));
            Tensor avg = sq.sqrt().add(eps);
            if (momentum > 0) {
                Tensor buf = state.computeIfAbsent("momentum_buffer", k -> torch.zerosLike(p));
                buf.mul_(momentum).add_(g.div(avg));
                p.add_(buf.mul(-lr));
            } else {
                p.add_(g.div(avg).mul(-lr));
            }
        }
    }

    /**
     * {@code torch.optim.Adagrad(params, lr=1e-2, lr_decay=0, weight_decay=0, eps=1e-10)}:
     * {@code sum += g^2}, {@code p -= lr / (1 + (step - 1) lr_decay) * g / (sqrt(sum) + eps)}.
     */
    public static final class Adagrad extends TensorOptimizer {
        private final double lr;
        private final double lrDecay;
        private final double weightDecay;
        private final double eps;

        /** {@code optim.Adagrad(params)}. */
        public Adagrad(Iterable<Tensor> params) {
            this(params, 0.01);
        }

        /** {@code optim.Adagrad(params, lr=...)}. */
        public Adagrad(Iterable<Tensor> params, Number lr) {
            this(params, lr, 0, 0, 1e-10);
        }

        /** {@code optim.Adagrad(params, lr, lr_decay, weight_decay, eps)}. */
        public Adagrad(Iterable<Tensor> params, Number lr, Number lrDecay, Number weightDecay, Number eps) {
            super(params);
            this.lr = checkAtLeastZero(lr, "Invalid learning rate: ");
            this.lrDecay = checkAtLeastZero(lrDecay, "Invalid lr_decay value: ");
            this.weightDecay = checkAtLeastZero(weightDecay, "Invalid weight_decay value: ");
            this.eps = checkAtLeastZero(eps, "Invalid epsilon value: ");
            hyper("eps", eps);
            hyper("foreach", null);
            hyper("initial_accumulator_value", 0);
            hyper("lr", lr);
            hyper("lr_decay", lrDecay);
            hyper("maximize", false);
            hyper("weight_decay", weightDecay);
        }

        @Override
        void update(Tensor p, Tensor grad, Map<String, Tensor> state, int step) {
            Tensor g = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
            double clr = lr / (1 + (step - 1) * lrDecay);
            Tensor sum = state.computeIfAbsent("sum", k -> torch.zerosLike(p));
            sum.add_(g.mul(g));
            p.add_(g.div(sum.sqrt().add(eps)).mul(-clr));
        }
    }
}
