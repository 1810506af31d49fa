package jtorch.internal.kernels;

/**
 * PyTorch 1.13's CPU cumsum of float32 ({@code cumsum_cpu_kernel}): each lane runs from its first
 * element (its last, {@code reverse}, for the gradient's reversed cumsum) with a double
 * accumulator from 0, and each running sum is stored rounded to float. A dense
 * {@code outer x length x inner} block has {@code outer * inner} lanes of {@code length}
 * elements {@code inner} apart. Lanes share no additions, so they are run side by side: for
 * {@code inner > 1} up to {@link #COLUMNS} lanes of a block along its rows, for {@code inner == 1}
 * {@link #GROUP} neighbouring lanes at a time (independent chains of additions); these groups
 * run on {@link Parallel}'s threads. Each lane sees PyTorch's additions in its order either way.
 */
public final class Scans {
    /** Lanes of {@code inner == 1} scanned side by side ({@link #fourLanes}). */
    private static final int GROUP = 4;

    /** Lanes of {@code inner > 1} scanned side by side along a block's rows, at most. */
    private static final int COLUMNS = 512;

    private Scans() {}

    /**
     * The running sums of the {@code outer x length x inner} block of {@code x} from {@code xo},
     * into the same layout of {@code y} from {@code yo}.
     */
    public static void cumsum(float[] x, int xo, float[] y, int yo, int outer, int length, int inner,
                              boolean reverse) {
        long work = (long) outer * length * inner;
        if (inner > 1) {
            int blockSize = length * inner;
            int columnGroups = (inner + COLUMNS - 1) / COLUMNS;
            Parallel.forRange(outer * columnGroups, work, (from, to) -> {
                for (int p = from; p < to; p++) {
                    int at = p / columnGroups * blockSize + p % columnGroups * COLUMNS;
                    int count = Math.min(COLUMNS, inner - p % columnGroups * COLUMNS);
                    lanes(x, xo + at, y, yo + at, count, 1, inner, length, reverse);
                }
            });
        } else {
            int groups = (outer + GROUP - 1) / GROUP;
            Parallel.forRange(groups, work, (from, to) -> {
                for (int g = from; g < to; g++) {
                    int first = g * GROUP;
                    int at = first * length;
                    if (first + GROUP <= outer) {
                        fourLanes(x, xo + at, y, yo + at, length, reverse);
                    } else {
                        lanes(x, xo + at, y, yo + at, outer - first, length, 1, length, reverse);
                    }
                }
            });
        }
    }

    /** {@link #lanes} of four contiguous lanes, {@code length} apart, with their accumulators in registers. */
    private static void fourLanes(float[] x, int xo, float[] y, int yo, int length, boolean reverse) {
        Cancellation.checkSpan(xo, 4L * length);
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int step = reverse ? -1 : 1;
        int k = reverse ? length - 1 : 0;
        for (int i = 0; i < length; i++, k += step) {
            int at = xo + k;
            int to = yo + k;
            a0 += x[at];
            a1 += x[at + length];
            a2 += x[at + 2 * length];
            a3 += x[at + 3 * length];
            y[to] = (float) a0;
            y[to + length] = (float) a1;
            y[to + 2 * length] = (float) a2;
            y[to + 3 * length] = (float) a3;
        }
    }

    /**
     * {@code count} lanes side by side: lane {@code c}'s element {@code k} at
     * {@code c * laneStride + k * step} from {@code xo} (and from {@code yo} in {@code y}).
     */
    private static void lanes(float[] x, int xo, float[] y, int yo, int count, int laneStride, int step, int length,
                              boolean reverse) {
        if (count == 1) {
            oneLane(x, xo, y, yo, step, length, reverse);
            return;
        }
        Cancellation.checkSpan(xo, (long) count * length);
        double[] acc = new double[count];
        for (int i = 0; i < length; i++) {
            int k = (reverse ? length - 1 - i : i) * step;
            for (int c = 0; c < count; c++) {
                int at = c * laneStride + k;
                acc[c] += x[xo + at];
                y[yo + at] = (float) acc[c];
            }
        }
    }

    /**
     * One lane, its accumulator in a register: a whole 1-d tensor's scan is one chain of dependent
     * additions, which an accumulator in an array slowed by a store and a load each (4M floats
     * 14.7 -> 4.7 ms in a probe, one thread).
     */
    private static void oneLane(float[] x, int xo, float[] y, int yo, int step, int length, boolean reverse) {
        double acc = 0;
        for (int i = 0; i < length; i++) {
            Cancellation.checkEvery(i);
            int k = (reverse ? length - 1 - i : i) * step;
            acc += x[xo + k];
            y[yo + k] = (float) acc;
        }
    }
}
