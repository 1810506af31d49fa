package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool's hand-off: every index once, failures and interrupts reach the caller, no call waits for another. */
class ParallelTest {
    private int threads;

    @BeforeEach
    void threeThreads() {
        threads = Parallel.numThreads();
        Parallel.setNumThreads(3);
    }

    @AfterEach
    void restore() {
        Parallel.setNumThreads(threads);
    }

    @Test
    void forRange_manyCallsBackToBack_runEveryIndexOnce() {
        for (int call = 0; call < 2000; call++) {
            int n = 1 + call % 7;
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            Parallel.forRange(n, Parallel.GRAIN, (from, to) -> {
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), "call " + call + ", index " + i);
            }
        }
    }

    @Test
    void forRange_helperThrows_callerGetsItAndThePoolKeepsWorking() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                Parallel.forRange(3, Parallel.GRAIN, (from, to) -> {
                    if (from == 2) {
                        throw new IllegalStateException("share 2");
                    }
                }));
        assertEquals("share 2", e.getMessage());
        forRange_manyCallsBackToBack_runEveryIndexOnce();
    }

    @Test
    void forRange_cancelledWhileHelpersRun_throwsCancellationOnceNoShareRuns() {
        AtomicInteger running = new AtomicInteger();
        try {
            assertThrows(CancellationException.class, () ->
                    Parallel.forRange(3, Parallel.GRAIN, (from, to) -> {
                        running.incrementAndGet();
                        try {
                            if (from == 0) {
                                Cancellation.request();
                            }
                            for (long spins = 0; spins < 1_000_000_000L; spins++) {
                                Cancellation.check();
                            }
                        } finally {
                            running.decrementAndGet();
                        }
                    }));
        } finally {
            Cancellation.clear();
        }
        assertEquals(0, running.get(), "shares still running after forRange returned");
    }

    @Test
    void forRange_splitInsideAShare_runsWithoutWaitingForItself() {
        AtomicIntegerArray seen = new AtomicIntegerArray(9);
        Parallel.forRange(3, Parallel.GRAIN, (from, to) -> {
            for (int outer = from; outer < to; outer++) {
                int base = outer * 3;
                Parallel.forRange(3, Parallel.GRAIN, (f, t) -> {
                    for (int i = f; i < t; i++) {
                        seen.incrementAndGet(base + i);
                    }
                });
            }
        });
        for (int i = 0; i < 9; i++) {
            assertEquals(1, seen.get(i), "index " + i);
        }
    }

    @Test
    void forRange_twoCallersAtOnce_bothCoverTheirRanges() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                start.await();
                forRange_manyCallsBackToBack_runEveryIndexOnce();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        start.countDown();
        forRange_manyCallsBackToBack_runEveryIndexOnce();
        other.join(TimeUnit.MINUTES.toMillis(1));
        assertTrue(!other.isAlive() && failure.get() == null, "other caller: " + failure.get());
    }

    @Test
    void forRange_belowGrain_runsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Parallel.forRange(3, Parallel.GRAIN - 1, (from, to) -> {
            assertEquals(caller, Thread.currentThread());
            assertEquals(0, from);
            assertEquals(3, to);
        });
    }
}
