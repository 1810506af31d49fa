package jtorch.internal.kernels;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * When the background warm-up of the vector kernels ({@link Kernels}, {@link Gemm#warmUpVector})
 * runs its next round: not while a product runs on the plain GEMM kernels
 * ({@link Gemm#awaitPlainProducts}), and not while the host says its user is busy
 * ({@link #yieldTo}; the notebook kernel: a cell runs or has just ended), so that the first cells
 * of a session do not share the cores with the warm-up and the compiles its rounds set off. It
 * yields {@link #LIMIT_NANOS} in all at most for each reason: the warm-up thread runs at a low OS
 * priority ({@link LowPriority}), so past that it takes only the cores the cells leave idle. In the
 * kernel benchmark's default run (cells back to back from the start) a budget of 2 s at normal
 * priority used the whole budget on the first light cells and put the warm-up on the MLP cell's
 * runs (x2.4-4.9 there); at low priority with 300 ms it ends before the MLP cell.
 */
public final class WarmUpTurn {
    static final long LIMIT_NANOS = 300_000_000L;
    private static final long POLL_NANOS = 1_000_000;

    private static volatile BooleanSupplier userBusy = () -> false;
    /** Time the warm-up has yielded to the user so far. */
    private static final AtomicLong yielded = new AtomicLong();

    private WarmUpTurn() {}

    /**
     * From now on the warm-up rounds wait while {@code busy} is true. Does not load {@link Kernels}
     * (which starts the warm-up).
     */
    public static void yieldTo(BooleanSupplier busy) {
        userBusy = busy;
    }

    /** Returns when the next warm-up round may run. */
    static void await() {
        Gemm.awaitPlainProducts();
        yieldWhile(userBusy, yielded);
    }

    /**
     * Waits while {@code busy} says so, until {@code waited} (the time waited so far for that
     * reason, which this adds to) reaches {@link #LIMIT_NANOS}.
     */
    static void yieldWhile(BooleanSupplier busy, AtomicLong waited) {
        while (waited.get() < LIMIT_NANOS && busy.getAsBoolean()) {
            long start = System.nanoTime();
            LockSupport.parkNanos(POLL_NANOS);
            waited.addAndGet(System.nanoTime() - start);
        }
    }
}
