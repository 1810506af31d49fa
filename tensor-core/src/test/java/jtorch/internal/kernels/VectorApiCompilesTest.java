package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class VectorApiCompilesTest {
    @Test
    void inlinedOnly_onHotSpotWithoutJitOptions_addsTheDirective() {
        assumeTrue(!ManagementFactory.getPlatformMXBeans(HotSpotDiagnosticMXBean.class).isEmpty(), "not HotSpot");
        // the test JVM has no directives file, so this goes through the diagnostic command; a second call adds it again
        assertTrue(VectorApiCompiles.inlinedOnly());
        assertTrue(VectorApiCompiles.inlinedOnly());
    }
}
