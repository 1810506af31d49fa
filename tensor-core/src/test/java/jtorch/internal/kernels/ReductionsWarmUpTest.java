package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
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
        String compilations = CompilationLog.of(ReductionsWarmUpProbe.class, tmp);
        // a whole method's compile (a loop's alone has an osr_bci)
        List<String> missing = LOOPS.stream().filter(loop -> !Pattern.compile("<task_queued [^>]*method='jtorch"
                + "\\.internal\\.kernels\\." + loop + " (?![^>]*osr_bci=)").matcher(compilations).find())
                .toList();
        assertEquals(List.of(), missing);
    }
}
