package jtorch.internal.autograd;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import jtorch.internal.tensor.TensorImpl;

/**
 * One of a node's pre-hooks: a function of the gradient flowing into the node, run before it, in
 * registration order (PyTorch's tensor hooks: {@code register_hook} and {@code retain_grad}
 * share one ordered list, so a hook registered before {@code retain_grad} changes what
 * {@code .grad} keeps, one registered after it does not).
 *
 * <p>Invariant: exactly one of {@code retained} (a {@code retain_grad} registration) and
 * {@code fn} (a user hook) is set.
 */
final class GradHook {
    /** The non-leaf tensor whose {@code retain_grad()} this is, or null for a user hook. */
    final TensorImpl retained;
    private final UnaryOperator<TensorImpl> fn;

    private GradHook(TensorImpl retained, UnaryOperator<TensorImpl> fn) {
        this.retained = retained;
        this.fn = fn;
    }

    static GradHook retain(TensorImpl t) {
        return new GradHook(t, null);
    }

    static GradHook user(UnaryOperator<TensorImpl> fn) {
        return new GradHook(null, fn);
    }

    /**
     * The gradient after this hook: a retained tensor's {@code .grad} takes it and it passes on
     * unchanged; a user hook may return a replacement (null keeps it) of the same size and dtype.
     */
    TensorImpl run(TensorImpl grad) {
        if (retained != null) {
            Autograd.retainGradient(retained, grad);
            return grad;
        }
        TensorImpl replaced = fn.apply(grad);
        if (replaced == null) {
            return grad;
        }
        if (replaced.dtype() != grad.dtype()) {
            throw new IllegalStateException("hook '<lambda>' has changed the type of value (was "
                    + grad.dtype().tensorTypeName() + " got " + replaced.dtype().tensorTypeName() + ")");
        }
        if (!Arrays.equals(replaced.sizes(), grad.sizes())) {
            throw new IllegalStateException("hook '<lambda>' has changed the size of value");
        }
        return replaced;
    }
}
