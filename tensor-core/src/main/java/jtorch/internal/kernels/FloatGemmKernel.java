package jtorch.internal.kernels;

import java.util.Arrays;

/**
 * float32 GEMM: the array primitives the shared packing uses, and plain Java kernels, the
 * fallback when the Vector API is absent or not yet compiled. Their products are bit-identical
 * to {@link FloatVectorGemmKernel}'s: each element is one {@link Math#fma} chain in depth order.
 */
class FloatGemmKernel extends GemmKernel<float[]> {
    /**
     * The plain kernel: tiles of 8 rows by 1024 columns (its staged rows, 8 of C and 4 of B: 48 KiB, the
     * size of L1 here), depth blocks of 256 (a packed B block of 1 MiB stays in L2). Measured against
     * one staged row of B per depth step (a load and store of C per multiply-add): 1024^2 on one thread
     * 61 -> 48 ms; 8 rows of B, or 512 columns, gained nothing more.
     */
    static final FloatGemmKernel SCALAR = new FloatGemmKernel(8, 1024, 256, 16, 1, false);

    FloatGemmKernel(int mr, int nr, int kc, int mcPanels, int ncPanels, boolean padded) {
        super(mr, nr, kc, mcPanels, ncPanels, padded);
    }

    /** Depth steps per pass over a row of C in {@link #micro}. */
    private static final int STEPS = 4;

    /** This thread's staging rows for {@link #micro}: mr rows of C, then {@link #STEPS} rows of B, nr elements each. */
    private final ThreadLocal<float[][]> rowBuffers = ThreadLocal.withInitial(() -> new float[mr + STEPS][nr]);

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

    /**
     * Four depth steps at a time, one {@link #axpy4} per row of the tile (then single steps for
     * the rest), so a row of C is loaded and stored once per four multiply-adds. C2 vectorises those
     * loops only where all arrays are indexed from the same offset, so the tile's rows of C and
     * the packed rows of B are staged in arrays of their own ({@link #rowBuffers}), read from 0.
     */
    @Override
    void micro(int kc, float[] ap, int ao, float[] bp, int bo, MatrixView<float[]> c, int i, int j, int rows,
               int cols, boolean add, float[] tile) {
        float[][] buffers = rowBuffers.get();
        float[] b0 = buffers[mr];
        float[] b1 = buffers[mr + 1];
        float[] b2 = buffers[mr + 2];
        float[] b3 = buffers[mr + 3];
        for (int r = 0; r < rows; r++) {
            if (add) {
                copy(c.data(), c.index(i + r, j), c.colStride(), buffers[r], 0, 1, cols);
            } else {
                Arrays.fill(buffers[r], 0, cols, 0f);
            }
        }
        int p = 0;
        for (; p + STEPS <= kc; p += STEPS) {
            int b = bo + p * nr;
            System.arraycopy(bp, b, b0, 0, cols);
            System.arraycopy(bp, b + nr, b1, 0, cols);
            System.arraycopy(bp, b + 2 * nr, b2, 0, cols);
            System.arraycopy(bp, b + 3 * nr, b3, 0, cols);
            int a = ao + p * mr;
            for (int r = 0; r < rows; r++) {
                axpy4(ap[a + r], ap[a + mr + r], ap[a + 2 * mr + r], ap[a + 3 * mr + r], b0, b1, b2, b3,
                        buffers[r], cols);
            }
        }
        for (; p < kc; p++) {
            System.arraycopy(bp, bo + p * nr, b0, 0, cols);
            int a = ao + p * mr;
            for (int r = 0; r < rows; r++) {
                axpy(ap[a + r], b0, buffers[r], cols);
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
    private static void axpy(float x, float[] b, float[] c, int n) {
        for (int q = 0; q < n; q++) {
            c[q] = Math.fma(x, b[q], c[q]);
        }
    }

    /** Four {@link #axpy} steps in depth order in one pass over {@code c}: the same fma chain per element. */
    private static void axpy4(float x0, float x1, float x2, float x3, float[] b0, float[] b1, float[] b2,
                              float[] b3, float[] c, int n) {
        for (int q = 0; q < n; q++) {
            c[q] = Math.fma(x3, b3[q], Math.fma(x2, b2[q], Math.fma(x1, b1[q], Math.fma(x0, b0[q], c[q]))));
        }
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
