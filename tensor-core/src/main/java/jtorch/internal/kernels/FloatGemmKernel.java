package jtorch.internal.kernels;

import java.util.Arrays;

/**
 * float32 GEMM: the array primitives the shared packing uses, and plain Java kernels, the
 * fallback when the Vector API is absent or not yet compiled. Their products are bit-identical
 * to {@link FloatVectorGemmKernel}'s: each element is one {@link Math#fma} chain in depth order.
 */
class FloatGemmKernel extends GemmKernel<float[]> {
    /** The plain kernel: a small register block, blocks sized for a 48 KiB L1 and a 1 MiB L2. */
    static final FloatGemmKernel SCALAR = new FloatGemmKernel(4, 16, 256, 64, 128);

    FloatGemmKernel(int mr, int nr, int kc, int mcPanels, int ncPanels) {
        super(mr, nr, kc, mcPanels, ncPanels);
    }

    @Override
    final float[] allocate(int length) {
        return new float[length];
    }

    @Override
    final int length(float[] array) {
        return array.length;
    }

    @Override
    final void copy(float[] src, int s, int ss, float[] dst, int d, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, s, dst, d, n);
            return;
        }
        for (int q = 0; q < n; q++) {
            dst[d + q * ds] = src[s + q * ss];
        }
    }

    @Override
    final void fill(float[] array, int from, int to) {
        Arrays.fill(array, from, to, 0f);
    }

    @Override
    void micro(int kc, float[] ap, int ao, float[] bp, int bo, MatrixView<float[]> c, int i, int j, int rows,
               int cols, boolean add, float[] tile) {
        if (add) {
            gather(c, i, j, rows, cols, tile);
        } else {
            Arrays.fill(tile, 0f);
        }
        for (int p = 0; p < kc; p++) {
            int a0 = ao + p * mr;
            int b0 = bo + p * nr;
            for (int r = 0; r < rows; r++) {
                float x = ap[a0 + r];
                int t = r * nr;
                for (int jj = 0; jj < cols; jj++) {
                    tile[t + jj] = Math.fma(x, bp[b0 + jj], tile[t + jj]);
                }
            }
        }
        scatter(tile, c, i, j, rows, cols);
    }

    @Override
    final void unpacked(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b, MatrixView<float[]> c,
                        boolean add) {
        float[] ad = a.data();
        float[] bd = b.data();
        float[] cd = c.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = c.index(i, j);
                float acc = add ? cd[ci] : 0f;
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
