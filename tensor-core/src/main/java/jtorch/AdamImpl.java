package jtorch;

import java.util.LinkedHashMap;
import java.util.Map;

import jtorch.internal.kernels.OptimizerKernels;

/**
 * {@link optim.Adam} and {@link optim.AdamW}: {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2} (with amsgrad, the running maximum of v is used),
 * {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}; Adam adds
 * {@code weight_decay * p} to the gradient, AdamW multiplies p by {@code 1 - lr * weight_decay}
 * first. State: {@code step}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq}.
 */
abstract class AdamImpl extends BuiltInOptimizer {
    private final boolean decoupled;

    /** {@code decoupled}: AdamW's weight decay (and its repr's options). */
    AdamImpl(Iterable<?> params, Number lr, double beta1, double beta2, Number eps, Number weightDecay,
             boolean amsgrad, boolean maximize, boolean decoupled) {
        super(params, defaults(lr, new double[] {beta1, beta2}, eps, weightDecay, amsgrad, maximize, decoupled));
        this.decoupled = decoupled;
    }

    private static Map<String, Object> defaults(Number lr, double[] betas, Number eps, Number weightDecay,
                                                boolean amsgrad, boolean maximize, boolean decoupled) {
        atLeastZero(lr, "Invalid learning rate: ");
        atLeastZero(eps, "Invalid epsilon value: ");
        checkBetas(betas);
        atLeastZero(weightDecay, "Invalid weight_decay value: ");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("betas", betas);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("amsgrad", amsgrad);
        d.put("maximize", maximize);
        d.put("foreach", null);
        d.put("capturable", false);
        if (!decoupled) {
            d.put("differentiable", false);
            d.put("fused", false);
        }
        return d;
    }

    @Override
    void update(optim.ParamGroup group, Slot slot, Object param, Object grad, int n) {
        long step = slot.nextStep();
        Object avg = slot.buffer("exp_avg", 0);
        Object sq = slot.buffer("exp_avg_sq", 0);
        boolean amsgrad = group.getBoolean("amsgrad");
        Object maxSq = amsgrad ? slot.buffer("max_exp_avg_sq", 0) : null;
        double[] betas = group.getBetas();
        OptimizerKernels.adam(param, grad, avg, sq, maxSq, n, new OptimizerKernels.Adam(group.getDouble("lr"),
                betas[0], betas[1], group.getDouble("eps"), group.getDouble("weight_decay"), decoupled, amsgrad,
                group.getBoolean("maximize"), step));
    }
}
