package jtorch.internal.kernels;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The one worker pool of tensor-core. Kernels split work into contiguous ranges only above a
 * size threshold, so small ops never pay for a hand-off; the calling thread always takes a share.
 * {@code torch.setNumThreads} sets how many threads (caller included) a kernel may use.
 */
public final class Parallel {
    /** Below this many elements (or multiply-adds) work stays on the calling thread. */
    public static final int GRAIN = 1 << 18;

    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static ExecutorService pool;

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
        ExecutorService p = pool();
        Future<?>[] futures = new Future<?>[threads - 1];
        int chunk = (n + threads - 1) / threads;
        for (int t = 1; t < threads; t++) {
            int from = Math.min(n, t * chunk);
            int to = Math.min(n, from + chunk);
            futures[t - 1] = p.submit(() -> body.run(from, to));
        }
        RuntimeException failure = null;
        try {
            body.run(0, Math.min(n, chunk));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new java.util.concurrent.CancellationException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException ? (RuntimeException) cause
                            : new IllegalStateException(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "jtorch-worker");
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newCachedThreadPool(factory);
        }
        return pool;
    }
}
