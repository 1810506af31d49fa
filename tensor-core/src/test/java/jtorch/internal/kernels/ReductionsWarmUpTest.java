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
 * The warm-up alone gets the reductions' scalar loops compiled (a user's first reductions would
 * otherwise run them interpreted): checked in a JVM of its own that does nothing but wait for the
 * warm-up ({@link ReductionsWarmUpProbe}), from HotSpot's compilation log. Whether C2 or only C1
 * has them by then depends on how busy C2 is with the vector kernels, so either counts here.
 */
class ReductionsWarmUpTest {
    private static final List<String> LOOPS = List.of("CascadeSum vectorRows", "CascadeSum vectorColumnGroups",
            "Sums narrow", "Kernels firstExtreme", "Variance squaredDeviations", "Scans fourLanes", "Scans lanes");

    @Test
    void warmUp_compilesTheReductionLoops(@TempDir Path tmp) throws Exception {
        assumeTrue(Kernels.VECTOR, "no Vector API kernels in this JVM");
        Path log = tmp.resolve("compilation.log");
        Path out = tmp.resolve("output.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation",
                "-XX:LogFile=" + log, "-cp", System.getProperty("java.class.path"),
                ReductionsWarmUpProbe.class.getName()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished = child.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(out, UTF_8);
        assertTrue(finished, output);
        assertEquals(0, child.exitValue(), output);
        String compilations = Files.readString(log);
        // a whole method's compile (a loop's alone has an osr_bci)
        List<String> missing = LOOPS.stream().filter(loop -> !Pattern.compile("<task_queued [^>]*method='jtorch"
                + "\\.internal\\.kernels\\." + loop + " (?![^>]*osr_bci=)").matcher(compilations).find())
                .toList();
        assertEquals(List.of(), missing);
    }
}
