package jtorch;

import java.util.LinkedHashMap;
import java.util.Map;

import jtorch.internal.kernels.OptimizerKernels;

/**
 * {@link optim.Adagrad}: {@code sum += g^2},
 * {@code p -= lr / (1 + (step - 1) lr_decay) * g / (sqrt(sum) + eps)}; the sum starts at
 * {@code initial_accumulator_value}. State: {@code step}, {@code sum} (created with the optimizer,
 * as PyTorch does).
 */
abstract class AdagradImpl extends BuiltInOptimizer {
    AdagradImpl(Iterable<?> params, Number lr, Number lrDecay, Number weightDecay, Number initialAccumulatorValue,
                Number eps, boolean maximize) {
        super(params, defaults(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize));
    }

    private static Map<String, Object> defaults(Number lr, Number lrDecay, Number weightDecay, Number initial,
                                                Number eps, boolean maximize) {
        atLeastZero(lr, "Invalid learning rate: ");
        atLeastZero(lrDecay, "Invalid lr_decay value: ");
        atLeastZero(weightDecay, "Invalid weight_decay value: ");
        atLeastZero(initial, "Invalid initial_accumulator_value value: ");
        atLeastZero(eps, "Invalid epsilon value: ");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lr_decay", lrDecay);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("initial_accumulator_value", initial);
        d.put("foreach", null);
        d.put("maximize", maximize);
        return d;
    }

    @Override
    void update(optim.ParamGroup group, Slot slot, Object param, Object grad, int n) {
        long step = slot.nextStep();
        Object sum = slot.buffer("sum", group.getDouble("initial_accumulator_value"));
        OptimizerKernels.adagrad(param, grad, sum, n, new OptimizerKernels.Adagrad(group.getDouble("lr"),
                group.getDouble("lr_decay"), group.getDouble("weight_decay"), group.getDouble("eps"),
                group.getBoolean("maximize"), step));
    }
}
