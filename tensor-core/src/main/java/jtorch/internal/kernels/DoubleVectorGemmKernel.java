package jtorch.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 micro-kernel on the Vector API: a 14-row by 2-vector register block (28 vector
 * accumulators, 2 B vectors and one broadcast of A: 31 of the 32 AVX-512 registers), fed from
 * packed panels. Loaded only when {@code jdk.incubator.vector} is present ({@link #create}).
 */
final class DoubleVectorGemmKernel extends DoubleGemmKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 14;
    private static final int NR = 2 * L;
    private static final int KC = 512;
    private static final double[] ZEROS = new double[NR];

    /**
     * Blocks: KC 512 deep, NC 512 wide, the byte sizes of the float kernel's (a 2 MiB packed B
     * block, a 56 KiB A micro-panel), for the same reason: fewer passes over C. Measured on an
     * AMD EPYC (Zen 4) core against KC 192 (thread CPU, alternated in one JVM): 1024^2 10-11 %
     * faster at one thread, 5-7 % at two; NC 256 within 1.5 % of NC 512. On a Sapphire Rapids core,
     * with KC 192 and A then packed once per NC columns, NC 512 ran 8-10 % faster than NC 256 and
     * NC 1024 slower.
     */
    private DoubleVectorGemmKernel() {
        super(MR, NR, KC, 16, 32, true);
    }

    /** The vector kernel; a static factory, so callers link this class only when they use it. */
    static DoubleGemmKernel create() {
        return new DoubleVectorGemmKernel();
    }

    /**
     * Copies contiguous rows of B with vector loads. Strided columns take the plain copy: a double
     * gather loads its index map as 8-lane int vectors, and once those have run, the JIT no longer
     * intrinsifies the float kernel's 16-lane gathers (shared Vector API code sees both shapes),
     * which makes them 10 times slower.
     */
    @Override
    void packBPanel(MatrixView<double[]> b, int p0, int kc, int j0, double[] dst, int base) {
        if (b.colStride() != 1) {
            super.packBPanel(b, p0, kc, j0, dst, base);
            return;
        }
        double[] src = b.data();
        int s = b.index(p0, j0);
        for (int p = 0; p < kc; p++) {
            int from = s + p * b.rowStride();
            int d = base + p * NR;
            DoubleVector.fromArray(S, src, from).intoArray(dst, d);
            DoubleVector.fromArray(S, src, from + L).intoArray(dst, d + L);
        }
    }

    @Override
    void micro(int kc, double[] ap, int ao, double[] bp, int bo, MatrixView<double[]> c, int i, int j, int rows,
               int cols, boolean add, double[] tile) {
        boolean direct = rows == MR && cols == NR && c.colStride() == 1;
        double[] t = direct ? c.data() : tile;
        int o = direct ? c.index(i, j) : 0;
        int s = direct ? c.rowStride() : NR;
        if (add && !direct) {
            gather(c, i, j, rows, cols, tile);
        }
        // the accumulators start from C's tile, or from a row of zeros read MR times
        double[] u = add ? t : ZEROS;
        int uo = add ? o : 0;
        int us = add ? s : 0;
        DoubleVector c0a = DoubleVector.fromArray(S, u, uo);
        DoubleVector c0b = DoubleVector.fromArray(S, u, uo + L);
        DoubleVector c1a = DoubleVector.fromArray(S, u, uo + 1 * us);
        DoubleVector c1b = DoubleVector.fromArray(S, u, uo + 1 * us + L);
        DoubleVector c2a = DoubleVector.fromArray(S, u, uo + 2 * us);
        DoubleVector c2b = DoubleVector.fromArray(S, u, uo + 2 * us + L);
        DoubleVector c3a = DoubleVector.fromArray(S, u, uo + 3 * us);
        DoubleVector c3b = DoubleVector.fromArray(S, u, uo + 3 * us + L);
        DoubleVector c4a = DoubleVector.fromArray(S, u, uo + 4 * us);
        DoubleVector c4b = DoubleVector.fromArray(S, u, uo + 4 * us + L);
        DoubleVector c5a = DoubleVector.fromArray(S, u, uo + 5 * us);
        DoubleVector c5b = DoubleVector.fromArray(S, u, uo + 5 * us + L);
        DoubleVector c6a = DoubleVector.fromArray(S, u, uo + 6 * us);
        DoubleVector c6b = DoubleVector.fromArray(S, u, uo + 6 * us + L);
        DoubleVector c7a = DoubleVector.fromArray(S, u, uo + 7 * us);
        DoubleVector c7b = DoubleVector.fromArray(S, u, uo + 7 * us + L);
        DoubleVector c8a = DoubleVector.fromArray(S, u, uo + 8 * us);
        DoubleVector c8b = DoubleVector.fromArray(S, u, uo + 8 * us + L);
        DoubleVector c9a = DoubleVector.fromArray(S, u, uo + 9 * us);
        DoubleVector c9b = DoubleVector.fromArray(S, u, uo + 9 * us + L);
        DoubleVector c10a = DoubleVector.fromArray(S, u, uo + 10 * us);
        DoubleVector c10b = DoubleVector.fromArray(S, u, uo + 10 * us + L);
        DoubleVector c11a = DoubleVector.fromArray(S, u, uo + 11 * us);
        DoubleVector c11b = DoubleVector.fromArray(S, u, uo + 11 * us + L);
        DoubleVector c12a = DoubleVector.fromArray(S, u, uo + 12 * us);
        DoubleVector c12b = DoubleVector.fromArray(S, u, uo + 12 * us + L);
        DoubleVector c13a = DoubleVector.fromArray(S, u, uo + 13 * us);
        DoubleVector c13b = DoubleVector.fromArray(S, u, uo + 13 * us + L);
        for (int p = 0; p < kc; p++) {
            int a = ao + p * MR;
            int b = bo + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, b);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, b + L);
            DoubleVector x;
            x = DoubleVector.broadcast(S, ap[a]);
            c0a = x.fma(b0, c0a);
            c0b = x.fma(b1, c0b);
            x = DoubleVector.broadcast(S, ap[a + 1]);
            c1a = x.fma(b0, c1a);
            c1b = x.fma(b1, c1b);
            x = DoubleVector.broadcast(S, ap[a + 2]);
            c2a = x.fma(b0, c2a);
            c2b = x.fma(b1, c2b);
            x = DoubleVector.broadcast(S, ap[a + 3]);
            c3a = x.fma(b0, c3a);
            c3b = x.fma(b1, c3b);
            x = DoubleVector.broadcast(S, ap[a + 4]);
            c4a = x.fma(b0, c4a);
            c4b = x.fma(b1, c4b);
            x = DoubleVector.broadcast(S, ap[a + 5]);
            c5a = x.fma(b0, c5a);
            c5b = x.fma(b1, c5b);
            x = DoubleVector.broadcast(S, ap[a + 6]);
            c6a = x.fma(b0, c6a);
            c6b = x.fma(b1, c6b);
            x = DoubleVector.broadcast(S, ap[a + 7]);
            c7a = x.fma(b0, c7a);
            c7b = x.fma(b1, c7b);
            x = DoubleVector.broadcast(S, ap[a + 8]);
            c8a = x.fma(b0, c8a);
            c8b = x.fma(b1, c8b);
            x = DoubleVector.broadcast(S, ap[a + 9]);
            c9a = x.fma(b0, c9a);
            c9b = x.fma(b1, c9b);
            x = DoubleVector.broadcast(S, ap[a + 10]);
            c10a = x.fma(b0, c10a);
            c10b = x.fma(b1, c10b);
            x = DoubleVector.broadcast(S, ap[a + 11]);
            c11a = x.fma(b0, c11a);
            c11b = x.fma(b1, c11b);
            x = DoubleVector.broadcast(S, ap[a + 12]);
            c12a = x.fma(b0, c12a);
            c12b = x.fma(b1, c12b);
            x = DoubleVector.broadcast(S, ap[a + 13]);
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
