package jtorch.internal.kernels;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** HotSpot's compilation log of a probe run in a JVM of its own, for the warm-up tests. */
final class CompilationLog {
    private CompilationLog() {}

    /**
     * Runs {@code probe}'s {@code main} in a child JVM (the Vector API module, this classpath,
     * {@code -XX:+LogCompilation} into {@code dir}), asserts that it ended within 180 s with status 0,
     * and returns its compilation log.
     */
    static String of(Class<?> probe, Path dir) throws Exception {
        Path log = dir.resolve("compilation.log");
        Path out = dir.resolve("output.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation",
                "-XX:LogFile=" + log, "-cp", System.getProperty("java.class.path"), probe.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished = child.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(out, UTF_8);
        assertTrue(finished, output);
        assertEquals(0, child.exitValue(), output);
        return Files.readString(log);
    }
}
