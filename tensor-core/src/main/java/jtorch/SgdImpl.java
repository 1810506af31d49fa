package jtorch;

import java.util.LinkedHashMap;
import java.util.Map;

import jtorch.internal.kernels.OptimizerKernels;

/**
 * {@link optim.SGD}: {@code d = grad + weight_decay * p}; with momentum
 * {@code buf = momentum * buf + (1 - dampening) * d} (the first step copies {@code d}),
 * {@code d = buf} (or {@code d + momentum * buf} for Nesterov); then {@code p -= lr * d}
 * ({@code maximize} negates the gradient). State: {@code momentum_buffer}.
 */
abstract class SgdImpl extends BuiltInOptimizer {
    SgdImpl(Iterable<?> params, Number lr, Number momentum, Number dampening, Number weightDecay, boolean nesterov,
            boolean maximize) {
        super(params, defaults(lr, momentum, dampening, weightDecay, nesterov, maximize));
    }

    private static Map<String, Object> defaults(Number lr, Number momentum, Number dampening, Number weightDecay,
                                                boolean nesterov, boolean maximize) {
        atLeastZero(lr, "Invalid learning rate: ");
        atLeastZero(momentum, "Invalid momentum value: ");
        atLeastZero(weightDecay, "Invalid weight_decay value: ");
        if (nesterov && (momentum.doubleValue() <= 0 || dampening.doubleValue() != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("dampening", dampening);
        d.put("weight_decay", weightDecay);
        d.put("nesterov", nesterov);
        d.put("maximize", maximize);
        d.put("foreach", null);
        d.put("differentiable", false);
        return d;
    }

    @Override
    void update(optim.ParamGroup group, Slot slot, Object param, Object grad, int n) {
        double momentum = group.getDouble("momentum");
        boolean first = momentum != 0 && !slot.has("momentum_buffer");
        Object buf = null;
        if (momentum != 0) {
            buf = slot.buffer("momentum_buffer", 0);
        } else {
            slot.absent("momentum_buffer");
        }
        OptimizerKernels.sgd(param, grad, buf, n, new OptimizerKernels.Sgd(group.getDouble("lr"), momentum,
                group.getDouble("dampening"), group.getDouble("weight_decay"), group.getBoolean("nesterov"),
                group.getBoolean("maximize"), first));
    }
}
