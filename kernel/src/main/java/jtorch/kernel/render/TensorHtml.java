package jtorch.kernel.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jtorch.DType;
import jtorch.Node;
import jtorch.PrintOptions;
import jtorch.Tensor;
import jtorch.internal.format.PythonFloatFormat;
import jtorch.torch;

/**
 * The {@code text/html} card of a tensor: a header with shape, dtype, {@code requires_grad} and
 * {@code grad_fn}, then the values: a scalar for 0-d, one row for 1-d, a table for 2-d, and for
 * 3-d and more one labelled table per leading index ({@code [0, :, :]}). Like PyTorch's repr, a
 * tensor with more elements than the print threshold shows only {@code edgeitems} entries at each
 * end of every dimension, with an ellipsis between.
 *
 * <p>Values are read through {@code narrow} and {@code tolist} only for the entries shown, so a
 * large tensor costs no more than its summary.
 */
public final class TensorHtml {
    private static final Object ELLIPSIS = new Object();
    private static final String CARD = "display:inline-block;border:1px solid rgba(128,128,128,.4);"
            + "border-radius:4px;padding:4px 8px;font-family:var(--jp-code-font-family,monospace);font-size:12px";
    private static final String HEAD = "margin-bottom:4px;opacity:.85";
    private static final String TABLE = "border-collapse:collapse;margin:2px 0";
    private static final String CELL = "padding:1px 6px;text-align:right;border:0";
    private static final String INDEX = CELL + ";opacity:.5";

    private TensorHtml() {}

    /** The HTML card for {@code t}. */
    public static String render(Tensor t) {
        PrintOptions opts = torch.getPrintoptions();
        boolean summarise = t.numel() > opts.threshold();
        int edge = Math.max(1, opts.edgeitems());
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<div class=\"jtorch-tensor\" style=\"").append(CARD).append("\">");
        sb.append("<div style=\"").append(HEAD).append("\">").append(header(t)).append("</div>");
        if (t.numel() == 0) {
            sb.append("<div><i>empty</i></div>");
        } else if (t.dim() == 0) {
            sb.append("<div style=\"font-size:14px\"><b>").append(Html.escape(format(t.tolist(), t.dtype())))
                    .append("</b></div>");
        } else {
            blocks(sb, t, new ArrayList<>(), summarise, edge);
        }
        return sb.append("</div>").toString();
    }

    private static String header(Tensor t) {
        StringBuilder sb = new StringBuilder();
        sb.append("<b>tensor</b> &middot; shape <code>").append(Html.escape(shapeTuple(t))).append("</code>");
        sb.append(" &middot; <code>").append(Html.escape(String.valueOf(t.dtype()))).append("</code>");
        if (t.requiresGrad()) {
            sb.append(" &middot; requires_grad=True");
        }
        Node fn = t.gradFn();
        if (fn != null) {
            sb.append(" &middot; grad_fn=<code>").append(Html.escape(fn.name())).append("</code>");
        }
        return sb.toString();
    }

    private static String shapeTuple(Tensor t) {
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < t.dim(); d++) {
            sb.append(d > 0 ? ", " : "").append(t.size(d));
        }
        return sb.append(t.dim() == 1 ? ",)" : ")").toString();
    }

    /** 3-d and more: one labelled block per kept leading index; 1-d and 2-d: a table. */
    private static void blocks(StringBuilder sb, Tensor t, List<Integer> prefix, boolean summarise, int edge) {
        int d = prefix.size();
        if (t.dim() - d <= 2) {
            if (!prefix.isEmpty()) {
                sb.append("<div style=\"margin-top:4px;opacity:.7\">").append(label(prefix, t.dim())).append("</div>");
            }
            table(sb, t, d, summarise, edge);
            return;
        }
        sb.append("<div style=\"margin-left:").append(prefix.isEmpty() ? 0 : 10).append("px\">");
        for (int i : kept(t.size(d), summarise, edge)) {
            if (i < 0) {
                sb.append("<div style=\"opacity:.6\">&#8942;</div>");
                continue;
            }
            prefix.add(i);
            blocks(sb, t.narrow(d, i, 1), prefix, summarise, edge);
            prefix.remove(prefix.size() - 1);
        }
        sb.append("</div>");
    }

    private static String label(List<Integer> prefix, int dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims; i++) {
            sb.append(i > 0 ? ", " : "").append(i < prefix.size() ? String.valueOf(prefix.get(i)) : ":");
        }
        return sb.append("]").toString();
    }

    /** A table of the last one or two dimensions of {@code t} (earlier dimensions narrowed to size 1). */
    private static void table(StringBuilder sb, Tensor t, int d, boolean summarise, int edge) {
        DType dtype = t.dtype();
        sb.append("<table style=\"").append(TABLE).append("\">");
        if (t.dim() - d == 1) {
            sb.append("<tr>");
            for (Object v : row(t, d, summarise, edge)) {
                cell(sb, v, dtype);
            }
            sb.append("</tr>");
        } else {
            int cols = t.size(d + 1);
            sb.append("<tr><td style=\"").append(INDEX).append("\"></td>");
            for (int j : kept(cols, summarise, edge)) {
                sb.append("<td style=\"").append(INDEX).append("\">").append(j < 0 ? "&hellip;" : String.valueOf(j))
                        .append("</td>");
            }
            sb.append("</tr>");
            for (int i : kept(t.size(d), summarise, edge)) {
                sb.append("<tr><td style=\"").append(INDEX).append("\">").append(i < 0 ? "&#8942;" : String.valueOf(i))
                        .append("</td>");
                if (i < 0) {
                    for (int j : kept(cols, summarise, edge)) {
                        sb.append("<td style=\"").append(CELL).append(";opacity:.6\">")
                                .append(j < 0 ? "&#8945;" : "&#8942;").append("</td>");
                    }
                } else {
                    for (Object v : row(t.narrow(d, i, 1), d + 1, summarise, edge)) {
                        cell(sb, v, dtype);
                    }
                }
                sb.append("</tr>");
            }
        }
        sb.append("</table>");
    }

    private static void cell(StringBuilder sb, Object v, DType dtype) {
        sb.append("<td style=\"").append(CELL).append("\">")
                .append(v == ELLIPSIS ? "&hellip;" : Html.escape(format(v, dtype))).append("</td>");
    }

    /** The kept values along the last dimension {@code d} (all earlier dimensions have size 1). */
    private static List<Object> row(Tensor t, int d, boolean summarise, int edge) {
        int n = t.size(d);
        List<Object> out = new ArrayList<>();
        if (summarise && n > 2 * edge) {
            flatten(t.narrow(d, 0, edge).tolist(), out);
            out.add(ELLIPSIS);
            flatten(t.narrow(d, n - edge, edge).tolist(), out);
        } else {
            flatten(t.tolist(), out);
        }
        return out;
    }

    private static void flatten(Object nested, List<Object> out) {
        if (nested instanceof List) {
            for (Object o : (List<?>) nested) {
                flatten(o, out);
            }
        } else {
            out.add(nested);
        }
    }

    /** Indices shown along a dimension of size {@code n}; -1 marks the ellipsis. */
    private static int[] kept(int n, boolean summarise, int edge) {
        if (!summarise || n <= 2 * edge) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] k = new int[2 * edge + 1];
        for (int i = 0; i < edge; i++) {
            k[i] = i;
            k[edge + 1 + i] = n - edge + i;
        }
        k[edge] = -1;
        return k;
    }

    /** One value: floats with their dtype's shortest digits (at most 6 significant), bools as Python's. */
    static String format(Object v, DType dtype) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            String s = PythonFloatFormat.repr(d, dtype == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32);
            if (s.length() > 10 && !Double.isNaN(d) && !Double.isInfinite(d)) {
                s = String.format(Locale.ROOT, "%.6g", d);
                if (s.contains("e")) {
                    s = s.replaceAll("\\.?0+e", "e");
                } else if (s.contains(".")) {
                    s = s.replaceAll("0+$", "").replaceAll("\\.$", ".0");
                }
            }
            return s;
        }
        return String.valueOf(v);
    }
}
