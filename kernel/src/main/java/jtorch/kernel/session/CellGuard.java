package jtorch.kernel.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jtorch.Interrupts;

/**
 * Runtime hooks that {@link SnippetInstrumenter} weaves into every class compiled from a cell.
 *
 * <p>{@link #poll()} runs at each method entry and before each backward branch of snippet code, so
 * {@code while (true) {}} in a cell stops once {@link #requestStop()} is called, on every JDK
 * (JDK 20+ no longer has a working {@code Thread.stop}). The flag is one volatile read. The
 * {@code exit} methods replace {@code System.exit}/{@code Runtime.exit}/{@code Runtime.halt} calls.
 */
public final class CellGuard {
    private static volatile boolean stopRequested;
    private static volatile boolean anyCondemned;
    private static final Set<Thread> CONDEMNED = ConcurrentHashMap.newKeySet();

    private CellGuard() {}

    /**
     * Throws {@link KeyboardInterrupt} while a stop is requested, or on a thread whose cell was
     * abandoned after an interrupt (it stops as soon as it is back in cell code, even after the
     * next cell has cleared the request).
     */
    public static void poll() {
        if (stopRequested || (anyCondemned && CONDEMNED.contains(Thread.currentThread()))) {
            throw new KeyboardInterrupt();
        }
    }

    /** Replaces {@code System.exit(status)} in snippet code. */
    public static void exit(int status) {
        throw new SystemExit("System.exit", status);
    }

    /** Replaces {@code Runtime.getRuntime().exit(status)} in snippet code. */
    public static void exit(Runtime runtime, int status) {
        throw new SystemExit("Runtime.exit", status);
    }

    /** Replaces {@code Runtime.getRuntime().halt(status)} in snippet code. */
    public static void halt(Runtime runtime, int status) {
        throw new SystemExit("Runtime.halt", status);
    }

    /** Asks running snippet code and tensor-core's kernels to stop at their next check. */
    static void requestStop() {
        stopRequested = true;
        Interrupts.request();
    }

    /** Withdraws a stop request; called before each cell. */
    static void clear() {
        stopRequested = false;
        Interrupts.clear();
    }

    /** Marks a worker whose cell was given up on: its snippet code stops at its next check. */
    static void condemn(Thread thread) {
        CONDEMNED.add(thread);
        anyCondemned = true;
    }

    /** Forgets a condemned worker once it has ended. */
    static void release(Thread thread) {
        CONDEMNED.remove(thread);
        anyCondemned = !CONDEMNED.isEmpty();
    }

    static boolean isStopRequested() {
        return stopRequested;
    }
}
