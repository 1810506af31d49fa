package jtorch.kernel.magics;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import jtorch.kernel.session.CellOutcome;

/**
 * {@code %time statement} and {@code %%time}: runs the code once and prints, as IPython does, the
 * CPU time the kernel process used meanwhile (compiling included) and the wall time. The code's
 * value is still the cell's result.
 */
public final class TimeMagic implements Magic {
    @Override
    public String name() {
        return "time";
    }

    @Override
    public CellOutcome line(MagicContext context, String args, int line) {
        return timed(context, args, line);
    }

    @Override
    public CellOutcome cell(MagicContext context, String args, String body, int bodyLine) {
        return timed(context, body, bodyLine);
    }

    private static CellOutcome timed(MagicContext context, String code, int line) {
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        CellOutcome outcome = context.evaluate(code, line);
        long wall = System.nanoTime() - wall0;
        long cpu = processCpuNanos() - cpu0;
        context.out().print((cpu >= 0 ? "CPU times: total: " + format(cpu) + "\n" : "") + "Wall time: " + format(wall) + "\n");
        return outcome;
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    /** IPython's time format: three significant digits in s, ms, µs or ns. */
    static String format(long nanos) {
        double s = nanos / 1e9;
        if (s >= 60) {
            long total = Math.round(s);
            return String.format(Locale.ROOT, "%dmin %ds", total / 60, total % 60);
        }
        String[] units = {"s", "ms", "\u00b5s", "ns"};
        double v = s;
        int u = 0;
        while (u < units.length - 1 && v < 1 && v > 0) {
            v *= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]).replaceAll("\\.?0+ ", " ");
    }
}
