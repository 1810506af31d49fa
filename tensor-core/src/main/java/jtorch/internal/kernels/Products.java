package jtorch.internal.kernels;

/**
 * Products of lanes contiguous in memory in PyTorch 1.13's order on the CPU (its vectorised
 * reduction, AVX2, found against Debian's PyTorch), so {@code x.prod()} is its result to the bit:
 * four vector accumulators ({@code 4 x 8} float or {@code 4 x 4} double lanes) start as the first
 * {@code 4 L} elements and multiply in each further whole block of {@code 4 L}, lane by lane; then
 * {@code (a0 a1)(a2 a3)} lanewise, the {@code L} lanes multiplied in order, and the elements left
 * over one by one. A lane shorter than one block is multiplied in order from 1. The float and
 * double twins differ only in their types and vector widths.
 */
public final class Products {
    private static final int FLOAT_LANES = 8;
    private static final int DOUBLE_LANES = 4;

    private Products() {}

    /** The float32 product of {@code x[off .. off + n)}. */
    public static float product(float[] x, int off, int n) {
        int block = 4 * FLOAT_LANES;
        int end = off + n / block * block;
        float p = 1;
        int k = off;
        if (end > off) {
            float[] acc = new float[block];
            System.arraycopy(x, off, acc, 0, block);
            for (k = off + block; k < end; k += block) {
                Cancellation.checkEvery(k - off);
                for (int j = 0; j < block; j++) {
                    acc[j] *= x[k + j];
                }
            }
            for (int l = 0; l < FLOAT_LANES; l++) {
                float lane = (acc[l] * acc[FLOAT_LANES + l]) * (acc[2 * FLOAT_LANES + l] * acc[3 * FLOAT_LANES + l]);
                p = l == 0 ? lane : p * lane;
            }
        }
        for (; k < off + n; k++) {
            p *= x[k];
        }
        return p;
    }

    /** The float64 product of {@code x[off .. off + n)}. */
    public static double product(double[] x, int off, int n) {
        int block = 4 * DOUBLE_LANES;
        int end = off + n / block * block;
        double p = 1;
        int k = off;
        if (end > off) {
            double[] acc = new double[block];
            System.arraycopy(x, off, acc, 0, block);
            for (k = off + block; k < end; k += block) {
                Cancellation.checkEvery(k - off);
                for (int j = 0; j < block; j++) {
                    acc[j] *= x[k + j];
                }
            }
            for (int l = 0; l < DOUBLE_LANES; l++) {
                double lane = (acc[l] * acc[DOUBLE_LANES + l]) * (acc[2 * DOUBLE_LANES + l] * acc[3 * DOUBLE_LANES + l]);
                p = l == 0 ? lane : p * lane;
            }
        }
        for (; k < off + n; k++) {
            p *= x[k];
        }
        return p;
    }
}
