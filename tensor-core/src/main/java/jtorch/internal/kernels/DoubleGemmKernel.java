package jtorch.internal.kernels;

import java.util.Arrays;

/**
 * float64 GEMM: the array primitives the shared packing uses, and plain Java kernels, the
 * fallback when the Vector API is absent or not yet compiled. Their products are bit-identical
 * to {@link DoubleVectorGemmKernel}'s: each element is one {@link Math#fma} chain in depth order.
 */
class DoubleGemmKernel extends GemmKernel<double[]> {
    /** The plain kernel: a small register block, blocks sized for a 48 KiB L1 and a 1 MiB L2. */
    static final DoubleGemmKernel SCALAR = new DoubleGemmKernel(4, 8, 256, 64, 128);

    DoubleGemmKernel(int mr, int nr, int kc, int mcPanels, int ncPanels) {
        super(mr, nr, kc, mcPanels, ncPanels);
    }

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

    @Override
    void micro(int kc, double[] ap, int ao, double[] bp, int bo, MatrixView<double[]> c, int i, int j, int rows,
               int cols, boolean add, double[] tile) {
        if (add) {
            gather(c, i, j, rows, cols, tile);
        } else {
            Arrays.fill(tile, 0.0);
        }
        for (int p = 0; p < kc; p++) {
            int a0 = ao + p * mr;
            int b0 = bo + p * nr;
            for (int r = 0; r < rows; r++) {
                double x = ap[a0 + r];
                int t = r * nr;
                for (int jj = 0; jj < cols; jj++) {
                    tile[t + jj] = Math.fma(x, bp[b0 + jj], tile[t + jj]);
                }
            }
        }
        scatter(tile, c, i, j, rows, cols);
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
