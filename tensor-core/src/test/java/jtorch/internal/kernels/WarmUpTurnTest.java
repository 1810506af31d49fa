package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WarmUpTurnTest {
    @Test
    void await_userBusy_returnsOnceTheUserIsNot() throws InterruptedException {
        AtomicBoolean busy = new AtomicBoolean(true);
        WarmUpTurn.yieldTo(busy::get);
        try {
            Thread round = new Thread(WarmUpTurn::await);
            round.start();
            Thread.sleep(50);
            assertTrue(round.isAlive());
            busy.set(false);
            round.join(5_000);
            assertFalse(round.isAlive());
        } finally {
            WarmUpTurn.yieldTo(() -> false);
        }
    }
}
