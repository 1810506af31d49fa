package jtorch.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementations of the hot float kernels. Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link Kernels#VECTOR}); every method has
 * a scalar twin in {@link Kernels}.
 */
final class VectorKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    /** Per-thread row of one repeated value, so a broadcast operand reads like an array. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static float[] filled(float value, int n) {
        float[] row = SCRATCH.get();
        if (row.length < n) {
            row = new float[n];
            SCRATCH.set(row);
        }
        java.util.Arrays.fill(row, 0, n, value);
        return row;
    }

    /**
     * {@code c[i] = op(a[i], b[i])} over {@code n} elements; a stride of 0 broadcasts one value.
     * Each op has its own loop with a literal vector operation: the JIT intrinsifies only
     * operators it sees as constants, and a loop body must have a single vector shape.
     */
    static void binary(Kernels.BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs,
                       float[] c, int co, int n) {
        if ((as | bs) > 1 || (as | bs) == 0) {
            for (int i = 0; i < n; i++) {
                c[co + i] = op.apply(a[ao + i * as], b[bo + i * bs]);
            }
            return;
        }
        float[] x = as == 0 ? filled(a[ao], n) : a;
        int xo = as == 0 ? 0 : ao;
        float[] y = bs == 0 ? filled(b[bo], n) : b;
        int yo = bs == 0 ? 0 : bo;
        int done;
        switch (op) {
            case ADD: done = add(x, xo, y, yo, c, co, n); break;
            case SUB: done = sub(x, xo, y, yo, c, co, n); break;
            case MUL: done = mul(x, xo, y, yo, c, co, n); break;
            default: done = div(x, xo, y, yo, c, co, n); break;
        }
        for (int i = done; i < n; i++) {
            c[co + i] = op.apply(x[xo + i], y[yo + i]);
        }
    }

    private static int add(float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).add(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
        }
        return upper;
    }

    private static int sub(float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).sub(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
        }
        return upper;
    }

    private static int mul(float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).mul(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
        }
        return upper;
    }

    private static int div(float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).div(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
        }
        return upper;
    }

    /** {@code c[i] = op(a[i])} over {@code n} contiguous elements. */
    static void unary(Kernels.UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        int i = 0;
        int upper = F.loopBound(n);
        switch (op) {
            case RELU:
                FloatVector zero = FloatVector.zero(F);
                for (; i < upper; i += F.length()) {
                    FloatVector v = FloatVector.fromArray(F, a, ao + i);
                    // NaN stays NaN: max(NaN, 0) would drop it, so blend only where v <= 0
                    v.blend(zero, v.compare(VectorOperators.LE, 0f)).intoArray(c, co + i);
                }
                break;
            case EXP:
                for (; i < upper; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).lanewise(VectorOperators.EXP).intoArray(c, co + i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        for (; i < n; i++) {
            c[co + i] = op.apply(a[ao + i]);
        }
    }

    /** Sum of {@code n} floats with four vector accumulators (float lanes, double total). */
    static double sum(float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = FloatVector.zero(F);
        FloatVector s2 = FloatVector.zero(F);
        FloatVector s3 = FloatVector.zero(F);
        int step = F.length() * 4;
        int i = 0;
        double total = 0;
        // flush every block into a double so long sums keep float32-sum accuracy or better
        int block = 1 << 14;
        while (i + step <= n) {
            int end = Math.min(n - step + 1, i + block);
            for (; i < end; i += step) {
                s0 = FloatVector.fromArray(F, a, off + i).add(s0);
                s1 = FloatVector.fromArray(F, a, off + i + F.length()).add(s1);
                s2 = FloatVector.fromArray(F, a, off + i + 2 * F.length()).add(s2);
                s3 = FloatVector.fromArray(F, a, off + i + 3 * F.length()).add(s3);
            }
            total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
            s0 = FloatVector.zero(F);
            s1 = FloatVector.zero(F);
            s2 = FloatVector.zero(F);
            s3 = FloatVector.zero(F);
            Cancellation.check();
        }
        for (; i < n; i++) {
            total += a[off + i];
        }
        return total;
    }

    /** Column sums of a contiguous {@code rows x n} block, columns {@code [from, to)}. */
    static void columnSums(float[] a, int off, int rows, int n, float[] out, int from, int to) {
        int j = from;
        for (; j + F.length() <= to; j += F.length()) {
            FloatVector acc = FloatVector.zero(F);
            for (int r = 0; r < rows; r++) {
                acc = FloatVector.fromArray(F, a, off + r * n + j).add(acc);
            }
            acc.intoArray(out, j);
        }
        for (; j < to; j++) {
            float s = 0;
            for (int r = 0; r < rows; r++) {
                s += a[off + r * n + j];
            }
            out[j] = s;
        }
    }

    // ------------------------------------------------------------------ sgemm

    private static final int KC = 256;

    /**
     * {@code C[m x n] = A[m x k] B[k x n]} (row-major, dense from offset 0), rows {@code [r0, r1)}
     * of C, with B packed into column panels of four vectors and a 4 x (4 vectors) register block.
     */
    static void sgemm(float[] a, float[] b, float[] c, int m, int k, int n, int r0, int r1, float[][] packed) {
        int lanes = F.length();
        int nr = 4 * lanes;
        int panels = (n + nr - 1) / nr;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            float[] bp = packed[pc / KC];
            for (int jp = 0; jp < panels; jp++) {
                int j0 = jp * nr;
                int base = jp * kc * nr;
                int i = r0;
                for (; i + 4 <= r1; i += 4) {
                    micro4(a, k, pc, kc, bp, base, c, n, i, j0, lanes);
                }
                for (; i < r1; i++) {
                    micro1(a, k, pc, kc, bp, base, c, n, i, j0, lanes);
                }
            }
            Cancellation.check();
        }
    }

    /**
     * Packs rows {@code [pc, pc+kc)} of B (element {@code (p, j)} at {@code off + p*rs + j*cs}, so
     * a transposed B packs without a copy first) into zero-padded column panels of 4 vectors.
     */
    static float[] packB(float[] b, int off, int rs, int cs, int k, int n, int pc) {
        int lanes = F.length();
        int nr = 4 * lanes;
        int kc = Math.min(KC, k - pc);
        int panels = (n + nr - 1) / nr;
        float[] bp = new float[panels * kc * nr];
        for (int jp = 0; jp < panels; jp++) {
            int j0 = jp * nr;
            int w = Math.min(nr, n - j0);
            int base = jp * kc * nr;
            for (int p = 0; p < kc; p++) {
                int src = off + (pc + p) * rs + j0 * cs;
                if (cs == 1) {
                    System.arraycopy(b, src, bp, base + p * nr, w);
                } else {
                    for (int j = 0; j < w; j++) {
                        bp[base + p * nr + j] = b[src + j * cs];
                    }
                }
            }
        }
        return bp;
    }

    static int kBlocks(int k) {
        return (k + KC - 1) / KC;
    }

    private static void micro4(float[] a, int k, int pc, int kc, float[] bp, int base, float[] c, int n,
                               int i, int j0, int lanes) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c02 = FloatVector.zero(F);
        FloatVector c03 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c12 = FloatVector.zero(F);
        FloatVector c13 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c22 = FloatVector.zero(F);
        FloatVector c23 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c32 = FloatVector.zero(F);
        FloatVector c33 = FloatVector.zero(F);
        int a0 = i * k + pc;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int nr = 4 * lanes;
        for (int p = 0; p < kc; p++) {
            int bo = base + p * nr;
            FloatVector b0 = FloatVector.fromArray(F, bp, bo);
            FloatVector b1 = FloatVector.fromArray(F, bp, bo + lanes);
            FloatVector b2 = FloatVector.fromArray(F, bp, bo + 2 * lanes);
            FloatVector b3 = FloatVector.fromArray(F, bp, bo + 3 * lanes);
            FloatVector x = FloatVector.broadcast(F, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(F, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(F, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(F, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        if (j0 + nr <= n) {
            // full tile: plain stores, no calls, so the accumulators stay in registers
            int r = i * n + j0;
            FloatVector.fromArray(F, c, r).add(c00).intoArray(c, r);
            FloatVector.fromArray(F, c, r + lanes).add(c01).intoArray(c, r + lanes);
            FloatVector.fromArray(F, c, r + 2 * lanes).add(c02).intoArray(c, r + 2 * lanes);
            FloatVector.fromArray(F, c, r + 3 * lanes).add(c03).intoArray(c, r + 3 * lanes);
            r += n;
            FloatVector.fromArray(F, c, r).add(c10).intoArray(c, r);
            FloatVector.fromArray(F, c, r + lanes).add(c11).intoArray(c, r + lanes);
            FloatVector.fromArray(F, c, r + 2 * lanes).add(c12).intoArray(c, r + 2 * lanes);
            FloatVector.fromArray(F, c, r + 3 * lanes).add(c13).intoArray(c, r + 3 * lanes);
            r += n;
            FloatVector.fromArray(F, c, r).add(c20).intoArray(c, r);
            FloatVector.fromArray(F, c, r + lanes).add(c21).intoArray(c, r + lanes);
            FloatVector.fromArray(F, c, r + 2 * lanes).add(c22).intoArray(c, r + 2 * lanes);
            FloatVector.fromArray(F, c, r + 3 * lanes).add(c23).intoArray(c, r + 3 * lanes);
            r += n;
            FloatVector.fromArray(F, c, r).add(c30).intoArray(c, r);
            FloatVector.fromArray(F, c, r + lanes).add(c31).intoArray(c, r + lanes);
            FloatVector.fromArray(F, c, r + 2 * lanes).add(c32).intoArray(c, r + 2 * lanes);
            FloatVector.fromArray(F, c, r + 3 * lanes).add(c33).intoArray(c, r + 3 * lanes);
            return;
        }
        addRow(c, i * n, n, j0, lanes, c00, c01, c02, c03);
        addRow(c, (i + 1) * n, n, j0, lanes, c10, c11, c12, c13);
        addRow(c, (i + 2) * n, n, j0, lanes, c20, c21, c22, c23);
        addRow(c, (i + 3) * n, n, j0, lanes, c30, c31, c32, c33);
    }

    private static void micro1(float[] a, int k, int pc, int kc, float[] bp, int base, float[] c, int n,
                               int i, int j0, int lanes) {
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F);
        FloatVector c3 = FloatVector.zero(F);
        int a0 = i * k + pc;
        int nr = 4 * lanes;
        for (int p = 0; p < kc; p++) {
            int bo = base + p * nr;
            FloatVector x = FloatVector.broadcast(F, a[a0 + p]);
            c0 = x.fma(FloatVector.fromArray(F, bp, bo), c0);
            c1 = x.fma(FloatVector.fromArray(F, bp, bo + lanes), c1);
            c2 = x.fma(FloatVector.fromArray(F, bp, bo + 2 * lanes), c2);
            c3 = x.fma(FloatVector.fromArray(F, bp, bo + 3 * lanes), c3);
        }
        addRow(c, i * n, n, j0, lanes, c0, c1, c2, c3);
    }

    /** {@code C[row, j0 .. j0 + 4 lanes) += v0..v3}, masked at the right edge of C. */
    private static void addRow(float[] c, int row, int n, int j0, int lanes,
                               FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
        addPart(c, row, n, j0, v0);
        addPart(c, row, n, j0 + lanes, v1);
        addPart(c, row, n, j0 + 2 * lanes, v2);
        addPart(c, row, n, j0 + 3 * lanes, v3);
    }

    private static void addPart(float[] c, int row, int n, int j, FloatVector v) {
        if (j >= n) {
            return;
        }
        if (j + F.length() <= n) {
            FloatVector.fromArray(F, c, row + j).add(v).intoArray(c, row + j);
        } else {
            VectorMask<Float> m = F.indexInRange(j, n);
            FloatVector.fromArray(F, c, row + j, m).add(v).intoArray(c, row + j, m);
        }
    }

    // ------------------------------------------------------------------ dgemm

    /** Double counterpart of {@link #sgemm}: rows {@code [r0, r1)}, 4 x (2 vectors) register block. */
    static void dgemm(double[] a, double[] b, double[] c, int m, int k, int n, int r0, int r1) {
        int lanes = D.length();
        int nr = 2 * lanes;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            for (int j0 = 0; j0 < n; j0 += nr) {
                int i = r0;
                for (; i < r1; i++) {
                    DoubleVector c0 = DoubleVector.zero(D);
                    DoubleVector c1 = DoubleVector.zero(D);
                    VectorMask<Double> m0 = D.indexInRange(j0, n);
                    VectorMask<Double> m1 = D.indexInRange(j0 + lanes, n);
                    int a0 = i * k + pc;
                    for (int p = 0; p < kc; p++) {
                        int bo = (pc + p) * n + j0;
                        DoubleVector x = DoubleVector.broadcast(D, a[a0 + p]);
                        c0 = x.fma(DoubleVector.fromArray(D, b, bo, m0), c0);
                        c1 = x.fma(DoubleVector.fromArray(D, b, bo + lanes, m1), c1);
                    }
                    int row = i * n + j0;
                    DoubleVector.fromArray(D, c, row, m0).add(c0).intoArray(c, row, m0);
                    DoubleVector.fromArray(D, c, row + lanes, m1).add(c1).intoArray(c, row + lanes, m1);
                }
            }
            Cancellation.check();
        }
    }
}
