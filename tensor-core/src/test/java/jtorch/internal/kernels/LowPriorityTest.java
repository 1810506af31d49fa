package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LowPriorityTest {
    @Test
    void lowerThisThread_onLinux_putsOnlyThisThreadInTheIdlePolicy() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        int nice = LowPriority.niceOfThisThread();
        int policy = LowPriority.policyOfThisThread();
        AtomicInteger lowered = new AtomicInteger(Integer.MIN_VALUE);
        Thread t = new Thread(() -> {
            try {
                assertTrue(LowPriority.lowerThisThread());
                assertTrue(LowPriority.isLow());
                lowered.set(LowPriority.policyOfThisThread());
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        });
        t.start();
        t.join(10_000);
        if (onPath("chrt")) {
            assertEquals(LowPriority.SCHED_IDLE, lowered.get(), "policy");
        }
        assertEquals(nice, LowPriority.niceOfThisThread());
        assertEquals(policy, LowPriority.policyOfThisThread());
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
