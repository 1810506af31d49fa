package jtorch.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementations of the hot float kernels. Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link Kernels#VECTOR}); every method has
 * a scalar twin in {@link Kernels}.
 */
final class VectorKernels {
    /**
     * The one float species (a second float shape would make the JIT box the GEMM kernels'
     * vectors); int lanes appear only as these vectors' bits reinterpreted.
     */
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

    /**
     * {@link FloatExp#exp}'s steps lane by lane, in float like it (the powers of two are built in
     * the lanes' int bits); returns how many were done. One loop body without calls or inner
     * loops: a vector passed across either would be boxed.
     */
    static int expFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector negLn2Hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector negLn2Lo = FloatVector.broadcast(F, -FloatExp.LN2_LO);
        FloatVector c0 = FloatVector.broadcast(F, FloatExp.C0);
        FloatVector c1 = FloatVector.broadcast(F, FloatExp.C1);
        FloatVector c2 = FloatVector.broadcast(F, FloatExp.C2);
        FloatVector c3 = FloatVector.broadcast(F, FloatExp.C3);
        FloatVector c4 = FloatVector.broadcast(F, FloatExp.C4);
        FloatVector c5 = FloatVector.broadcast(F, FloatExp.C5);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector shifted = x.mul(FloatExp.LOG2E).add(FloatExp.SHIFTER);
            FloatVector k = shifted.sub(FloatExp.SHIFTER);
            IntVector q = shifted.reinterpretAsInts().sub(FloatExp.SHIFTER_BITS);
            FloatVector s = k.fma(negLn2Hi, x);
            s = k.fma(negLn2Lo, s);
            FloatVector u = c0.fma(s, c1);
            u = u.fma(s, c2);
            u = u.fma(s, c3);
            u = u.fma(s, c4);
            u = u.fma(s, c5);
            u = s.mul(s).fma(u, s).add(1f);
            IntVector half = q.lanewise(VectorOperators.ASHR, 1);
            FloatVector scale0 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector scale1 = q.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            u = u.mul(scale0).mul(scale1);
            u = u.blend(0f, x.compare(VectorOperators.LT, FloatExp.LOW));
            u = u.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, FloatExp.HIGH));
            u.blend(x, x.compare(VectorOperators.NE, x)).intoArray(c, co + i);
        }
        return upper;
    }

    /**
     * PyTorch's float32 sigmoid vector code, {@code 1 / (1 + exp(0 - x))}, in three passes over
     * whole vectors ({@code 0 - x} into {@code c}, {@link #expFloat} in place, then {@code 1 / (1 +
     * e)}), so that exp's loop stays the one loop (a shared vector helper, left uninlined by C2 in
     * some runs, boxed its vectors: exp of 1M floats took 2.2-2.6 ms instead of 0.62); returns how
     * many were done.
     */
    static int sigmoidFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector one = FloatVector.broadcast(F, 1f);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            zero.sub(FloatVector.fromArray(F, a, ao + i)).intoArray(c, co + i);
        }
        expFloat(c, co, c, co, upper);
        for (int i = 0; i < upper; i += F.length()) {
            one.div(FloatVector.fromArray(F, c, co + i).add(one)).intoArray(c, co + i);
        }
        return upper;
    }

    /** {@link Kernels#reluGrad(float[], int, int, float[], int, float[], int, int)}. */
    static void reluGrad(float[] g, int go, int gs, float[] r, int ro, float[] c, int co, int n) {
        FloatVector zero = FloatVector.zero(F);
        FloatVector broadcast = FloatVector.broadcast(F, g[go]);
        int upper = F.loopBound(n);
        int i = 0;
        for (; i < upper; i += F.length()) {
            FloatVector grad = gs == 0 ? broadcast : FloatVector.fromArray(F, g, go + i);
            grad.blend(zero, FloatVector.fromArray(F, r, ro + i).compare(VectorOperators.LE, 0f)).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = Kernels.reluGrad(g[go + i * gs], r[ro + i]);
        }
    }


    /**
     * Rows {@code [i0, i1)} of {@link Kernels#copy2d} when the source's columns are strided (a
     * transpose of at least {@link Kernels#TRANSPOSE_MIN_ELEMENTS} takes {@link #transposeRows}):
     * one gather per 16 destination elements, column block outside, so the 16 source lines a
     * gather touches serve the next rows' gathers too.
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

    /**
     * Destination rows of one {@link #transposeRows} tile: each of its 16 source rows is read
     * 1 KiB at a time. 4096^2 on one thread (AMD EPYC, Zen 4): 16 rows 42.9 ms, 64 24.1, 128
     * 22.0, 256 21.0; gathering straight from the source 41.2.
     */
    static final int TRANSPOSE_TILE = 256;

    /**
     * Rows {@code [i0, i1)} of {@link Kernels#copy2d} from a transpose, whose element (i, j) is
     * {@code src[so + i + j * cs]}: per tile of up to {@link #TRANSPOSE_TILE} destination rows and
     * 16 destination columns, the 16 source rows' segments are loaded whole into a buffer, then each
     * destination row's 16 elements are gathered from it. Gathering from the source itself reads 16
     * lines {@code cs} apart per vector, which for a power-of-two {@code cs} all fall into one L1
     * set and evict each other before the next row's gather reuses them. The buffer's rows are a
     * vector more than the tile apart (17 lines for a whole tile), so a gather's lanes fall into
     * different sets.
     */
    static void transposeRows(float[] src, int so, int cs, float[] dst, int dOff, int cols, int i0, int i1) {
        int lanes = F.length();
        int tile = Math.min(TRANSPOSE_TILE, i1 - i0);
        int stride = tile + lanes;
        float[] buffer = new float[lanes * stride];
        int[] columns = new int[lanes];
        for (int k = 0; k < lanes; k++) {
            columns[k] = k * stride;
        }
        int upper = F.loopBound(cols);
        for (int bi = i0; bi < i1; bi += tile) {
            int rows = Math.min(tile, i1 - bi);
            int whole = F.loopBound(rows);
            for (int j = 0; j < upper; j += lanes) {
                for (int r = 0; r < lanes; r++) {
                    int s = so + bi + (j + r) * cs;
                    int b = r * stride;
                    int c = 0;
                    for (; c < whole; c += lanes) {
                        FloatVector.fromArray(F, src, s + c).intoArray(buffer, b + c);
                    }
                    for (; c < rows; c++) {
                        buffer[b + c] = src[s + c];
                    }
                }
                for (int i = 0; i < rows; i++) {
                    FloatVector.fromArray(F, buffer, i, columns, 0).intoArray(dst, dOff + (bi + i) * cols + j);
                }
            }
            for (int i = bi; i < bi + rows; i++) {
                for (int j = upper; j < cols; j++) {
                    dst[dOff + i * cols + j] = src[so + i + j * cs];
                }
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

    /**
     * Whether {@link #cascadeRows} fits the species: 16 float lanes (AVX-512), two of PyTorch's
     * 8-lane AVX2 vectors.
     */
    static final boolean CASCADE = F.length() == 16;

    /**
     * {@link CascadeSum}'s {@code multi_row_sum} of 4 rows of 8 float lanes whose item {@code i} is
     * the 32 consecutive floats from {@code base + i * rowStride} on (row {@code k} = floats
     * {@code 8k .. 8k + 7}), for {@link #CASCADE} species. PyTorch's four 8-lane accumulators are the
     * halves of two 16-lane vectors ({@code lo}: rows 0 and 1, {@code hi}: rows 2 and 3), loaded
     * as two 16-float loads, so each lane sees PyTorch's additions in its order. Items go into level
     * 0; every {@code 2^levelPower} items level {@code j} is added into {@code j + 1} and cleared
     * while the item count is a multiple of {@code 2^(j * levelPower)}; at the end the levels are
     * added into level 0, which is written to {@code out[0..31]} (row {@code k} lane {@code l} at
     * {@code 8k + l}). No cancellation checks inside (the callers check once per call): a branch the
     * warm-up never takes would make the compiled loop deoptimize in the first large sum.
     */
    static void cascadeRows(float[] a, int base, int rowStride, int size, int levelPower, float[] out) {
        int half = F.length();
        int step = 1 << levelPower;
        long mask = step - 1;
        FloatVector zero = FloatVector.zero(F);
        FloatVector lo0 = zero;
        FloatVector hi0 = zero;
        FloatVector lo1 = zero;
        FloatVector hi1 = zero;
        FloatVector lo2 = zero;
        FloatVector hi2 = zero;
        FloatVector lo3 = zero;
        FloatVector hi3 = zero;
        int i = 0;
        int at = base;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, at += rowStride) {
                lo0 = lo0.add(FloatVector.fromArray(F, a, at));
                hi0 = hi0.add(FloatVector.fromArray(F, a, at + half));
            }
            i += step;
            lo1 = lo1.add(lo0);
            hi1 = hi1.add(hi0);
            lo0 = zero;
            hi0 = zero;
            if ((i & (mask << levelPower)) == 0) {
                lo2 = lo2.add(lo1);
                hi2 = hi2.add(hi1);
                lo1 = zero;
                hi1 = zero;
                if ((i & (mask << (2 * levelPower))) == 0) {
                    lo3 = lo3.add(lo2);
                    hi3 = hi3.add(hi2);
                    lo2 = zero;
                    hi2 = zero;
                }
            }
        }
        for (; i < size; i++, at += rowStride) {
            lo0 = lo0.add(FloatVector.fromArray(F, a, at));
            hi0 = hi0.add(FloatVector.fromArray(F, a, at + half));
        }
        lo0.add(lo1).add(lo2).add(lo3).intoArray(out, 0);
        hi0.add(hi1).add(hi2).add(hi3).intoArray(out, half);
    }

    /**
     * The largest ({@code max}) or smallest of {@code a[from .. from + n)}, {@code n} a positive
     * multiple of the vector length: NaN if any element is NaN, as {@link Math#max} and
     * {@link Math#min}, which the lanes' max and min follow.
     */
    static float extreme(float[] a, int from, int n, boolean max) {
        FloatVector acc = FloatVector.fromArray(F, a, from);
        if (max) {
            for (int i = F.length(); i < n; i += F.length()) {
                acc = acc.max(FloatVector.fromArray(F, a, from + i));
            }
            return acc.reduceLanes(VectorOperators.MAX);
        }
        for (int i = F.length(); i < n; i += F.length()) {
            acc = acc.min(FloatVector.fromArray(F, a, from + i));
        }
        return acc.reduceLanes(VectorOperators.MIN);
    }

    /**
     * The first {@code i < n} with {@code a[from + i] == m} (for a NaN {@code m}: the first NaN),
     * {@code n} a multiple of the vector length; {@code n} if none.
     */
    static int indexOf(float[] a, int from, int n, float m) {
        FloatVector target = FloatVector.broadcast(F, m);
        boolean nan = Float.isNaN(m);
        for (int i = 0; i < n; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, from + i);
            VectorMask<Float> hit = nan ? v.compare(VectorOperators.NE, v) : v.compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        return n;
    }

    /** {@link Kernels#clamp} over whole vectors, by the same comparisons; returns how many were done. */
    static int clamp(float[] x, int xo, float lo, float hi, float[] y, int yo, int n) {
        FloatVector low = FloatVector.broadcast(F, lo);
        FloatVector high = FloatVector.broadcast(F, hi);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector atLeast = v.blend(low, v.compare(VectorOperators.LT, low));
            atLeast.blend(high, high.compare(VectorOperators.LT, atLeast)).intoArray(y, yo + i);
        }
        return upper;
    }

    /**
     * {@link MaxPool2dKernel}'s forward over whole windows, one output per lane: output {@code o}
     * of {@code [0, t.outputs())} reads its window's elements at {@code x[base + t.starts[o] +
     * t.offsets[e]]} in PyTorch's row-major window order, each replacing the lane's maximum when
     * greater or NaN, as the scalar loop does, so the values (NaN payloads too) and the indices are
     * the same. Indices are carried in float lanes (exact: {@link MaxPool2dKernel.Windows} serves
     * planes of fewer than 2^24 elements) and written to {@code indices} through {@code lanes}.
     */
    static void maxPoolWindows(float[] x, int base, MaxPool2dKernel.Windows t, float[] out, int outOff,
                               long[] indices, float[] lanes) {
        int[] starts = t.starts();
        int[] offsets = t.offsets();
        for (int o = 0; o < t.outputs(); o += F.length()) {
            FloatVector at = FloatVector.fromArray(F, t.within(), o);
            FloatVector max = FloatVector.fromArray(F, x, base, starts, o);
            FloatVector best = at;
            for (int e = 1; e < offsets.length; e++) {
                FloatVector v = FloatVector.fromArray(F, x, base + offsets[e], starts, o);
                VectorMask<Float> take = v.compare(VectorOperators.GT, max).or(v.compare(VectorOperators.NE, v));
                max = max.blend(v, take);
                best = best.blend(at.add(offsets[e]), take);
            }
            max.intoArray(out, outOff + o);
            best.intoArray(lanes, 0);
            for (int l = 0; l < F.length(); l++) {
                indices[outOff + o + l] = (long) lanes[l];
            }
        }
    }

    /** Blocks of 16 uniforms per vector: lane {@code k} is pair {@code k % 8} of block {@code k / 8}. */
    static final int BOX_MULLER_BLOCKS = F.length() / 8;
    /** 2^23: a non-negative float below it, plus this, is rounded to a whole number (its low bits). */
    private static final float WHOLE = 0x1p23f;
    /** Where lane {@code k}'s first uniform of a pair lies in a group of blocks; the second is 8 further. */
    private static final int[] PAIR_FIRST = pairFirst();

    private static int[] pairFirst() {
        int[] map = new int[F.length()];
        for (int k = 0; k < map.length; k++) {
            map[k] = 16 * (k / 8) + k % 8;
        }
        return map;
    }

    /**
     * {@link AvxMath#boxMuller16} of {@code groups} groups of {@link #BOX_MULLER_BLOCKS} blocks of
     * 16 uniforms from {@code d[o]}, in place, one pair a lane: the same float operations in the
     * same order as {@link AvxMath#log}, {@link AvxMath#sin} and {@link AvxMath#cos}, selections by
     * masks, so the bits are the scalar code's. One loop body without calls (the log's and the
     * sine's steps written out), as {@link #expFloat}: with log and sin/cos as helpers taking and
     * returning vectors, which C2 did not inline, randn of 1M floats took 10-21 ms.
     */
    static void boxMuller(float[] d, int o, int groups, float mean, float std) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector half = FloatVector.broadcast(F, 0.5f);
        FloatVector p0 = FloatVector.broadcast(F, AvxMath.LOG_P[0]);
        FloatVector p1 = FloatVector.broadcast(F, AvxMath.LOG_P[1]);
        FloatVector p2 = FloatVector.broadcast(F, AvxMath.LOG_P[2]);
        FloatVector p3 = FloatVector.broadcast(F, AvxMath.LOG_P[3]);
        FloatVector p4 = FloatVector.broadcast(F, AvxMath.LOG_P[4]);
        FloatVector p5 = FloatVector.broadcast(F, AvxMath.LOG_P[5]);
        FloatVector p6 = FloatVector.broadcast(F, AvxMath.LOG_P[6]);
        FloatVector p7 = FloatVector.broadcast(F, AvxMath.LOG_P[7]);
        FloatVector p8 = FloatVector.broadcast(F, AvxMath.LOG_P[8]);
        FloatVector logQ2 = FloatVector.broadcast(F, AvxMath.LOG_Q2);
        FloatVector dp1 = FloatVector.broadcast(F, AvxMath.DP1);
        FloatVector dp2 = FloatVector.broadcast(F, AvxMath.DP2);
        FloatVector dp3 = FloatVector.broadcast(F, AvxMath.DP3);
        FloatVector cos0 = FloatVector.broadcast(F, AvxMath.COS_P0);
        FloatVector cos1 = FloatVector.broadcast(F, AvxMath.COS_P1);
        FloatVector cos2 = FloatVector.broadcast(F, AvxMath.COS_P2);
        FloatVector sin0 = FloatVector.broadcast(F, AvxMath.SIN_P0);
        FloatVector sin1 = FloatVector.broadcast(F, AvxMath.SIN_P1);
        FloatVector sin2 = FloatVector.broadcast(F, AvxMath.SIN_P2);
        float[] pairs = new float[2 * F.length()];
        for (int group = 0; group < groups; group++) {
            int at = o + 16 * BOX_MULLER_BLOCKS * group;
            FloatVector u1 = one.sub(FloatVector.fromArray(F, d, at, PAIR_FIRST, 0));
            FloatVector u2 = FloatVector.fromArray(F, d, at + 8, PAIR_FIRST, 0);
            // log(u1)
            VectorMask<Float> invalid = u1.compare(VectorOperators.GT, 0f).not();
            IntVector bits = u1.max(Float.MIN_NORMAL).reinterpretAsInts();
            FloatVector e = ((FloatVector) bits.lanewise(VectorOperators.LSHR, 23).sub(0x7f)
                    .convert(VectorOperators.I2F, 0)).add(1f);
            FloatVector m = bits.and(~0x7f800000).or(Float.floatToRawIntBits(0.5f)).reinterpretAsFloats();
            VectorMask<Float> small = m.compare(VectorOperators.LT, AvxMath.SQRT_HALF);
            FloatVector r = m.sub(1f);
            e = e.blend(e.sub(1f), small);
            r = r.blend(r.add(m), small);
            FloatVector z = r.mul(r);
            FloatVector y = p0.fma(r, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5).fma(r, p6).fma(r, p7).fma(r, p8);
            y = y.mul(r);
            y = y.fma(z, e.mul(AvxMath.LOG_Q1));
            y = z.neg().fma(half, y);
            FloatVector log = e.fma(logQ2, r.add(y)).blend(Float.NaN, invalid);
            FloatVector radius = log.mul(-2f).lanewise(VectorOperators.SQRT);
            // sin and cos of theta
            FloatVector theta = u2.mul(AvxMath.TWO_PI);
            IntVector signSin = theta.reinterpretAsInts().and(AvxMath.SIGN);
            FloatVector a = theta.abs();
            // j = (int) (a 4/pi), truncated without convert(F2I), which JDK 17 runs in Java for this
            // species (randn of 4M floats 35 ms): the nearest int from the bits of the sum with 2^23,
            // one less where that is above
            FloatVector quarters = a.mul(AvxMath.FOUR_OVER_PI);
            IntVector j = quarters.add(WHOLE).reinterpretAsInts().sub(Float.floatToRawIntBits(WHOLE));
            VectorMask<Integer> above = ((FloatVector) j.convert(VectorOperators.I2F, 0))
                    .compare(VectorOperators.GT, quarters).cast(j.species());
            j = j.lanewise(VectorOperators.SUB, 1, above).add(1).and(~1);
            FloatVector k = (FloatVector) j.convert(VectorOperators.I2F, 0);
            signSin = signSin.lanewise(VectorOperators.XOR, j.and(4).lanewise(VectorOperators.LSHL, 29));
            IntVector signCos = j.sub(2).not().and(4).lanewise(VectorOperators.LSHL, 29);
            VectorMask<Float> cosPoly = j.and(2).compare(VectorOperators.NE, 0).cast(F);
            a = k.fma(dp1, a);
            a = k.fma(dp2, a);
            a = k.fma(dp3, a);
            z = a.mul(a);
            FloatVector c = cos0.fma(z, cos1).fma(z, cos2);
            c = c.mul(z);
            c = c.fma(z, z.mul(0.5f).neg()).add(1f);
            FloatVector s = sin0.fma(z, sin1).fma(z, sin2);
            s = s.mul(z);
            s = s.fma(a, a);
            FloatVector sin = s.blend(c, cosPoly).add(0f).reinterpretAsInts()
                    .lanewise(VectorOperators.XOR, signSin).reinterpretAsFloats();
            FloatVector cos = c.blend(s, cosPoly).add(0f).reinterpretAsInts()
                    .lanewise(VectorOperators.XOR, signCos).reinterpretAsFloats();
            // stored through a scratch array: with two scatters into d, C2 (JDK 17, this loop fully
            // intrinsified) dropped the first, leaving the cosines' uniforms in place
            radius.mul(cos).fma(std, mean).intoArray(pairs, 0);
            radius.mul(sin).fma(std, mean).intoArray(pairs, F.length());
            for (int lane = 0; lane < F.length(); lane++) {
                d[at + PAIR_FIRST[lane]] = pairs[lane];
                d[at + PAIR_FIRST[lane] + 8] = pairs[F.length() + lane];
            }
        }
    }
}
