package jtorch.internal.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimizing compiler (C2) from compiling the Vector API's own methods on their
 * own: they are still inlined into the kernels C2 compiles, and compiled by C1 where they are
 * called outside compiled kernels (interpreted code, as during the warm-up).
 *
 * <p>Why, on JDK 17: a Vector API method C2 compiles as a root of its own (hot because the
 * warm-up's interpreted kernels call it, e.g. {@code VectorSupport.binaryOp} or {@code
 * FloatVector.lanewiseTemplate}) does not know its vector class, so its intrinsic fails and the
 * Java fallback is compiled, speculating on the lambda its profile saw; another kernel's lambda
 * then fails that check. Those class-check traps are counted in the shared method's profile, and
 * past HotSpot's per-method and per-bytecode limits C2 no longer speculates in that method in any
 * kernel that inlines it: the species is then not a constant there, its {@code convert} and {@code
 * store} intrinsics fail and every vector is boxed (tanh of 1M floats 5-10 ms instead of 1.8).
 * Which kernels were hit depended on what the warm-up compiled first: with the float32 GEMM
 * before the elementwise kernels, tanh, bmm and 256² products in every JVM measured. With this
 * directive no trap of that kind is taken (the warm-up's compilation log, {@code
 * VectorWarmUpTest}), and the warm-up may compile the GEMM first ({@link Kernels}).
 *
 * <p>The directive is added at run time through the JVM's {@code Compiler.directives_add}
 * diagnostic command (no JVM option needed). A host that starts the JVM with {@code
 * -XX:CompilerDirectivesFile} listing {@link #PATTERNS} (the Jupyter kernel's kernelspec) has it
 * already, and the JMX server the command needs (~100 ms and ~1000 classes more) is not started.
 */
final class VectorApiCompiles {
    /** The Vector API's public classes and the JDK's intrinsic entry points under them, in HotSpot's directive syntax. */
    static final String[] PATTERNS = {"jdk/incubator/vector/*.*", "jdk/internal/vm/vector/*.*"};

    private static final String DIRECTIVE = "[{ match: [\"" + String.join("\", \"", PATTERNS)
            + "\"], c2: { Exclude: true } }]";

    private VectorApiCompiles() {}

    /**
     * Makes sure C2 compiles no Vector API method as a root (the JVM's own directives file has
     * it, or it is added now); whether that is in effect. False where the JVM has no such command
     * (not HotSpot) or refuses it.
     */
    static boolean inlinedOnly() {
        try {
            return listedByHost() || added();
        } catch (IOException | JMException | RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    /** Whether the JVM was started with a directives file naming every one of {@link #PATTERNS}. */
    private static boolean listedByHost() throws IOException {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String file;
        try {
            file = vm.getVMOption("CompilerDirectivesFile").getValue();
        } catch (IllegalArgumentException diagnosticOptionsLocked) {
            return false;
        }
        if (file.isEmpty()) {
            return false;
        }
        String directives = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        for (String pattern : PATTERNS) {
            if (!directives.contains('"' + pattern + '"')) {
                return false;
            }
        }
        return true;
    }

    /** Adds {@link #DIRECTIVE} with the diagnostic command, through a temporary file; whether the JVM took it. */
    private static boolean added() throws IOException, JMException {
        Path file = Files.createTempFile("jtorch-jit-", ".json");
        try {
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(reply).trim().startsWith("1 compiler directives added");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
