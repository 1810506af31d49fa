package jtorch.internal.kernels;

/**
 * The slices {@code index_select} and {@code embedding} pick, copied between array storages of
 * one dtype (any Java array type: both arrays are of the same one).
 *
 * <p>Invariants: the source is row-major {@code [outer, size, inner]} from {@code srcOff}, the
 * destination row-major {@code [outer, picks.length, inner]} from {@code dstOff}, and every pick
 * lies in {@code [0, size)} (the caller has checked them). The copies only move elements, so any
 * order of them gives the same bits; blocks are split over threads when there are many elements.
 */
public final class SliceGather {
    /** Below this many elements a block is copied by a loop, not by {@link System#arraycopy}. */
    static final int ARRAYCOPY_MIN = 16;

    private SliceGather() {}

    /** {@code dst[a][i][:] = src[a][picks[i]][:]} for every outer index {@code a} and pick {@code i}. */
    public static void select(Object src, int srcOff, int size, int inner, long[] picks, Object dst, int dstOff,
                              int outer) {
        int n = picks.length;
        int blocks = outer * n;
        if (blocks == 0 || inner == 0) {
            return;
        }
        Parallel.forRange(blocks, (long) blocks * inner, (from, to) -> {
            for (int b = from; b < to; b++) {
                Cancellation.checkSpan((long) b * inner, inner);
                int a = b / n;
                copyBlock(src, srcOff + (a * size + (int) picks[b - a * n]) * inner, dst, dstOff + b * inner, inner);
            }
        });
    }

    /** {@code len} elements from {@code src[from]} to {@code dst[to]}; short blocks of common types by a loop. */
    private static void copyBlock(Object src, int from, Object dst, int to, int len) {
        if (len >= ARRAYCOPY_MIN) {
            System.arraycopy(src, from, dst, to, len);
        } else if (src instanceof float[] x) {
            float[] y = (float[]) dst;
            for (int j = 0; j < len; j++) {
                y[to + j] = x[from + j];
            }
        } else if (src instanceof double[] x) {
            double[] y = (double[]) dst;
            for (int j = 0; j < len; j++) {
                y[to + j] = x[from + j];
            }
        } else if (src instanceof long[] x) {
            long[] y = (long[]) dst;
            for (int j = 0; j < len; j++) {
                y[to + j] = x[from + j];
            }
        } else {
            System.arraycopy(src, from, dst, to, len);
        }
    }
}
