package jtorch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code torch.optim} namespace, as a table: the subclassable {@link Optimizer} base, its
 * {@link ParamGroup}s, and the built-in optimizers with PyTorch's constructors and defaults
 * ({@link SGD}, {@link Adam}, {@link AdamW}, {@link RMSprop}, {@link Adagrad}). Their update
 * rules are PyTorch 1.13's single-tensor implementations, in the parameter's precision (units
 * {@code SgdImpl}, {@code AdamImpl}, {@code RmspropImpl}, {@code AdagradImpl}).
 *
 * <p>{@code params} is a list of tensors ({@code model.parameters()}) or of parameter groups,
 * each a map with the group's tensors under {@code "params"} and options of its own:
 * {@code new optim.SGD(List.of(Map.of("params", a.parameters()), Map.of("params", b.parameters(),
 * "lr", 1e-3)), 1e-2, 0.9)}.
 *
 * <pre>{@code
 * class PlainSGD extends optim.Optimizer {          // a user's optimizer, as in PyTorch
 *     PlainSGD(List<Tensor> params, double lr) { super(params, Map.of("lr", lr)); }
 *     public void step() {
 *         try (var ignored = torch.noGrad()) {
 *             for (var group : paramGroups()) {
 *                 for (Tensor p : group.params()) {
 *                     if (p.grad() != null) p.sub_(p.grad().mul(group.getDouble("lr")));
 *                 }
 *             }
 *         }
 *     }
 * }
 * }</pre>
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

    /**
     * Base class of optimizers, as {@code torch.optim.Optimizer} (behaviour in
     * {@code OptimizerImpl}): {@link #paramGroups()}, {@link #state(Tensor)}, {@link #zeroGrad()},
     * {@link #addParamGroup(Map)} and the repr. A subclass passes its options as defaults and
     * implements {@link #step()}.
     */
    public abstract static non-sealed class Optimizer extends OptimizerImpl {
        /** {@code super(params)}: options added later with {@code hyper(name, value)}. */
        protected Optimizer(Iterable<?> params) {
            super(params, Map.of());
        }

        /** {@code super(params, defaults)}: every option of the optimizer with its default value. */
        protected Optimizer(Iterable<?> params, Map<String, ?> defaults) {
            super(params, defaults);
        }
    }

    /**
     * One parameter group, as PyTorch's dict: its tensors under {@code "params"} and its options by
     * name; change an option between steps with {@code put} ({@code group.put("lr", 0.01)}).
     */
    public static final class ParamGroup extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        ParamGroup(List<Tensor> params) {
            put("params", List.copyOf(params));
        }

        /** {@code group["params"]}. */
        @SuppressWarnings("unchecked")
        public List<Tensor> params() {
            return (List<Tensor>) get("params");
        }

        /** A numeric option ({@code group["lr"]}). */
        public double getDouble(String option) {
            Object v = get(option);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("parameter group option '" + option + "' is " + v
                        + ", not a number");
            }
            return n.doubleValue();
        }

        /** A boolean option ({@code group["nesterov"]}). */
        public boolean getBoolean(String option) {
            return Boolean.TRUE.equals(get(option));
        }

        /** Adam's {@code betas} pair. */
        double[] getBetas() {
            return (double[]) get("betas");
        }
    }

    /**
     * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False,
     * maximize=False)}.
     */
    public static final class SGD extends SgdImpl {
        /** {@code optim.SGD(params, lr=...)}. */
        public SGD(Iterable<?> params, Number lr) {
            this(params, lr, 0, 0, 0, false, false);
        }

        /** {@code optim.SGD(params, lr=..., momentum=...)}. */
        public SGD(Iterable<?> params, Number lr, Number momentum) {
            this(params, lr, momentum, 0, 0, false, false);
        }

        /** {@code optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)}. */
        public SGD(Iterable<?> params, Number lr, Number momentum, Number dampening, Number weightDecay,
                   boolean nesterov) {
            this(params, lr, momentum, dampening, weightDecay, nesterov, false);
        }

        /** {@code optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov, maximize=...)}. */
        public SGD(Iterable<?> params, Number lr, Number momentum, Number dampening, Number weightDecay,
                   boolean nesterov, boolean maximize) {
            super(params, lr, momentum, dampening, weightDecay, nesterov, maximize);
        }
    }

    /**
     * {@code torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0,
     * amsgrad=False, maximize=False)}.
     */
    public static final class Adam extends AdamImpl {
        /** {@code optim.Adam(params)}. */
        public Adam(Iterable<?> params) {
            this(params, 0.001);
        }

        /** {@code optim.Adam(params, lr=...)}. */
        public Adam(Iterable<?> params, Number lr) {
            this(params, lr, 0.9, 0.999, 1e-8, 0);
        }

        /** {@code optim.Adam(params, lr, betas=(beta1, beta2), eps, weight_decay)}. */
        public Adam(Iterable<?> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay) {
            this(params, lr, beta1, beta2, eps, weightDecay, false, false);
        }

        /** {@code optim.Adam(params, lr, betas, eps, weight_decay, amsgrad, maximize=...)}. */
        public Adam(Iterable<?> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay,
                    boolean amsgrad, boolean maximize) {
            super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, false);
        }
    }

    /**
     * {@code torch.optim.AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01,
     * amsgrad=False, maximize=False)}: Adam with decoupled weight decay.
     */
    public static final class AdamW extends AdamImpl {
        /** {@code optim.AdamW(params)}. */
        public AdamW(Iterable<?> params) {
            this(params, 0.001);
        }

        /** {@code optim.AdamW(params, lr=...)}. */
        public AdamW(Iterable<?> params, Number lr) {
            this(params, lr, 0.9, 0.999, 1e-8, 0.01);
        }

        /** {@code optim.AdamW(params, lr, betas=(beta1, beta2), eps, weight_decay)}. */
        public AdamW(Iterable<?> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay) {
            this(params, lr, beta1, beta2, eps, weightDecay, false, false);
        }

        /** {@code optim.AdamW(params, lr, betas, eps, weight_decay, amsgrad, maximize=...)}. */
        public AdamW(Iterable<?> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay,
                     boolean amsgrad, boolean maximize) {
            super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, true);
        }
    }

    /**
     * {@code torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0,
     * centered=False, maximize=False)}.
     */
    public static final class RMSprop extends RmspropImpl {
        /** {@code optim.RMSprop(params)}. */
        public RMSprop(Iterable<?> params) {
            this(params, 0.01);
        }

        /** {@code optim.RMSprop(params, lr=...)}. */
        public RMSprop(Iterable<?> params, Number lr) {
            this(params, lr, 0.99, 1e-8, 0, 0, false);
        }

        /** {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum)}. */
        public RMSprop(Iterable<?> params, Number lr, Number alpha, Number eps, Number weightDecay, Number momentum) {
            this(params, lr, alpha, eps, weightDecay, momentum, false);
        }

        /** {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered)}. */
        public RMSprop(Iterable<?> params, Number lr, Number alpha, Number eps, Number weightDecay, Number momentum,
                       boolean centered) {
            this(params, lr, alpha, eps, weightDecay, momentum, centered, false);
        }

        /** {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered, maximize=...)}. */
        public RMSprop(Iterable<?> params, Number lr, Number alpha, Number eps, Number weightDecay, Number momentum,
                       boolean centered, boolean maximize) {
            super(params, lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }
    }

    /**
     * {@code torch.optim.Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0,
     * initial_accumulator_value=0, eps=1e-10, maximize=False)}.
     */
    public static final class Adagrad extends AdagradImpl {
        /** {@code optim.Adagrad(params)}. */
        public Adagrad(Iterable<?> params) {
            this(params, 0.01);
        }

        /** {@code optim.Adagrad(params, lr=...)}. */
        public Adagrad(Iterable<?> params, Number lr) {
            this(params, lr, 0, 0, 0, 1e-10);
        }

        /** {@code optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps)}. */
        public Adagrad(Iterable<?> params, Number lr, Number lrDecay, Number weightDecay,
                       Number initialAccumulatorValue, Number eps) {
            this(params, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, false);
        }

        /** {@code optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize=...)}. */
        public Adagrad(Iterable<?> params, Number lr, Number lrDecay, Number weightDecay,
                       Number initialAccumulatorValue, Number eps, boolean maximize) {
            super(params, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }
    }
}
