package jtorch.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementations of the hot float kernels. Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link Kernels#VECTOR}); every method has
 * a scalar twin in {@link Kernels}.
 */
final class VectorKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    /**
     * {@code c[i] = op(a[i], b[i])} over {@code n} elements; a stride of 0 broadcasts one value
     * (a Java number operand, or a broadcast row or column). Each op has its own loops with a
     * literal vector operation: the JIT intrinsifies only operators it sees as constants, and a
     * loop body must have a single vector shape.
     */
    static void binary(Kernels.BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs,
                       float[] c, int co, int n) {
        int done = 0;
        if ((as | bs) == 1) {
            switch (op) {
                case ADD: done = add(a, ao, as, b, bo, bs, c, co, n); break;
                case SUB: done = sub(a, ao, as, b, bo, bs, c, co, n); break;
                case MUL: done = mul(a, ao, as, b, bo, bs, c, co, n); break;
                default: done = div(a, ao, as, b, bo, bs, c, co, n); break;
            }
        }
        for (int i = done; i < n; i++) {
            c[co + i] = op.apply(a[ao + i * as], b[bo + i * bs]);
        }
    }

    /** {@code c = a add b} over whole vectors, strides (1, 1), (0, 1) or (1, 0); returns how many were done. */
    private static int add(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        if (as == 0) {
            FloatVector x = FloatVector.broadcast(F, a[ao]);
            for (int i = 0; i < upper; i += F.length()) {
                x.add(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        } else if (bs == 0) {
            FloatVector y = FloatVector.broadcast(F, b[bo]);
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).add(y).intoArray(c, co + i);
            }
        } else {
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).add(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        }
        return upper;
    }

    /** {@code c = a sub b} over whole vectors, strides (1, 1), (0, 1) or (1, 0); returns how many were done. */
    private static int sub(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        if (as == 0) {
            FloatVector x = FloatVector.broadcast(F, a[ao]);
            for (int i = 0; i < upper; i += F.length()) {
                x.sub(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        } else if (bs == 0) {
            FloatVector y = FloatVector.broadcast(F, b[bo]);
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).sub(y).intoArray(c, co + i);
            }
        } else {
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).sub(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        }
        return upper;
    }

    /** {@code c = a mul b} over whole vectors, strides (1, 1), (0, 1) or (1, 0); returns how many were done. */
    private static int mul(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        if (as == 0) {
            FloatVector x = FloatVector.broadcast(F, a[ao]);
            for (int i = 0; i < upper; i += F.length()) {
                x.mul(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        } else if (bs == 0) {
            FloatVector y = FloatVector.broadcast(F, b[bo]);
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).mul(y).intoArray(c, co + i);
            }
        } else {
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).mul(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        }
        return upper;
    }

    /** {@code c = a div b} over whole vectors, strides (1, 1), (0, 1) or (1, 0); returns how many were done. */
    private static int div(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        if (as == 0) {
            FloatVector x = FloatVector.broadcast(F, a[ao]);
            for (int i = 0; i < upper; i += F.length()) {
                x.div(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
        } else if (bs == 0) {
            FloatVector y = FloatVector.broadcast(F, b[bo]);
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).div(y).intoArray(c, co + i);
            }
        } else {
            for (int i = 0; i < upper; i += F.length()) {
                FloatVector.fromArray(F, a, ao + i).div(FloatVector.fromArray(F, b, bo + i)).intoArray(c, co + i);
            }
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

    /** {@code c[i] = r[i] <= 0 ? 0 : g[i]} over {@code n} contiguous elements. */
    static void reluGrad(float[] g, int go, float[] r, int ro, float[] c, int co, int n) {
        FloatVector zero = FloatVector.zero(F);
        int upper = F.loopBound(n);
        int i = 0;
        for (; i < upper; i += F.length()) {
            FloatVector.fromArray(F, g, go + i)
                    .blend(zero, FloatVector.fromArray(F, r, ro + i).compare(VectorOperators.LE, 0f))
                    .intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = Kernels.reluGrad(g[go + i], r[ro + i]);
        }
    }

    /**
     * Rows {@code [i0, i1)} of {@link Kernels#copy2d} when the source's columns are strided (a
     * transpose): one gather per 16 destination elements, column block outside, so the 16
     * source lines a gather touches serve the next rows' gathers too.
     */
    static void gatherRows(float[] src, int so, int rs, int cs, float[] dst, int dOff, int cols, int i0, int i1) {
        int[] columns = new int[F.length()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = k * cs;
        }
        int upper = F.loopBound(cols);
        for (int j = 0; j < upper; j += F.length()) {
            for (int i = i0; i < i1; i++) {
                FloatVector.fromArray(F, src, so + i * rs + j * cs, columns, 0).intoArray(dst, dOff + i * cols + j);
            }
        }
        for (int i = i0; i < i1; i++) {
            for (int j = upper; j < cols; j++) {
                dst[dOff + i * cols + j] = src[so + i * rs + j * cs];
            }
        }
    }

    /** {@link Kernels#sgdStep} over whole vectors; returns how many elements were done. */
    static int sgdStep(float[] p, float[] g, float negLr, int n) {
        int upper = F.loopBound(n);
        FloatVector rate = FloatVector.broadcast(F, negLr);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, g, i).fma(rate, FloatVector.fromArray(F, p, i)).intoArray(p, i);
        }
        return upper;
    }

    /** {@link Kernels#sgdMomentumStep} over whole vectors; returns how many elements were done. */
    static int sgdMomentumStep(float[] p, float[] g, float[] buf, float mom, float keep, float negLr, int n) {
        int upper = F.loopBound(n);
        FloatVector kept = FloatVector.broadcast(F, keep);
        FloatVector rate = FloatVector.broadcast(F, negLr);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector b = FloatVector.fromArray(F, g, i).fma(kept, FloatVector.fromArray(F, buf, i).mul(mom));
            b.intoArray(buf, i);
            b.fma(rate, FloatVector.fromArray(F, p, i)).intoArray(p, i);
        }
        return upper;
    }

    /** {@link Kernels#adamStep} over whole vectors; returns how many elements were done. */
    static int adamStep(float[] p, float[] g, float[] m, float[] v, Kernels.AdamCoefficients k, int n) {
        int upper = F.loopBound(n);
        FloatVector c1 = FloatVector.broadcast(F, k.c1());
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector gi = FloatVector.fromArray(F, g, i);
            FloatVector mi = gi.fma(c1, FloatVector.fromArray(F, m, i).mul(k.beta1()));
            FloatVector vi = gi.mul(k.c2()).fma(gi, FloatVector.fromArray(F, v, i).mul(k.beta2()));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.sqrt().div(k.correction2Sqrt()).add(k.eps());
            FloatVector.fromArray(F, p, i).add(mi.mul(k.negStep()).div(denom)).intoArray(p, i);
        }
        return upper;
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
}
