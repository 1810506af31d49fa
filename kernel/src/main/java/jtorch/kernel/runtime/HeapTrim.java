package jtorch.kernel.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import jtorch.kernel.protocol.KernelLog;

/**
 * Gives the heap a cell grew back to the operating system once the kernel idles: a student's
 * one-off 2 GB tensor must not keep 2 GB resident for the rest of the session (PyTorch frees it
 * when the last reference goes). The JVM gives memory back only when a full GC shrinks the heap,
 * to the live data plus {@code MaxHeapFreeRatio}; with the kernelspec's serial GC and
 * {@code -XX:-ShrinkHeapInSteps} one {@code System.gc()} does it at once. While cells run the heap
 * keeps the kernelspec's roomy free ratios (75 % / 100 %: it grows, never shrinks by itself, fewer
 * collections); for the trim they are lowered to
 * {@link #TRIM_MIN_FREE}/{@link #TRIM_MAX_FREE} percent (both flags are manageable) and restored.
 *
 * <p>Invariant: after a cell a full GC runs only when the committed heap has grown by more than
 * {@link #GROWTH_BYTES} since the last one (so cells that allocate little never pay for it), and
 * only between cells (it runs as {@link IdleWork}); {@link #now} runs one regardless (after the
 * start-up warm-up, which leaves a roomy heap behind).
 */
public final class HeapTrim implements Runnable {
    /** Growth of the committed heap that is worth a full GC at idle. */
    static final long GROWTH_BYTES = 32L << 20;
    static final int TRIM_MIN_FREE = 10;
    static final int TRIM_MAX_FREE = 20;

    private final LongSupplier committed;
    private final Runnable fullGc;
    private long baseline;

    HeapTrim(LongSupplier committed, Runnable fullGc) {
        this.committed = committed;
        this.fullGc = fullGc;
        this.baseline = committed.getAsLong();
    }

    /**
     * Over this JVM's heap ({@link Runtime#totalMemory()} is the committed heap): {@code System.gc()}
     * with the trim's free ratios. The management beans load at the first collection, not at start.
     */
    public static HeapTrim ofThisJvm() {
        Runtime runtime = Runtime.getRuntime();
        return new HeapTrim(runtime::totalMemory,
                () -> collectTight(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)));
    }

    @Override
    public void run() {
        if (committed.getAsLong() > baseline + GROWTH_BYTES) {
            now();
        }
    }

    /** Trims whatever the heap has grown by. */
    public void now() {
        fullGc.run();
        baseline = committed.getAsLong();
    }

    private static void collectTight(HotSpotDiagnosticMXBean flags) {
        String min = flags.getVMOption("MinHeapFreeRatio").getValue();
        String max = flags.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            // Min <= Max must hold after each step
            flags.setVMOption("MinHeapFreeRatio", Integer.toString(Math.min(TRIM_MIN_FREE, Integer.parseInt(min))));
            flags.setVMOption("MaxHeapFreeRatio", Integer.toString(TRIM_MAX_FREE));
            flags.setVMOption("MinHeapFreeRatio", Integer.toString(TRIM_MIN_FREE));
        } catch (IllegalArgumentException ex) {
            KernelLog.warn("heap trim keeps the JVM's free ratios: " + ex.getMessage());
        }
        try {
            System.gc();
        } finally {
            flags.setVMOption("MaxHeapFreeRatio", max);
            flags.setVMOption("MinHeapFreeRatio", min);
        }
    }
}
