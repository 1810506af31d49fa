package jtorch.kernel.session;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The kernel's one persistent JShell session: evaluates cell code, keeps its declarations, and
 * answers completion, inspection and is-complete questions.
 *
 * <p>Hot path: a snippet whose exact source ran before, with no declaration, import or classpath
 * change since ({@link #epoch}), is run again from its already loaded class instead of being
 * compiled anew. Memory: the temporary variables JShell creates for expression results
 * ({@code $1}, {@code $2}, ...) are dropped and their fields cleared after each cell, so results
 * do not pile up and later compiles do not import an ever-growing list of them.
 */
public final class JShellSession implements AutoCloseable {
    /** What every session imports before the first cell. */
    public static final List<String> PRELUDE = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import jtorch.*;",
            "import static jtorch.kernel.Notebook.*;");

    private static final Pattern SNIPPET_CLASS = Pattern.compile("^REPL\\.\\$JShell\\$(\\d+)[A-Z]*(\\$.*)?$");
    private static final int CACHE_SIZE = 256;
    private static final int ORIGINS_KEPT = 4096;

    private final SessionExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, Origin> origins = new LinkedHashMap<>(64, 0.75f, false);
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final Map<String, List<Piece>> splits = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Piece>> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final List<String> classpath = new ArrayList<>();
    private long epoch;
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
        CellOutcome outcome = CellOutcome.none();
        List<Temp> temporaries = new ArrayList<>();
        try {
            for (Piece piece : split(code)) {
                if (CellGuard.isStopRequested()) {
                    return CellOutcome.thrown(new KeyboardInterrupt());
                }
                outcome = evaluatePiece(cell, code, firstLine, piece, temporaries);
                if (outcome.failed()) {
                    return outcome;
                }
            }
            return outcome;
        } finally {
            release(temporaries);
        }
    }

    private CellOutcome evaluatePiece(int cell, String code, int firstLine, Piece piece, List<Temp> temporaries) {
        int pieceLine = firstLine + countLines(code, piece.start);
        Cached hit = cache.get(piece.source);
        if (hit != null && hit.epoch == epoch) {
            origins.put(hit.snippet.id(), new Origin(cell, pieceLine, hit.snippet, hit.origin.wrapper));
            try {
                Object value = control.reinvoke(hit.className);
                if (hit.tempField != null) {
                    control.clearStaticField(hit.className, hit.tempField);
                }
                return hit.displays && !piece.suppressed ? CellOutcome.value(value) : CellOutcome.none();
            } catch (InvocationTargetException ex) {
                return CellOutcome.thrown(ex.getCause());
            } catch (ReflectiveOperationException | InterruptedException ex) {
                cache.remove(piece.source); // fall through to a fresh compile
            }
        }

        List<SnippetEvent> events = shell.eval(piece.source);
        CellOutcome outcome = CellOutcome.none();
        boolean declared = false;
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) {
                declared = true; // a dependent snippet was updated
                continue;
            }
            Origin origin = new Origin(cell, pieceLine, snippet, null);
            remember(snippet.id(), origin);
            if (event.status() == Snippet.Status.REJECTED) {
                return CellOutcome.compileError(diagnostics(snippet, code, firstLine, piece));
            }
            if (isDeclaration(snippet)) {
                declared = true;
            }
            if (event.exception() != null) {
                bumpIf(declared);
                return CellOutcome.thrown(realThrowable(event));
            }
            boolean temp = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            boolean displays = temp || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
            if (temp) {
                temporaries.add(new Temp((VarSnippet) snippet, control.lastInvokedClass()));
            }
            outcome = displays && !piece.suppressed ? CellOutcome.value(control.lastValue()) : CellOutcome.none();
            if (!declared && events.size() == 1 && event.status() == Snippet.Status.VALID
                    && control.lastInvokedClass() != null && isCacheable(snippet)) {
                origin.ensureWrapper(analysis);
                cache.put(piece.source, new Cached(control.lastInvokedClass(), snippet, origin, displays,
                        temp ? ((VarSnippet) snippet).name() : null, epoch));
            }
        }
        bumpIf(declared);
        return outcome;
    }

    private void bumpIf(boolean declared) {
        if (declared) {
            epoch++;
        }
    }

    private static boolean isDeclaration(Snippet snippet) {
        switch (snippet.kind()) {
            case IMPORT:
            case METHOD:
            case TYPE_DECL:
                return true;
            case VAR:
                return snippet.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            default:
                return false;
        }
    }

    private static boolean isCacheable(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION || snippet.kind() == Snippet.Kind.STATEMENT
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private Throwable realThrowable(SnippetEvent event) {
        if (event.exception() instanceof UnresolvedReferenceException) {
            UnresolvedReferenceException ure = (UnresolvedReferenceException) event.exception();
            return new UnresolvedReference(describeUnresolved(ure.getSnippet()));
        }
        Throwable raw = control.lastThrowable();
        if (raw != null) {
            return raw;
        }
        if (event.exception() instanceof EvalException) {
            EvalException ee = (EvalException) event.exception();
            return new RuntimeException(ee.getExceptionClassName() + ": " + ee.getMessage());
        }
        return event.exception();
    }

    private String describeUnresolved(Snippet snippet) {
        String what = snippet instanceof MethodSnippet
                ? "method " + ((MethodSnippet) snippet).name() + "(" + ((MethodSnippet) snippet).parameterTypes() + ")"
                : snippet.source().strip().lines().findFirst().orElse("");
        String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                .collect(Collectors.joining(", "));
        return what + " cannot be used until " + (missing.isEmpty() ? "its dependencies are" : missing + " is")
                + " declared";
    }

    /** Drops the cell's temporary result variables and clears their fields (values may be large). */
    private void release(List<Temp> temporaries) {
        for (Temp temp : temporaries) {
            Origin origin = origins.get(temp.snippet.id());
            if (origin != null) {
                origin.ensureWrapper(analysis); // JShell wraps a dropped snippet differently
            }
            if (shell.status(temp.snippet).isActive()) {
                shell.drop(temp.snippet);
            }
            if (temp.className != null) {
                control.clearStaticField(temp.className, temp.snippet.name());
            }
        }
    }

    private record Temp(VarSnippet snippet, String className) {}

    private void remember(String id, Origin origin) {
        origins.put(id, origin);
        if (origins.size() > ORIGINS_KEPT) {
            Iterator<Map.Entry<String, Origin>> it = origins.entrySet().iterator();
            while (origins.size() > ORIGINS_KEPT && it.hasNext()) {
                Origin o = it.next().getValue();
                if (!(o.snippet instanceof jdk.jshell.DeclarationSnippet)) {
                    it.remove();
                }
            }
        }
    }

    // ---------------------------------------------------------------- splitting

    /** One JShell snippet of a cell: its source for JShell and its offset in the cell text. */
    record Piece(String source, int start, boolean suppressed) {}

    List<Piece> split(String code) {
        List<Piece> known = splits.get(code);
        if (known != null) {
            return known;
        }
        List<Piece> pieces = splitUncached(code);
        if (code.length() <= 4096) {
            splits.put(code, pieces);
        }
        return pieces;
    }

    private List<Piece> splitUncached(String code) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            String region;
            String source;
            if (c.isComplete() && info.source() != null) {
                region = remaining.substring(0, remaining.length() - info.remaining().length());
                source = info.source().stripLeading(); // keeps snippet line 0 = the cell line it starts on
            } else {
                region = remaining;
                source = remaining.strip();
            }
            int lead = leadingOffset(region, source);
            boolean suppressed = stripComments(region).strip().endsWith(";");
            pieces.add(new Piece(source, offset + lead, suppressed));
            offset += region.length();
            remaining = remaining.substring(region.length());
            if (!c.isComplete()) {
                break;
            }
        }
        return List.copyOf(pieces);
    }

    private static int leadingOffset(String region, String source) {
        String head = source.strip();
        head = head.substring(0, Math.min(head.length(), 24));
        int at = head.isEmpty() ? -1 : region.indexOf(head);
        if (at >= 0) {
            return at;
        }
        int i = 0;
        while (i < region.length() && Character.isWhitespace(region.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//[^\\n]*$", "");
    }

    static int countLines(String text, int end) {
        int lines = 0;
        for (int i = 0; i < end && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private List<Diagnostic> diagnostics(Snippet snippet, String code, int firstLine, Piece piece) {
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        int sourceShift = sourceShift(code, piece);
        shell.diagnostics(snippet).forEach(d -> {
            long start = d.getStartPosition() < 0 ? d.getPosition() : d.getStartPosition();
            long end = d.getEndPosition() < 0 ? start + 1 : d.getEndPosition();
            int cellStart = (int) Math.min(code.length(), Math.max(0, piece.start + start + sourceShift));
            int cellEnd = (int) Math.min(code.length(), Math.max(cellStart + 1, piece.start + end + sourceShift));
            int line = countLines(code, cellStart);
            int lineStart = code.lastIndexOf('\n', cellStart - 1) + 1;
            String text = line < lines.length ? lines[line] : "";
            int startCol = cellStart - lineStart;
            int endCol = Math.min(text.length(), Math.max(startCol + 1, cellEnd - lineStart));
            out.add(new Diagnostic(d.isError(), message(d), firstLine + line + 1, text, startCol, endCol));
        });
        if (out.isEmpty()) {
            out.add(new Diagnostic(true, "the code could not be compiled", firstLine + 1 + countLines(code, piece.start),
                    lines[Math.min(lines.length - 1, countLines(code, piece.start))], 0, 1));
        }
        out.sort((a, b) -> Boolean.compare(b.error(), a.error()));
        return out;
    }

    /** JShell may strip leading whitespace or comments from the source it reports positions in. */
    private static int sourceShift(String code, Piece piece) {
        String head = piece.source.substring(0, Math.min(piece.source.length(), 24));
        int at = code.indexOf(head, piece.start);
        return at < 0 ? 0 : at - piece.start;
    }

    private static String message(Diag d) {
        String m = d.getMessage(Locale.ROOT);
        return m.lines().findFirst().orElse(m);
    }

    // ---------------------------------------------------------------- frames → cells

    /** Maps a stack frame of snippet code to its cell and line, if it is one. */
    public Optional<CellLocation> locate(StackTraceElement frame) {
        Matcher m = SNIPPET_CLASS.matcher(frame.getClassName());
        if (!m.matches() || frame.getLineNumber() < 0) {
            return Optional.empty();
        }
        Origin origin = origins.get(m.group(1));
        if (origin == null) {
            return Optional.empty();
        }
        int lineInSnippet = origin.snippetLine(analysis, frame.getLineNumber());
        return Optional.of(new CellLocation(origin.cell, origin.line + Math.max(0, lineInSnippet) + 1));
    }

    /** Whether a frame belongs to snippet code (shown as a cell line rather than a Java frame). */
    public static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("REPL.");
    }

    private static final class Origin {
        final int cell;
        final int line;
        final Snippet snippet;
        SourceCodeAnalysis.SnippetWrapper wrapper;

        Origin(int cell, int line, Snippet snippet, SourceCodeAnalysis.SnippetWrapper wrapper) {
            this.cell = cell;
            this.line = line;
            this.snippet = snippet;
            this.wrapper = wrapper;
        }

        void ensureWrapper(SourceCodeAnalysis analysis) {
            if (wrapper == null) {
                try {
                    wrapper = analysis.wrapper(snippet);
                } catch (RuntimeException ex) {
                    // left unmapped: frames then point at the snippet's first line
                }
            }
        }

        /**
         * The 0-based line of the snippet's source that line {@code wrapperLine} (1-based) of the
         * generated wrapper class comes from; -1 if that line holds no snippet text.
         */
        int snippetLine(SourceCodeAnalysis analysis, int wrapperLine) {
            ensureWrapper(analysis);
            if (wrapper == null) {
                return -1;
            }
            String wrapped = wrapper.wrapped();
            int start = 0;
            for (int line = 1; line < wrapperLine && start >= 0; line++) {
                start = wrapped.indexOf('\n', start);
                start = start < 0 ? -1 : start + 1;
            }
            if (start < 0) {
                return -1;
            }
            int end = wrapped.indexOf('\n', start);
            end = end < 0 ? wrapped.length() : end;
            for (int p = start; p < end; p++) {
                if (Character.isWhitespace(wrapped.charAt(p))) {
                    continue;
                }
                int sp = wrapper.wrappedToSourcePosition(p);
                if (sp >= 0 && sp < wrapper.source().length() && wrapper.sourceToWrappedPosition(sp) == p) {
                    return countLines(wrapper.source(), sp);
                }
            }
            return -1;
        }
    }

    private record Cached(String className, Snippet snippet, Origin origin, boolean displays, String tempField,
                          long epoch) {}

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
        epoch++;
    }

    /** Entries added with {@link #addToClasspath}. */
    public List<String> addedClasspath() {
        return List.copyOf(classpath);
    }

    // ---------------------------------------------------------------- completion, inspection

    /** Completion at {@code cursor}: the replacement range and distinct candidate texts. */
    public Completion complete(String code, int cursor) {
        int start = pieceStart(code, cursor);
        String piece = code.substring(start);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions;
        try {
            suggestions = analysis.completionSuggestions(piece, cursor - start, anchor);
        } catch (RuntimeException ex) {
            return new Completion(cursor, cursor, List.of());
        }
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        matches.removeIf(s -> s.startsWith("$"));
        return new Completion(start + anchor[0], cursor, List.copyOf(matches));
    }

    /** A completion answer: replace {@code [start, end)} with one of {@code matches}. */
    public record Completion(int start, int end, List<String> matches) {}

    /**
     * Documentation for the element at {@code cursor}: each candidate's signature and, when
     * JShell finds it (JDK sources), its raw javadoc.
     */
    public List<Documentation> documentation(String code, int cursor) {
        int start = pieceStart(code, cursor);
        String piece = code.substring(start);
        int at = cursor - start;
        List<Documentation> docs = safeDocs(piece, at);
        if (docs.isEmpty()) {
            // outside a call's parentheses JShell finds nothing for a method name: ask as if inside
            int end = at;
            while (end < piece.length() && Character.isJavaIdentifierPart(piece.charAt(end))) {
                end++;
            }
            docs = safeDocs(piece.substring(0, end) + "(", end + 1);
        }
        return docs;
    }

    private List<Documentation> safeDocs(String code, int cursor) {
        try {
            return analysis.documentation(code, cursor, true);
        } catch (RuntimeException ex) {
            return List.of();
        }
    }

    private int pieceStart(String code, int cursor) {
        int offset = 0;
        String remaining = code;
        while (true) {
            CompletionInfo info;
            try {
                info = analysis.analyzeCompletion(remaining);
            } catch (RuntimeException ex) {
                return offset;
            }
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                return offset;
            }
            int consumed = remaining.length() - info.remaining().length();
            if (offset + consumed > cursor) {
                return offset;
            }
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
    }

    /**
     * Jupyter's is_complete: {@code "complete"}, {@code "invalid"}, or the indent to continue with
     * when more input is needed.
     */
    public String isComplete(String code) {
        if (code.isBlank()) {
            return "complete";
        }
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return indentFor(code);
                case UNKNOWN:
                    return "invalid";
                default:
                    break;
            }
            if (analysis.sourceToSnippets(info.source()).stream()
                    .anyMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS)) {
                return "invalid";
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    private static String indentFor(String code) {
        int depth = 0;
        for (char ch : code.toCharArray()) {
            if (ch == '{' || ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == '}' || ch == ')' || ch == ']') && depth > 0) {
                depth--;
            }
        }
        return "    ".repeat(Math.max(depth, 0));
    }

    @Override
    public void close() {
        shell.close();
    }
}
