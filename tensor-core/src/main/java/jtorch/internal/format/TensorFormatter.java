package jtorch.internal.format;

import java.util.ArrayList;
import java.util.List;

import jtorch.DType;
import jtorch.PrintOptions;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.Node;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.tensor.TensorImpl;

/**
 * A tensor's {@code repr}, byte for byte as PyTorch 1.13's {@code torch/_tensor_str.py}:
 *
 * <ol>
 *   <li>the current {@link PrintOptions} decide whether to summarise (more than {@code threshold}
 *       elements: keep {@code edgeitems} at each end of every longer dimension);</li>
 *   <li>{@link ValueFormatter} scans the printed elements once for notation and width;</li>
 *   <li>recursive builders nest the rows: a 1-d row wraps after
 *       {@code (linewidth - indent) / (width + 2)} elements, a k-d block separates its slices
 *       with a comma, k-1 newlines and {@code indent + 1} spaces, and {@code ...} replaces the
 *       summarised middle;</li>
 *   <li>suffixes ({@code size=}, {@code dtype=}, {@code grad_fn=}/{@code requires_grad=True})
 *       follow, each moving to a new line indented under {@code tensor(} when the last line
 *       would pass {@code linewidth}.</li>
 * </ol>
 *
 * <p>For example {@code torch.arange(8.).view(2, 2, 2)} prints as
 * <pre>
 * tensor([[[0., 1.],
 *          [2., 3.]],
 *
 *         [[4., 5.],
 *          [6., 7.]]])
 * </pre>
 * One instance builds one string and is then dropped.
 */
public final class TensorFormatter {
    private static final String PREFIX = "tensor(";
    private static final String ELLIPSIS_ROW = "...";
    private static final String ELLIPSIS_ITEM = " ...";

    private final StringBuilder out = new StringBuilder(128);
    private final PrintOptions options;
    private final int[] shape;
    private final int[] rowStrides;
    private final boolean summarize;
    private ValueFormatter values;
    private int next;

    private TensorFormatter(TensorImpl t, PrintOptions options) {
        this.options = options;
        this.shape = new int[t.dim()];
        this.rowStrides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            shape[d] = t.sizes()[d];
            rowStrides[d] = stride;
            stride *= shape[d];
        }
        this.summarize = t.numel() > options.threshold();
    }

    /** PyTorch's {@code repr(t)} under the current print options. */
    public static String repr(TensorImpl t) {
        return repr(t, PrintSettings.current());
    }

    /** PyTorch's {@code repr(t)} under {@code options}. */
    public static String repr(TensorImpl t, PrintOptions options) {
        return new TensorFormatter(t, options).build(t);
    }

    private String build(TensorImpl t) {
        out.append(PREFIX);
        List<String> suffixes = new ArrayList<>(3);
        DType dtype = t.dtype();
        if (t.numel() == 0) {
            out.append("[]");
            if (shape.length != 1) {
                suffixes.add("size=" + PythonTuple.of(shape));
            }
            if (dtype != DefaultDtype.get()) {
                suffixes.add("dtype=" + dtype);
            }
        } else {
            if (dtype != DefaultDtype.get() && dtype != DType.INT64 && dtype != DType.BOOL) {
                suffixes.add("dtype=" + dtype);
            }
            values = ValueFormatter.scan(t, printedPositions(), options);
            if (shape.length == 0) {
                appendValue();
            } else {
                appendBlock(0, PREFIX.length());
            }
        }
        Node gradFn = Autograd.gradFn(t);
        if (gradFn != null) {
            suffixes.add("grad_fn=<" + gradFn.name() + ">");
        } else if (t.requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        appendSuffixes(suffixes);
        return out.toString();
    }

    /** Row-major positions of the printed elements, in print order. */
    private int[] printedPositions() {
        int count = 1;
        for (int size : shape) {
            count *= shownCount(size);
        }
        int[] positions = new int[count];
        if (shape.length > 0) {
            collectPositions(0, 0, positions, 0);
        }
        return positions;
    }

    private int collectPositions(int d, int base, int[] positions, int filled) {
        int size = shape[d];
        boolean cut = isCut(size);
        int edge = options.edgeitems();
        int shown = shownCount(size);
        for (int k = 0; k < shown; k++) {
            int index = cut && k >= edge ? size - 2 * edge + k : k;
            int position = base + index * rowStrides[d];
            if (d == shape.length - 1) {
                positions[filled++] = position;
            } else {
                filled = collectPositions(d + 1, position, positions, filled);
            }
        }
        return filled;
    }

    private boolean isCut(int size) {
        return summarize && size > 2L * options.edgeitems();
    }

    private int shownCount(int size) {
        return isCut(size) ? 2 * options.edgeitems() : size;
    }

    /** Dimension {@code d} and below, opening bracket at the current position. */
    private void appendBlock(int d, int indent) {
        if (d == shape.length - 1) {
            appendRow(indent);
            return;
        }
        int size = shape[d];
        boolean cut = isCut(size);
        int edge = options.edgeitems();
        int items = cut ? 2 * edge + 1 : size;
        int newlines = shape.length - d - 1;
        out.append('[');
        for (int k = 0; k < items; k++) {
            if (k > 0) {
                out.append(',');
                for (int i = 0; i < newlines; i++) {
                    out.append('\n');
                }
                appendSpaces(indent + 1);
            }
            if (cut && k == edge) {
                out.append(ELLIPSIS_ROW);
            } else {
                appendBlock(d + 1, indent + 1);
            }
        }
        out.append(']');
    }

    /** The last dimension: elements wrapped to the line width. */
    private void appendRow(int indent) {
        int size = shape[shape.length - 1];
        boolean cut = isCut(size);
        int edge = options.edgeitems();
        int items = cut ? 2 * edge + 1 : size;
        int perLine = Math.max(1, Math.floorDiv(options.linewidth() - indent, values.width() + 2));
        out.append('[');
        for (int k = 0; k < items; k++) {
            if (k > 0) {
                if (k % perLine == 0) {
                    out.append(",\n");
                    appendSpaces(indent + 1);
                } else {
                    out.append(", ");
                }
            }
            if (cut && k == edge) {
                out.append(ELLIPSIS_ITEM);
            } else {
                appendValue();
            }
        }
        out.append(']');
    }

    /** The next printed element, right-aligned to the formatter's width. */
    private void appendValue() {
        String text = values.text(next++);
        appendSpaces(values.width() - text.length());
        out.append(text);
    }

    private void appendSpaces(int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }

    /**
     * PyTorch's {@code _add_suffixes}, including its measure of the last line: the characters
     * after the last newline plus two (or the whole length plus two when there is none).
     */
    private void appendSuffixes(List<String> suffixes) {
        int indent = PREFIX.length();
        int lastLineLength = out.length() - out.lastIndexOf("\n") + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > options.linewidth()) {
                out.append(",\n");
                appendSpaces(indent);
                out.append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        out.append(')');
    }
}
