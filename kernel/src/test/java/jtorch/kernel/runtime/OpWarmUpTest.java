package jtorch.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpWarmUpTest {
    /**
     * Pieces of {@code rounds} rounds (the training steps and three more; the repr every 8th round
     * from round 0) and the release.
     */
    private static int pieces(int rounds) {
        return rounds * (OpWarmUp.STEPS_PER_ROUND + 3) + (rounds + 7) / 8 + 1;
    }

    private static int count(Iterable<Runnable> pieces) {
        int n = 0;
        for (Iterator<Runnable> it = pieces.iterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    @Test
    void untilQuiet_jitAlwaysIdle_stopsAfterTheMinimumRounds() {
        AtomicInteger asked = new AtomicInteger();
        int n = count(OpWarmUp.untilQuiet(OpWarmUp.MIN_ROUNDS + 50, () -> {
            asked.incrementAndGet();
            return true;
        }));
        assertEquals(pieces(OpWarmUp.MIN_ROUNDS), n);
        assertEquals(OpWarmUp.MIN_ROUNDS, asked.get());
    }

    @Test
    void untilQuiet_jitNeverIdle_runsTheMostRounds() {
        assertEquals(pieces(20), count(OpWarmUp.untilQuiet(20, () -> false)));
    }

    @Test
    void untilQuiet_quietRoundsMustFollowEachOther() {
        // busy at the end of every third round: never QUIET_ROUNDS quiet ends in a row
        AtomicInteger asked = new AtomicInteger();
        int most = OpWarmUp.MIN_ROUNDS + 30;
        int n = count(OpWarmUp.untilQuiet(most, () -> asked.incrementAndGet() % 3 != 0));
        assertEquals(pieces(most), n);
    }

    @Test
    void pieces_fixedRounds() {
        assertEquals(pieces(2), count(OpWarmUp.pieces(2)));
    }
}
