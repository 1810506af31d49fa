package jtorch.kernel.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs cell code on a dedicated worker thread (large stack, snippet class loader as context loader)
 * and stops it on interrupt.
 *
 * <p>Interrupt escalates: (1) {@link CellGuard} flag, which snippet bytecode and tensor-core's
 * kernels poll, plus {@link Thread#interrupt()} for blocking calls; (2) after {@value #STOP_GRACE_MS}
 * ms, {@code Thread.stop()} where the JDK still supports it (JDK 17–19) for loops inside other
 * libraries; (3) after {@value #ABANDON_MS} ms the caller is released with {@link KeyboardInterrupt}
 * and the worker is replaced, so the session keeps answering even if that thread cannot be stopped.
 * The interrupt then says where the thread is still running, and {@link #stillRunning()} lists such
 * threads for a warning before each later cell, until they end: never a silent busy core.
 *
 * <p>What cannot be stopped on JDK 20+ (no {@code Thread.stop}): loops inside library code that
 * neither calls back into cell code nor checks {@link CellGuard}/tensor-core's cancellation flag
 * (e.g. {@code Arrays.sort} of a huge array, {@code IntStream.range(0, n).sum()},
 * {@code BigInteger.pow}, a catastrophic regex, a third-party jar's loop), blocking calls that
 * ignore {@link Thread#interrupt()}, and cell code that catches {@link KeyboardInterrupt}.
 */
final class CellRunner {
    static final long STOP_GRACE_MS = 150;
    static final long ABANDON_MS = 2500;
    private static final long STACK_SIZE = 64L << 20;
    private static final Method THREAD_STOP = threadStop();

    private final ClassLoader contextLoader;
    private final List<Worker> abandoned = new CopyOnWriteArrayList<>();
    private Worker worker;
    private volatile Worker busy;

    CellRunner(ClassLoader contextLoader) {
        this.contextLoader = contextLoader;
    }

    /** Runs {@code task} on the worker and waits; the task's own exception is rethrown wrapped. */
    Object run(Callable<Object> task) throws InvocationTargetException, InterruptedException {
        if (worker == null || !worker.isAlive() || worker.abandoned) {
            worker = new Worker(contextLoader);
            worker.start();
        }
        if (CellGuard.isStopRequested()) {
            throw new InvocationTargetException(new KeyboardInterrupt());
        }
        Job job = new Job(task);
        Worker w = worker;
        busy = w;
        Outcome outcome;
        try {
            w.queue.put(job);
            outcome = job.result.get();
        } catch (ExecutionException ex) {
            outcome = new Outcome(null, ex.getCause());
        } finally {
            busy = null;
        }
        if (outcome.error != null) {
            throw new InvocationTargetException(outcome.error);
        }
        return outcome.value;
    }

    /** Stops the running cell, escalating as described in the class comment. Returns at once. */
    void interrupt() {
        Worker w = busy;
        if (w == null) {
            return;
        }
        CellGuard.requestStop();
        w.interrupt();
        Thread watchdog = new Thread(() -> escalate(w), "cell-interrupt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void escalate(Worker w) {
        Job job = w.current;
        if (job == null) {
            return;
        }
        try {
            job.result.get(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException ex) {
            if (THREAD_STOP != null && w.current == job) {
                try {
                    THREAD_STOP.invoke(w);
                } catch (ReflectiveOperationException | RuntimeException unsupported) {
                    // JDK 20+: Thread.stop throws; rely on the cooperative checks
                }
            }
        } catch (Exception ex) {
            return;
        }
        try {
            job.result.get(ABANDON_MS - STOP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            w.abandoned = true;
            w.abandonedAt = System.nanoTime();
            CellGuard.condemn(w);
            abandoned.add(w);
            job.result.complete(new Outcome(null, KeyboardInterrupt.stillRunning(where(w))));
        } catch (Exception ignored) {
            // finished one way or another
        }
    }

    /** One line per interrupted cell whose thread is still running, with how long and where. */
    List<String> stillRunning() {
        abandoned.removeIf(w -> !w.isAlive());
        List<String> lines = new ArrayList<>();
        for (Worker w : abandoned) {
            long seconds = (System.nanoTime() - w.abandonedAt) / 1_000_000_000L;
            lines.add("an interrupted cell is still running (" + seconds + " s since the interrupt, in " + where(w) + ")");
        }
        return lines;
    }

    /** The method a thread is running now, e.g. {@code java.util.DualPivotQuicksort.sort}. */
    private static String where(Thread t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length == 0 ? "an unknown method" : frames[0].getClassName() + "." + frames[0].getMethodName();
    }

    private static Method threadStop() {
        if (Runtime.version().feature() >= 20) {
            return null;
        }
        try {
            return Thread.class.getMethod("stop");
        } catch (NoSuchMethodException ex) {
            return null;
        }
    }

    /**
     * What a job produced. Errors travel as values: a {@code CancellationException} (tensor-core's
     * interrupt) given to {@code completeExceptionally} would read as a cancelled future instead.
     */
    private record Outcome(Object value, Throwable error) {}

    private static final class Job {
        final Callable<Object> task;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();

        Job(Callable<Object> task) {
            this.task = task;
        }
    }

    private static final class Worker extends Thread {
        final SynchronousQueue<Job> queue = new SynchronousQueue<>();
        volatile Job current;
        volatile boolean abandoned;
        volatile long abandonedAt;

        Worker(ClassLoader contextLoader) {
            super(null, null, "cell", STACK_SIZE);
            setDaemon(true);
            setContextClassLoader(contextLoader);
        }

        @Override
        public void run() {
            try {
                serve();
            } finally {
                CellGuard.release(this);
            }
        }

        private void serve() {
            while (!abandoned) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException stale) {
                    continue; // an interrupt that arrived after the last cell finished
                }
                current = job;
                try {
                    job.result.complete(new Outcome(job.task.call(), null));
                } catch (Throwable t) {
                    job.result.complete(new Outcome(null, unwrap(t)));
                } finally {
                    current = null;
                    Thread.interrupted();
                }
            }
        }

        private static Throwable unwrap(Throwable t) {
            Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
            // Thread.stop (JDK 17-19 fallback) surfaces as ThreadDeath: report it as the interrupt it was
            return "java.lang.ThreadDeath".equals(cause.getClass().getName()) ? new KeyboardInterrupt() : cause;
        }
    }
}
