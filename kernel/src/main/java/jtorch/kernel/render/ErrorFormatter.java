package jtorch.kernel.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import jtorch.kernel.session.CellLocation;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.Diagnostic;
import jtorch.kernel.session.JShellSession;

/**
 * Turns a failed cell into one Jupyter {@code error} output (ename, evalue, ANSI traceback), laid
 * out like IPython's: the outermost call first, each frame of cell code as
 * {@code Cell In[n], line k} with its source lines and an arrow, Java library frames as short
 * {@code at ...} lines, kernel/JShell/reflection frames hidden, and repeated frames collapsed (a
 * StackOverflowError reads in a few lines). One formatter per failure kind: thrown exceptions
 * ({@link #thrown}) and compile errors ({@link #compileError}); {@link #report} picks the one.
 */
public final class ErrorFormatter {
    static final String RED = "\u001b[0;31m";
    static final String GREEN = "\u001b[0;32m";
    static final String YELLOW = "\u001b[0;33m";
    static final String CYAN = "\u001b[0;36m";
    static final String BOLD_RED = "\u001b[1;31m";
    static final String RESET = "\u001b[0m";
    private static final String RULE = "-".repeat(75);
    private static final int CONTEXT = 2;
    private static final int LIBRARY_FRAMES_SHOWN = 4;
    private static final int DETAILS_SHOWN = 12;
    private static final int MAX_CAUSES = 20;

    /** A formatted error output. */
    public record Report(String ename, String evalue, List<String> traceback) {}

    private final IntFunction<Optional<String>> cellSource;
    private final Function<StackTraceElement, Optional<CellLocation>> locator;

    /**
     * @param cellSource the source of cell n (by execution count), if known
     * @param locator    maps a snippet frame to its cell and line ({@link JShellSession#locate})
     */
    public ErrorFormatter(IntFunction<Optional<String>> cellSource,
                          Function<StackTraceElement, Optional<CellLocation>> locator) {
        this.cellSource = Objects.requireNonNull(cellSource);
        this.locator = Objects.requireNonNull(locator);
    }

    /** The report of a failed outcome, by the formatter of its failure kind. */
    public Report report(int cell, CellOutcome failed) {
        if (!failed.failed()) {
            throw new IllegalArgumentException("the outcome did not fail");
        }
        return failed.isCompileError() ? compileError(cell, failed.diagnostics()) : thrown(failed.thrown());
    }

    // ---------------------------------------------------------------- compile errors

    /** Each diagnostic with its cell line, a caret under the offending span, and the compiler's details. */
    public Report compileError(int cell, List<Diagnostic> diagnostics) {
        List<String> tb = new ArrayList<>();
        Diagnostic first = diagnostics.get(0);
        for (Diagnostic d : diagnostics) {
            String kind = d.error() ? RED + "error" + RESET : YELLOW + "warning" + RESET;
            tb.add(GREEN + "  Cell In[" + cell + "], line " + d.line() + RESET + ": " + kind + ": " + d.message());
            tb.add("    " + d.sourceLine());
            int width = Math.max(1, d.endColumn() - d.startColumn());
            tb.add("    " + " ".repeat(Math.max(0, d.startColumn())) + BOLD_RED + "^".repeat(width) + RESET);
            d.details().stream().limit(DETAILS_SHOWN).forEach(line -> tb.add("  " + line));
            if (d.details().size() > DETAILS_SHOWN) {
                tb.add("      ...");
            }
        }
        tb.add(RED + "CompileError" + RESET + ": " + first.message());
        return new Report("CompileError", first.message(), tb);
    }

    // ---------------------------------------------------------------- thrown

    /**
     * A thrown exception or error, with the cell frames it passed through. Cell code controls the
     * throwable, so nothing of it is trusted: a {@code getMessage} or {@code getCause} that throws
     * or a cycle of causes still gives a report.
     */
    public Report thrown(Throwable t) {
        String ename = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
        String evalue = message(t);
        List<String> tb = new ArrayList<>();
        tb.add(RED + RULE + RESET);
        tb.add(RED + ename + RESET + " ".repeat(Math.max(1, 42 - ename.length())) + "Traceback (most recent call last)");
        appendFrames(tb, stackTrace(t));
        tb.add("");
        tb.add(RED + ename + RESET + (evalue.isEmpty() ? "" : ": " + evalue));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        for (Throwable cause = cause(t); cause != null && seen.add(cause) && seen.size() <= MAX_CAUSES; cause = cause(cause)) {
            String text = message(cause);
            tb.add("Caused by " + RED + cause.getClass().getSimpleName() + RESET + (text.isEmpty() ? "" : ": " + text));
        }
        hint(t, evalue).ifPresent(h -> tb.add(YELLOW + "Hint" + RESET + ": " + h));
        return new Report(ename, evalue, tb);
    }

    /** The throwable's message, "" for none; what went wrong if reading it threw. */
    private static String message(Throwable t) {
        try {
            String m = t.getMessage();
            return m == null ? "" : m;
        } catch (Throwable broken) {
            return "(its getMessage() threw " + broken.getClass().getName() + ")";
        }
    }

    private static Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable broken) {
            return null;
        }
    }

    private static StackTraceElement[] stackTrace(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (Throwable broken) {
            return new StackTraceElement[0];
        }
    }

    private static Optional<String> hint(Throwable t, String msg) {
        if (t instanceof NullPointerException && msg.contains("\"jtorch.Tensor.grad()\" is null")) {
            return Optional.of("grad() is null until backward() has run: gradients exist only after you call"
                    + " backward() on a result computed from a tensor with requires_grad=True.");
        }
        if (t instanceof OutOfMemoryError) {
            return Optional.of("the session is still alive; drop large values (x = null) or give the kernel"
                    + " more heap (-Xmx in kernel.json).");
        }
        if (t instanceof StackOverflowError) {
            return Optional.of("a recursion did not stop; the session is still alive.");
        }
        return Optional.empty();
    }

    /** One shown entry of a stack: a cell line or a library frame. */
    private record Entry(CellLocation cell, String method, String library) {
        boolean sameAs(Entry o) {
            return Objects.equals(cell, o.cell) && Objects.equals(method, o.method) && Objects.equals(library, o.library);
        }
    }

    private void appendFrames(List<String> tb, StackTraceElement[] frames) {
        int outermostSnippet = -1;
        for (int i = 0; i < frames.length; i++) {
            if (JShellSession.isSnippetFrame(frames[i])) {
                outermostSnippet = i;
            }
        }
        if (outermostSnippet < 0) {
            // thrown outside cell code (e.g. while rendering): show the innermost library frames only
            outermostSnippet = Math.min(frames.length, LIBRARY_FRAMES_SHOWN) - 1;
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = outermostSnippet; i >= 0; i--) {
            StackTraceElement f = frames[i];
            if (isHidden(f)) {
                continue;
            }
            if (JShellSession.isSnippetFrame(f)) {
                Optional<CellLocation> at = locator.apply(f);
                if (at.isPresent()) {
                    entries.add(new Entry(at.get(), methodName(f), null));
                    continue;
                }
            }
            entries.add(new Entry(null, null, "at " + f));
        }
        renderEntries(tb, collapse(entries));
    }

    private static boolean isHidden(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")
                || c.startsWith("jtorch.kernel.") || c.startsWith("sun.reflect.");
    }

    private static String methodName(StackTraceElement f) {
        String m = f.getMethodName();
        if (m.equals("do_it$")) {
            return null;
        }
        if (m.startsWith("lambda$")) {
            return "<lambda>";
        }
        return m;
    }

    /** A run of a repeated block of entries, kept once and counted. */
    private record Repeat(List<Entry> block, int times) {}

    /** Collapses immediately repeated blocks of up to 8 entries that occur 3 or more times. */
    private static List<Object> collapse(List<Entry> entries) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < entries.size()) {
            for (int p = 1; p <= 8 && i + 3 * p <= entries.size(); p++) {
                int times = 1;
                while (i + (times + 1) * p <= entries.size() && sameBlock(entries, i, i + times * p, p)) {
                    times++;
                }
                if (times >= 3) {
                    out.addAll(entries.subList(i, i + p));
                    out.add(new Repeat(entries.subList(i, i + p), times - 1));
                    i += times * p;
                    continue outer;
                }
            }
            out.add(entries.get(i));
            i++;
        }
        return out;
    }

    private static boolean sameBlock(List<Entry> e, int a, int b, int p) {
        for (int k = 0; k < p; k++) {
            if (!e.get(a + k).sameAs(e.get(b + k))) {
                return false;
            }
        }
        return true;
    }

    private void renderEntries(List<String> tb, List<Object> items) {
        int libraryRun = 0;
        for (Object item : items) {
            if (item instanceof Repeat) {
                Repeat r = (Repeat) item;
                Entry head = r.block().get(0);
                String what = head.cell != null
                        ? (head.method == null ? "cell code" : head.method) + " at line " + head.cell.line()
                        : head.library.substring(3);
                tb.add(CYAN + "    [... skipping similar frames: " + what + " (" + r.times() + " times)]" + RESET);
                libraryRun = 0;
                continue;
            }
            Entry e = (Entry) item;
            if (e.library != null) {
                libraryRun++;
                if (libraryRun <= LIBRARY_FRAMES_SHOWN) {
                    tb.add("    " + e.library);
                } else if (libraryRun == LIBRARY_FRAMES_SHOWN + 1) {
                    tb.add("    ...");
                }
                continue;
            }
            libraryRun = 0;
            tb.add("");
            tb.add(cellFrame(e.cell, e.method));
        }
    }

    private String cellFrame(CellLocation at, String method) {
        StringBuilder sb = new StringBuilder();
        sb.append(GREEN).append("Cell In[").append(at.cell()).append("], line ").append(at.line()).append(RESET);
        if (method != null) {
            sb.append(", in ").append(CYAN).append(method).append(RESET);
        }
        Optional<String> source = cellSource.apply(at.cell());
        if (source.isPresent()) {
            String[] lines = source.get().split("\n", -1);
            int from = Math.max(1, at.line() - CONTEXT);
            int to = Math.min(lines.length, at.line() + CONTEXT);
            for (int n = from; n <= to; n++) {
                String num = String.valueOf(n);
                if (n == at.line()) {
                    sb.append('\n').append(GREEN).append("----> ").append(num).append(RESET).append(' ')
                            .append(lines[n - 1]);
                } else {
                    sb.append('\n').append(GREEN).append(" ".repeat(Math.max(1, 7 - num.length()))).append(num)
                            .append(RESET).append(' ').append(lines[n - 1]);
                }
            }
        }
        return sb.toString();
    }

    /** The plain text of a traceback, ANSI codes removed (for logs and tests). */
    public static String plain(List<String> traceback) {
        return String.join("\n", traceback).replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
