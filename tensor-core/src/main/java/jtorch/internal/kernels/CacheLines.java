package jtorch.internal.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Where the elements of a heap array lie against 64-byte cache lines, so that the packed B
 * block, which the micro-kernels read with two whole-vector loads per depth step, can start on a
 * line. The JVM places arrays at 8-byte boundaries only: in 7 JVMs out of 8 every such load
 * straddled two lines, and the 1024^2 float32 product took 4-9 % more CPU time than with the block
 * on a line (thread CPU, the two layouts alternated in one JVM), which made the JMH forks of one
 * benchmark differ by as much.
 *
 * <p>HotSpot only, read through {@code sun.misc.Unsafe}: an array's reference as an
 * {@code Object[]} stores it is its address, or with compressed references its address shifted
 * right by the object alignment (not shifted while the heap lies below 4 GiB, where every stored
 * reference is a multiple of the alignment; a heap-based encoding adds a page-aligned base).
 * Only a position inside the array is derived from it, never an address that is accessed: if the
 * collector moves the array afterwards, the loads straddle lines again, slower, and the results
 * are the same. Where the layout is not recognised, and on JDK 24 and later (which warn when
 * these methods are used), {@link #lineStart} is 0, the layout as allocated.
 */
final class CacheLines {
    static final int BYTES = 64;
    private static final Unsafe UNSAFE = unsafe();
    private static final long SLOT = UNSAFE == null ? 0 : Unsafe.ARRAY_OBJECT_BASE_OFFSET;
    /** Bytes of address per unit of a stored reference, as a shift; -1 when unknown. */
    private static final int SHIFT = UNSAFE == null ? -1 : shift();

    private CacheLines() {}

    /** The least index of a primitive array from which its elements start on a cache line; 0 when unknown. */
    static int lineStart(Object array) {
        if (SHIFT < 0) {
            return 0;
        }
        int elementBytes = UNSAFE.arrayIndexScale(array.getClass());
        int past = (int) ((address(array) + UNSAFE.arrayBaseOffset(array.getClass())) & (BYTES - 1));
        return past % elementBytes == 0 ? (BYTES - past) % BYTES / elementBytes : 0;
    }

    private static long address(Object o) {
        Object[] holder = {o};
        if (Unsafe.ARRAY_OBJECT_INDEX_SCALE == 8) {
            return UNSAFE.getLong(holder, SLOT);
        }
        return (UNSAFE.getInt(holder, SLOT) & 0xFFFF_FFFFL) << SHIFT;
    }

    private static Unsafe unsafe() {
        if (Runtime.version().feature() >= 24) {
            return null;
        }
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return null;
        }
    }

    /** 0 for plain references; for compressed ones log2 of the object alignment, or 0 if all look like addresses. */
    private static int shift() {
        if (Unsafe.ARRAY_OBJECT_INDEX_SCALE == 8) {
            return 0;
        }
        if (Unsafe.ARRAY_OBJECT_INDEX_SCALE != 4) {
            return -1;
        }
        int alignment;
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            alignment = Integer.parseInt(vm.getVMOption("ObjectAlignmentInBytes").getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            return -1;
        }
        // consecutive small objects: shifted references are not all multiples of the alignment
        Object[] holder = new Object[1];
        for (int i = 0; i < 16; i++) {
            holder[0] = new long[1];
            if ((UNSAFE.getInt(holder, SLOT) & (alignment - 1)) != 0) {
                return Integer.numberOfTrailingZeros(alignment);
            }
        }
        return 0;
    }
}
