package jtorch.kernel.session;

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

    private CellGuard() {}

    /** Throws {@link KeyboardInterrupt} while a stop is requested. */
    public static void poll() {
        if (stopRequested) {
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

    static boolean isStopRequested() {
        return stopRequested;
    }
}
