package jtorch.kernel.session;

import java.util.Map;
import java.util.Optional;

/**
 * Snippets already compiled and loaded, by exact source: a hit runs the loaded class again instead
 * of compiling anew.
 *
 * <p>Invariant: an entry is valid only in the epoch it was made in; every declaration, import or
 * class path change starts a new epoch ({@link #invalidate()}), since it may change what the same
 * source means.
 */
final class CompileCache {
    private static final int SNIPPETS_KEPT = 256;

    /**
     * A loaded snippet class: {@code displays} whether its value is shown, {@code tempField} the
     * static field of a temporary result variable to clear after each run (or null).
     */
    record Entry(String className, SnippetOrigins.Origin origin, boolean displays, String tempField) {}

    private record Stamped(Entry entry, long epoch) {}

    private final Map<String, Stamped> entries = new Lru<>(SNIPPETS_KEPT);
    private long epoch;

    /** The entry for {@code source} made in the current epoch, if any. */
    Optional<Entry> lookup(String source) {
        Stamped s = entries.get(source);
        return s != null && s.epoch == epoch ? Optional.of(s.entry) : Optional.empty();
    }

    void put(String source, Entry entry) {
        entries.put(source, new Stamped(entry, epoch));
    }

    void remove(String source) {
        entries.remove(source);
    }

    /** Starts a new epoch: every entry made so far is stale. */
    void invalidate() {
        epoch++;
    }
}
