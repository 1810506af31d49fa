package jtorch.kernel.figures;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jtorch.Node;
import jtorch.Tensor;

/**
 * The autograd graph below a tensor or a {@code grad_fn} node, drawn as torchviz's
 * {@code make_dot} draws it: the output tensor (green, with its shape) on top, each
 * {@code grad_fn} node as a grey box named like PyTorch's class, arrows in the direction the
 * gradient flows during {@code backward()}, down to the {@code AccumulateGrad} nodes and the
 * leaves they add into (blue, with their shape and, when given, their name): exactly the tensors
 * whose {@code .grad} this backward pass fills.
 *
 * <p>Built from the public graph API only ({@link Node#name()}, {@link Node#nextFunctions()},
 * {@link Node#variable()}); a node reached along several paths is drawn once. The graph is read
 * when the figure is made, so later operations do not change it.
 */
public final class GraphFigure {
    /** What a box stands for; decides its colour. */
    enum Kind {
        OUTPUT, FUNCTION, LEAF
    }

    /** One box: its text lines and the boxes its arrows point to. */
    static final class Box {
        final Kind kind;
        final List<String> lines;
        final List<Box> next = new ArrayList<>();

        Box(Kind kind, List<String> lines) {
            this.kind = kind;
            this.lines = lines;
        }
    }

    final Box root;
    final List<Box> boxes;

    private GraphFigure(Box root, List<Box> boxes) {
        this.root = root;
        this.boxes = boxes;
    }

    /** The graph of {@code output}: the tensor itself on top, then its {@code grad_fn} and below. */
    static GraphFigure of(Tensor output, Map<String, Tensor> params) {
        Objects.requireNonNull(output, "makeDot needs a tensor, got null");
        Node fn = output.gradFn();
        if (fn == null) {
            throw new IllegalArgumentException("this tensor has no grad_fn, so there is no graph to draw"
                    + (output.requiresGrad() ? " (it is a leaf: the graph starts at results computed from it)"
                    : " (it does not require grad: create its inputs with requires_grad=true)"));
        }
        List<Box> boxes = new ArrayList<>();
        Box top = new Box(Kind.OUTPUT, List.of(shape(output)));
        boxes.add(top);
        top.next.add(new Walk(params == null ? Map.of() : params, boxes).box(fn));
        return new GraphFigure(top, boxes);
    }

    /** The graph below {@code node}. */
    static GraphFigure of(Node node) {
        Objects.requireNonNull(node, "makeDot needs a grad_fn node, got null");
        List<Box> boxes = new ArrayList<>();
        Box top = new Walk(Map.of(), boxes).box(node);
        return new GraphFigure(top, boxes);
    }

    /** One walk down the graph: each node and leaf becomes one box, however many paths reach it. */
    private static final class Walk {
        private final Map<String, Tensor> params;
        private final List<Box> boxes;
        private final Map<Node, Box> seen = new IdentityHashMap<>();

        Walk(Map<String, Tensor> params, List<Box> boxes) {
            this.params = params;
            this.boxes = boxes;
        }

        Box box(Node node) {
            Box known = seen.get(node);
            if (known != null) {
                return known;
            }
            Box box = new Box(Kind.FUNCTION, List.of(node.name()));
            seen.put(node, box);
            boxes.add(box);
            for (Node input : node.nextFunctions()) {
                if (input != null) {
                    box.next.add(box(input));
                }
            }
            Tensor leaf = node.variable();
            if (leaf != null) {
                Box leafBox = new Box(Kind.LEAF, nameOf(leaf) == null ? List.of(shape(leaf)) : List.of(nameOf(leaf), shape(leaf)));
                boxes.add(leafBox);
                box.next.add(leafBox);
            }
            return box;
        }

        /** The name {@code params} gives the tensor (the same object), as torchviz's params=dict(...). */
        private String nameOf(Tensor leaf) {
            for (Map.Entry<String, Tensor> e : params.entrySet()) {
                if (e.getValue() == leaf) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    /** PyTorch's way of writing a size in torchviz boxes: {@code (2, 3)}, {@code ()} for a scalar. */
    static String shape(Tensor t) {
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < t.dim(); d++) {
            sb.append(d > 0 ? ", " : "").append(t.size(d));
        }
        return sb.append(')').toString();
    }

    /** The graph as PNG bytes. */
    public byte[] toPng() {
        GraphLayout layout = GraphLayout.of(this);
        return Png.encode(layout::draw, layout.width(), layout.height());
    }

    /** The size the picture is shown at, in points. */
    int[] shownSize() {
        GraphLayout layout = GraphLayout.of(this);
        return new int[] {layout.width(), layout.height()};
    }

    /** The graph as an indented tree of node names (what a terminal shows); shared nodes appear under each user. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        tree(root, "", "", sb, 0);
        return sb.toString().stripTrailing();
    }

    private static void tree(Box box, String first, String rest, StringBuilder sb, int depth) {
        sb.append(first).append(String.join(" ", box.lines)).append('\n');
        if (depth > 64) {
            sb.append(rest).append("...\n");
            return;
        }
        for (int i = 0; i < box.next.size(); i++) {
            boolean last = i == box.next.size() - 1;
            tree(box.next.get(i), rest + (last ? "\u2514\u2500\u2500 " : "\u251c\u2500\u2500 "),
                    rest + (last ? "    " : "\u2502   "), sb, depth + 1);
        }
    }
}
