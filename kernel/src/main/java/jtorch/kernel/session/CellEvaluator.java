package jtorch.kernel.session;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs a cell's snippets in order in the session's JShell until one fails, runs of plain
 * statements joined into one snippet ({@link StatementRuns}), through the
 * {@link CompileCache} when the exact source ran before and still means the same; every
 * declaration JShell reports (dependents updated by it included) is noted in the {@link ChangeLog}.
 *
 * <p>Memory: the temporary variables JShell creates for expression results ({@code $1}, ...) are
 * dropped and their fields cleared after each cell, so results do not pile up and later compiles
 * do not import an ever-growing list of them.
 */
final class CellEvaluator {
    private final JShell shell;
    private final SessionExecutionControl control;
    private final CellSplitter splitter;
    private final ChangeLog changes;
    private final CompileCache cache;
    private final SnippetOrigins origins;
    /** Joined statement runs that did not compile as one block: their statements run one by one. */
    private final Set<String> unjoinable = Collections.newSetFromMap(new Lru<>(CompileCache.SNIPPETS_KEPT));
    private long compiles;

    CellEvaluator(JShell shell, SessionExecutionControl control, CellSplitter splitter, ChangeLog changes,
                  SnippetOrigins origins) {
        this.shell = shell;
        this.control = control;
        this.splitter = splitter;
        this.changes = changes;
        this.cache = new CompileCache(changes);
        this.origins = origins;
    }

    /** See {@link JShellSession#evaluate}. */
    CellOutcome evaluate(int cell, String code, int firstLine) {
        CellOutcome outcome = CellOutcome.none();
        List<Temp> temporaries = new ArrayList<>();
        try {
            for (StatementRuns.Step step : splitter.steps(code)) {
                outcome = step.joined() ? runJoined(cell, code, firstLine, step, temporaries)
                        : run(cell, code, firstLine, step.piece(), temporaries);
                if (outcome.failed()) {
                    return outcome;
                }
            }
            return outcome;
        } finally {
            release(temporaries);
        }
    }

    /** Runs one piece: from the cache if it can, else compiled; interrupted if a stop was requested. */
    private CellOutcome run(int cell, String code, int firstLine, Piece piece, List<Temp> temporaries) {
        if (CellGuard.isStopRequested()) {
            return CellOutcome.thrown(new KeyboardInterrupt());
        }
        int pieceLine = firstLine + CellSplitter.countLines(code, piece.start());
        Optional<CellOutcome> rerun = rerun(cell, pieceLine, piece);
        return rerun.isPresent() ? rerun.get() : compileAndRun(cell, pieceLine, code, firstLine, piece, temporaries);
    }

    /**
     * Runs a joined run of statements as one snippet; if that does not compile (or did not before),
     * its statements one by one, as if never joined, so a mistake reads as usual.
     */
    private CellOutcome runJoined(int cell, String code, int firstLine, StatementRuns.Step step, List<Temp> temporaries) {
        String source = step.piece().source();
        if (!unjoinable.contains(source)) {
            CellOutcome joined = run(cell, code, firstLine, step.piece(), temporaries);
            if (!joined.isCompileError()) {
                return joined;
            }
            unjoinable.add(source);
        }
        CellOutcome outcome = CellOutcome.none();
        for (Piece part : step.parts()) {
            outcome = run(cell, code, firstLine, part, temporaries);
            if (outcome.failed()) {
                return outcome;
            }
        }
        return outcome;
    }

    /** How many snippets went to the compiler so far (the rest ran from the cache). */
    long compiles() {
        return compiles;
    }

    /** Runs {@code piece} from the cache; empty when it is not cached (or could not run from there). */
    private Optional<CellOutcome> rerun(int cell, int pieceLine, Piece piece) {
        Optional<CompileCache.Entry> hit = cache.lookup(piece.source());
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        CompileCache.Entry entry = hit.get();
        Snippet snippet = entry.origin().snippet;
        if (entry.how() != CompileCache.Rerun.CODE && shell.status(snippet) != Snippet.Status.VALID) {
            cache.remove(piece.source()); // the declaration is no longer the one in force
            return Optional.empty();
        }
        origins.rerun(cell, pieceLine, entry.origin());
        if (entry.how() == CompileCache.Rerun.DECLARATION) {
            return Optional.of(CellOutcome.none());
        }
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
        control.forgetLastInvocation();
        compiles++;
        List<SnippetEvent> events = shell.eval(piece.source());
        events.forEach(this::recordChange);
        List<SnippetEvent> own = events.stream().filter(e -> e.causeSnippet() == null).toList();
        CellOutcome outcome = CellOutcome.none();
        for (SnippetEvent event : own) {
            Snippet snippet = event.snippet();
            SnippetOrigins.Origin origin = origins.remember(cell, pieceLine, snippet);
            if (event.status() == Snippet.Status.REJECTED || acceptedWithErrors(event)) {
                return CellOutcome.compileError(CompileDiagnostics.of(shell, snippet, code, firstLine, piece));
            }
            if (event.exception() != null) {
                return CellOutcome.thrown(realThrowable(event));
            }
            boolean temp = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            boolean displays = temp || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND;
            if (temp) {
                temporaries.add(new Temp((VarSnippet) snippet, control.lastInvokedClass()));
            }
            outcome = displays && !piece.suppressed() ? CellOutcome.value(control.lastValue()) : CellOutcome.none();
            if (own.size() == 1 && event.status() == Snippet.Status.VALID) {
                rerunnable(snippet, origin, displays).ifPresent(entry -> {
                    origins.pinWrapper(snippet);
                    cache.put(piece.source(), entry);
                });
            }
        }
        return outcome;
    }

    /**
     * Whether JShell accepted a declaration whose body has compile errors (a call of an overload
     * that does not exist, say): it would fail only when used, far from the cause, so the cell
     * reports the errors now. Declarations that merely refer to names not declared yet (forward
     * references) have no errors and stay accepted.
     */
    private boolean acceptedWithErrors(SnippetEvent event) {
        return (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                && shell.diagnostics(event.snippet()).anyMatch(Diag::isError);
    }

    /** How {@code snippet}, just run alone and valid, can run again without compiling, if it can. */
    private Optional<CompileCache.Entry> rerunnable(Snippet snippet, SnippetOrigins.Origin origin, boolean displays) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            String field = ((VarSnippet) snippet).name();
            return invoked().map(c -> new CompileCache.Entry(CompileCache.Rerun.CODE, c, origin, displays, field));
        }
        if (snippet.subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND) {
            return invoked().map(c -> new CompileCache.Entry(CompileCache.Rerun.VARIABLE, c, origin, false, null));
        }
        switch (snippet.kind()) {
            case IMPORT:
            case METHOD:
            case TYPE_DECL:
                return Optional.of(new CompileCache.Entry(CompileCache.Rerun.DECLARATION, null, origin, false, null));
            case EXPRESSION:
            case STATEMENT:
                return invoked().map(c -> new CompileCache.Entry(CompileCache.Rerun.CODE, c, origin, displays, null));
            default:
                return Optional.empty(); // variables without initializer: declaring them anew resets them
        }
    }

    private Optional<String> invoked() {
        return Optional.ofNullable(control.lastInvokedClass());
    }

    /** Notes in the change log what a snippet event changed: a declared name, or everything (an import). */
    private void recordChange(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (snippet.kind() == Snippet.Kind.IMPORT) {
            changes.changedEverything();
        } else if (snippet instanceof DeclarationSnippet) {
            changes.changed(((DeclarationSnippet) snippet).name());
        }
    }

    private Throwable realThrowable(SnippetEvent event) {
        if (event.exception() instanceof UnresolvedReferenceException) {
            UnresolvedReferenceException ure = (UnresolvedReferenceException) event.exception();
            return UnresolvedReference.of(shell, ure.getSnippet(), origins);
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

    /** Drops the cell's temporary result variables and clears their fields (values may be large). */
    private void release(List<Temp> temporaries) {
        for (Temp temp : temporaries) {
            origins.pinWrapper(temp.snippet);
            if (shell.status(temp.snippet).isActive()) {
                shell.drop(temp.snippet).forEach(this::recordChange);
            }
            if (temp.className != null) {
                control.clearStaticField(temp.className, temp.snippet.name());
            }
        }
    }

    /** A temporary result variable and the class holding its field. */
    private record Temp(VarSnippet snippet, String className) {}
}
