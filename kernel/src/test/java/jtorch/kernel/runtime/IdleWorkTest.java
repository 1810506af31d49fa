package jtorch.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleWorkTest {
    @Test
    void runIfIdle_whileACellRuns_runsNothing() {
        try (IdleWork idle = new IdleWork()) {
            AtomicInteger runs = new AtomicInteger();
            idle.cellStarted();
            assertFalse(idle.runIfIdle(runs::incrementAndGet));
            idle.cellFinished();
            assertTrue(idle.runIfIdle(runs::incrementAndGet));
            assertEquals(1, runs.get());
        }
    }

    @Test
    void runIfIdle_interruptPending_runsNothingUntilCleared() {
        try (IdleWork idle = new IdleWork()) {
            AtomicInteger runs = new AtomicInteger();
            jtorch.Interrupts.request();
            try {
                assertFalse(idle.runIfIdle(runs::incrementAndGet));
            } finally {
                jtorch.Interrupts.clear();
            }
            assertTrue(idle.runIfIdle(runs::incrementAndGet));
            assertEquals(1, runs.get());
        }
    }

    @Test
    void whenIdle_piecesNeverOverlapACell() throws Exception {
        try (IdleWork idle = new IdleWork()) {
            AtomicBoolean inCell = new AtomicBoolean();
            AtomicBoolean overlapped = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(200);
            Runnable piece = () -> {
                overlapped.compareAndSet(false, inCell.get());
                done.countDown();
            };
            idle.whenIdle(() -> { }, java.util.Collections.nCopies(200, piece));
            for (int cell = 0; cell < 50; cell++) {
                idle.cellStarted();
                inCell.set(true);
                Thread.sleep(1);
                inCell.set(false);
                idle.cellFinished();
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertFalse(overlapped.get());
        }
    }

    @Test
    void afterEachCell_runsAfterTheDelay_unlessTheNextCellStarts() throws Exception {
        try (IdleWork idle = new IdleWork()) {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch ran = new CountDownLatch(1);
            idle.afterEachCell(200, () -> {
                runs.incrementAndGet();
                ran.countDown();
            });
            idle.cellStarted();
            idle.cellFinished();
            idle.cellStarted(); // within the delay: the pending run is cancelled
            Thread.sleep(400);
            assertEquals(0, runs.get());
            idle.cellFinished();
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertEquals(1, runs.get());
        }
    }

    @Test
    void afterEachCell_dueWhileAWarmUpPieceRuns_runsRightAfterIt() throws Exception {
        try (IdleWork idle = new IdleWork()) {
            CountDownLatch pieceStarted = new CountDownLatch(1);
            CountDownLatch releasePiece = new CountDownLatch(1);
            CountDownLatch taskRan = new CountDownLatch(1);
            // due after the warm-up pieces' grace, so the piece takes the turn first
            long delayMs = TimeUnit.NANOSECONDS.toMillis(IdleWork.GRACE_NANOS) + 300;
            idle.afterEachCell(delayMs, taskRan::countDown);
            idle.cellStarted();
            idle.cellFinished();
            idle.whenIdle(() -> { }, List.of(() -> {
                pieceStarted.countDown();
                await(releasePiece);
            }));
            assertTrue(pieceStarted.await(5, TimeUnit.SECONDS));
            Thread.sleep(delayMs + 200); // the task falls due while the piece holds the turn
            assertEquals(1, taskRan.getCount());
            releasePiece.countDown();
            assertTrue(taskRan.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void userBusy_duringACellAndItsGrace() throws Exception {
        try (IdleWork idle = new IdleWork()) {
            assertFalse(idle.userBusy());
            idle.cellStarted();
            assertTrue(idle.userBusy());
            idle.cellFinished();
            assertTrue(idle.userBusy());
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(IdleWork.GRACE_NANOS) + 100);
            assertFalse(idle.userBusy());
        }
    }

    @Test
    void whenIdle_pieceWaitsForTheGraceAfterACell() throws Exception {
        try (IdleWork idle = new IdleWork()) {
            CountDownLatch ran = new CountDownLatch(1);
            long[] ranAt = new long[1];
            idle.cellStarted();
            idle.cellFinished();
            long endedAt = System.nanoTime();
            idle.whenIdle(() -> { }, List.of(() -> {
                ranAt[0] = System.nanoTime();
                ran.countDown();
            }));
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertTrue(ranAt[0] - endedAt >= IdleWork.GRACE_NANOS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whenIdle_failingPiece_isLoggedAndTheNextOneRuns() throws Exception {
        try (IdleWork idle = new IdleWork()) {
            CountDownLatch next = new CountDownLatch(1);
            idle.whenIdle(() -> { }, List.of(() -> {
                throw new IllegalStateException("boom");
            }, next::countDown));
            assertTrue(next.await(5, TimeUnit.SECONDS));
        }
    }
}
