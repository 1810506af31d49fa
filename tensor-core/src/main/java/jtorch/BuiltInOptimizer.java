package jtorch;

import java.util.Map;

import jtorch.internal.autograd.Autograd;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.ops.Conversions;
import jtorch.internal.tensor.TensorImpl;

/**
 * The step of the built-in optimizers: for every parameter with a gradient, one fused update loop
 * ({@code internal.kernels.OptimizerKernels}) over the parameter, its gradient and its state
 * buffers, reading the group's options at each step (so changing {@code group.put("lr", ...)}
 * between steps takes effect, as in PyTorch).
 *
 * <p>Updates run without recording a graph and write the parameters in place, bumping their
 * version counters. A dense float32 or float64 parameter is updated in its own precision; any
 * other (float16, bfloat16, non-contiguous) on a float64 copy that is copied back, its state
 * buffers then float64 too. State buffers are tensors in {@code state(p)} under PyTorch's names;
 * {@code "step"} is a 0-d float32 tensor, as PyTorch 1.13 keeps it.
 */
abstract class BuiltInOptimizer extends optim.Optimizer {
    BuiltInOptimizer(Iterable<?> params, Map<String, ?> defaults) {
        super(params, defaults);
    }

    @Override
    @SuppressWarnings("try")
    public final void step() {
        try (GradMode ignored = GradMode.set(false)) {
            for (optim.ParamGroup group : paramGroups()) {
                for (Tensor p : group.params()) {
                    TensorImpl g = Autograd.grad(p.impl);
                    if (g == null) {
                        continue;
                    }
                    TensorImpl target = isFast(p.impl) ? p.impl : p.impl.detachAlias().contiguousCopy();
                    target = Conversions.to(target, isFast(p.impl) ? target.dtype() : DType.FLOAT64);
                    TensorImpl grad = Conversions.to(g.detachAlias(), target.dtype()).dense();
                    update(group, new Slot(state(p), target), target.storage().array(), grad.storage().array(),
                            target.numel());
                    if (target != p.impl) {
                        StridedCopy.copyInto(p.impl, target);
                    }
                    p.impl.storage().bumpVersion();
                }
            }
        }
    }

    /**
     * Updates one parameter from its gradient with the group's options: both dense float[] or
     * double[] arrays of {@code n} elements.
     */
    abstract void update(optim.ParamGroup group, Slot slot, Object param, Object grad, int n);

    /** Whether the fused loops can update {@code p} in place: dense float32 or float64 from storage element 0. */
    private static boolean isFast(TensorImpl p) {
        return (p.dtype() == DType.FLOAT32 || p.dtype() == DType.FLOAT64) && p.isContiguous() && p.offset() == 0
                && p.storage().base == 0 && p.storage().array() != null;
    }

    /** A parameter's state: its buffers (tensors like the parameter) and step count. */
    static final class Slot {
        private final Map<String, Object> state;
        private final TensorImpl like;

        Slot(Map<String, Object> state, TensorImpl like) {
            this.state = state;
            this.like = like;
        }

        /** Records that there is no buffer {@code name} (PyTorch's None, e.g. SGD without momentum). */
        void absent(String name) {
            state.putIfAbsent(name, null);
        }

        /** Whether the buffer {@code name} exists yet. */
        boolean has(String name) {
            return state.get(name) instanceof Tensor;
        }

        /** The array of buffer {@code name}, created filled with {@code initial} on first use. */
        Object buffer(String name, double initial) {
            Tensor t = (Tensor) state.computeIfAbsent(name,
                    k -> Tensor.of(TensorImpl.allocate(like.dtype(), like.sizes().clone())).fill_(initial));
            return t.impl.storage().array();
        }

        /** Increments and returns the step count ({@code state["step"]}, a float32 0-d tensor from 0). */
        long nextStep() {
            Tensor step = (Tensor) state.computeIfAbsent("step", k -> torch.tensor(0.0f));
            long n = (long) step.impl.storage().getDouble(0) + 1;
            step.impl.storage().setDouble(0, n);
            return n;
        }
    }

    /** Checks an option is at least zero, with PyTorch's message prefix. */
    static void atLeastZero(Number value, String message) {
        if (!(value.doubleValue() >= 0)) {
            throw new IllegalArgumentException(message + OptimizerImpl.pythonRepr(value));
        }
    }

    /** Checks Adam's betas are in {@code [0, 1)}. */
    static void checkBetas(double[] betas) {
        for (int i = 0; i < 2; i++) {
            if (!(betas[i] >= 0 && betas[i] < 1)) {
                throw new IllegalArgumentException("Invalid beta parameter at index " + i + ": "
                        + OptimizerImpl.pythonRepr(betas[i]));
            }
        }
    }
}
