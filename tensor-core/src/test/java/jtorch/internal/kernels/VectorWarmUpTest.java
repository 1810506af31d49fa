package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector warm-up in a JVM started without JIT options ({@link VectorWarmUpProbe}), from
 * HotSpot's compilation log ({@link CompilationLog}): C2 compiles no Vector API method on its own
 * and takes no class-check trap in one ({@link VectorApiCompiles}: such traps left the kernels
 * compiled after them boxing their vectors), so the float32 GEMM kernels, a training step's most
 * time, are compiled before the elementwise ones.
 */
class VectorWarmUpTest {
    /** A C2 compile of a Vector API method as a root of its own. */
    private static final Pattern VECTOR_API_ROOT = Pattern.compile(
            "<nmethod [^>]*compiler='c2'[^>]*method='(jdk\\.(?:incubator\\.vector|internal\\.vm\\.vector)\\.[^']+)'");
    /** A trap of compiled code at a failed type speculation, and the method it is in. */
    private static final Pattern TYPE_TRAP = Pattern.compile("<uncommon_trap thread='\\d+' [^>]*reason='"
            + "(?:class_check|bimorphic_or_optimized_type_check)'[^>]*>\\s*<jvms bci='(\\d+)' method='([^']+)'");

    private static String log;

    @BeforeAll
    static void runWarmUp(@TempDir Path dir) throws Exception {
        assumeTrue(Kernels.VECTOR, "no Vector API kernels in this JVM");
        log = CompilationLog.of(VectorWarmUpProbe.class, dir);
    }

    @Test
    void warmUp_noVectorApiMethodCompiledOnItsOwn() {
        List<String> roots = VECTOR_API_ROOT.matcher(log).results().map(root -> root.group(1)).toList();
        assertEquals(List.of(), roots);
    }

    @Test
    void warmUp_noTypeTrapInTheVectorApi() {
        List<String> traps = TYPE_TRAP.matcher(log).results()
                .filter(trap -> trap.group(2).startsWith("jdk.incubator.vector.")
                        || trap.group(2).startsWith("jdk.internal.vm.vector."))
                .map(trap -> trap.group(2) + " @ " + trap.group(1))
                .toList();
        assertEquals(List.of(), traps);
    }

    @Test
    void warmUp_floatGemmCompiledBeforeTheElementwiseKernels() {
        OptionalDouble gemm = firstC2Compile("jtorch.internal.kernels.FloatVectorGemmKernel micro ");
        OptionalDouble elementwise = firstC2Compile("jtorch.internal.kernels.VectorTanh forward ");
        assertTrue(gemm.isPresent() && elementwise.isPresent(), "both compiled by C2");
        assertTrue(gemm.getAsDouble() < elementwise.getAsDouble(),
                "GEMM at " + gemm.getAsDouble() + " s, tanh at " + elementwise.getAsDouble() + " s");
    }

    /** When C2 first finished compiling {@code method} (class and name as the log writes them), in seconds from the JVM's start. */
    private static OptionalDouble firstC2Compile(String method) {
        return Pattern.compile("<nmethod [^>]*compiler='c2'[^>]*method='" + Pattern.quote(method) + "[^>]*stamp='([\\d.]+)'")
                .matcher(log).results().mapToDouble(compile -> Double.parseDouble(compile.group(1))).min();
    }
}
