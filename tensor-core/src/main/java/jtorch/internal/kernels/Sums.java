package jtorch.internal.kernels;

import java.util.function.IntToDoubleFunction;
import jtorch.DType;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.shape.StridedCursor;
import jtorch.internal.storage.Storage;

/**
 * The sum kernels: sums over the dimensions flagged in a mask ({@link ReducedDims}) of a strided
 * operand, into one double or long accumulator per output element (row-major over the kept
 * dims). Contiguous float32 and float64 input whose reduced dims are adjacent is summed in
 * PyTorch's own order and precision ({@link CascadeSum}), so printed sums and means carry its
 * last digits; other layouts and dtypes are walked row by row into a double or long accumulator.
 */
public final class Sums {
    private Sums() {}

    /**
     * Writes the sums of {@code t} over the masked dims into {@code out}, a contiguous tensor of the
     * kept dims' shape: accumulated in double when {@code out} is floating, else in long.
     */
    public static void sumInto(Strided out, Strided t, boolean[] mask) {
        Storage dst = out.storage();
        int base = out.layout().offset();
        int n = out.layout().numel();
        if (dst.array() instanceof float[] f) {
            narrow(sumDouble(t, mask), f, dst.base + base, n);
        } else if (dst.dtype().isFloatingPoint()) {
            double[] acc = sumDouble(t, mask);
            for (int i = 0; i < n; i++) {
                dst.setDouble(base + i, acc[i]);
            }
        } else {
            long[] acc = sumLong(t, mask);
            for (int i = 0; i < n; i++) {
                dst.setLong(base + i, acc[i]);
            }
        }
    }

    /**
     * {@code dst[at + i] = (float) acc[i]} for {@code i < n}: a float32 result's store, one loop that
     * the warm-up compiles (in {@link #sumInto} it would run interpreted for a user's first sums).
     */
    static void narrow(double[] acc, float[] dst, int at, int n) {
        for (int i = 0; i < n; i++) {
            dst[at + i] = (float) acc[i];
        }
    }

    /** Sums into a double accumulator per output element (row-major over kept dims). */
    public static double[] sumDouble(Strided t, boolean[] mask) {
        double[] exact = cascade(t, mask);
        if (exact != null) {
            return exact;
        }
        double[] acc = new double[Math.max(1, ReducedDims.outCount(t.layout().sizes(), mask))];
        for (Rows r = Rows.of(t, mask); r != null; r = r.next()) {
            addRow(acc, t.storage(), r.src, r.srcStep, r.dst, r.dstStep, r.length, r.done);
        }
        return acc;
    }

    /**
     * PyTorch's own float32/float64 sum ({@link CascadeSum}) of a contiguous operand whose reduced
     * dims are one adjacent run, {@code outer x reduced x inner} blocks summed over the middle, as
     * PyTorch's reduction loop does (a last-dim reduction row by row, any other down the columns),
     * or whose kept dims are one adjacent run between reduced ones ({@link #keptMiddle}); null for
     * other layouts and dtypes.
     */
    private static double[] cascade(Strided t, boolean[] mask) {
        Layout l = t.layout();
        Storage st = t.storage();
        DType type = st.dtype();
        if (type != DType.FLOAT32 && type != DType.FLOAT64 || !l.isContiguous() || st.array() == null) {
            return null;
        }
        int off = st.base + l.offset();
        CascadeSum sum = type == DType.FLOAT32 ? CascadeSum.FLOAT32 : CascadeSum.FLOAT64;
        IntToDoubleFunction load = CascadeSum.load(st.array(), off);
        int[] run = adjacentRun(mask, true);
        if (run == null) {
            return keptMiddle(sum, load, l, mask);
        }
        int[] sizes = block(l, run);
        int outer = sizes[0];
        int reduced = sizes[1];
        int inner = sizes[2];
        if (outer == 1 && inner == 1) {
            return new double[] {sum.sum(load, reduced, Parallel.numThreads())};
        }
        if (inner == 1) {
            return sum.innerSums(load, outer, reduced);
        }
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            Cancellation.checkSpan((long) o * reduced * inner, (long) reduced * inner);
            int base = o * reduced * inner;
            IntToDoubleFunction block = load instanceof CascadeSum.FloatArray f ? f.from(base)
                    : i -> load.applyAsDouble(base + i);
            System.arraycopy(sum.outerSums(block, reduced, inner), 0, out, o * inner, inner);
        }
        return out;
    }

    /**
     * The sums of an operand whose kept dims are one adjacent run with reduced dims
     * on both sides ({@code (N, C, H, W)} over N, H and W): {@link CascadeSum#keptMiddleSums} of the
     * {@code outer x kept x inner} block, each of the three more than one element; null otherwise.
     */
    private static double[] keptMiddle(CascadeSum sum, IntToDoubleFunction load, Layout l, boolean[] mask) {
        int[] kept = adjacentRun(mask, false);
        if (kept == null || kept[0] == 0 || kept[1] == mask.length - 1) {
            return null;
        }
        int[] block = block(l, kept);
        // with a run of one element, ATen merges its neighbours into another layout
        return block[0] > 1 && block[1] > 1 && block[2] > 1 ? sum.keptMiddleSums(load, block[0], block[1], block[2])
                : null;
    }

    /** The elements of the dims before, within and after {@code run} (its first and last dim). */
    private static int[] block(Layout l, int[] run) {
        int[] block = {1, 1, 1};
        for (int d = 0; d < l.sizes().length; d++) {
            block[d < run[0] ? 0 : d <= run[1] ? 1 : 2] *= l.size(d);
        }
        return block;
    }

    /** The first and last dim of the one adjacent run of dims whose flag is {@code flag}; null if none or several runs. */
    private static int[] adjacentRun(boolean[] mask, boolean flag) {
        int first = -1;
        int last = -1;
        for (int d = 0; d < mask.length; d++) {
            if (mask[d] == flag) {
                if (first < 0) {
                    first = d;
                } else if (last != d - 1) {
                    return null;
                }
                last = d;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    /**
     * {@code acc[dst + i * dstStep] += t[src + i * srcStep]} for each element of a row, in order;
     * float32 and float64 arrays are read directly, a row folding into one output (a reduced last
     * dim) through a local accumulator: the same additions in the same order either way.
     */
    private static void addRow(double[] acc, Storage st, int src, int srcStep, int dst, int dstStep, int length,
                               int done) {
        Cancellation.checkSpan(done, length);
        Object array = st.array();
        int at = st.base + src;
        if (array instanceof float[] x && dstStep == 0) {
            double a = acc[dst];
            for (int i = 0; i < length; i++, at += srcStep) {
                a += x[at];
            }
            acc[dst] = a;
        } else if (array instanceof float[] x) {
            for (int i = 0; i < length; i++, at += srcStep, dst += dstStep) {
                acc[dst] += x[at];
            }
        } else if (array instanceof double[] x) {
            for (int i = 0; i < length; i++, at += srcStep, dst += dstStep) {
                acc[dst] += x[at];
            }
        } else {
            for (int i = 0; i < length; i++, src += srcStep, dst += dstStep) {
                acc[dst] += st.getDouble(src);
            }
        }
    }

    /** Sums into a long accumulator per output element (integral and bool inputs). */
    public static long[] sumLong(Strided t, boolean[] mask) {
        long[] acc = new long[Math.max(1, ReducedDims.outCount(t.layout().sizes(), mask))];
        for (Rows r = Rows.of(t, mask); r != null; r = r.next()) {
            addRow(acc, t.storage(), r.src, r.srcStep, r.dst, r.dstStep, r.length, r.done);
        }
        return acc;
    }

    private static void addRow(long[] acc, Storage st, int src, int srcStep, int dst, int dstStep, int length,
                               int done) {
        for (int i = 0; i < length; i++, src += srcStep, dst += dstStep) {
            Cancellation.checkEvery(done + i);
            acc[dst] += st.getLong(src);
        }
    }

    /**
     * A strided operand walked row by row in row-major order, for folding it into a reduced
     * output. A row runs along the last dim: its element {@code i} is at storage index
     * {@code src + i * srcStep} and folds into output element {@code dst + i * dstStep} (outputs
     * numbered row-major over the kept dims); {@code done} counts the elements of earlier rows.
     */
    private static final class Rows {
        final int length;
        final int srcStep;
        final int dstStep;
        int src;
        int dst;
        int done;
        private final StridedCursor cursor;
        private final int total;

        private Rows(Layout l, boolean[] mask) {
            int[] sizes = l.sizes();
            int last = sizes.length - 1;
            int[] outStrides = ReducedDims.keptStrides(sizes, mask);
            this.length = last < 0 ? 1 : sizes[last];
            this.srcStep = last < 0 ? 0 : l.stride(last);
            this.dstStep = last < 0 ? 0 : outStrides[last];
            this.cursor = new StridedCursor(sizes, Math.max(last, 0), new int[] {l.offset(), 0}, l.strides(),
                    outStrides);
            this.src = l.offset();
            this.total = l.numel();
        }

        /** The first row, or null when the operand has no elements. */
        static Rows of(Strided t, boolean[] mask) {
            return t.layout().numel() == 0 ? null : new Rows(t.layout(), mask);
        }

        /** Steps to the next row (carrying over the outer dims), or null after the last. */
        Rows next() {
            done += length;
            if (done >= total) {
                return null;
            }
            cursor.next();
            src = cursor.at(0);
            dst = cursor.at(1);
            return this;
        }
    }
}
