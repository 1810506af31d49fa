package jtorch.internal.kernels;

/**
 * {@link GemmWarmUpTest}'s child JVM: waits for the vector warm-up, then runs the float vector
 * kernel as a training step's first passes do: row-major products (a forward pass, {@code x W^T}),
 * then products with A transposed (its backward pass, {@code x^T grad}).
 */
final class GemmWarmUpProbe {
    private GemmWarmUpProbe() {}

    public static void main(String[] args) throws InterruptedException {
        if (!Kernels.awaitVector(120_000)) {
            System.err.println("the vector kernels were not in use within 120 s");
            System.exit(2);
        }
        int m = 64;
        int n = 256;
        int k = 128;
        FloatGemmKernel kernel = FloatVectorGemmKernel.create();
        MatrixView<float[]> rowMajorA = MatrixView.of(new float[m * k], 0, k, 1);
        MatrixView<float[]> transposedA = MatrixView.of(new float[k * m], 0, 1, m);
        MatrixView<float[]> transposedB = MatrixView.of(new float[n * k], 0, 1, k);
        MatrixView<float[]> c = MatrixView.of(new float[m * n], 0, n, 1);
        for (int round = 0; round < 2000; round++) {
            Gemm.run(kernel, m, n, k, rowMajorA, transposedB, c, false);
        }
        for (int round = 0; round < 200; round++) {
            Gemm.run(kernel, m, n, k, transposedA, transposedB, c, false);
        }
    }
}
