package jtorch.internal.kernels;

/**
 * PyTorch 1.13's CPU {@code linspace} for float32 and float64 ({@code linspace_kernel}, as built
 * for AVX2), value for value: the first half of the points is computed from the start
 * ({@code fma(step, i, start)}), the second half from the end ({@code fma(-step, steps - i - 1,
 * end)}), in the element type's arithmetic, and where PyTorch's vectorized loop writes a whole
 * vector it fills it as {@code base + k * step} (rounded twice) from the vector's first point. The loop writes pairs of AVX2 vectors
 * (2 x 8 floats or 2 x 4 doubles) and the remaining points one by one; a range of 32768 or more
 * points split over {@code threads} threads restarts that pattern at each chunk.
 */
public final class Linspace {
    private static final int GRAIN = 32768;

    private Linspace() {
    }

    /** The points of {@code torch.linspace(start, end, steps)} in float32 ({@code single}) or float64. */
    public static double[] points(double start, double end, int steps, boolean single, int threads) {
        double[] out = new double[steps];
        if (steps == 0) {
            return out;
        }
        double first = round(start, single);
        if (steps == 1) {
            out[0] = first;
            return out;
        }
        double last = round(end, single);
        double step = round(round(last - first, single) / (steps - 1), single);
        int lanes = single ? 8 : 4;
        int chunks = steps < GRAIN || threads <= 1 ? 1 : Math.min(threads, (steps + GRAIN - 1) / GRAIN);
        int chunk = (steps + chunks - 1) / chunks;
        for (int begin = 0; begin < steps; begin += chunk) {
            fill(out, begin, Math.min(steps, begin + chunk), first, last, step, steps, lanes, single);
        }
        return out;
    }

    /** One thread's range: pairs of whole vectors, then single points. */
    private static void fill(double[] out, int begin, int end, double start, double last, double step, int steps,
            int lanes, boolean single) {
        int i = begin;
        for (; i + 2 * lanes <= end; i += 2 * lanes) {
            vector(out, i, start, last, step, steps, lanes, single);
            vector(out, i + lanes, start, last, step, steps, lanes, single);
        }
        for (; i < end; i++) {
            out[i] = point(i, start, last, step, steps, single);
        }
    }

    /** A vector from its first index: {@code base + k * step}. */
    private static void vector(double[] out, int i, double start, double last, double step, int steps, int lanes,
            boolean single) {
        double base = point(i, start, last, step, steps, single);
        out[i] = base;
        for (int k = 1; k < lanes; k++) {
            out[i + k] = round(base + round(k * step, single), single);
        }
    }

    /**
     * Point {@code i} from the nearer end, {@code start + step * i} or {@code end - step * (steps - i - 1)},
     * each one fused multiply-add (PyTorch's AVX2 build contracts these two expressions).
     */
    private static double point(int i, double start, double last, double step, int steps, boolean single) {
        boolean low = i < steps / 2;
        double factor = low ? step : -step;
        double count = low ? i : steps - i - 1;
        double origin = low ? start : last;
        return single ? Math.fma((float) factor, (float) count, (float) origin) : Math.fma(factor, count, origin);
    }

    private static double round(double v, boolean single) {
        return single ? (float) v : v;
    }
}
