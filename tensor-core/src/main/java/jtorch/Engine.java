package jtorch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a backward pass: counts each node's dependencies, then executes nodes whose inputs are
 * complete, newest first (PyTorch's order by sequence number), summing gradients that meet at a
 * node. Backward formulas run with grad mode off.
 */
final class Engine {
    private Engine() {}

    /** {@code tensor.backward(gradient, retain_graph)}. */
    static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        run(new Tensor[] {root}, new Tensor[] {gradient}, retainGraph, null);
    }

    /** {@code torch.autograd.grad(outputs, inputs)}: gradients returned, nothing accumulated. */
    static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, boolean retainGraph) {
        Map<Node, Tensor> captured = new IdentityHashMap<>();
        Map<Node, Integer> wanted = new IdentityHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (!in.requiresGrad()) {
                throw new IllegalStateException("One of the differentiated Tensors does not require grad");
            }
            wanted.put(in.gradFn() != null ? in.gradFn() : in.gradAccumulator(), i);
        }
        run(outputs, new Tensor[outputs.length], retainGraph, new Capture(wanted, captured));
        Tensor[] result = new Tensor[inputs.length];
        for (Map.Entry<Node, Integer> e : wanted.entrySet()) {
            Tensor g = captured.get(e.getKey());
            if (g == null) {
                throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in the"
                        + " graph. Set allow_unused=True if this is the desired behavior.");
            }
            result[e.getValue()] = g;
        }
        return result;
    }

    /** When computing {@code autograd.grad}, the gradients reaching these nodes are captured instead. */
    private static final class Capture {
        final Map<Node, Integer> wanted;
        final Map<Node, Tensor> captured;

        Capture(Map<Node, Integer> wanted, Map<Node, Tensor> captured) {
            this.wanted = wanted;
            this.captured = captured;
        }
    }

    private static void run(Tensor[] roots, Tensor[] grads, boolean retainGraph, Capture capture) {
        Map<Node, Tensor> buffers = new IdentityHashMap<>();
        for (int i = 0; i < roots.length; i++) {
            Tensor root = roots[i];
            if (!root.requiresGrad()) {
                throw new IllegalArgumentException("element " + i
                        + " of tensors does not require grad and does not have a grad_fn");
            }
            Tensor g = grads[i];
            if (g == null) {
                if (root.numel() != 1) {
                    throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs");
                }
                g = torch.onesLike(root);
            } else if (!g.shape().equals(root.shape())) {
                throw new IllegalArgumentException("Mismatch in shape: grad_output[" + i + "] has a shape of "
                        + g.shape() + " and output[" + i + "] has a shape of " + root.shape() + ".");
            }
            Node node = root.gradFn() != null ? root.gradFn() : root.gradAccumulator();
            accumulate(buffers, node, g);
        }
        Map<Node, Integer> dependencies = countDependencies(buffers.keySet());
        PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));
        for (Node n : buffers.keySet()) {
            if (dependencies.getOrDefault(n, 0) == 0) {
                ready.add(n);
            }
        }
        try (GradMode ignored = GradMode.set(false)) {
            while (!ready.isEmpty()) {
                Interrupts.check();
                Node node = ready.poll();
                Tensor grad = buffers.remove(node);
                Tensor[] inputGrads = grad == null ? new Tensor[0] : execute(node, grad, retainGraph, capture);
                for (int i = 0; i < node.next.length; i++) {
                    Node target = node.next[i];
                    if (target == null) {
                        continue;
                    }
                    if (i < inputGrads.length && inputGrads[i] != null) {
                        accumulate(buffers, target, inputGrads[i]);
                    }
                    if (dependencies.merge(target, -1, Integer::sum) == 0) {
                        ready.add(target);
                    }
                }
            }
        }
    }

    /** Runs one node: retained and captured gradients first, then its backward formula. */
    private static Tensor[] execute(Node node, Tensor grad, boolean retainGraph, Capture capture) {
        for (Tensor t : node.retainedOutputs) {
            t.retainGradient(grad);
        }
        if (capture != null) {
            if (capture.wanted.containsKey(node)) {
                capture.captured.put(node, grad);
            }
            if (node instanceof AccumulateGrad) {
                return new Tensor[0];
            }
        }
        Tensor[] inputGrads = node.apply(grad);
        if (!retainGraph) {
            node.release();
        }
        return inputGrads;
    }

    private static void accumulate(Map<Node, Tensor> buffers, Node node, Tensor g) {
        Tensor prev = buffers.get(node);
        buffers.put(node, prev == null ? g : prev.add(g));
    }

    private static Map<Node, Integer> countDependencies(Iterable<Node> roots) {
        Map<Node, Integer> deps = new HashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        for (Node r : roots) {
            if (seen.put(r, Boolean.TRUE) == null) {
                stack.push(r);
            }
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node next : n.next) {
                if (next == null) {
                    continue;
                }
                deps.merge(next, 1, Integer::sum);
                if (seen.put(next, Boolean.TRUE) == null) {
                    stack.push(next);
                }
            }
        }
        return deps;
    }
}
