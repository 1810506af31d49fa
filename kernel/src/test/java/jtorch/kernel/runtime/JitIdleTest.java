package jtorch.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitIdleTest {
    private static final String IDLE = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";
    private static final String COMPILING = "Current compiles: \nC2 CompilerThread0  4962       4       "
            + "jtorch.internal.kernels.VectorKernels::cascadeRows (354 bytes)\n\nC1 compile queue:\nEmpty\n\n"
            + "C2 compile queue:\nEmpty\n\n";
    private static final String QUEUED = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\n"
            + "4970       4       jtorch.internal.kernels.VectorKernels::expFloat (844 bytes)\n\n";

    @Test
    void idle_emptyQueuesNothingCompiling_true() {
        assertTrue(JitIdle.idle(IDLE));
    }

    @Test
    void idle_compileRunningOrQueuedOrNoReport_false() {
        assertFalse(JitIdle.idle(COMPILING));
        assertFalse(JitIdle.idle(QUEUED));
        assertFalse(JitIdle.idle(null));
        assertFalse(JitIdle.idle("Unknown diagnostic command"));
    }

    @Test
    void await_compilesThenIdle_returnsAfterConsecutiveIdleReadings() throws InterruptedException {
        ArrayDeque<String> reports = new ArrayDeque<>(List.of(COMPILING, IDLE, QUEUED, IDLE, IDLE, IDLE));
        assertTrue(new JitIdle(reports::poll).await(10_000));
        assertTrue(reports.isEmpty());
    }

    @Test
    void await_neverIdle_falseAfterTheWait() throws InterruptedException {
        assertFalse(new JitIdle(() -> COMPILING).await(200));
    }

    @Test
    void ofThisJvm_hotSpot_fallsIdle() throws InterruptedException {
        assertTrue(JitIdle.ofThisJvm().await(60_000));
    }
}
