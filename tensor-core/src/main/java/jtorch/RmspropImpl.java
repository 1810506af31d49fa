package jtorch;

import java.util.LinkedHashMap;
import java.util.Map;

import jtorch.internal.kernels.OptimizerKernels;

/**
 * {@link optim.RMSprop}: {@code sq = alpha sq + (1 - alpha) g^2}; centered, the running mean of g
 * is subtracted ({@code avg = sqrt(sq - mean^2)}), else {@code avg = sqrt(sq)}; then
 * {@code p -= lr g / (avg + eps)}, through a momentum buffer when momentum > 0. State:
 * {@code step}, {@code square_avg}, {@code momentum_buffer}, {@code grad_avg}.
 */
abstract class RmspropImpl extends BuiltInOptimizer {
    RmspropImpl(Iterable<?> params, Number lr, Number alpha, Number eps, Number weightDecay, Number momentum,
                boolean centered, boolean maximize) {
        super(params, defaults(lr, alpha, eps, weightDecay, momentum, centered, maximize));
    }

    private static Map<String, Object> defaults(Number lr, Number alpha, Number eps, Number weightDecay,
                                                Number momentum, boolean centered, boolean maximize) {
        atLeastZero(lr, "Invalid learning rate: ");
        atLeastZero(eps, "Invalid epsilon value: ");
        atLeastZero(momentum, "Invalid momentum value: ");
        atLeastZero(weightDecay, "Invalid weight_decay value: ");
        atLeastZero(alpha, "Invalid alpha value: ");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("alpha", alpha);
        d.put("eps", eps);
        d.put("centered", centered);
        d.put("weight_decay", weightDecay);
        d.put("foreach", null);
        d.put("maximize", maximize);
        d.put("differentiable", false);
        return d;
    }

    @Override
    void update(optim.ParamGroup group, Slot slot, Object param, Object grad, int n) {
        slot.nextStep();
        Object sq = slot.buffer("square_avg", 0);
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        Object buf = momentum > 0 ? slot.buffer("momentum_buffer", 0) : null;
        Object gradAvg = centered ? slot.buffer("grad_avg", 0) : null;
        OptimizerKernels.rmsprop(param, grad, sq, gradAvg, buf, n, new OptimizerKernels.Rmsprop(
                group.getDouble("lr"), group.getDouble("alpha"), group.getDouble("eps"), group.getDouble("weight_decay"),
                momentum, centered, group.getBoolean("maximize")));
    }
}
