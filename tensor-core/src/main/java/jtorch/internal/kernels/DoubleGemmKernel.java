package jtorch.internal.kernels;

import java.util.Arrays;

/**
 * float64 GEMM: the array primitives the shared packing uses, and plain Java kernels, the
 * fallback when the Vector API is absent or not yet compiled. Their products are bit-identical
 * to {@link DoubleVectorGemmKernel}'s: each element is one {@link Math#fma} chain in depth order.
 */
class DoubleGemmKernel extends GemmKernel<double[]> {
    /**
     * The plain kernel: tiles of 8 rows by 512 columns (its staged rows, 36 KiB, stay in a 48 KiB
     * L1), depth blocks of 256 (a packed B block of 1 MiB stays in L2).
     */
    static final DoubleGemmKernel SCALAR = new DoubleGemmKernel(8, 512, 256, 16, 1);

    DoubleGemmKernel(int mr, int nr, int kc, int mcPanels, int ncPanels) {
        super(mr, nr, kc, mcPanels, ncPanels);
    }

    /** This thread's staging rows for {@link #micro}: mr rows of C, then one row of B, nr elements each. */
    private final ThreadLocal<double[][]> rowBuffers = ThreadLocal.withInitial(() -> new double[mr + 1][nr]);

    @Override
    final double[] allocate(int length) {
        return new double[length];
    }

    @Override
    final int length(double[] array) {
        return array.length;
    }

    @Override
    final void copy(double[] src, int s, int ss, double[] dst, int d, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, s, dst, d, n);
            return;
        }
        for (int q = 0; q < n; q++) {
            dst[d + q * ds] = src[s + q * ss];
        }
    }

    @Override
    final void fill(double[] array, int from, int to) {
        Arrays.fill(array, from, to, 0.0);
    }

    /**
     * Each depth step one {@link #axpy} per row of the tile. C2 vectorises that loop only where
     * both arrays are indexed from the same offset, so the tile's rows of C and each packed row
     * of B are staged in arrays of their own ({@link #rowBuffers}), read from index 0.
     */
    @Override
    void micro(int kc, double[] ap, int ao, double[] bp, int bo, MatrixView<double[]> c, int i, int j, int rows,
               int cols, boolean add, double[] tile) {
        double[][] buffers = rowBuffers.get();
        double[] bRow = buffers[mr];
        for (int r = 0; r < rows; r++) {
            if (add) {
                copy(c.data(), c.index(i + r, j), c.colStride(), buffers[r], 0, 1, cols);
            } else {
                Arrays.fill(buffers[r], 0, cols, 0.0);
            }
        }
        for (int p = 0; p < kc; p++) {
            System.arraycopy(bp, bo + p * nr, bRow, 0, cols);
            int a0 = ao + p * mr;
            for (int r = 0; r < rows; r++) {
                axpy(ap[a0 + r], bRow, buffers[r], cols);
            }
        }
        for (int r = 0; r < rows; r++) {
            copy(buffers[r], 0, 1, c.data(), c.index(i + r, j), c.colStride(), cols);
        }
    }

    /**
     * {@code c[q] = fma(x, b[q], c[q])} for {@code q < n}: a loop C2 compiles in milliseconds
     * into vector fused multiply-adds (superword), each lane its own chain.
     */
    private static void axpy(double x, double[] b, double[] c, int n) {
        for (int q = 0; q < n; q++) {
            c[q] = Math.fma(x, b[q], c[q]);
        }
    }

    @Override
    final void unpacked(int m, int n, int k, MatrixView<double[]> a, MatrixView<double[]> b, MatrixView<double[]> c,
                        boolean add) {
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = c.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = c.index(i, j);
                double acc = add ? cd[ci] : 0.0;
                int ai = a.index(i, 0);
                int bi = b.index(0, j);
                for (int p = 0; p < k; p++) {
                    acc = Math.fma(ad[ai + p * a.colStride()], bd[bi + p * b.rowStride()], acc);
                }
                cd[ci] = acc;
            }
        }
    }
}
