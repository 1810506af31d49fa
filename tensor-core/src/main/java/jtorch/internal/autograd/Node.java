package jtorch.internal.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jtorch.internal.tensor.TensorImpl;

/**
 * A node of the autograd graph: the {@code grad_fn} of a tensor computed by a differentiable op
 * ({@code jtorch.Node} is its public facade).
 *
 * <p>A node has one output (the tensor whose {@code gradFn()} it is) and one edge per
 * differentiable input: the input's own {@code grad_fn}, or its {@code AccumulateGrad} node when
 * the input is a leaf that requires grad, or no edge (null). {@link #apply} maps the gradient of
 * the output to one gradient per input; it reads only what the op saved in {@link SavedTensor}s,
 * so it fails with PyTorch's message once a backward pass has freed the graph.
 *
 * <p>Invariants: {@code next} never changes after construction; {@code sequenceNr} increases with
 * creation order, and the engine runs ready nodes newest first, as PyTorch does. The fields
 * {@code pass}, {@code pending} and {@code buffer} are the engine's scratch state, meaningful only
 * while the backward pass whose token is {@code pass} runs (see {@link Engine}).
 */
public abstract class Node {
    /** Creation counter; graphs are built by one thread at a time, so a plain field suffices. */
    private static long nextSequenceNr;

    final Node[] next;
    final long sequenceNr;
    /** The public object wrapping this node, or null before one was made. */
    private Object facade;
    /** Tensors saved for backward, freed by {@link #release()}; null until the first save. */
    private SavedTensor[] saved;
    private int savedCount;
    /** Functions of this node's incoming gradient run before it ({@code retainGrad()}, {@code registerHook}). */
    List<GradHook> preHooks = Collections.emptyList();

    /** Engine scratch: the backward pass currently using this node, its pending count and grad sum. */
    Object pass;
    int pending;
    TensorImpl buffer;

    /** Builds the edges to the inputs' graph nodes; null inputs or inputs without grad get no edge. */
    Node(TensorImpl... inputs) {
        this.next = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            next[i] = edgeOf(inputs[i]);
        }
        this.sequenceNr = nextSequenceNr++;
    }

    /** A node whose edges are given directly (graph rewrites such as {@code CopySlices}). */
    Node(Node[] edges) {
        this.next = edges;
        this.sequenceNr = nextSequenceNr++;
    }

    /** The graph node a gradient for {@code t} flows into, or null when {@code t} needs none. */
    static Node edgeOf(TensorImpl t) {
        if (t == null || !t.requiresGrad()) {
            return null;
        }
        Node fn = Autograd.gradFn(t);
        return fn != null ? fn : Autograd.gradAccumulator(t);
    }

    /** PyTorch's class name of this node, e.g. {@code AddBackward0}, as {@code grad_fn.name()}. */
    public abstract String name();

    /**
     * The gradients of the inputs, given the gradient of the output; an entry may be null when
     * that input needs no gradient ({@link #needsGrad(int)} is false). Runs with grad mode off.
     */
    abstract TensorImpl[] apply(TensorImpl gradOutput);

    /** Whether input {@code i} has an edge, so its gradient is needed. */
    final boolean needsGrad(int i) {
        return next[i] != null;
    }

    /** Saves an input for backward, remembering its version so later in-place edits are caught. */
    final SavedTensor save(TensorImpl t) {
        return remember(new SavedTensor(t, null));
    }

    /** Saves this node's own output (the result), e.g. for {@code exp}'s backward. */
    final SavedTensor saveOutput(TensorImpl result) {
        return remember(new SavedTensor(result, this));
    }

    private SavedTensor remember(SavedTensor s) {
        if (saved == null) {
            saved = new SavedTensor[2];
        } else if (savedCount == saved.length) {
            saved = Arrays.copyOf(saved, savedCount * 2);
        }
        saved[savedCount++] = s;
        return s;
    }

    /** Frees the saved tensors, as a backward pass without {@code retain_graph} does. */
    void release() {
        for (int i = 0; i < savedCount; i++) {
            saved[i].free();
        }
    }

    /**
     * The nodes this one passes gradients to, one per input in input order, as PyTorch's
     * {@code next_functions} (whose entries are {@code (node, 0)} pairs); an input that needs no
     * gradient has a null entry.
     */
    public List<Node> nextFunctions() {
        List<Node> list = new ArrayList<>(next.length);
        Collections.addAll(list, next);
        return Collections.unmodifiableList(list);
    }

    /** The leaf whose gradient this node accumulates ({@code AccumulateGrad.variable}), else null. */
    public TensorImpl variable() {
        return null;
    }

    /** The public object wrapping this node, or null before one was made. */
    public Object facade() {
        return facade;
    }

    /** Records the public object wrapping this node; there is only ever one. */
    public void setFacade(Object wrapper) {
        if (facade != null) {
            throw new IllegalStateException("node already has a facade");
        }
        this.facade = wrapper;
    }

    /** Python's {@code repr(grad_fn)} without the address: {@code <AddBackward0 object>}. */
    @Override
    public String toString() {
        return "<" + name() + " object>";
    }
}
