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
 * this puts the thread in the {@code SCHED_IDLE} policy with {@code chrt}, or if that fails raises
 * its nice value with {@code renice}; any user may do either to a thread of their own. Elsewhere,
 * or if both fail, the thread keeps its priority.
 *
 * <p>Why {@code SCHED_IDLE} and not only a nice value: a thread waking up preempts a
 * {@code SCHED_IDLE} thread at once, while beside a busy nice-10 thread it often waited. A
 * {@link Parallel} helper wakes up for each share of a product, and its caller takes back a share
 * not started in time: a probe splitting ~110 microseconds of work in two ran 192-195 us a split
 * beside a busy nice-10 thread, 116-118 beside a {@code SCHED_IDLE} one, 110 alone (Linux 6.18, 2
 * vCPUs).
 *
 * <p>Invariant: Linux threads inherit the scheduling policy and nice value of the thread that
 * starts them, so a lowered thread must not be the one that starts threads doing the user's work
 * ({@link Parallel}'s helpers start with the first split product, which the warm-up's products
 * are too small for).
 */
final class LowPriority {
    /** The nice value set where {@code SCHED_IDLE} cannot be: a tenth of a core that a default (0) thread wants. */
    static final int NICE = 10;
    /** Linux's number of the {@code SCHED_IDLE} policy (field 41 of {@code /proc/<pid>/task/<tid>/stat}). */
    static final int SCHED_IDLE = 5;
    private static final long COMMAND_WAIT_MS = 2_000;

    private LowPriority() {}

    /** Lowers the calling thread's priority unless it is low already; whether it is now. */
    static boolean lowerThisThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            return false;
        }
        try {
            if (isLow()) {
                return true;
            }
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            // the commands are started from a thread of its own: the JDK's process reaper thread
            // that Process.start starts would otherwise inherit this thread's low priority
            AtomicBoolean done = new AtomicBoolean();
            Thread starter = new Thread(() -> done.set(
                    run("chrt", "--idle", "--pid", "0", tid) || run("renice", "-n", Integer.toString(NICE), "-p", tid)),
                    "jtorch-lower-priority");
            starter.setDaemon(true);
            starter.start();
            starter.join();
            return done.get() && isLow();
        } catch (IOException | RuntimeException noProcfs) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code command}; whether it exited with 0 within {@link #COMMAND_WAIT_MS}. */
    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(COMMAND_WAIT_MS, TimeUnit.MILLISECONDS)) {
                process.destroy();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException | RuntimeException missingCommand) {
            return false;
        } catch (InterruptedException ex) {
            return false;
        }
    }

    /** Whether the calling thread is in {@code SCHED_IDLE} or at nice {@link #NICE} or more. */
    static boolean isLow() throws IOException {
        return policyOfThisThread() == SCHED_IDLE || niceOfThisThread() >= NICE;
    }

    /** The nice value of the calling thread: field 19 of {@code /proc/thread-self/stat}. */
    static int niceOfThisThread() throws IOException {
        return statField(19);
    }

    /** The scheduling policy of the calling thread: field 41 of {@code /proc/thread-self/stat}. */
    static int policyOfThisThread() throws IOException {
        return statField(41);
    }

    /** Field {@code n} (from 1, as proc(5) numbers them) of {@code /proc/thread-self/stat}; 3 is the first after the command name. */
    private static int statField(int n) throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[n - 3]);
    }
}
