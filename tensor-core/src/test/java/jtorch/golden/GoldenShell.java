package jtorch.golden;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One in-process JShell session that runs golden cases the way the notebook kernel runs cells:
 * {@code jtorch.*} and {@code java.util.*} imported, plus a Python-style {@code print(Object...)}.
 *
 * <p>Before each case the session drops the previous case's snippets and resets the library's
 * global state (default dtype, print options, grad mode, seed) with whichever of the reset calls
 * the facade offers. A case's source is split into complete snippets and evaluated in order (as
 * one block where it compiles as one, see {@link #run}); the first compile error or exception ends
 * it, else the value of the last snippet is handed over through {@link GoldenValue} (a statement
 * such as a {@code void} call has no value: Python's {@code None}). Each evaluation is stopped
 * after {@value #TIMEOUT_SECONDS} s so a hanging op fails its case instead of the run.
 */
final class GoldenShell implements AutoCloseable {
    /** Each case starts from this state, as the recorded PyTorch cases did. */
    private static final List<String> RESET_STEPS = List.of(
            "torch.setDefaultDtype(torch.float32);",
            "torch.setPrintoptions(PrintOptions.defaults());",
            "torch.setGradEnabled(true);",
            "torch.manualSeed(0);");
    /** Python's print: str() of each argument, separated by spaces. */
    private static final String PRINT = "void print(Object... values) {\n"
            + "    StringJoiner line = new StringJoiner(\" \");\n"
            + "    for (Object v : values) line.add(String.valueOf(v));\n"
            + "    System.out.println(line);\n"
            + "}";
    private static final long TIMEOUT_SECONDS = 20;
    private static final String HAND_OVER = "jtorch.golden.GoldenValue.set";

    /** How a case's Java ended. */
    sealed interface Outcome {
        /** Evaluated; {@code value} is the last snippet's value, null for none. */
        record Value(Object value) implements Outcome {
        }

        /** A snippet threw {@code exceptionClass} (its binary name) with {@code message}. */
        record Thrown(String exceptionClass, String message) implements Outcome {
        }

        /** A snippet did not compile; {@code codes} are javac's diagnostic keys. */
        record Rejected(String source, String diagnostics, List<String> codes) implements Outcome {
        }

        /** A snippet ran longer than the time limit and was stopped. */
        record TimedOut(String source) implements Outcome {
        }
    }

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Set<Snippet> base = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "golden-watchdog");
        t.setDaemon(true);
        return t;
    });
    private Runnable reset = () -> { };

    GoldenShell() {
        // verbose diagnostics name the method whose arguments do not fit (javac's compact form
        // only names the argument), which the CompileError cases rely on
        shell = JShell.builder().executionEngine("local").compilerOptions("-Xdiags:verbose").build();
        analysis = shell.sourceCodeAnalysis();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        setUp("import jtorch.*;");
        setUp("import java.util.*;");
        setUp(PRINT);
        checkValueChannel();
        defineReset();
        base.addAll(shell.snippets().toList());
    }

    /** Problems met while setting up the session (missing reset calls, ...), for the summary. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Runs one case's Java from a clean state. The case is first run as one block,
     * {@code { <statements> GoldenValue.set(<last expression>); }}, which costs a single
     * evaluation. When that block does not compile (a {@code void} last line, a method
     * declaration, a real compile error) nothing has run yet, and the snippets are evaluated one
     * by one as a notebook would, which also gives each compile error its own diagnostics.
     */
    Outcome run(String java) {
        dropCaseSnippets();
        try {
            reset.run();
        } catch (RuntimeException e) {
            return new Outcome.Thrown(e.getClass().getName(), "resetting the session failed: " + e.getMessage());
        }
        List<String> snippets = split(java);
        List<String> statements = snippets.subList(0, snippets.size() - 1);
        String last = snippets.get(snippets.size() - 1);
        Outcome block = evalSnippet("{\n" + String.join("\n", statements) + "\n" + handOver(last) + "\n}").outcome;
        if (!(block instanceof Outcome.Rejected rejected)) {
            return block instanceof Outcome.Value ? new Outcome.Value(GoldenValue.take()) : block;
        }
        for (String statement : statements) {
            Outcome outcome = evalSnippet(statement).outcome;
            if (!(outcome instanceof Outcome.Value)) {
                return outcome;
            }
        }
        // the block told whether handing the last line over can compile: not when it is void,
        // nor when it was the block's only statement
        boolean lastIsVoid = rejected.codes().stream().allMatch("compiler.err.void.not.allowed.here"::equals);
        return evalLast(last, !statements.isEmpty() && !lastIsVoid);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.close();
    }

    private record Step(Snippet snippet, Outcome outcome) {
    }

    private Step evalSnippet(String source) {
        AtomicBoolean stopped = new AtomicBoolean();
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            stopped.set(true);
            shell.stop();
        }, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } finally {
            timer.cancel(false);
        }
        if (stopped.get()) {
            return new Step(null, new Outcome.TimedOut(source.strip()));
        }
        Snippet snippet = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            snippet = event.snippet();
            if (event.exception() != null) {
                return new Step(snippet, thrown(event.exception()));
            }
            switch (event.status()) {
                case REJECTED, RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
                    return new Step(snippet, rejected(snippet));
                }
                default -> {
                }
            }
        }
        if (snippet == null) {
            return new Step(null, new Outcome.Rejected(source.strip(), "JShell produced no snippet", List.of()));
        }
        return new Step(snippet, new Outcome.Value(null));
    }

    /**
     * Evaluates the last snippet and hands its value over. When {@code tryWrapped}, it is first
     * tried as {@code GoldenValue.set(<expression>)}, which costs no extra evaluation; if that
     * does not compile (a {@code void} call, a statement, a real compile error) nothing has run,
     * and the snippet is evaluated as written: a statement gives None, an error its diagnostics.
     */
    private Outcome evalLast(String source, boolean tryWrapped) {
        if (tryWrapped) {
            Outcome wrapped = evalSnippet(handOver(source)).outcome;
            if (!(wrapped instanceof Outcome.Rejected)) {
                return wrapped instanceof Outcome.Value ? new Outcome.Value(GoldenValue.take()) : wrapped;
            }
        }
        Step step = evalSnippet(source);
        if (!(step.outcome instanceof Outcome.Value)) {
            return step.outcome;
        }
        String name = step.snippet instanceof VarSnippet v ? v.name()
                : step.snippet instanceof ExpressionSnippet e ? e.name() : null;
        if (name == null) {
            return new Outcome.Value(null);
        }
        Outcome handOver = evalSnippet(HAND_OVER + "(" + name + ");").outcome;
        return handOver instanceof Outcome.Value ? new Outcome.Value(GoldenValue.take()) : handOver;
    }

    /** The complete snippets of a case's source, in order (at least one). */
    private List<String> split(String java) {
        List<String> snippets = new ArrayList<>();
        String remaining = java;
        do {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            boolean complete = info.completeness().isComplete();
            snippets.add((complete ? info.source() : remaining).strip());
            remaining = complete ? info.remaining() : "";
        } while (!remaining.isBlank());
        return snippets;
    }

    /** {@code GoldenValue.set(<expression>);} for a snippet that is an expression. */
    private static String handOver(String expression) {
        String e = expression.strip();
        return HAND_OVER + "(" + (e.endsWith(";") ? e.substring(0, e.length() - 1) : e) + ");";
    }

    private Outcome thrown(JShellException e) {
        if (e instanceof EvalException eval) {
            return new Outcome.Thrown(eval.getExceptionClassName(), eval.getMessage());
        }
        if (e instanceof UnresolvedReferenceException unresolved) {
            return rejected(unresolved.getSnippet());
        }
        return new Outcome.Thrown(e.getClass().getName(), e.getMessage());
    }

    private Outcome rejected(Snippet snippet) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        List<String> lines = new ArrayList<>();
        errors.forEach(d -> lines.add(d.getMessage(Locale.ROOT)));
        if (snippet instanceof DeclarationSnippet declaration) {
            shell.unresolvedDependencies(declaration).forEach(u -> lines.add("cannot find symbol: " + u));
        }
        return new Outcome.Rejected(snippet.source().strip(), String.join("\n", lines),
                errors.stream().map(Diag::getCode).toList());
    }

    private void dropCaseSnippets() {
        shell.snippets()
                .filter(s -> !base.contains(s) && shell.status(s).isActive())
                .toList()
                .forEach(shell::drop);
    }

    private void setUp(String source) {
        Outcome outcome = evalSnippet(source).outcome;
        if (!(outcome instanceof Outcome.Value)) {
            warnings.add("session set-up `" + source.lines().findFirst().orElse("") + "` failed: " + describe(outcome));
        }
    }

    private void checkValueChannel() {
        Outcome outcome = evalSnippet(HAND_OVER + "(\"ready\");").outcome;
        Object handed = outcome instanceof Outcome.Value ? GoldenValue.take() : null;
        if (!"ready".equals(handed)) {
            throw new IllegalStateException("JShell cannot hand values to the test (are they in different class "
                    + "loaders?): " + describe(outcome));
        }
    }

    /**
     * Builds the reset from the calls the facade offers (warning about the others) as a lambda
     * compiled in the session and handed to the test, so a case's reset costs no evaluation.
     */
    private void defineReset() {
        List<String> available = new ArrayList<>();
        for (String step : RESET_STEPS) {
            Step trial = evalSnippet(step);
            if (trial.outcome instanceof Outcome.Value) {
                available.add(step);
            } else {
                warnings.add("reset step skipped: " + step + " (" + describe(trial.outcome) + ")");
            }
            if (trial.snippet != null && shell.status(trial.snippet).isActive()) {
                shell.drop(trial.snippet);
            }
        }
        if (!available.isEmpty()) {
            Step lambda = evalSnippet(HAND_OVER + "((Runnable) () -> {\n    " + String.join("\n    ", available)
                    + "\n});");
            if (lambda.outcome instanceof Outcome.Value) {
                reset = (Runnable) GoldenValue.take();
            } else {
                warnings.add("reset does not compile: " + describe(lambda.outcome));
            }
        }
    }

    /** One-line description of an outcome that is not a value, for messages. */
    static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Rejected r) {
            return "does not compile: " + r.source() + "\n" + r.diagnostics().lines()
                    .map(l -> "    " + l).collect(Collectors.joining("\n"));
        }
        if (outcome instanceof Outcome.Thrown t) {
            return "threw " + t.exceptionClass() + ": " + t.message();
        }
        if (outcome instanceof Outcome.TimedOut t) {
            return "stopped after " + TIMEOUT_SECONDS + " s: " + t.source();
        }
        try {
            return "value " + PyRepr.of(((Outcome.Value) outcome).value());
        } catch (RuntimeException e) {
            return "a value whose repr throws " + e;
        }
    }
}
