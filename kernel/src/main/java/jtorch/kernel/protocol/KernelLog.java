package jtorch.kernel.protocol;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The kernel's own log: the process's original standard error (which Jupyter keeps in its server
 * log), never a cell's output. Captured before the kernel redirects {@code System.err}.
 */
public final class KernelLog {
    private static final PrintStream ERR = System.err;

    private KernelLog() {}

    public static PrintStream stream() {
        return ERR;
    }

    public static void warn(String message) {
        ERR.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " [jtorch-kernel] WARN " + message);
    }

    public static void info(String message) {
        ERR.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " [jtorch-kernel] " + message);
    }
}
