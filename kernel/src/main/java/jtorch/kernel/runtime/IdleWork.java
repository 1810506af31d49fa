package jtorch.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jtorch.Interrupts;
import jtorch.kernel.protocol.KernelLog;

/**
 * Work the kernel does only while no cell runs: warming op paths up after start ({@link #whenIdle},
 * on a thread of its own) and giving heap back after a cell ({@link #afterEachCell}, on a timer
 * thread, so it never waits behind the warm-up).
 *
 * <p>Invariant: a cell and an idle piece never run at the same time. {@link #cellStarted} takes
 * the turn (waiting for the piece in flight, which is kept short) and {@link #cellFinished} gives
 * it back; pieces run only holding the turn, so they may use process-wide state (grad mode) as
 * long as they restore it, and never see a cell's half-done work. Pieces must not change state a
 * cell can observe afterwards (the random generator, print options, thread counts). While the
 * interrupt of the last cell is still pending (tensor ops would throw until the next cell clears
 * it) nothing runs either.
 *
 * <p>The warm-up pieces also wait {@link #GRACE_NANOS} after a cell, so that a burst of cells (Run
 * All, nbconvert, a client sending the next cell at once) is not interleaved with them;
 * {@link #userBusy} tells tensor-core's own warm-up the same.
 */
public final class IdleWork implements AutoCloseable {
    private static final long RETRY_MS = 20;
    /** Quiet time after a cell before the warm-up resumes. */
    static final long GRACE_NANOS = 300_000_000L;
    /** A cell running longer than this no longer holds tensor-core's warm-up back ({@link #userBusy}). */
    static final long CELL_HOLD_NANOS = 1_000_000_000L;

    private final ReentrantLock turn = new ReentrantLock();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jtorch-idle-timer");
        t.setDaemon(true);
        return t;
    });
    private final List<Delayed> afterCell = new ArrayList<>();
    private final List<ScheduledFuture<?>> pending = new ArrayList<>();
    private volatile boolean closed;
    /**
     * Whether a cell has been announced and not yet finished (it may still be waiting for the
     * piece in flight); when it started; when the last one ended.
     */
    private volatile boolean inCell;
    private volatile long cellStartedAt;
    private volatile long cellEndedAt = System.nanoTime() - GRACE_NANOS;

    private record Delayed(long delayMs, Runnable task) {}

    /** Runs {@code task} (as one piece) {@code delayMs} after every cell, unless another cell starts first. */
    public synchronized void afterEachCell(long delayMs, Runnable task) {
        afterCell.add(new Delayed(delayMs, task));
    }

    /**
     * Runs {@code prepare} without the turn (e.g. waiting for something), then {@code pieces} in
     * order, each one while no cell runs, on a daemon thread of their own.
     */
    public void whenIdle(Runnable prepare, Iterable<Runnable> pieces) {
        Thread t = new Thread(() -> {
            prepare.run();
            for (Runnable piece : pieces) {
                while (!closed && (cellRecent() || !runIfIdle(piece))) {
                    sleep(RETRY_MS);
                }
            }
        }, "jtorch-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** A cell begins: waits for the idle piece in flight and cancels the after-cell tasks due. */
    public void cellStarted() {
        cellStartedAt = System.nanoTime();
        inCell = true;
        turn.lock();
        synchronized (this) {
            pending.forEach(f -> f.cancel(false));
            pending.clear();
        }
    }

    /** The cell that {@link #cellStarted} announced has ended (on the same thread). */
    public void cellFinished() {
        cellEndedAt = System.nanoTime();
        inCell = false;
        turn.unlock();
        synchronized (this) {
            for (Delayed d : afterCell) {
                pending.add(worker.schedule(() -> runAfterCell(d), d.delayMs, TimeUnit.MILLISECONDS));
            }
        }
    }

    /**
     * Whether the user is busy: a cell runs and started less than {@link #CELL_HOLD_NANOS} ago, or
     * one ended less than {@link #GRACE_NANOS} ago (tensor-core's vector warm-up waits meanwhile).
     */
    public boolean userBusy() {
        long now = System.nanoTime();
        return inCell ? now - cellStartedAt < CELL_HOLD_NANOS : now - cellEndedAt < GRACE_NANOS;
    }

    /** Whether a cell runs or one ended less than {@link #GRACE_NANOS} ago. */
    private boolean cellRecent() {
        return inCell || System.nanoTime() - cellEndedAt < GRACE_NANOS;
    }

    /** Runs an after-cell task; while a warm-up piece holds the turn, a little later (a cell cancels it). */
    private void runAfterCell(Delayed d) {
        if (!runIfIdle(d.task) && !inCell && !closed) {
            synchronized (this) {
                pending.add(worker.schedule(() -> runAfterCell(d), RETRY_MS, TimeUnit.MILLISECONDS));
            }
        }
    }

    /** Runs {@code piece} now if no cell runs and no interrupt is pending; false (and nothing run) otherwise. */
    boolean runIfIdle(Runnable piece) {
        if (inCell || Interrupts.isRequested() || !turn.tryLock()) {
            return false;
        }
        try {
            if (inCell) {
                return false;
            }
            piece.run();
        } catch (CancellationException ex) {
            // an interrupt (of a cell, or of this thread at shutdown) cancelled the piece's tensor op
        } catch (RuntimeException | StackOverflowError ex) {
            KernelLog.warn("idle work failed: " + ex);
        } finally {
            turn.unlock();
        }
        return true;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
    }
}
