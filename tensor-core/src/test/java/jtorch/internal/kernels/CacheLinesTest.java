package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Cache-line starts of heap arrays: within one line, and following the heap's layout where it is known. */
class CacheLinesTest {
    @Test
    void lineStart_anyArray_isWithinOneLine() {
        for (int i = 0; i < 100; i++) {
            int floats = CacheLines.lineStart(new float[1 + i]);
            int doubles = CacheLines.lineStart(new double[1 + i]);
            assertTrue(floats >= 0 && floats < CacheLines.BYTES / Float.BYTES, "float[] " + floats);
            assertTrue(doubles >= 0 && doubles < CacheLines.BYTES / Double.BYTES, "double[] " + doubles);
        }
    }

    /**
     * Two float[14] allocated one after the other lie 72 bytes apart on HotSpot before JDK 24 (16
     * header bytes, 8-byte alignment), so the second's line start is two floats less than the
     * first's, modulo a line: a wrong reading of compressed references, or none (0 for both),
     * breaks this. Most pairs, not all: an allocation buffer may end between the two.
     */
    @Test
    void lineStart_consecutiveArrays_followTheirDistance() {
        String vm = System.getProperty("java.vm.name");
        assumeTrue(Runtime.version().feature() < 24 && (vm.contains("HotSpot") || vm.contains("OpenJDK"))
                && sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET == 16);
        int lineFloats = CacheLines.BYTES / Float.BYTES;
        int agree = 0;
        for (int i = 0; i < 40; i++) {
            float[] first = new float[14];
            float[] second = new float[14];
            int a = CacheLines.lineStart(first);
            int b = CacheLines.lineStart(second);
            agree += b == (a + lineFloats - 2) % lineFloats ? 1 : 0;
        }
        assertTrue(agree >= 30, agree + " of 40 pairs");
    }
}
