package jtorch.kernel;

import java.io.PrintStream;
import java.util.Objects;
import jtorch.kernel.render.PyRepr;

/**
 * Helpers every session imports statically ({@code import static jtorch.kernel.Notebook.*;}):
 * Python's {@code print} and IPython's {@code display}, {@code update_display},
 * {@code clear_output}.
 */
public final class Notebook {
    private static volatile NotebookHost host;

    private Notebook() {}

    /** Installs the kernel (or a test double) that display calls go to. */
    public static void install(NotebookHost newHost) {
        host = newHost;
    }

    /**
     * Python's {@code print(*values)}: each value's {@code str()} ({@code True}, {@code None},
     * floats as Python writes them, tensors as PyTorch prints them), separated by one space,
     * ending with a newline.
     */
    public static void print(Object... values) {
        PrintStream out = System.out;
        if (values == null) {
            out.print("None\n");
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(PyRepr.str(values[i]));
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
    }

    /** Shows {@code value} as a rich output now (not only at the end of the cell); returns its display id. */
    public static DisplayId display(Object value) {
        return new DisplayId(host().display(value));
    }

    /** Replaces the output shown by an earlier {@link #display(Object)} with {@code value}. */
    public static void updateDisplay(DisplayId displayId, Object value) {
        Objects.requireNonNull(displayId, "displayId must be the id returned by display(...)");
        host().updateDisplay(displayId.id(), value);
    }

    /** Replaces the output published under the Jupyter display id {@code displayId} with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        Objects.requireNonNull(displayId, "displayId must be the id returned by display(...)");
        host().updateDisplay(displayId, value);
    }

    /** Clears this cell's output now. */
    public static void clearOutput() {
        host().clearOutput(false);
    }

    /** Clears this cell's output; with {@code wait}, only when new output replaces it. */
    public static void clearOutput(boolean wait) {
        host().clearOutput(wait);
    }

    private static NotebookHost host() {
        NotebookHost h = host;
        if (h == null) {
            throw new IllegalStateException("display needs a running kernel");
        }
        return h;
    }
}
