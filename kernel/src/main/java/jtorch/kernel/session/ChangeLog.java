package jtorch.kernel.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each top-level name of the session last changed meaning: a variable, method or type
 * declared, replaced, updated as a dependent or dropped. Imports and class path changes may change
 * any name. Stamps come from one counter that only grows.
 *
 * <p>Invariant: code compiled at stamp {@code s} means the same now when every name it mentions is
 * {@link #unchangedSince unchanged since} {@code s}: a snippet reaches other snippets only through
 * names written in its source (JShell imports each declaration by name into every wrapper class).
 */
final class ChangeLog {
    private final Map<String, Long> lastChange = new HashMap<>();
    private long now;
    private long everything;

    /** The current stamp. */
    long now() {
        return now;
    }

    /** Records that {@code name} changed meaning. */
    void changed(String name) {
        lastChange.put(name, ++now);
    }

    /** Records a change that may affect every name (an import, a class path entry). */
    void changedEverything() {
        everything = ++now;
    }

    /** Whether none of {@code names}, nor everything, changed after stamp {@code stamp}. */
    boolean unchangedSince(long stamp, Set<String> names) {
        if (everything > stamp) {
            return false;
        }
        for (String name : names) {
            if (lastChange.getOrDefault(name, 0L) > stamp) {
                return false;
            }
        }
        return true;
    }
}
