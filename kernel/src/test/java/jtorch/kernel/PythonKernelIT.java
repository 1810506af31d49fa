package jtorch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python end-to-end tests (src/test/python: the official jupyter_kernel_test conformance
 * suite, the robustness tests, the figures and the bounded cell fuzzer) against the packaged kernel
 * jar through Debian's jupyter-client, with a kernelspec the tests install into a temporary
 * JUPYTER_PATH. Once with the JVM running the build (JDK 17 here), once with a JDK 21+ when one is
 * installed, for the interrupt, limits and cell-fuzz tests.
 */
class PythonKernelIT {
    private static final Path JDK_21_PLUS = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /** Exit status of the run and the unittest headers of its failures ("FAIL: test_x (module.Class)"). */
    private record E2eRun(int exitCode, List<String> failures) {
        String describe() {
            return "Python end-to-end tests failed (see [e2e] output): " + (failures.isEmpty() ? "exit " + exitCode : String.join("; ", failures));
        }
    }

    private static E2eRun runE2e(String javaHome, String... selection) throws IOException, InterruptedException {
        Path tests = Path.of(System.getProperty("kernel.pythonTests", "src/test/python"));
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("kernel.python", "/usr/bin/python3"), "-u",
                tests.resolve("run_e2e.py").toString(), "--jar",
                System.getProperty("kernel.jar", "target/jtorch-kernel.jar"), "--java-home", javaHome));
        cmd.addAll(List.of(selection));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        List<String> failures = new ArrayList<>();
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("[e2e] " + line);
                if (line.startsWith("FAIL: ") || line.startsWith("ERROR: ")) {
                    failures.add(line);
                }
            }
        }
        return new E2eRun(p.waitFor(), failures);
    }

    @Test
    void conformanceAndRobustness_onBuildJdk() throws Exception {
        E2eRun run = runE2e(System.getProperty("java.home"));
        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void interruptAndLimits_onJdk21Plus() throws Exception {
        assumeTrue(Files.isExecutable(JDK_21_PLUS.resolve("bin/java")), "no JDK 21+ at " + JDK_21_PLUS);
        E2eRun run = runE2e(JDK_21_PLUS.toString(), "-k", "interrupt", "-k", "sigint", "-k", "exit", "-k", "memory", "-k", "heap",
                "-k", "stack_overflow", "-k", "test_execute", "-k", "cell_fuzz", "test_conformance", "test_robustness",
                "test_cell_fuzz");
        assertEquals(0, run.exitCode(), () -> "on JDK 21+: " + run.describe());
    }
}
