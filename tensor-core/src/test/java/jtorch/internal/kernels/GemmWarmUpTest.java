package jtorch.internal.kernels;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector warm-up leaves no branch of the float kernel's packing out of its profile: C2 turns
 * a branch never taken into a trap, and the first product taking it (a session's first backward
 * pass) then runs the packing interpreted while it is compiled again. Checked in a JVM of its own
 * ({@link GemmWarmUpProbe}) from HotSpot's compilation log.
 */
class GemmWarmUpTest {
    /** A trap of compiled code at a branch its profile never saw, and the method it is in. */
    private static final Pattern UNTAKEN_BRANCH = Pattern.compile(
            "<uncommon_trap thread='\\d+' [^>]*reason='unstable_if'[^>]*>\\s*<jvms bci='(\\d+)' method='([^']+)'");

    @Test
    void warmUp_packingOfEveryLayoutInTheProfile(@TempDir Path tmp) throws Exception {
        assumeTrue(Kernels.VECTOR, "no Vector API kernels in this JVM");
        Path log = tmp.resolve("compilation.log");
        Path out = tmp.resolve("output.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation",
                "-XX:LogFile=" + log, "-cp", System.getProperty("java.class.path"), GemmWarmUpProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished = child.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(out, UTF_8);
        assertTrue(finished, output);
        assertEquals(0, child.exitValue(), output);
        List<String> traps = UNTAKEN_BRANCH.matcher(Files.readString(log)).results()
                .filter(trap -> trap.group(2).contains("FloatVectorGemmKernel pack"))
                .map(trap -> trap.group(2) + " @ " + trap.group(1))
                .toList();
        assertEquals(List.of(), traps);
    }
}
