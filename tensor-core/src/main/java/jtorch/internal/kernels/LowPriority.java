package jtorch.internal.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lowers the operating system's scheduling priority of the calling thread, for background work
 * (the vector warm-up) that should take only the cores the user's work leaves idle. Java thread
 * priorities do not reach the scheduler on Linux (HotSpot ignores them by default), so on Linux
 * this raises the thread's nice value with {@code renice}, which any user may do to a thread of
 * their own; elsewhere, or if that fails, the thread keeps its priority.
 *
 * <p>Invariant: Linux threads inherit the nice value of the thread that starts them, so a lowered
 * thread must not be the one that starts threads doing the user's work ({@link Parallel}'s
 * helpers start with the first split product, which the warm-up's products are too small for).
 */
final class LowPriority {
    /** The nice value it sets: at 10 a thread gets about a tenth of a core that a default (0) thread wants. */
    static final int NICE = 10;
    private static final long RENICE_WAIT_MS = 2_000;

    private LowPriority() {}

    /** Lowers the calling thread's priority to nice {@link #NICE} unless it is that low already; whether it is now. */
    static boolean lowerThisThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            return false;
        }
        try {
            if (niceOfThisThread() >= NICE) {
                return true;
            }
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            // renice is started from a thread of its own: the JDK's process reaper thread that
            // Process.start starts would otherwise inherit this thread's low priority
            AtomicBoolean done = new AtomicBoolean();
            Thread starter = new Thread(() -> done.set(renice(tid)), "jtorch-renice");
            starter.setDaemon(true);
            starter.start();
            starter.join();
            return done.get();
        } catch (IOException | RuntimeException noProcfs) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code renice} on thread {@code tid}; whether it succeeded. */
    private static boolean renice(String tid) {
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(RENICE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                renice.destroy();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException | RuntimeException noRenice) {
            return false;
        } catch (InterruptedException ex) {
            return false;
        }
    }

    /** The nice value of the calling thread: field 19 of {@code /proc/thread-self/stat}, after the command name. */
    static int niceOfThisThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
