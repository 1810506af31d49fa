package jtorch.kernel.runtime;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Whether HotSpot's JIT compilers are idle: no compile running and both compile queues empty (the
 * {@code Compiler.queue} diagnostic command, as {@code jcmd PID Compiler.queue} prints it). The op
 * warm-up ends once its rounds leave the JIT idle ({@link OpWarmUp#untilQuiet}); the
 * {@code --warmup} run waits for it before exiting ({@link #await}).
 *
 * <p>Why the latter: install.sh's class-data archive is written when the {@code --warmup} run exits
 * ({@code -XX:ArchiveClassesAtExit}). On JDK 17 a method whose compile is queued or running at
 * that moment is archived as queued for compilation, and every JVM started on the archive then
 * never compiles it: a vector kernel caught so (measured: {@code VectorKernels.cascadeRows},
 * {@code expFloat}) stays interpreted, the vector warm-up never gets hot and spins a core for its
 * whole time limit. The warm-up run therefore exits only once the JIT is idle.
 */
public final class JitIdle {
    /** Consecutive idle readings, {@link #POLL_MS} apart, that count as idle. */
    private static final int IDLE_READINGS = 3;
    private static final long POLL_MS = 50;

    private final Supplier<String> queue;

    JitIdle(Supplier<String> queue) {
        this.queue = queue;
    }

    /** Over this JVM; without the diagnostic command (not HotSpot) it is never seen idle. */
    public static JitIdle ofThisJvm() {
        return new JitIdle(JitIdle::compilerQueue);
    }

    /**
     * Returns once the JIT has been idle for {@link #IDLE_READINGS} readings in a row, or after
     * {@code millis}; whether it was seen idle.
     */
    public boolean await(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int idle = 0;
        while (System.nanoTime() < deadline) {
            idle = now() ? idle + 1 : 0;
            if (idle == IDLE_READINGS) {
                return true;
            }
            Thread.sleep(POLL_MS);
        }
        return false;
    }

    /** Whether the JIT is idle now (one reading). */
    public boolean now() {
        return idle(queue.get());
    }

    /**
     * Whether a {@code Compiler.queue} report shows nothing compiling and nothing queued: its only
     * lines are the section headings and "Empty".
     */
    static boolean idle(String report) {
        if (report == null || !report.contains("Current compiles:")) {
            return false;
        }
        return report.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.equals("Empty")
                || line.equals("Current compiles:") || line.endsWith(" compile queue:"));
    }

    private static String compilerQueue() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException notHotSpot) {
            return null;
        }
    }
}
