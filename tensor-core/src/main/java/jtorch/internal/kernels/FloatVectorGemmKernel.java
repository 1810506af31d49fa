package jtorch.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 micro-kernel on the Vector API: a 14-row by 2-vector register block (28 vector
 * accumulators, 2 B vectors and one broadcast of A: 31 of the 32 AVX-512 registers), fed from
 * panels packed with vector loads and gathers (MR must not exceed the lane count). Loaded only when {@code jdk.incubator.vector} is present ({@link #create}).
 */
final class FloatVectorGemmKernel extends FloatGemmKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 14;
    private static final int NR = 2 * L;
    private static final int KC = 1024;
    private static final float[] ZEROS = new float[NR];

    /**
     * Blocks: KC 1024 deep, NC 512 wide (the packed B block 2 MiB, an A micro-panel 56 KiB).
     * The micro-kernel is bound by the fma rate, so streaming A and B from L2 or L3 costs little;
     * what a shallower block costs is one more pass over C (each micro-kernel call loads and
     * stores its tile). Measured on an AMD EPYC (Zen 4) core, 32 KiB L1d and 1 MiB L2, thread
     * CPU with the blockings alternated in one JVM: against KC 384 x NC 512, 1024^2 3-7 % and
     * 2048^2 6-10 % faster at one thread, 4 % and 6 % at two; blocks sized to its caches
     * (KC 256, a 512 KiB B block) no faster than KC 384. On a Sapphire Rapids core (48 KiB L1d,
     * 2 MiB L2), where KC 384 was chosen, KC 256-512 with NC 256-512 measured within noise of
     * each other, and KC 1024 (NC 256 or 512) was among six blockings within noise of KC 384 or
     * slightly slower (the six 2048^2 127-133 ms against 119-127, a loaded machine; gemm5 in
     * tensor-core/BENCHMARKS.md); not re-measured there with these blocks.
     */
    private FloatVectorGemmKernel() {
        super(MR, NR, KC, 16, 16, true);
    }

    /** The vector kernel; a static factory, so callers link this class only when they use it. */
    static FloatGemmKernel create() {
        return new FloatVectorGemmKernel();
    }

    /**
     * One 16-lane load per depth step: a gather across rows of A, or a plain load when A^T is
     * row-major. The two lanes past MR read two more rows of the array (the panel falls back to
     * the plain copy when the array ends before them) and land where the next depth step, or
     * the next panel, is written afterwards, or in the workspace's slack.
     */
    @Override
    void packAPanel(MatrixView<float[]> a, int i0, int p0, int kc, float[] dst, int base) {
        float[] src = a.data();
        int s = a.index(i0, p0);
        long last = s + (long) (L - 1) * a.rowStride() + (long) (kc - 1) * a.colStride();
        if (last >= src.length) {
            super.packAPanel(a, i0, p0, kc, dst, base);
            return;
        }
        if (a.rowStride() == 1) {
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, src, s + p * a.colStride()).intoArray(dst, base + p * MR);
            }
            return;
        }
        int[] rows = new int[L];
        for (int r = 0; r < L; r++) {
            rows[r] = r * a.rowStride();
        }
        for (int p = 0; p < kc; p++) {
            FloatVector.fromArray(S, src, s + p * a.colStride(), rows, 0).intoArray(dst, base + p * MR);
        }
    }

    /** Copies (contiguous rows of B) or gathers (one element per column) each depth step's {@code NR} elements. */
    @Override
    void packBPanel(MatrixView<float[]> b, int p0, int kc, int j0, float[] dst, int base) {
        float[] src = b.data();
        int s = b.index(p0, j0);
        if (b.colStride() == 1) {
            for (int p = 0; p < kc; p++) {
                int from = s + p * b.rowStride();
                int d = base + p * NR;
                FloatVector.fromArray(S, src, from).intoArray(dst, d);
                FloatVector.fromArray(S, src, from + L).intoArray(dst, d + L);
            }
            return;
        }
        int[] columns = new int[NR];
        for (int j = 0; j < NR; j++) {
            columns[j] = j * b.colStride();
        }
        for (int p = 0; p < kc; p++) {
            int from = s + p * b.rowStride();
            int d = base + p * NR;
            FloatVector.fromArray(S, src, from, columns, 0).intoArray(dst, d);
            FloatVector.fromArray(S, src, from, columns, L).intoArray(dst, d + L);
        }
    }

    @Override
    void micro(int kc, float[] ap, int ao, float[] bp, int bo, MatrixView<float[]> c, int i, int j, int rows,
               int cols, boolean add, float[] tile) {
        boolean direct = rows == MR && cols == NR && c.colStride() == 1;
        float[] t = direct ? c.data() : tile;
        int o = direct ? c.index(i, j) : 0;
        int s = direct ? c.rowStride() : NR;
        if (add && !direct) {
            gather(c, i, j, rows, cols, tile);
        }
        // the accumulators start from C's tile, or from a row of zeros read MR times
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
            int a = ao + p * MR;
            int b = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a]);
            c0a = x.fma(b0, c0a);
            c0b = x.fma(b1, c0b);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c1a = x.fma(b0, c1a);
            c1b = x.fma(b1, c1b);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c2a = x.fma(b0, c2a);
            c2b = x.fma(b1, c2b);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c3a = x.fma(b0, c3a);
            c3b = x.fma(b1, c3b);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c4a = x.fma(b0, c4a);
            c4b = x.fma(b1, c4b);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c5a = x.fma(b0, c5a);
            c5b = x.fma(b1, c5b);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c6a = x.fma(b0, c6a);
            c6b = x.fma(b1, c6b);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c7a = x.fma(b0, c7a);
            c7b = x.fma(b1, c7b);
            x = FloatVector.broadcast(S, ap[a + 8]);
            c8a = x.fma(b0, c8a);
            c8b = x.fma(b1, c8b);
            x = FloatVector.broadcast(S, ap[a + 9]);
            c9a = x.fma(b0, c9a);
            c9b = x.fma(b1, c9b);
            x = FloatVector.broadcast(S, ap[a + 10]);
            c10a = x.fma(b0, c10a);
            c10b = x.fma(b1, c10b);
            x = FloatVector.broadcast(S, ap[a + 11]);
            c11a = x.fma(b0, c11a);
            c11b = x.fma(b1, c11b);
            x = FloatVector.broadcast(S, ap[a + 12]);
            c12a = x.fma(b0, c12a);
            c12b = x.fma(b1, c12b);
            x = FloatVector.broadcast(S, ap[a + 13]);
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
            scatter(tile, c, i, j, rows, cols);
        }
    }
}
