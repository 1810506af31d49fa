package jtorch.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 products at most one vector of columns wide ({@code n <= lanes}, as an MLP's last layer
 * {@code h W^T} with 10 outputs) with a row-major A: lanes run along the columns of C, so no
 * operand is transposed but B (n x k elements). Each depth block of B is packed into rows of one
 * vector, tiles of {@link #MR} rows of A are copied by rows into a buffer with a constant row step
 * and broadcast from there, one accumulator per row. Each element of C is one fused multiply-add
 * chain over the depth in order, from zero or from C, so the results are bit-identical to every
 * other kernel's. The two-vector kernels computed 32 columns for these 10, or, as {@code C^T = W h^T},
 * transposed all of h by gathers first.
 * Loaded only with {@code jdk.incubator.vector}.
 */
final class FloatNarrowGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Columns of C at most: one vector. */
    static final int WIDTH = S.length();
    private static final int L = WIDTH;
    /** Rows of a tile: 16 accumulators, each fed one broadcast per depth step. */
    private static final int MR = 16;
    /**
     * Depth block, and the step between the rows of an A tile in its buffer: the tile (16 KiB) and
     * the packed B block (16 KiB) stay in L1; with blocks of 1024 (66 KiB apart) copying the rows
     * took 1.1-1.3 us instead of 0.8 for a 64 x 256 A.
     */
    private static final int KC = 256;
    private static final float[] ZEROS = new float[L];

    /** This thread's buffers. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private FloatNarrowGemm() {}

    /**
     * Whether this path serves the layout: A row-major for {@code n <= WIDTH}, or, computed as
     * {@code C^T = B^T A^T}, B^T row-major for {@code m <= WIDTH}.
     */
    static boolean serves(int m, int n, MatrixView<float[]> a, MatrixView<float[]> b) {
        return n <= WIDTH && a.colStride() == 1 || m <= WIDTH && b.rowStride() == 1;
    }

    /** {@code C (+)= A B} over depth {@code k >= 1} for a layout this path {@link #serves}. */
    static void product(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b, MatrixView<float[]> c,
                        boolean accumulate) {
        if (n <= WIDTH && a.colStride() == 1) {
            blocks(m, n, k, a, b, c, accumulate);
        } else {
            blocks(n, m, k, b.transpose(), a.transpose(), c.transpose(), accumulate);
        }
    }

    /** For each depth block, pack B; for each tile of A's rows, copy them, run the micro-kernel, write the tile to C. */
    private static void blocks(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b,
                               MatrixView<float[]> c, boolean accumulate) {
        Buffers w = BUFFERS.get();
        float[] bp = w.b;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = accumulate || pc > 0;
            packB(b, pc, kc, n, bp);
            for (int ir = 0; ir < m; ir += MR) {
                Cancellation.check();
                int rows = Math.min(MR, m - ir);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(a.data(), a.index(ir + r, pc), w.a, r * KC, kc);
                }
                if (add) {
                    copyTile(c, ir, rows, n, w.tile, true);
                }
                micro(kc, w.a, bp, w.tile, add);
                copyTile(c, ir, rows, n, w.tile, false);
            }
        }
    }

    /** {@code dst[p * L + j] = B[p0 + p, j]} for {@code p < kc, j < n}; lanes past n keep what they hold. */
    private static void packB(MatrixView<float[]> b, int p0, int kc, int n, float[] dst) {
        float[] src = b.data();
        if (b.rowStride() == 1) {
            // B^T row-major (a Linear weight): each column of B is contiguous
            for (int j = 0; j < n; j++) {
                int s = b.index(p0, j);
                for (int p = 0; p < kc; p++) {
                    dst[p * L + j] = src[s + p];
                }
            }
            return;
        }
        for (int p = 0; p < kc; p++) {
            int s = b.index(p0 + p, 0);
            for (int j = 0; j < n; j++) {
                dst[p * L + j] = src[s + j * b.colStride()];
            }
        }
    }

    /** Copies C's rows {@code [i, i + rows)} into the tile (row step L), or ({@code !intoTile}) the tile into C. */
    private static void copyTile(MatrixView<float[]> c, int i, int rows, int n, float[] tile, boolean intoTile) {
        float[] data = c.data();
        for (int r = 0; r < rows; r++) {
            int o = c.index(i + r, 0);
            for (int j = 0; j < n; j++) {
                if (intoTile) {
                    tile[r * L + j] = data[o + j * c.colStride()];
                } else {
                    data[o + j * c.colStride()] = tile[r * L + j];
                }
            }
        }
    }

    /**
     * {@code tile (+)= Atile * Bpanel} over depth {@code kc} for the {@link #MR} rows of the A tile
     * (row r at {@code r * KC} in {@code ap}, B's depth step p at {@code p * L} in {@code bp}), row r
     * of the tile at {@code r * L}; rows past those copied hold stale data whose results are not written.
     */
    private static void micro(int kc, float[] ap, float[] bp, float[] tile, boolean add) {
        // the accumulators start from the tile, or from a row of zeros read MR times
        float[] u = add ? tile : ZEROS;
        int us = add ? L : 0;
        FloatVector c0 = FloatVector.fromArray(S, u, 0 * us);
        FloatVector c1 = FloatVector.fromArray(S, u, 1 * us);
        FloatVector c2 = FloatVector.fromArray(S, u, 2 * us);
        FloatVector c3 = FloatVector.fromArray(S, u, 3 * us);
        FloatVector c4 = FloatVector.fromArray(S, u, 4 * us);
        FloatVector c5 = FloatVector.fromArray(S, u, 5 * us);
        FloatVector c6 = FloatVector.fromArray(S, u, 6 * us);
        FloatVector c7 = FloatVector.fromArray(S, u, 7 * us);
        FloatVector c8 = FloatVector.fromArray(S, u, 8 * us);
        FloatVector c9 = FloatVector.fromArray(S, u, 9 * us);
        FloatVector c10 = FloatVector.fromArray(S, u, 10 * us);
        FloatVector c11 = FloatVector.fromArray(S, u, 11 * us);
        FloatVector c12 = FloatVector.fromArray(S, u, 12 * us);
        FloatVector c13 = FloatVector.fromArray(S, u, 13 * us);
        FloatVector c14 = FloatVector.fromArray(S, u, 14 * us);
        FloatVector c15 = FloatVector.fromArray(S, u, 15 * us);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, p * L);
            c0 = FloatVector.broadcast(S, ap[p + 0 * KC]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[p + 1 * KC]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[p + 2 * KC]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[p + 3 * KC]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, ap[p + 4 * KC]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, ap[p + 5 * KC]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, ap[p + 6 * KC]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, ap[p + 7 * KC]).fma(b0, c7);
            c8 = FloatVector.broadcast(S, ap[p + 8 * KC]).fma(b0, c8);
            c9 = FloatVector.broadcast(S, ap[p + 9 * KC]).fma(b0, c9);
            c10 = FloatVector.broadcast(S, ap[p + 10 * KC]).fma(b0, c10);
            c11 = FloatVector.broadcast(S, ap[p + 11 * KC]).fma(b0, c11);
            c12 = FloatVector.broadcast(S, ap[p + 12 * KC]).fma(b0, c12);
            c13 = FloatVector.broadcast(S, ap[p + 13 * KC]).fma(b0, c13);
            c14 = FloatVector.broadcast(S, ap[p + 14 * KC]).fma(b0, c14);
            c15 = FloatVector.broadcast(S, ap[p + 15 * KC]).fma(b0, c15);
        }
        c0.intoArray(tile, 0 * L);
        c1.intoArray(tile, 1 * L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
        c8.intoArray(tile, 8 * L);
        c9.intoArray(tile, 9 * L);
        c10.intoArray(tile, 10 * L);
        c11.intoArray(tile, 11 * L);
        c12.intoArray(tile, 12 * L);
        c13.intoArray(tile, 13 * L);
        c14.intoArray(tile, 14 * L);
        c15.intoArray(tile, 15 * L);
    }

    /** Per-thread packed B block, A tile and C tile, at their full sizes (33 KiB). */
    private static final class Buffers {
        final float[] b = new float[KC * L];
        final float[] a = new float[MR * KC];
        final float[] tile = new float[MR * L];
    }
}
