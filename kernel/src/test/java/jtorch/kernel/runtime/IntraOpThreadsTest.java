package jtorch.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntraOpThreadsTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void requested_jtorchVariable_wins() {
        assertEquals(3, IntraOpThreads.requested(Map.of("JTORCH_NUM_THREADS", " 3 ", "OMP_NUM_THREADS", "8"),
                warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void requested_onlyOpenMpVariable_usesIt() {
        assertEquals(1, IntraOpThreads.requested(Map.of("OMP_NUM_THREADS", "1"), warnings::add));
    }

    @Test
    void requested_nothingSet_isZero() {
        assertEquals(0, IntraOpThreads.requested(Map.of(), warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void requested_badValue_isReportedAndTheNextSourceUsed() {
        assertEquals(2, IntraOpThreads.requested(Map.of("JTORCH_NUM_THREADS", "two", "OMP_NUM_THREADS", "2"),
                warnings::add));
        assertEquals(List.of("JTORCH_NUM_THREADS='two' is not a positive number of threads; ignored"), warnings);
    }

    @Test
    void requested_zeroOrNegative_isReportedAndIgnored() {
        assertEquals(0, IntraOpThreads.requested(Map.of("JTORCH_NUM_THREADS", "0", "OMP_NUM_THREADS", "-4"),
                warnings::add));
        assertEquals(2, warnings.size());
    }
}
