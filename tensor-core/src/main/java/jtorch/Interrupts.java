package jtorch;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation for long-running tensor kernels.
 *
 * <p>A host such as the Jupyter kernel calls {@link #request()} when the user interrupts a cell;
 * every kernel loop that can run for long calls {@link #check()} once per chunk of work, which
 * throws {@link CancellationException} while a request is pending. The host calls
 * {@link #clear()} before it runs the next cell. The flag is a single volatile read, cheap enough
 * for once-per-chunk checks, and works on every JDK (unlike {@code Thread.stop}).
 */
public final class Interrupts {
    private static volatile boolean requested;

    private Interrupts() {}

    /** Asks every running tensor kernel to stop at its next check. */
    public static void request() {
        requested = true;
    }

    /** Withdraws a pending request; call before starting new work. */
    public static void clear() {
        requested = false;
    }

    /** Whether a request is pending. */
    public static boolean isRequested() {
        return requested;
    }

    /** Throws {@link CancellationException} if a request is pending. */
    public static void check() {
        if (requested) {
            throw new CancellationException("Interrupted: the tensor operation was cancelled");
        }
    }
}
