package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector warm-up leaves no branch of the float kernel's packing out of its profile: C2 turns
 * a branch never taken into a trap, and the first product taking it (a session's first backward
 * pass) then runs the packing interpreted while it is compiled again. Checked in a JVM of its own
 * ({@link GemmWarmUpProbe}) from HotSpot's compilation log ({@link CompilationLog}).
 */
class GemmWarmUpTest {
    /** A trap of compiled code at a branch its profile never saw, and the method it is in. */
    private static final Pattern UNTAKEN_BRANCH = Pattern.compile(
            "<uncommon_trap thread='\\d+' [^>]*reason='unstable_if'[^>]*>\\s*<jvms bci='(\\d+)' method='([^']+)'");

    @Test
    void warmUp_packingOfEveryLayoutInTheProfile(@TempDir Path tmp) throws Exception {
        assumeTrue(Kernels.VECTOR, "no Vector API kernels in this JVM");
        List<String> traps = UNTAKEN_BRANCH.matcher(CompilationLog.of(GemmWarmUpProbe.class, tmp)).results()
                .filter(trap -> trap.group(2).contains("FloatVectorGemmKernel pack"))
                .map(trap -> trap.group(2) + " @ " + trap.group(1))
                .toList();
        assertEquals(List.of(), traps);
    }
}
