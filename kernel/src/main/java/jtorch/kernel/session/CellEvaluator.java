package jtorch.kernel.session;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs a cell's snippets in order in the session's JShell until one fails, through the
 * {@link CompileCache} when the exact source ran before.
 *
 * <p>Memory: the temporary variables JShell creates for expression results ({@code $1}, ...) are
 * dropped and their fields cleared after each cell, so results do not pile up and later compiles
 * do not import an ever-growing list of them.
 */
final class CellEvaluator {
    private final JShell shell;
    private final SessionExecutionControl control;
    private final CellSplitter splitter;
    private final CompileCache cache;
    private final SnippetOrigins origins;

    CellEvaluator(JShell shell, SessionExecutionControl control, CellSplitter splitter, CompileCache cache,
                  SnippetOrigins origins) {
        this.shell = shell;
        this.control = control;
        this.splitter = splitter;
        this.cache = cache;
        this.origins = origins;
    }

    /** See {@link JShellSession#evaluate}. */
    CellOutcome evaluate(int cell, String code, int firstLine) {
        CellOutcome outcome = CellOutcome.none();
        List<Temp> temporaries = new ArrayList<>();
        try {
            for (Piece piece : splitter.split(code)) {
                if (CellGuard.isStopRequested()) {
                    return CellOutcome.thrown(new KeyboardInterrupt());
                }
                int pieceLine = firstLine + CellSplitter.countLines(code, piece.start());
                Optional<CellOutcome> rerun = rerun(cell, pieceLine, piece);
                outcome = rerun.isPresent() ? rerun.get() : compileAndRun(cell, pieceLine, code, firstLine, piece, temporaries);
                if (outcome.failed()) {
                    return outcome;
                }
            }
            return outcome;
        } finally {
            release(temporaries);
        }
    }

    /** Runs the cached class of {@code piece}; empty when there is none (or it could not run). */
    private Optional<CellOutcome> rerun(int cell, int pieceLine, Piece piece) {
        Optional<CompileCache.Entry> hit = cache.lookup(piece.source());
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        CompileCache.Entry entry = hit.get();
        origins.rerun(cell, pieceLine, entry.origin());
        try {
            Object value = control.reinvoke(entry.className());
            if (entry.tempField() != null) {
                control.clearStaticField(entry.className(), entry.tempField());
            }
            return Optional.of(entry.displays() && !piece.suppressed() ? CellOutcome.value(value) : CellOutcome.none());
        } catch (InvocationTargetException ex) {
            return Optional.of(CellOutcome.thrown(ex.getCause()));
        } catch (ReflectiveOperationException | InterruptedException ex) {
            cache.remove(piece.source()); // a fresh compile instead
            return Optional.empty();
        }
    }

    private CellOutcome compileAndRun(int cell, int pieceLine, String code, int firstLine, Piece piece,
                                      List<Temp> temporaries) {
        List<SnippetEvent> events = shell.eval(piece.source());
        CellOutcome outcome = CellOutcome.none();
        boolean declared = false;
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) {
                declared = true; // a dependent snippet was updated
                continue;
            }
            SnippetOrigins.Origin origin = origins.remember(cell, pieceLine, snippet);
            if (event.status() == Snippet.Status.REJECTED) {
                return CellOutcome.compileError(CompileDiagnostics.of(shell, snippet, code, firstLine, piece));
            }
            declared |= isDeclaration(snippet);
            if (event.exception() != null) {
                invalidateIf(declared);
                return CellOutcome.thrown(realThrowable(event));
            }
            boolean temp = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            boolean displays = temp || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
            if (temp) {
                temporaries.add(new Temp((VarSnippet) snippet, control.lastInvokedClass()));
            }
            outcome = displays && !piece.suppressed() ? CellOutcome.value(control.lastValue()) : CellOutcome.none();
            if (!declared && events.size() == 1 && event.status() == Snippet.Status.VALID
                    && control.lastInvokedClass() != null && isCacheable(snippet)) {
                origins.pinWrapper(snippet);
                cache.put(piece.source(), new CompileCache.Entry(control.lastInvokedClass(), origin, displays,
                        temp ? ((VarSnippet) snippet).name() : null));
            }
        }
        invalidateIf(declared);
        return outcome;
    }

    private void invalidateIf(boolean declared) {
        if (declared) {
            cache.invalidate();
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

    private String describeUnresolved(DeclarationSnippet snippet) {
        String what = snippet instanceof MethodSnippet
                ? "method " + snippet.name() + "(" + ((MethodSnippet) snippet).parameterTypes() + ")"
                : snippet.source().strip().lines().findFirst().orElse("");
        String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
        return what + " cannot be used until " + (missing.isEmpty() ? "its dependencies are" : missing + " is")
                + " declared";
    }

    /** Drops the cell's temporary result variables and clears their fields (values may be large). */
    private void release(List<Temp> temporaries) {
        for (Temp temp : temporaries) {
            origins.pinWrapper(temp.snippet);
            if (shell.status(temp.snippet).isActive()) {
                shell.drop(temp.snippet);
            }
            if (temp.className != null) {
                control.clearStaticField(temp.className, temp.snippet.name());
            }
        }
    }

    /** A temporary result variable and the class holding its field. */
    private record Temp(VarSnippet snippet, String className) {}
}
