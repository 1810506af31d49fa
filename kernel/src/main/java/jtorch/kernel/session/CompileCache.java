package jtorch.kernel.session;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snippets already compiled and loaded, by exact source: a hit runs the loaded class again (or,
 * for an unchanged method declaration, nothing) instead of compiling anew.
 *
 * <p>Invariant: an entry is returned only while every name its source mentions is unchanged since
 * it was compiled ({@link ChangeLog}); then the loaded class means what compiling the source
 * again would mean.
 */
final class CompileCache {
    static final int SNIPPETS_KEPT = 256;

    /** How a cached snippet runs again. */
    enum Rerun {
        /** An expression or statement: its class's {@code do_it$} runs again. */
        CODE,
        /**
         * A variable declaration with an initializer: its {@code do_it$} runs again, which assigns
         * the initializer's value to the variable already declared (same type, same dependents),
         * as JShell does when the declaration compiles to the same bytes.
         */
        VARIABLE,
        /**
         * A method, type or import declaration: the one in force is the same, so nothing runs.
         * (JShell itself keeps the loaded class when an identical declaration compiles to the same
         * bytes: static state and earlier instances stay.)
         */
        DECLARATION
    }

    /**
     * A loaded snippet: its class, where it came from, whether its value is shown, and the static
     * field of a temporary result variable to clear after each run (or null).
     */
    record Entry(Rerun how, String className, SnippetOrigins.Origin origin, boolean displays, String tempField) {}

    private record Stamped(Entry entry, Set<String> names, long stamp) {}

    private final ChangeLog changes;
    private final Map<String, Stamped> entries = new Lru<>(SNIPPETS_KEPT);

    CompileCache(ChangeLog changes) {
        this.changes = changes;
    }

    /** The entry for {@code source}, if one is still valid. */
    Optional<Entry> lookup(String source) {
        Stamped s = entries.get(source);
        return s != null && changes.unchangedSince(s.stamp, s.names) ? Optional.of(s.entry) : Optional.empty();
    }

    /** Caches {@code entry}, compiled from {@code source} as the session is now (unless its names cannot be judged). */
    void put(String source, Entry entry) {
        SourceWords.of(source).ifPresent(names -> entries.put(source, new Stamped(entry, names, changes.now())));
    }

    void remove(String source) {
        entries.remove(source);
    }
}
