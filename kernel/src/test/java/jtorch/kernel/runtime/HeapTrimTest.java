package jtorch.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapTrimTest {
    private final AtomicLong committed = new AtomicLong(64L << 20);
    private final AtomicInteger gcs = new AtomicInteger();
    private final HeapTrim trim = new HeapTrim(committed::get, () -> {
        gcs.incrementAndGet();
        committed.set(committed.get() / 4);
    });

    @Test
    void run_heapGrewLittle_collectsNothing() {
        committed.addAndGet(HeapTrim.GROWTH_BYTES);
        trim.run();
        assertEquals(0, gcs.get());
    }

    @Test
    void now_collectsRegardlessAndMeasuresFromThere() {
        trim.now();
        assertEquals(1, gcs.get());
        committed.addAndGet(HeapTrim.GROWTH_BYTES);
        trim.run();
        assertEquals(1, gcs.get());
    }

    @Test
    void run_heapGrewMuch_collectsOnceAndMeasuresFromTheShrunkHeap() {
        committed.set(2L << 30);
        trim.run();
        trim.run();
        assertEquals(1, gcs.get());
        committed.addAndGet(HeapTrim.GROWTH_BYTES + 1);
        trim.run();
        assertEquals(2, gcs.get());
    }
}
