package jtorch.internal.kernels;

import java.util.function.DoubleBinaryOperator;

/**
 * How PyTorch's {@code binary_kernel_reduce} (and its vectorised twin) computes a single output
 * on several threads: below {@link CascadeSum#GRAIN} elements or on one thread one chunk, else
 * {@code min(threads, ceil(n / GRAIN))} chunks of {@code ceil(n / chunks)} elements, each reduced
 * on its own, then combined in order into the identity. The chunks run here one after another
 * (the results depend only on the chunks' bounds).
 */
public final class ReductionSplit {
    private ReductionSplit() {}

    /** The reduction of elements {@code [begin, begin + n)} of a lane. */
    public interface Chunk {
        double of(int begin, int n);
    }

    /** {@code chunk} over {@code [0, n)} as split for {@code threads}, combined by {@code combine} from {@code identity}. */
    public static double reduce(int n, int threads, double identity, DoubleBinaryOperator combine, Chunk chunk) {
        if (n < CascadeSum.GRAIN || threads <= 1) {
            return chunk.of(0, n);
        }
        int chunks = Math.min(threads, (n + CascadeSum.GRAIN - 1) / CascadeSum.GRAIN);
        int size = (n + chunks - 1) / chunks;
        double total = identity;
        for (int begin = 0; begin < n; begin += size) {
            total = combine.applyAsDouble(total, chunk.of(begin, Math.min(size, n - begin)));
        }
        return total;
    }
}
