package jtorch.kernel.magics;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.kernel.render.PyRepr;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.SessionVariable;

/**
 * {@code %whos}: the session's variables as IPython lays them out, with tensors described by shape,
 * dtype and requires_grad.
 */
public final class WhosMagic implements Magic {
    private static final int INFO_CHARS = 60;

    @Override
    public String name() {
        return "whos";
    }

    @Override
    public CellOutcome line(MagicContext context, String args, int line) {
        List<SessionVariable> vars = context.session().variables();
        if (vars.isEmpty()) {
            context.out().print("Interactive namespace is empty.\n");
            return CellOutcome.none();
        }
        List<String[]> rows = new ArrayList<>();
        for (SessionVariable v : vars) {
            rows.add(new String[] {v.name(), typeOf(v), info(v.value())});
        }
        int w0 = "Variable".length();
        int w1 = "Type".length();
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        StringBuilder sb = new StringBuilder();
        String header = pad("Variable", w0 + 3) + pad("Type", w1 + 3) + "Data/Info";
        sb.append(header).append('\n').append("-".repeat(header.length() + 6)).append('\n');
        for (String[] r : rows) {
            sb.append(pad(r[0], w0 + 3)).append(pad(r[1], w1 + 3)).append(r[2]).append('\n');
        }
        context.out().print(sb);
        return CellOutcome.none();
    }

    private static String typeOf(SessionVariable v) {
        return v.value() instanceof Tensor ? "Tensor" : v.typeName();
    }

    static String info(Object value) {
        if (value instanceof Tensor) {
            Tensor t = (Tensor) value;
            StringBuilder sb = new StringBuilder("shape (");
            for (int d = 0; d < t.dim(); d++) {
                sb.append(d > 0 ? ", " : "").append(t.size(d));
            }
            sb.append(t.dim() == 1 ? ",)" : ")").append(", ").append(t.dtype());
            sb.append(", requires_grad=").append(t.requiresGrad() ? "True" : "False");
            if (t.gradFn() != null) {
                sb.append(", grad_fn=").append(t.gradFn().name());
            }
            return sb.toString();
        }
        String text = PyRepr.repr(value).replace('\n', ' ');
        return text.length() > INFO_CHARS ? text.substring(0, INFO_CHARS - 3) + "..." : text;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
