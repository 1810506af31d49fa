package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExitGuardTest {
    /**
     * Under the agent, every {@code System.exit}/{@code Runtime.exit}/{@code halt} that does not
     * come through {@link ExitGuard#exitKernel} throws {@link SystemExit}: a kernel path that
     * called them directly would no longer end the JVM.
     */
    @Test
    void kernelCode_endsTheJvmOnlyThroughExitKernel() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("ExitGuard.java"))
                    .filter(p -> read(p).lines().map(String::trim).filter(l -> !l.startsWith("*") && !l.startsWith("/"))
                            .anyMatch(l -> l.contains("System.exit(") || l.contains(".halt(") || l.contains(".exit(")))
                    .map(p -> main.relativize(p).toString())
                    .collect(Collectors.toList());
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
