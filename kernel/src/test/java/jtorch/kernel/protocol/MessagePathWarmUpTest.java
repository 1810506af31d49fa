package jtorch.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The message-path warm-up over real loopback sockets, as the kernel runs it between cells. */
class MessagePathWarmUpTest {
    @Test
    void pieces_runTheirExchanges_thenLeaveNoThreadOrSocketBehind() throws Exception {
        Map<String, Integer> before = threadNames();
        List<Runnable> pieces = MessagePathWarmUp.pieces(3, 4);
        assertEquals(3, pieces.size());
        pieces.forEach(Runnable::run);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!threadNames().equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, threadNames());
    }

    @Test
    void exchange_answersEveryRequest() throws Exception {
        try (MessagePathWarmUp warmUp = new MessagePathWarmUp()) {
            warmUp.exchange(10); // WarmUpClient throws when a reply does not come
        }
    }

    /** How many live threads there are of each name, numbers of ZeroMQ's threads dropped. */
    private static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                names.merge(t.getName().replaceAll("-\\d+$", ""), 1, Integer::sum);
            }
        }
        return names;
    }
}
