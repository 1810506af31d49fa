package jtorch.internal.autograd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.tensor.TensorImpl;

import jtorch.internal.kernels.Cancellation;

/**
 * Runs a backward pass, as PyTorch's engine: finds the nodes reachable from the roots and counts
 * each node's dependencies (edges into it), then executes nodes whose gradient is complete,
 * newest first (by sequence number), summing the gradients that meet at a node. Backward formulas
 * run with grad mode off.
 *
 * <p>To stay allocation-light the per-pass bookkeeping lives in the nodes' scratch fields
 * ({@link Node#pass}, {@link Node#pending}, {@link Node#buffer}), owned by a fresh token per pass
 * and cleared when the pass ends, successfully or not. A graph is therefore differentiated by one
 * thread at a time, like grad mode, which is process-wide.
 */
public final class Engine {
    private static final Comparator<Node> NEWEST_FIRST = (a, b) -> Long.compare(b.sequenceNr, a.sequenceNr);

    private Engine() {}

    /** {@code tensor.backward(gradient, retain_graph)}; a null gradient means ones for a scalar. */
    public static void backward(TensorImpl root, TensorImpl gradient, boolean retainGraph) {
        Node node = rootNode(root, 0);
        new Pass(retainGraph, null).run(new Node[] {node}, new TensorImpl[] {rootGradient(root, gradient, 0)});
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph)}: the gradients of
     * the outputs with respect to the inputs, returned instead of accumulated into {@code .grad}.
     */
    public static TensorImpl[] grad(TensorImpl[] outputs, TensorImpl[] gradOutputs, TensorImpl[] inputs,
                                    boolean retainGraph) {
        if (gradOutputs != null && gradOutputs.length != outputs.length) {
            throw new IllegalArgumentException("grad requires one grad_output per output: got "
                    + gradOutputs.length + " grad_outputs and " + outputs.length + " outputs");
        }
        Node[] wanted = new Node[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) {
                throw new IllegalStateException("One of the differentiated Tensors does not require grad");
            }
            wanted[i] = Node.edgeOf(inputs[i]);
        }
        Node[] roots = new Node[outputs.length];
        TensorImpl[] grads = new TensorImpl[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            roots[i] = rootNode(outputs[i], i);
            grads[i] = rootGradient(outputs[i], gradOutputs == null ? null : gradOutputs[i], i);
        }
        TensorImpl[] captured = new TensorImpl[inputs.length];
        new Pass(retainGraph, new Capture(wanted, captured)).run(roots, grads);
        for (TensorImpl g : captured) {
            if (g == null) {
                throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in the"
                        + " graph. Set allow_unused=True if this is the desired behavior.");
            }
        }
        return captured;
    }

    private static Node rootNode(TensorImpl root, int index) {
        Node node = Node.edgeOf(root);
        if (node == null) {
            throw new IllegalArgumentException("element " + index
                    + " of tensors does not require grad and does not have a grad_fn");
        }
        return node;
    }

    /** The output gradient: ones for a one-element output, else the given one checked and cast. */
    private static TensorImpl rootGradient(TensorImpl root, TensorImpl gradient, int index) {
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs");
            }
            return Grads.onesLike(root);
        }
        if (!gradient.layout().sameSizes(root.layout())) {
            throw new IllegalArgumentException("Mismatch in shape: grad_output[" + index + "] has a shape of "
                    + sizeText(gradient) + " and output[" + index + "] has a shape of " + sizeText(root) + ".");
        }
        return Grads.cast(gradient, root.dtype());
    }

    private static String sizeText(TensorImpl t) {
        return "torch.Size(" + java.util.Arrays.toString(t.sizes()) + ")";
    }

    /** For {@code autograd.grad}: the gradients reaching these nodes are captured, leaves untouched. */
    private static final class Capture {
        final Node[] wanted;
        final TensorImpl[] captured;

        Capture(Node[] wanted, TensorImpl[] captured) {
            this.wanted = wanted;
            this.captured = captured;
        }

        /** Records {@code grad} for every input whose node is {@code node}. */
        void offer(Node node, TensorImpl grad) {
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i] == node) {
                    captured[i] = grad;
                }
            }
        }
    }

    /** One backward pass; its identity is the token stored in the nodes it visits. */
    private static final class Pass {
        private final boolean retainGraph;
        private final Capture capture;
        private final ArrayList<Node> visited = new ArrayList<>();

        Pass(boolean retainGraph, Capture capture) {
            this.retainGraph = retainGraph;
            this.capture = capture;
        }

        void run(Node[] roots, TensorImpl[] grads) {
            try {
                discover(roots);
                for (int i = 0; i < roots.length; i++) {
                    accumulate(roots[i], grads[i]);
                }
                PriorityQueue<Node> ready = new PriorityQueue<>(NEWEST_FIRST);
                for (Node root : roots) {
                    if (root.pending == 0 && !ready.contains(root)) {
                        ready.add(root);
                    }
                }
                boolean gradMode = GradEnabled.set(false);
                try {
                    while (!ready.isEmpty()) {
                        Cancellation.check();
                        Node node = ready.poll();
                        TensorImpl grad = node.buffer;
                        node.buffer = null;
                        TensorImpl[] inputGrads = grad == null ? null : execute(node, grad);
                        for (int i = 0; i < node.next.length; i++) {
                            Node target = node.next[i];
                            if (target == null) {
                                continue;
                            }
                            if (inputGrads != null && i < inputGrads.length && inputGrads[i] != null) {
                                accumulate(target, inputGrads[i]);
                            }
                            if (--target.pending == 0) {
                                ready.add(target);
                            }
                        }
                    }
                } finally {
                    GradEnabled.set(gradMode);
                }
            } finally {
                for (Node n : visited) {
                    n.pass = null;
                    n.buffer = null;
                }
            }
        }

        /**
         * Marks every node reachable from the roots and counts the edges into each; {@code visited}
         * doubles as the work list (breadth first), so no stack is allocated.
         */
        private void discover(Node[] roots) {
            for (Node r : roots) {
                enter(r);
            }
            for (int k = 0; k < visited.size(); k++) {
                for (Node target : visited.get(k).next) {
                    if (target != null) {
                        enter(target);
                        target.pending++;
                    }
                }
            }
        }

        private void enter(Node n) {
            if (n.pass != this) {
                n.pass = this;
                n.pending = 0;
                n.buffer = null;
                visited.add(n);
            }
        }

        private static void accumulate(Node node, TensorImpl g) {
            TensorImpl prev = node.buffer;
            node.buffer = prev == null ? g : Grads.add(prev, g);
        }

        /** Runs one node: its pre-hooks (retained gradients, user hooks) and captures first, then its formula. */
        private TensorImpl[] execute(Node node, TensorImpl gradIn) {
            TensorImpl grad = gradIn;
            for (int i = 0; i < node.preHooks.size(); i++) {
                grad = node.preHooks.get(i).run(grad);
            }
            if (capture != null) {
                capture.offer(node, grad);
                if (node instanceof AccumulateGrad) {
                    return null;
                }
            }
            TensorImpl[] inputGrads = node.apply(grad);
            if (!retainGraph) {
                node.release();
            }
            return inputGrads;
        }
    }
}
