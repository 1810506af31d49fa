package jtorch.internal.autograd;

import java.util.ArrayList;
import java.util.function.UnaryOperator;

import jtorch.internal.tensor.AutogradMeta;
import jtorch.internal.tensor.TensorImpl;

/**
 * A tensor's autograd state and the rules for changing it (PyTorch's {@code AutogradMeta} and
 * {@code impl::} functions): {@code requires_grad} of leaves, {@code grad_fn}, {@code .grad},
 * {@code retain_grad()}, and the history rewrites of in-place ops.
 *
 * <p>Invariants: a leaf has no grad_fn; it requires grad only when its flag is set, which is
 * allowed for floating dtypes only. A non-leaf requires grad exactly when it has a grad_fn. A
 * tensor without autograd state ({@link TensorImpl#autograd()} null) is a leaf that does not
 * require grad and has no {@code .grad}. A view made while grad mode was off of a tensor that
 * requires grad (PyTorch's {@code CreationMeta::NO_GRAD_MODE}) is a leaf whose requires_grad is its
 * base's, without a gradient accumulator of its own, and may not be written in place with grad
 * mode on.
 */
public final class Autograd {
    private Autograd() {}

    /** The autograd fields of one tensor. */
    private static final class State implements AutogradMeta {
        boolean requiresGrad;
        Node gradFn;
        TensorImpl grad;
        AccumulateGrad accumulator;
        boolean retainsGrad;
        /** The base of a view made in no_grad mode, whose requires_grad this view reports; else null. */
        TensorImpl noGradViewBase;

        @Override
        public boolean requiresGrad() {
            return requiresGrad || gradFn != null || noGradViewBase != null && noGradViewBase.requiresGrad();
        }
    }

    private static State peek(TensorImpl t) {
        return (State) t.autograd();
    }

    private static State state(TensorImpl t) {
        State s = (State) t.autograd();
        if (s == null) {
            s = new State();
            t.setAutograd(s);
        }
        return s;
    }

    /** The node that computed {@code t}, or null for a leaf. */
    public static Node gradFn(TensorImpl t) {
        State s = peek(t);
        return s == null ? null : s.gradFn;
    }

    public static boolean isLeaf(TensorImpl t) {
        return gradFn(t) == null;
    }

    /** The accumulated gradient, or null before a backward pass reached {@code t}. */
    public static TensorImpl grad(TensorImpl t) {
        State s = peek(t);
        return s == null ? null : s.grad;
    }

    /** Replaces the gradient ({@code x.grad = g}), checking dtype and shape as PyTorch does. */
    public static void setGrad(TensorImpl t, TensorImpl newGrad) {
        if (newGrad != null) {
            if (newGrad.dtype() != t.dtype()) {
                throw new IllegalArgumentException("assigned grad has data of a different type");
            }
            if (!newGrad.layout().sameSizes(t.layout())) {
                throw new IllegalArgumentException("assigned grad has data of a different size");
            }
        }
        if (newGrad != null || t.autograd() != null) {
            state(t).grad = newGrad;
        }
    }

    static void setGradUnchecked(TensorImpl t, TensorImpl g) {
        state(t).grad = g;
    }

    /** {@code requires_grad_(flag)} of a leaf; returns {@code t}. */
    public static TensorImpl requiresGrad(TensorImpl t, boolean flag) {
        if (gradFn(t) != null) {
            if (!flag) {
                throw new IllegalArgumentException("you can only change requires_grad flags of leaf variables. If you"
                        + " want to use a computed variable in a subgraph that doesn't require differentiation use"
                        + " var_no_grad = var.detach().");
            }
            return t;
        }
        if (flag && !t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        setRequiresGrad(t, flag);
        return t;
    }

    /** The {@code requires_grad=} argument of factories, with their (capitalised) message. */
    public static TensorImpl requiresGradFactory(TensorImpl t, boolean flag) {
        if (flag && !t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "Only Tensors of floating point and complex dtype can require gradients");
        }
        setRequiresGrad(t, flag);
        return t;
    }

    private static void setRequiresGrad(TensorImpl t, boolean flag) {
        if (flag || t.autograd() != null) {
            state(t).requiresGrad = flag;
        }
    }

    /** Records {@code node} as the grad_fn of the fresh result {@code t}. */
    public static void setGradFn(TensorImpl t, Node node) {
        state(t).gradFn = node;
    }

    /**
     * Marks {@code view}, made of {@code base} while grad mode is off, as PyTorch's no_grad view:
     * it requires grad while its base does, but gradients stop there.
     */
    public static void markNoGradView(TensorImpl view, TensorImpl base) {
        state(view).noGradViewBase = base.viewBase() != null ? base.viewBase() : base;
    }

    /** The leaf's gradient accumulator; null for a no_grad view that has no flag of its own. */
    static AccumulateGrad gradAccumulator(TensorImpl t) {
        State s = state(t);
        if (s.noGradViewBase != null && !s.requiresGrad) {
            return null;
        }
        if (s.accumulator == null) {
            s.accumulator = new AccumulateGrad(t);
        }
        return s.accumulator;
    }

    /** {@code retain_grad()}: keeps the gradient of this non-leaf tensor after backward. */
    public static void retainGrad(TensorImpl t) {
        State s = peek(t);
        if (s == null || s.gradFn == null) {
            if (s == null || !s.requiresGrad) {
                throw new IllegalArgumentException("can't retain_grad on Tensor that has requires_grad=False");
            }
            return;
        }
        if (!s.retainsGrad) {
            s.retainsGrad = true;
            retainOn(s.gradFn, t);
        }
    }

    /** {@code retains_grad}: whether {@link #retainGrad} was called on this non-leaf tensor. */
    public static boolean retainsGrad(TensorImpl t) {
        State s = peek(t);
        return s != null && s.retainsGrad;
    }

    private static void retainOn(Node node, TensorImpl t) {
        addPreHook(node, GradHook.retain(t));
    }

    private static void addPreHook(Node node, GradHook hook) {
        if (node.preHooks.isEmpty()) {
            node.preHooks = new ArrayList<>(1);
        }
        node.preHooks.add(hook);
    }

    /**
     * {@code t.register_hook(fn)}: {@code fn} sees (and may replace) the gradient flowing into
     * {@code t}: on the leaf's {@code AccumulateGrad} node, else on its grad_fn. Returns the action
     * that removes it ({@code RemovableHandle.remove()}).
     */
    public static Runnable registerHook(TensorImpl t, UnaryOperator<TensorImpl> fn) {
        if (!t.requiresGrad()) {
            throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        }
        Node node = gradFn(t) != null ? gradFn(t) : gradAccumulator(t);
        GradHook hook = GradHook.user(fn);
        addPreHook(node, hook);
        return () -> node.preHooks.remove(hook);
    }

    /** Adds the gradient reaching a retained non-leaf to its {@code .grad}. */
    static void retainGradient(TensorImpl t, TensorImpl g) {
        State s = state(t);
        if (s.grad == null) {
            s.grad = g.contiguousCopy();
        } else {
            Grads.addInto(s.grad, g);
        }
    }

    /**
     * Gives {@code to} (a new tensor that replaces {@code from} for the user, e.g. after an
     * in-place view op) the same autograd state object: requires_grad, {@code .grad} and the leaf's
     * gradient accumulator are shared, so gradients still reach the one {@code .grad}.
     */
    public static void passState(TensorImpl from, TensorImpl to) {
        if (from.autograd() != null) {
            to.setAutograd(from.autograd());
        }
    }

    /** {@code detach_()}: cuts {@code t} from the graph in place (views cannot be); returns {@code t}. */
    public static TensorImpl detachInPlace(TensorImpl t) {
        if (t.viewBase() != null) {
            throw new IllegalStateException("Can't detach views in-place. Use detach() instead. If you are using"
                    + " DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True,"
                    + " gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients."
                    + " To fix this error, please refer to the Optimizer.zero_grad() function in"
                    + " torch/optim/optimizer.py as the solution.");
        }
        if (t.autograd() != null) {
            setHistory(t, null);
            state(t).requiresGrad = false;
        }
        return t;
    }

    /**
     * Checks that an in-place op may write {@code t}, with PyTorch's errors in its order
     * ({@code check_inplace}): a tensor that requires grad and is a view of a leaf (the base itself
     * need not require grad: {@code torch.arange(6.).view(2, 3).requires_grad_()} is such a view),
     * then a leaf that requires grad; then bumps the version counter.
     */
    public static void checkInplace(TensorImpl t) {
        State state = peek(t);
        if (GradEnabled.isEnabled() && state != null && state.requiresGrad()) {
            if (state.noGradViewBase != null) {
                throw new IllegalStateException("A view was created in no_grad mode and is being modified inplace with"
                        + " grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden."
                        + " You can clarify your code by moving both the view and the inplace either both inside the"
                        + " no_grad block (if you don't want the inplace to be tracked) or both outside (if you want"
                        + " the inplace to be tracked).");
            }
            TensorImpl base = t.viewBase();
            if (base != null && isLeaf(base)) {
                throw new IllegalStateException(
                        "a view of a leaf Variable that requires grad is being used in an in-place operation.");
            }
            if (isLeaf(t)) {
                throw new IllegalStateException(
                        "a leaf Variable that requires grad is being used in an in-place operation.");
            }
        }
        t.storage().bumpVersion();
    }


    /**
     * A copy of {@code t}'s data that takes its place in the graph: in-place ops that record
     * history compute on the snapshot, then write the result back into {@code t}.
     */
    public static TensorImpl snapshotForInplace(TensorImpl t) {
        TensorImpl copy = t.contiguousCopy();
        State s = peek(t);
        if (s != null) {
            State c = state(copy);
            c.gradFn = s.gradFn;
            c.requiresGrad = s.requiresGrad;
        }
        return copy;
    }

    /**
     * Records {@code node} (whose input 0 is {@code t}'s value before an in-place op) as the op's
     * history. On a view the write also changes the base: the base's history becomes
     * {@code CopySlices(node)} and this view's grad_fn reads its region from it, as in PyTorch.
     */
    public static void rebaseHistory(TensorImpl t, Node node) {
        TensorImpl base = t.viewBase();
        if (base == null) {
            setHistory(t, node);
            return;
        }
        setHistory(base, new CopySlices(base, t, node));
        setHistory(t, new CopySlices.ViewBackward(base, t));
    }

    /**
     * Records {@code node}, an in-place write into {@code written} (which is {@code t} or a view
     * of it made by the writing op, e.g. {@code x[0:2] = v}), as {@code t}'s history: a write into
     * such a view makes {@code t}'s history a {@code CopySlices} around the node.
     */
    public static void rebaseHistory(TensorImpl t, TensorImpl written, Node node) {
        rebaseHistory(t, written == t ? node : new CopySlices(t, written, node));
    }

    /** Replaces the grad_fn, moving a {@code retainGrad()} registration to the new node. */
    private static void setHistory(TensorImpl t, Node node) {
        State s = state(t);
        if (s.retainsGrad && s.gradFn != null && s.gradFn != node) {
            s.gradFn.preHooks.removeIf(h -> h.retained == t);
            if (node != null) {
                retainOn(node, t);
            } else {
                s.retainsGrad = false;
            }
        }
        s.gradFn = node;
    }
}
