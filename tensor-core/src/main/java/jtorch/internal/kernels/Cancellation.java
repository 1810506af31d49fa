package jtorch.internal.kernels;

import java.util.concurrent.CancellationException;

/**
 * The cooperative cancellation flag behind {@code jtorch.Interrupts}: a host sets it when the
 * user interrupts a cell, and every loop that can run for long calls {@link #check()} once per
 * chunk of work ({@link #checkEvery} once per {@link #CHUNK} steps). One volatile read per check.
 */
public final class Cancellation {
    /** Elements per cooperative cancellation check. */
    public static final int CHUNK = 1 << 16;

    private static volatile boolean requested;

    private Cancellation() {}

    public static void request() {
        requested = true;
    }

    public static void clear() {
        requested = false;
    }

    public static boolean isRequested() {
        return requested;
    }

    /** Throws {@link CancellationException} if a request is pending. */
    public static void check() {
        if (requested) {
            throw new CancellationException("Interrupted: the tensor operation was cancelled");
        }
    }

    /** {@link #check()} when the work items {@code [done, done + count)} reach into a new chunk. */
    public static void checkSpan(long done, long count) {
        if ((done + count) / CHUNK != done / CHUNK) {
            check();
        }
    }

    /** {@link #check()} when step {@code k} of a loop starts a new chunk. */
    public static void checkEvery(int k) {
        if ((k & (CHUNK - 1)) == 0) {
            check();
        }
    }
}
