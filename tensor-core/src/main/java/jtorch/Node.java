package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;


/**
 * A node of the autograd graph, as {@code tensor.grad_fn}: PyTorch's class name
 * ({@link #name()}, e.g. {@code AddBackward0}), the nodes gradients flow on to
 * ({@link #nextFunctions()}) and, for a leaf's {@code AccumulateGrad}, the leaf
 * ({@link #variable()}). One {@code Node} object per graph node, so identity comparisons work.
 */
public final class Node {
    private final jtorch.internal.autograd.Node impl;

    private Node(jtorch.internal.autograd.Node impl) {
        this.impl = impl;
        impl.setFacade(this);
    }

    /** The facade of a graph node (made on first use), or null for null. */
    static Node of(jtorch.internal.autograd.Node node) {
        if (node == null) {
            return null;
        }
        Object facade = node.facade();
        return facade != null ? (Node) facade : new Node(node);
    }

    /** PyTorch's class name of this node, e.g. {@code AddBackward0}, as {@code grad_fn.name()}. */
    public String name() {
        return impl.name();
    }

    /**
     * The nodes this one passes gradients to, one per input in input order, as PyTorch's
     * {@code next_functions} (whose entries are {@code (node, 0)} pairs); an input that needs no
     * gradient has a null entry.
     */
    public List<Node> nextFunctions() {
        List<Node> list = new ArrayList<>();
        for (jtorch.internal.autograd.Node n : impl.nextFunctions()) {
            list.add(of(n));
        }
        return Collections.unmodifiableList(list);
    }

    /** The leaf an {@code AccumulateGrad} node accumulates into ({@code grad_fn.variable}), else null. */
    public Tensor variable() {
        return Tensor.of(impl.variable());
    }

    /** Python's {@code repr(grad_fn)} without the address: {@code <AddBackward0 object>}. */
    @Override
    public String toString() {
        return impl.toString();
    }
}
