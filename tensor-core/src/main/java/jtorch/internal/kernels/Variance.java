package jtorch.internal.kernels;

import jtorch.DType;
import jtorch.internal.storage.Storage;

/**
 * PyTorch 1.13's CPU var and std of all the elements of a float32 or float64 operand
 * ({@code std_var_all_cpu}, which ATen runs whenever the result has a single element), addition
 * for addition:
 * <ul>
 *   <li>the mean is the operand's own sum ({@link CascadeSum}, with the same threads) divided by
 *       the count in the element type (float32: {@code sum / (float) n}), then widened to double;</li>
 *   <li>the squared deviations {@code (double(x) - mean)^2} are added in double one after another,
 *       from 0, over each chunk that {@code parallel_reduce} makes: one chunk on one thread or up
 *       to {@link CascadeSum#GRAIN} elements, else {@code min(T, ceil(n / GRAIN))} chunks of
 *       {@code ceil(n / chunks)} elements; the chunk sums are added to 0 in order;</li>
 *   <li>the variance is that sum divided by {@code max(0, n - correction)} in double.</li>
 * </ul>
 * Chunks run on {@link Parallel}'s threads, which changes no addition.
 */
public final class Variance {
    private Variance() {}

    /**
     * Whether {@link #ofAll} takes {@code t}: a float32 or float64 array operand with elements that
     * fill consecutive slots (contiguous, or a permutation of a contiguous tensor's dims).
     */
    public static boolean serves(Strided t) {
        DType type = t.storage().dtype();
        return (type == DType.FLOAT32 || type == DType.FLOAT64) && t.layout().isNonOverlappingAndDense()
                && t.storage().array() != null && t.layout().numel() > 0;
    }

    /**
     * The variance of the elements of {@code t} (which {@link #serves}), dividing by
     * {@code n - correction}, summed as PyTorch does with {@code threads} threads, in memory order
     * (as ATen's iterator walks a permuted contiguous tensor).
     */
    public static double ofAll(Strided t, int correction, int threads) {
        Storage st = t.storage();
        boolean single = st.dtype() == DType.FLOAT32;
        int offset = st.base + t.layout().offset();
        int n = t.layout().numel();
        CascadeSum sum = single ? CascadeSum.FLOAT32 : CascadeSum.FLOAT64;
        double total = sum.sum(CascadeSum.load(st.array(), offset), n, threads);
        double mean = single ? (float) total / (float) n : total / n;
        int chunks = threads <= 1 || n <= CascadeSum.GRAIN ? 1 : Math.min(threads, ceilDiv(n, CascadeSum.GRAIN));
        int chunk = ceilDiv(n, chunks);
        double[] parts = new double[chunks];
        Parallel.forRange(chunks, n, (from, to) -> {
            for (int c = from; c < to; c++) {
                parts[c] = squaredDeviations(st.array(), offset + c * chunk, offset + Math.min(n, (c + 1) * chunk), mean);
            }
        });
        double squares = 0;
        for (double p : parts) {
            squares += p;
        }
        return squares / Math.max(0, n - correction);
    }

    /**
     * {@code (x - mean)^2} added in double from 0, {@code x} the elements {@code from} to
     * {@code to - 1} of a float or double array in order. The arrays are read directly: through an
     * {@link java.util.function.IntToDoubleFunction} C2 compiled the loop 2.4 times as slow in
     * some JVM runs, and two threads' chunks took as long as one thread's whole.
     */
    static double squaredDeviations(Object array, int from, int to, double mean) {
        double s = 0;
        for (int start = from; start < to; start += Cancellation.CHUNK) {
            Cancellation.check();
            s = squaredDeviations(array, start, Math.min(to, start + Cancellation.CHUNK), mean, s);
        }
        return s;
    }

    /** {@link #squaredDeviations} continuing from {@code s}, with no cancellation check. */
    private static double squaredDeviations(Object array, int from, int to, double mean, double s) {
        double acc = s;
        if (array instanceof float[] f) {
            for (int i = from; i < to; i++) {
                double d = f[i] - mean;
                acc += d * d;
            }
        } else {
            double[] a = (double[]) array;
            for (int i = from; i < to; i++) {
                double d = a[i] - mean;
                acc += d * d;
            }
        }
        return acc;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
