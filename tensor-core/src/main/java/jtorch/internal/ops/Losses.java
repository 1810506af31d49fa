package jtorch.internal.ops;

import static jtorch.internal.ops.Arithmetic.add;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.neg;
import static jtorch.internal.ops.Arithmetic.rsub;
import static jtorch.internal.ops.Arithmetic.sub;

import java.util.Arrays;
import jtorch.internal.ops.NNFunctional.Reduction;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * The regression and binary-classification losses beside MSE and cross-entropy: L1, smooth L1,
 * Huber, binary cross-entropy (on probabilities, logs clamped at -100 as PyTorch) and binary
 * cross-entropy with logits (PyTorch's overflow-safe formula), each reduced by {@code reduction}.
 */
public final class Losses {
    private Losses() {
    }

    /** {@code |input - target|}. */
    public static TensorImpl l1Loss(TensorImpl input, TensorImpl target, Reduction reduction) {
        return reduce(Pointwise.abs(sub(input, target)), reduction);
    }

    /** {@code 0.5 d^2 / beta} where {@code d = |input - target| < beta}, else {@code d - beta / 2}. */
    public static TensorImpl smoothL1Loss(TensorImpl input, TensorImpl target, Reduction reduction, double beta) {
        TensorImpl d = Pointwise.abs(sub(input, target));
        if (beta == 0) {
            return reduce(d, reduction);
        }
        TensorImpl quadratic = mul(mul(d, d), 0.5 / beta);
        return reduce(Where.where(Comparisons.lt(d, Scalars.wrap(beta)), quadratic, sub(d, Scalars.wrap(0.5 * beta))),
                reduction);
    }

    /** {@code 0.5 d^2} where {@code d < delta}, else {@code delta (d - delta / 2)}. */
    public static TensorImpl huberLoss(TensorImpl input, TensorImpl target, Reduction reduction, double delta) {
        TensorImpl d = Pointwise.abs(sub(input, target));
        TensorImpl quadratic = mul(mul(d, d), 0.5);
        return reduce(Where.where(Comparisons.lt(d, Scalars.wrap(delta)), quadratic,
                mul(sub(d, Scalars.wrap(0.5 * delta)), delta)), reduction);
    }

    /** {@code -(t log x + (1 - t) log(1 - x))}, each log clamped at -100. */
    public static TensorImpl binaryCrossEntropy(TensorImpl input, TensorImpl target, Reduction reduction) {
        checkSizes(input, target);
        TensorImpl logX = Pointwise.clampMin(Pointwise.log(input), -100);
        TensorImpl log1mX = Pointwise.clampMin(Pointwise.log(rsub(input, Scalars.wrap(1))), -100);
        TensorImpl loss = neg(add(mul(target, logX), mul(rsub(target, Scalars.wrap(1)), log1mX)));
        return reduce(loss, reduction);
    }

    /** {@code (1 - t) x + m + log(exp(-m) + exp(-x - m))} with {@code m = max(-x, 0)}, as PyTorch computes it. */
    public static TensorImpl binaryCrossEntropyWithLogits(TensorImpl input, TensorImpl target, Reduction reduction) {
        checkSizes(input, target);
        TensorImpl m = Pointwise.clampMin(neg(input), 0);
        TensorImpl loss = add(add(mul(rsub(target, Scalars.wrap(1)), input), m),
                Pointwise.log(add(Pointwise.exp(neg(m)), Pointwise.exp(sub(neg(input), m)))));
        return reduce(loss, reduction);
    }

    private static void checkSizes(TensorImpl input, TensorImpl target) {
        if (!Arrays.equals(input.sizes(), target.sizes())) {
            throw new IllegalArgumentException("Using a target size (torch.Size(" + Arrays.toString(target.sizes())
                    + ")) that is different to the input size (torch.Size(" + Arrays.toString(input.sizes()) + ")) is"
                    + " deprecated. Please ensure they have the same size.");
        }
    }

    private static TensorImpl reduce(TensorImpl loss, Reduction reduction) {
        return switch (reduction) {
            case NONE -> loss;
            case MEAN -> Reductions.mean(loss, null, false, null);
            case SUM -> Reductions.sum(loss, null, false, null);
        };
    }
}
