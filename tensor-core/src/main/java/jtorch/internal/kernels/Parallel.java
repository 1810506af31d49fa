package jtorch.internal.kernels;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one worker pool of tensor-core. Kernels split work into contiguous ranges only above a
 * size threshold, so small ops never pay for a hand-off; the calling thread always takes a share.
 * {@code torch.setNumThreads} sets how many threads (caller included) a kernel may use.
 *
 * <p>Hand-off: each of the {@code numThreads - 1} helper threads owns one task slot. A caller
 * claims a free slot with one compare-and-set and wakes the helper only if it has parked; a helper
 * waits {@link #SPIN_NANOS} for its next task before it parks, so ops run back to back (a training
 * step, a benchmark loop) hand over in about a microsecond instead of a park/unpark round trip
 * (13-24 microseconds after a short idle, tens more at the tail). A caller runs its own share
 * first, then takes back each share whose helper has not started it (a descheduled helper makes
 * no call wait), and waits as long for the others before it parks. A share whose slot is taken (a
 * second thread splitting at the same time, or a split inside a share) runs on the calling thread.
 *
 * <p>The waits call {@link Thread#yield()} in their loop: a helper sharing a core with its caller
 * (the other core busy with another process) then gives the core up instead of taking half of it,
 * and a split costs a few per cent more than one thread instead of 1.5 times as long (256^3 on a
 * loaded machine). Not {@link Thread#onSpinWait()}: on a KVM guest its PAUSE loop makes the
 * hypervisor deschedule the virtual CPU (a 256^3 split took 484 instead of 148 microseconds).
 */
public final class Parallel {
    /** Below this many elements (or multiply-adds) work stays on the calling thread. */
    public static final int GRAIN = 1 << 18;
    /** How long a helper waits for its next task, and a caller for the helpers, before parking. */
    static final long SPIN_NANOS = 100_000;

    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile Helper[] helpers = new Helper[0];

    private Parallel() {}

    /** A body over the index range {@code [from, to)}. */
    public interface RangeBody {
        void run(int from, int to);
    }

    public static int numThreads() {
        return numThreads;
    }

    public static void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer, but got " + n);
        }
        numThreads = n;
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split into one range per thread when {@code work}
     * (an estimate of elementary operations) exceeds {@link #GRAIN}.
     */
    public static void forRange(int n, long work, RangeBody body) {
        int threads = Math.min(numThreads, n);
        if (threads <= 1 || work < GRAIN) {
            body.run(0, n);
            return;
        }
        Helper[] h = helpers(threads - 1);
        int chunk = (n + threads - 1) / threads;
        Share[] shares = new Share[threads - 1];
        boolean[] offered = new boolean[threads - 1];
        for (int t = 1; t < threads; t++) {
            shares[t - 1] = new Share(body, Math.min(n, t * chunk), Math.min(n, (t + 1) * chunk));
            offered[t - 1] = h[t - 1].offer(shares[t - 1]);
        }
        Throwable failure = null;
        try {
            body.run(0, Math.min(n, chunk));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (int t = 1; t < threads; t++) {
            Share s = shares[t - 1];
            if (!offered[t - 1] || s.claim()) {
                // not handed over, or its helper has not started it yet (descheduled): run it here
                if (offered[t - 1]) {
                    h[t - 1].withdraw(s);
                }
                if (failure == null) {
                    s.run();
                }
            } else {
                interrupted |= s.await();
            }
            failure = failure != null ? failure : s.failure;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            failure = failure != null ? failure : new CancellationException("interrupted");
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure != null) {
            throw (Error) failure;
        }
    }

    /** At least {@code count} helper threads, started on first use. */
    private static Helper[] helpers(int count) {
        Helper[] h = helpers;
        if (h.length >= count) {
            return h;
        }
        synchronized (Parallel.class) {
            h = helpers;
            if (h.length < count) {
                Helper[] grown = Arrays.copyOf(h, count);
                for (int i = h.length; i < count; i++) {
                    grown[i] = new Helper();
                }
                helpers = grown;
                h = grown;
            }
            return h;
        }
    }

    /** One range of a split: run by a helper, awaited by the caller. */
    private static final class Share {
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final RangeBody body;
        private final int from;
        private final int to;
        private volatile boolean done;
        private volatile Thread waiter;
        private Throwable failure;

        Share(RangeBody body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        /** Whether this thread is the one to run the share: its helper, or the caller taking it back. */
        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        /** Runs the range and keeps what it threw. */
        void run() {
            try {
                body.run(from, to);
            } catch (Throwable e) {
                failure = e;
            }
        }

        /** On the helper, once its slot is free again: marks the share done and wakes a parked caller. */
        void finish() {
            done = true;
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }

        /** Waits until done: spins {@link #SPIN_NANOS}, then parks. Returns whether the caller was interrupted meanwhile. */
        boolean await() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (!done && System.nanoTime() < deadline) {
                Thread.yield(); // not onSpinWait: see the class comment
            }
            boolean interrupted = false;
            if (!done) {
                waiter = Thread.currentThread();
                while (!done) {
                    LockSupport.park(this);
                    // the helper's share ends on its own (kernels check the cancellation flag)
                    interrupted |= Thread.interrupted();
                }
            }
            return interrupted;
        }
    }

    /** A daemon thread running the shares offered to its one slot. */
    private static final class Helper implements Runnable {
        private final AtomicReference<Share> slot = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean parked;

        Helper() {
            thread = new Thread(this, "jtorch-worker");
            thread.setDaemon(true);
            thread.setContextClassLoader(Parallel.class.getClassLoader()); // not the first caller's (a cell's)
            thread.start();
        }

        /** Hands {@code s} to this helper if it is free. */
        boolean offer(Share s) {
            if (!slot.compareAndSet(null, s)) {
                return false;
            }
            if (parked) {
                LockSupport.unpark(thread);
            }
            return true;
        }

        /** Empties the slot of a share its caller has taken back. */
        void withdraw(Share s) {
            slot.compareAndSet(s, null);
        }

        @Override
        public void run() {
            while (true) {
                Share s = awaitShare();
                boolean mine = s.claim();
                if (mine) {
                    s.run();
                }
                slot.compareAndSet(s, null);
                if (mine) {
                    s.finish();
                }
            }
        }

        private Share awaitShare() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            Share s;
            while ((s = slot.get()) == null && System.nanoTime() < deadline) {
                Thread.yield(); // not onSpinWait: see the class comment
            }
            while (s == null) {
                parked = true;
                if ((s = slot.get()) == null) {
                    LockSupport.park(this);
                    s = slot.get();
                }
                parked = false;
            }
            return s;
        }
    }
}
