package jtorch.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 products with a row-major A (column stride 1) whose A is not transposed: the rows of a
 * tile of A are copied as they lie and each element is broadcast from there, where the vector
 * kernel packs A by gathers (its costly packing); B is packed by the vector kernel's
 * {@link GemmKernel#packB}. The register block is {@link FloatVectorGemmKernel}'s (14 rows by two
 * vectors) and each element of C is one fused multiply-add chain over the depth in order, from zero
 * or from C, so the results are bit-identical to every other kernel's.
 *
 * <p>For {@code x W^T} with both operands row-major (nn.Linear's forward) the vector kernel
 * transposes both by gathers; here it is computed as {@code C^T = W x^T}: W, the larger operand,
 * is copied by rows and only x is transposed, and the result, computed into a row-major scratch,
 * is transposed into C by gathers (64 x 256 elements there, against 256 x 784 of W).
 * Loaded only with {@code jdk.incubator.vector} ({@link #create}).
 */
final class FloatRowGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 14;
    /** Rows of the short tile: a 64-row product takes four tiles of 14 and one of 8, none padded. */
    private static final int MR8 = 8;
    private static final int NR = 2 * L;
    /**
     * Depth block: the MLP's depths (784, 256, 64) take one, so each tile of C is written once and
     * never read back; the A tiles (MR rows RS apart) stream from L1/L2, the packed B block
     * (KC x NC, 1 MiB at most) stays in L2.
     */
    private static final int KC = 1024;
    /**
     * Step between the rows of an A tile in its buffer: a cache line more than {@link #KC}. With a
     * step of 4 KiB the 14 rows a depth step reads all fell into one 12-way L1 set; this step took
     * 0.86-1.08x the time (median ~0.95) at 64x784 @ 784x256^T, 64x256 @ 256x784 and 256^3.
     */
    private static final int RS = KC + 16;
    private static final int NC = 256;
    /** Rows of A at most copied all at once ({@link #blocks}): 520 KiB of rows RS apart. */
    private static final int ONCE_ROWS = 128;
    /** Elements of the largest result computed through {@link #scratch}. */
    private static final int SCRATCH_LIMIT = 1 << 18;
    private static final float[] ZEROS = new float[NR];

    /** The vector kernel whose packing of B, blocks and workspace this path shares. */
    private final GemmKernel<float[]> packer;
    /** This thread's row-major result for products into a C with strided rows. */
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    private FloatRowGemm(GemmKernel<float[]> packer) {
        if (packer.nr != NR) {
            throw new IllegalArgumentException("packed B panels of " + packer.nr + " columns, not " + NR);
        }
        this.packer = packer;
    }

    /** This path over {@code packer}'s packed B panels (which must be {@code 2 * lanes} columns wide). */
    static FloatRowGemm create(GemmKernel<float[]> packer) {
        return new FloatRowGemm(packer);
    }

    /**
     * Computes {@code C (+)= A B} if this path serves the layout, and says whether it did: A
     * row-major, and B row-major or the transpose of a row-major matrix; for {@code A B^T} the
     * operand with more rows is broadcast (as {@code C^T = B^T A^T} when that is B). A result
     * whose rows are strided is computed into a row-major scratch and transposed into C.
     */
    boolean product(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b, MatrixView<float[]> c,
                    boolean add) {
        if (a.colStride() == 1 && b.rowStride() == 1 && b.colStride() != 1 && n > m) {
            return into(n, m, k, b.transpose(), a.transpose(), c.transpose(), add);
        }
        if (a.colStride() == 1 && (b.colStride() == 1 || b.rowStride() == 1)) {
            return into(m, n, k, a, b, c, add);
        }
        return false;
    }

    /**
     * {@code C (+)= A B} with A broadcast: straight into a C with unit column stride, or (not
     * accumulating, up to {@link #SCRATCH_LIMIT} elements) through the scratch into a C with unit
     * row stride; says whether it computed.
     */
    private boolean into(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b, MatrixView<float[]> c,
                         boolean add) {
        if (c.colStride() == 1) {
            blocks(m, n, k, a, b, c, add);
            return true;
        }
        if (add || c.rowStride() != 1 || (long) m * n > SCRATCH_LIMIT) {
            return false;
        }
        float[] t = scratch.get();
        if (t.length < m * n) {
            t = new float[m * n];
            scratch.set(t);
        }
        blocks(m, n, k, a, b, MatrixView.of(t, 0, n, 1), false);
        // C^T is row-major: each of its rows gathers a column of the scratch
        for (int j = 0; j < n; j++) {
            VectorKernels.gatherRows(t, j, 1, n, c.data(), c.index(0, j), m, 0, 1);
        }
        return true;
    }

    /**
     * The loop nest of {@link GemmDriver} with A's rows copied, not transposed: for each depth
     * block and block of B columns, pack B; for each tile of MR rows, copy them into the
     * workspace's A buffer, a row every {@link #RS} elements (so the micro-kernel's offsets are
     * constants), and run the micro-kernel along the B panels. C must have unit column stride.
     * With more than one block of B columns and at most {@link #ONCE_ROWS} rows, all of A's rows
     * are copied once per depth block instead: 64x256 @ 256x784 copied its A four times (6-9 us of
     * ~263); copied once, it took a median 258.2 us against 261.8 before. With one block, each tile is
     * copied just before it is used, still in L1: 64x784 @ 784x256^T (as C^T, 256 rows) took
     * 279-282 us against 274-276 with its 1 MiB of copied rows read back from L2.
     */
    private void blocks(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b, MatrixView<float[]> c,
                        boolean accumulate) {
        boolean once = n > NC && m <= ONCE_ROWS;
        int kcMax = Math.min(KC, k);
        GemmKernel.Workspace<float[]> w = packer.workspace((once ? GemmDriver.roundUp(m, MR) : MR) * RS,
                kcMax * GemmDriver.roundUp(Math.min(NC, n), NR));
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = accumulate || pc > 0;
            if (once) {
                copyRows(a, 0, m, pc, kc, w.a);
            }
            for (int jc = 0; jc < n; jc += NC) {
                int nc = Math.min(NC, n - jc);
                packer.packB(b, pc, kc, jc, nc, w.b, w.b0);
                for (int ir = 0; ir < m; ir += MR) {
                    Cancellation.check();
                    int rows = Math.min(MR, m - ir);
                    if (!once) {
                        copyRows(a, ir, rows, pc, kc, w.a);
                    }
                    int ao = once ? ir * RS : 0;
                    for (int jr = 0; jr < nc; jr += NR) {
                        if (rows <= MR8) {
                            micro8(kc, w.a, ao, ir, rows, w.b, w.b0 + jr * kc, c, jc + jr, Math.min(NR, nc - jr), add, w.tile);
                        } else {
                            micro(kc, w.a, ao, ir, rows, w.b, w.b0 + jr * kc, c, jc + jr, Math.min(NR, nc - jr), add, w.tile);
                        }
                    }
                }
            }
        }
    }

    /** Copies depth {@code [p0, p0+kc)} of A's rows {@code [i0, i0+rows)} into {@code dst}, a row every {@link #RS}. */
    private static void copyRows(MatrixView<float[]> a, int i0, int rows, int p0, int kc, float[] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.data(), a.index(i0 + r, p0), dst, r * RS, kc);
        }
    }

    /**
     * {@code C[i .. i+rows, j .. j+cols) (+)= Atile * Bpanel} over depth {@code kc}: row r of the A tile
     * at {@code ao + r * RS} in {@code ad} (rows past {@code rows} hold stale data whose results are not
     * written), B from its packed panel at {@code bo}; the accumulators and their order as in
     * {@link FloatVectorGemmKernel}'s micro-kernel.
     */
    private void micro(int kc, float[] ad, int ao, int i, int rows, float[] bp, int bo,
                       MatrixView<float[]> c, int j, int cols, boolean add, float[] tile) {
        boolean direct = rows == MR && cols == NR && c.colStride() == 1;
        float[] t = direct ? c.data() : tile;
        int o = direct ? c.index(i, j) : 0;
        int s = direct ? c.rowStride() : NR;
        if (add && !direct) {
            packer.gather(c, i, j, rows, cols, tile);
        }
        float[] u = add ? t : ZEROS;
        int uo = add ? o : 0;
        int us = add ? s : 0;
        FloatVector c0a = FloatVector.fromArray(S, u, uo);
        FloatVector c0b = FloatVector.fromArray(S, u, uo + L);
        FloatVector c1a = FloatVector.fromArray(S, u, uo + 1 * us);
        FloatVector c1b = FloatVector.fromArray(S, u, uo + 1 * us + L);
        FloatVector c2a = FloatVector.fromArray(S, u, uo + 2 * us);
        FloatVector c2b = FloatVector.fromArray(S, u, uo + 2 * us + L);
        FloatVector c3a = FloatVector.fromArray(S, u, uo + 3 * us);
        FloatVector c3b = FloatVector.fromArray(S, u, uo + 3 * us + L);
        FloatVector c4a = FloatVector.fromArray(S, u, uo + 4 * us);
        FloatVector c4b = FloatVector.fromArray(S, u, uo + 4 * us + L);
        FloatVector c5a = FloatVector.fromArray(S, u, uo + 5 * us);
        FloatVector c5b = FloatVector.fromArray(S, u, uo + 5 * us + L);
        FloatVector c6a = FloatVector.fromArray(S, u, uo + 6 * us);
        FloatVector c6b = FloatVector.fromArray(S, u, uo + 6 * us + L);
        FloatVector c7a = FloatVector.fromArray(S, u, uo + 7 * us);
        FloatVector c7b = FloatVector.fromArray(S, u, uo + 7 * us + L);
        FloatVector c8a = FloatVector.fromArray(S, u, uo + 8 * us);
        FloatVector c8b = FloatVector.fromArray(S, u, uo + 8 * us + L);
        FloatVector c9a = FloatVector.fromArray(S, u, uo + 9 * us);
        FloatVector c9b = FloatVector.fromArray(S, u, uo + 9 * us + L);
        FloatVector c10a = FloatVector.fromArray(S, u, uo + 10 * us);
        FloatVector c10b = FloatVector.fromArray(S, u, uo + 10 * us + L);
        FloatVector c11a = FloatVector.fromArray(S, u, uo + 11 * us);
        FloatVector c11b = FloatVector.fromArray(S, u, uo + 11 * us + L);
        FloatVector c12a = FloatVector.fromArray(S, u, uo + 12 * us);
        FloatVector c12b = FloatVector.fromArray(S, u, uo + 12 * us + L);
        FloatVector c13a = FloatVector.fromArray(S, u, uo + 13 * us);
        FloatVector c13b = FloatVector.fromArray(S, u, uo + 13 * us + L);
        for (int p = 0; p < kc; p++) {
            int b = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ad[ao + p]);
            c0a = x.fma(b0, c0a);
            c0b = x.fma(b1, c0b);
            x = FloatVector.broadcast(S, ad[ao + p + 1 * RS]);
            c1a = x.fma(b0, c1a);
            c1b = x.fma(b1, c1b);
            x = FloatVector.broadcast(S, ad[ao + p + 2 * RS]);
            c2a = x.fma(b0, c2a);
            c2b = x.fma(b1, c2b);
            x = FloatVector.broadcast(S, ad[ao + p + 3 * RS]);
            c3a = x.fma(b0, c3a);
            c3b = x.fma(b1, c3b);
            x = FloatVector.broadcast(S, ad[ao + p + 4 * RS]);
            c4a = x.fma(b0, c4a);
            c4b = x.fma(b1, c4b);
            x = FloatVector.broadcast(S, ad[ao + p + 5 * RS]);
            c5a = x.fma(b0, c5a);
            c5b = x.fma(b1, c5b);
            x = FloatVector.broadcast(S, ad[ao + p + 6 * RS]);
            c6a = x.fma(b0, c6a);
            c6b = x.fma(b1, c6b);
            x = FloatVector.broadcast(S, ad[ao + p + 7 * RS]);
            c7a = x.fma(b0, c7a);
            c7b = x.fma(b1, c7b);
            x = FloatVector.broadcast(S, ad[ao + p + 8 * RS]);
            c8a = x.fma(b0, c8a);
            c8b = x.fma(b1, c8b);
            x = FloatVector.broadcast(S, ad[ao + p + 9 * RS]);
            c9a = x.fma(b0, c9a);
            c9b = x.fma(b1, c9b);
            x = FloatVector.broadcast(S, ad[ao + p + 10 * RS]);
            c10a = x.fma(b0, c10a);
            c10b = x.fma(b1, c10b);
            x = FloatVector.broadcast(S, ad[ao + p + 11 * RS]);
            c11a = x.fma(b0, c11a);
            c11b = x.fma(b1, c11b);
            x = FloatVector.broadcast(S, ad[ao + p + 12 * RS]);
            c12a = x.fma(b0, c12a);
            c12b = x.fma(b1, c12b);
            x = FloatVector.broadcast(S, ad[ao + p + 13 * RS]);
            c13a = x.fma(b0, c13a);
            c13b = x.fma(b1, c13b);
        }
        c0a.intoArray(t, o);
        c0b.intoArray(t, o + L);
        c1a.intoArray(t, o + 1 * s);
        c1b.intoArray(t, o + 1 * s + L);
        c2a.intoArray(t, o + 2 * s);
        c2b.intoArray(t, o + 2 * s + L);
        c3a.intoArray(t, o + 3 * s);
        c3b.intoArray(t, o + 3 * s + L);
        c4a.intoArray(t, o + 4 * s);
        c4b.intoArray(t, o + 4 * s + L);
        c5a.intoArray(t, o + 5 * s);
        c5b.intoArray(t, o + 5 * s + L);
        c6a.intoArray(t, o + 6 * s);
        c6b.intoArray(t, o + 6 * s + L);
        c7a.intoArray(t, o + 7 * s);
        c7b.intoArray(t, o + 7 * s + L);
        c8a.intoArray(t, o + 8 * s);
        c8b.intoArray(t, o + 8 * s + L);
        c9a.intoArray(t, o + 9 * s);
        c9b.intoArray(t, o + 9 * s + L);
        c10a.intoArray(t, o + 10 * s);
        c10b.intoArray(t, o + 10 * s + L);
        c11a.intoArray(t, o + 11 * s);
        c11b.intoArray(t, o + 11 * s + L);
        c12a.intoArray(t, o + 12 * s);
        c12b.intoArray(t, o + 12 * s + L);
        c13a.intoArray(t, o + 13 * s);
        c13b.intoArray(t, o + 13 * s + L);
        if (!direct) {
            packer.scatter(tile, c, i, j, rows, cols);
        }
    }

    /** {@link #micro} for a tile of at most {@link #MR8} rows: 16 accumulators instead of 28. */
    private void micro8(int kc, float[] ad, int ao, int i, int rows, float[] bp, int bo,
                       MatrixView<float[]> c, int j, int cols, boolean add, float[] tile) {
        boolean direct = rows == MR8 && cols == NR && c.colStride() == 1;
        float[] t = direct ? c.data() : tile;
        int o = direct ? c.index(i, j) : 0;
        int s = direct ? c.rowStride() : NR;
        if (add && !direct) {
            packer.gather(c, i, j, rows, cols, tile);
        }
        float[] u = add ? t : ZEROS;
        int uo = add ? o : 0;
        int us = add ? s : 0;
        FloatVector c0a = FloatVector.fromArray(S, u, uo);
        FloatVector c0b = FloatVector.fromArray(S, u, uo + L);
        FloatVector c1a = FloatVector.fromArray(S, u, uo + 1 * us);
        FloatVector c1b = FloatVector.fromArray(S, u, uo + 1 * us + L);
        FloatVector c2a = FloatVector.fromArray(S, u, uo + 2 * us);
        FloatVector c2b = FloatVector.fromArray(S, u, uo + 2 * us + L);
        FloatVector c3a = FloatVector.fromArray(S, u, uo + 3 * us);
        FloatVector c3b = FloatVector.fromArray(S, u, uo + 3 * us + L);
        FloatVector c4a = FloatVector.fromArray(S, u, uo + 4 * us);
        FloatVector c4b = FloatVector.fromArray(S, u, uo + 4 * us + L);
        FloatVector c5a = FloatVector.fromArray(S, u, uo + 5 * us);
        FloatVector c5b = FloatVector.fromArray(S, u, uo + 5 * us + L);
        FloatVector c6a = FloatVector.fromArray(S, u, uo + 6 * us);
        FloatVector c6b = FloatVector.fromArray(S, u, uo + 6 * us + L);
        FloatVector c7a = FloatVector.fromArray(S, u, uo + 7 * us);
        FloatVector c7b = FloatVector.fromArray(S, u, uo + 7 * us + L);
        for (int p = 0; p < kc; p++) {
            int b = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ad[ao + p]);
            c0a = x.fma(b0, c0a);
            c0b = x.fma(b1, c0b);
            x = FloatVector.broadcast(S, ad[ao + p + 1 * RS]);
            c1a = x.fma(b0, c1a);
            c1b = x.fma(b1, c1b);
            x = FloatVector.broadcast(S, ad[ao + p + 2 * RS]);
            c2a = x.fma(b0, c2a);
            c2b = x.fma(b1, c2b);
            x = FloatVector.broadcast(S, ad[ao + p + 3 * RS]);
            c3a = x.fma(b0, c3a);
            c3b = x.fma(b1, c3b);
            x = FloatVector.broadcast(S, ad[ao + p + 4 * RS]);
            c4a = x.fma(b0, c4a);
            c4b = x.fma(b1, c4b);
            x = FloatVector.broadcast(S, ad[ao + p + 5 * RS]);
            c5a = x.fma(b0, c5a);
            c5b = x.fma(b1, c5b);
            x = FloatVector.broadcast(S, ad[ao + p + 6 * RS]);
            c6a = x.fma(b0, c6a);
            c6b = x.fma(b1, c6b);
            x = FloatVector.broadcast(S, ad[ao + p + 7 * RS]);
            c7a = x.fma(b0, c7a);
            c7b = x.fma(b1, c7b);
        }
        c0a.intoArray(t, o);
        c0b.intoArray(t, o + L);
        c1a.intoArray(t, o + 1 * s);
        c1b.intoArray(t, o + 1 * s + L);
        c2a.intoArray(t, o + 2 * s);
        c2b.intoArray(t, o + 2 * s + L);
        c3a.intoArray(t, o + 3 * s);
        c3b.intoArray(t, o + 3 * s + L);
        c4a.intoArray(t, o + 4 * s);
        c4b.intoArray(t, o + 4 * s + L);
        c5a.intoArray(t, o + 5 * s);
        c5b.intoArray(t, o + 5 * s + L);
        c6a.intoArray(t, o + 6 * s);
        c6b.intoArray(t, o + 6 * s + L);
        c7a.intoArray(t, o + 7 * s);
        c7b.intoArray(t, o + 7 * s + L);
        if (!direct) {
            packer.scatter(tile, c, i, j, rows, cols);
        }
    }
}
