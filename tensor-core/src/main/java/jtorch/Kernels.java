package jtorch;

/** Hot inner loops over primitive arrays, shared by ops. */
final class Kernels {
    private Kernels() {}

    /** Sum of {@code n} floats from {@code off}, with independent accumulators so the JIT can pipeline. */
    static double sumFloat(float[] a, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            if ((i & (Elementwise.CHUNK - 1)) == 0) {
                Interrupts.check();
            }
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code c[m x n] = a[m x k] * b[k x n]}, all row-major contiguous from offset 0. */
    static void matmulFloat(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            Interrupts.check();
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                float av = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /** Double-precision counterpart of {@link #matmulFloat}. */
    static void matmulDouble(double[] a, double[] b, double[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            Interrupts.check();
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double av = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }
}
