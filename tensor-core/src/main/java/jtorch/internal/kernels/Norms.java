package jtorch.internal.kernels;

/**
 * Sums of squares behind the 2-norm, in PyTorch 1.13's order on the CPU, so {@code x.norm()} is
 * its result to the bit (orders found against Debian's PyTorch, AVX2 build, one thread):
 * <ul>
 *   <li>float32 lanes contiguous in memory and last (a contiguous tensor reduced over trailing
 *       dims, or over all): eight lanes, lane {@code j} the fused multiply-add chain over
 *       elements {@code j, j + 8, ...}; the lanes added in order; then the remaining
 *       {@code r < 8} elements: when {@code r >= 4} the first four squared and added (each
 *       rounded, as GCC's vectorised epilogue), the rest by fused multiply-adds;</li>
 *   <li>float64 lanes, and float32 lanes of other layouts: one fused multiply-add chain in
 *       order ({@link #sumSquares}), split as PyTorch splits one long reduction over its threads
 *       ({@link ReductionSplit}).</li>
 * </ul>
 */
public final class Norms {
    private Norms() {}

    /** {@code Σ x[off + i]^2} for {@code i < n} in PyTorch's float32 last-dim order (see the class comment). */
    public static float sumSquaresLastDim(float[] x, int off, int n) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float a4 = 0;
        float a5 = 0;
        float a6 = 0;
        float a7 = 0;
        int end = off + n;
        int whole = off + n - n % 8;
        int k = off;
        for (; k < whole; k += 8) {
            Cancellation.checkEvery(k - off);
            a0 = Math.fma(x[k], x[k], a0);
            a1 = Math.fma(x[k + 1], x[k + 1], a1);
            a2 = Math.fma(x[k + 2], x[k + 2], a2);
            a3 = Math.fma(x[k + 3], x[k + 3], a3);
            a4 = Math.fma(x[k + 4], x[k + 4], a4);
            a5 = Math.fma(x[k + 5], x[k + 5], a5);
            a6 = Math.fma(x[k + 6], x[k + 6], a6);
            a7 = Math.fma(x[k + 7], x[k + 7], a7);
        }
        float b = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
        if (end - k >= 4) {
            for (int stop = k + 4; k < stop; k++) {
                float square = x[k] * x[k];
                b += square;
            }
        }
        for (; k < end; k++) {
            b = Math.fma(x[k], x[k], b);
        }
        return b;
    }

    /** {@code Σ x[off + i]^2} for {@code i < n}, one fused multiply-add chain in order. */
    public static double sumSquares(double[] x, int off, int n) {
        double b = 0;
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            b = Math.fma(x[off + i], x[off + i], b);
        }
        return b;
    }

    /** {@link #sumSquares(double[], int, int)} of float32 values, in float. */
    public static float sumSquares(float[] x, int off, int n) {
        float b = 0;
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            b = Math.fma(x[off + i], x[off + i], b);
        }
        return b;
    }
}
