package jtorch;

import jtorch.internal.kernels.Cancellation;

/**
 * Cooperative cancellation for long-running tensor kernels.
 *
 * <p>A host such as the Jupyter kernel calls {@link #request()} when the user interrupts a cell;
 * every kernel loop that can run for long checks once per chunk of work and throws
 * {@link java.util.concurrent.CancellationException} while a request is pending. The host calls
 * {@link #clear()} before it runs the next cell. The flag is a single volatile read, cheap enough
 * for once-per-chunk checks, and works on every JDK (unlike {@code Thread.stop}).
 */
public final class Interrupts {
    private Interrupts() {}

    /** Asks every running tensor kernel to stop at its next check. */
    public static void request() {
        Cancellation.request();
    }

    /** Withdraws a pending request; call before starting new work. */
    public static void clear() {
        Cancellation.clear();
    }

    /** Whether a request is pending. */
    public static boolean isRequested() {
        return Cancellation.isRequested();
    }

    /** Throws {@link java.util.concurrent.CancellationException} if a request is pending. */
    public static void check() {
        Cancellation.check();
    }
}
