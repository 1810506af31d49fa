package jtorch.kernel.session;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * The kernel's one persistent JShell session: evaluates cell code, keeps its declarations, and
 * answers completion, inspection and is-complete questions. A facade over units with one job each:
 * {@link CellEvaluator} (runs snippets, with the {@link CompileCache}), {@link CellSplitter} (cell →
 * snippets), {@link SnippetOrigins} (stack frame → cell line) and {@link CodeAssist}.
 *
 * <p>Hot path: a snippet whose exact source ran before, when no name it mentions was declared
 * anew since (and no import or class path entry was added), runs again from its already loaded
 * class instead of being compiled anew; re-running an unchanged variable declaration assigns the
 * variable, re-running an unchanged method declaration does nothing ({@link CompileCache}).
 */
public final class JShellSession implements AutoCloseable {
    /** What every session imports before the first cell. */
    public static final List<String> PRELUDE = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import jtorch.*;",
            "import static jtorch.kernel.Notebook.*;",
            "import static jtorch.kernel.figures.Plots.*;");

    private final SessionExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final ChangeLog changes = new ChangeLog();
    private final SnippetOrigins origins;
    private final CellEvaluator evaluator;
    private final CodeAssist assist;
    private final List<String> classpath = new ArrayList<>();
    private volatile boolean cellInProgress;

    /** Creates a session whose cells see the kernel's own class path (tensor-core included). */
    public JShellSession() {
        this(new PrintStream(OutputStream.nullOutputStream()));
    }

    /** @param diagnosticsLog where JShell's own internal messages go (never a cell's output) */
    public JShellSession(PrintStream diagnosticsLog) {
        SnippetLoader loader = new SnippetLoader(JShellSession.class.getClassLoader());
        this.control = new SessionExecutionControl(loader);
        this.shell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .out(diagnosticsLog)
                .err(diagnosticsLog)
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.origins = new SnippetOrigins(analysis);
        this.evaluator = new CellEvaluator(shell, control, new CellSplitter(analysis), changes, origins);
        this.assist = new CodeAssist(analysis);
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : PRELUDE) {
            for (SnippetEvent e : shell.eval(line)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("session prelude failed: " + line);
                }
            }
        }
    }

    /**
     * Compiles and runs one throw-away snippet like the first cells of a course, so javac and the
     * tensor code paths are loaded before the user's first cell (which waits for this). Leaves no
     * variables behind.
     */
    public void warmUp() {
        beginCell();
        try {
            evaluate(0, "torch.zeros(2, 2).sub(3).sum()", 0);
        } finally {
            endCell();
        }
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * Evaluates {@code code}, a cell or a part of one starting at 0-based line {@code firstLine} of
     * cell {@code cell}. Snippets run in order until one fails. The result carries the value of the
     * last snippet when it is an expression not followed by {@code ;} (as in IPython).
     */
    public CellOutcome evaluate(int cell, String code, int firstLine) {
        return evaluator.evaluate(cell, code, firstLine);
    }

    /** How many snippets went to the compiler so far; the others ran from the compile cache. */
    long compiles() {
        return evaluator.compiles();
    }

    /** Maps a stack frame of snippet code to its cell and line, if it is one. */
    public Optional<CellLocation> locate(StackTraceElement frame) {
        return origins.locate(frame);
    }

    /** Whether a frame belongs to snippet code (shown as a cell line rather than a Java frame). */
    public static boolean isSnippetFrame(StackTraceElement frame) {
        return SnippetOrigins.isSnippetFrame(frame);
    }

    // ---------------------------------------------------------------- interrupt

    /** Starts a cell: clears any earlier interrupt; from now on {@link #interrupt()} applies to it. */
    public void beginCell() {
        CellGuard.clear();
        cellInProgress = true;
    }

    /** Ends the cell begun by {@link #beginCell()}. */
    public void endCell() {
        cellInProgress = false;
    }

    /** Warnings about interrupted cells whose threads are still running (code that cannot be stopped). */
    public List<String> stillRunning() {
        return control.runner().stillRunning();
    }

    /**
     * Interrupts the cell in progress, if any (callable from any thread): its code stops at the next
     * check, and the rest of the cell does not run.
     */
    public void interrupt() {
        if (cellInProgress) {
            CellGuard.requestStop();
            control.runner().interrupt();
        }
    }

    // ---------------------------------------------------------------- variables, classpath

    /** The session's variables in declaration order, with their current values. */
    public List<SessionVariable> variables() {
        List<SessionVariable> vars = new ArrayList<>();
        shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID).forEach(v -> {
            if (v.name().startsWith("$")) {
                return;
            }
            Object value;
            try {
                value = control.staticField(analysis.wrapper(v).fullClassName(), v.name());
            } catch (ReflectiveOperationException | RuntimeException ex) {
                value = null;
            }
            vars.add(new SessionVariable(v.name(), v.typeName(), value));
        });
        return vars;
    }

    /** The value of a session variable, if one with that name exists. */
    public Optional<SessionVariable> variable(String name) {
        return variables().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Adds jars or class directories to both the compiler's and the cells' class path. */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
        classpath.add(path);
        changes.changedEverything();
    }

    /** Entries added with {@link #addToClasspath}. */
    public List<String> addedClasspath() {
        return List.copyOf(classpath);
    }

    // ---------------------------------------------------------------- code assistance

    /** Completion at {@code cursor}: the replacement range and distinct candidate texts. */
    public Completion complete(String code, int cursor) {
        return assist.complete(code, cursor);
    }

    /**
     * Documentation for the element at {@code cursor}: each candidate's signature and, when
     * JShell finds it (JDK sources), its raw javadoc.
     */
    public List<Documentation> documentation(String code, int cursor) {
        return assist.documentation(code, cursor);
    }

    /**
     * Jupyter's is_complete: {@code "complete"}, {@code "invalid"}, or the indent to continue with
     * when more input is needed.
     */
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public void close() {
        shell.close();
    }
}
