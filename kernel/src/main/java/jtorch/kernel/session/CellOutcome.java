package jtorch.kernel.session;

import java.util.List;
import java.util.Objects;

/**
 * What evaluating (part of) a cell produced: a value to display, nothing, compile diagnostics, or
 * a thrown {@link Throwable} (the real one, with its own class and stack).
 */
public final class CellOutcome {
    private static final CellOutcome NONE = new CellOutcome(false, null, List.of(), null);

    private final boolean hasValue;
    private final Object value;
    private final List<Diagnostic> diagnostics;
    private final Throwable thrown;

    private CellOutcome(boolean hasValue, Object value, List<Diagnostic> diagnostics, Throwable thrown) {
        this.hasValue = hasValue;
        this.value = value;
        this.diagnostics = diagnostics;
        this.thrown = thrown;
    }

    public static CellOutcome none() {
        return NONE;
    }

    public static CellOutcome value(Object value) {
        return new CellOutcome(true, value, List.of(), null);
    }

    public static CellOutcome compileError(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a compile error needs at least one diagnostic");
        }
        return new CellOutcome(false, null, List.copyOf(diagnostics), null);
    }

    public static CellOutcome thrown(Throwable thrown) {
        return new CellOutcome(false, null, List.of(), Objects.requireNonNull(thrown, "thrown"));
    }

    /** Whether the cell's last snippet is an expression whose value should be displayed. */
    public boolean hasValue() {
        return hasValue;
    }

    public Object value() {
        return value;
    }

    public boolean isCompileError() {
        return !diagnostics.isEmpty();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean isThrown() {
        return thrown != null;
    }

    public Throwable thrown() {
        return thrown;
    }

    public boolean failed() {
        return isCompileError() || isThrown();
    }
}
