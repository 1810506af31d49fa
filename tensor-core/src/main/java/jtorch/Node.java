package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the autograd graph: the {@code grad_fn} of a tensor computed by a differentiable op.
 *
 * <p>A node has one output (the tensor whose {@code gradFn()} it is) and one edge per
 * differentiable input: the input's own {@code grad_fn}, or its {@code AccumulateGrad} node when
 * the input is a leaf that requires grad, or no edge. {@link #apply} maps the gradient of the
 * output to one gradient per input; it reads only what the op saved in {@link SavedTensor}s, so
 * it fails with PyTorch's message once the graph has been freed by a backward pass.
 */
public abstract class Node {
    private static long nextSequenceNr;

    final Node[] next;
    final long sequenceNr;
    private final List<SavedTensor> saved = new ArrayList<>(2);
    /** Non-leaf tensors whose {@code retainGrad()} asked for this node's incoming gradient. */
    List<Tensor> retainedOutputs = Collections.emptyList();

    /** Builds the edges to the inputs' graph nodes; null inputs or inputs without grad get no edge. */
    protected Node(Tensor... inputs) {
        this.next = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t != null && t.requiresGrad()) {
                next[i] = t.gradFn() != null ? t.gradFn() : t.gradAccumulator();
            }
        }
        synchronized (Node.class) {
            this.sequenceNr = nextSequenceNr++;
        }
    }

    /** PyTorch's class name of this node, e.g. {@code AddBackward0}. */
    public abstract String name();

    /**
     * The gradients of the inputs, given the gradient of the output; an entry may be null when
     * that input needs no gradient ({@link #needsGrad(int)} is false).
     */
    abstract Tensor[] apply(Tensor gradOutput);

    /** Whether input {@code i} has an edge, so its gradient is needed. */
    final boolean needsGrad(int i) {
        return next[i] != null;
    }

    /** Saves an input for backward, remembering its version so later in-place edits are caught. */
    final SavedTensor save(Tensor t) {
        return remember(new SavedTensor(t, t.gradFn()));
    }

    /** Saves this node's own output (the result), e.g. for {@code exp}'s backward. */
    final SavedTensor saveOutput(Tensor result) {
        return remember(new SavedTensor(result, this));
    }

    private SavedTensor remember(SavedTensor s) {
        saved.add(s);
        return s;
    }

    /** Frees the saved tensors, as a backward pass without {@code retain_graph} does. */
    final void release() {
        for (SavedTensor s : saved) {
            s.free();
        }
    }

    /** The nodes this one feeds gradients to, PyTorch's {@code next_functions} (null entries kept). */
    public List<Node> nextFunctions() {
        List<Node> list = new ArrayList<>(next.length);
        Collections.addAll(list, next);
        return Collections.unmodifiableList(list);
    }

    @Override
    public String toString() {
        return "<" + name() + " object>";
    }
}
