package jtorch.internal.kernels;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.StridedCursor;
import jtorch.internal.storage.Storage;

/**
 * Loops that apply a scalar function over strided, broadcast operands into an output. Floating
 * computations run in {@code double} and integral ones in {@code long}; results are stored with
 * the output dtype's cast. Contiguous float32 operands take array loops, vectorised for the
 * ops with a vector form ({@link Kernels.BinaryOp}, {@link UnaryOp}) and split over
 * threads when large. The output may alias an input (in-place ops); no autograd here.
 */
public final class Elementwise {
    private Elementwise() {}

    /**
     * A float32 kernel over contiguous arrays: {@code y[yo + i] = f(x[xo + i])} for {@code i < n},
     * the same values as the op's scalar function rounded to float.
     */
    public interface FloatRun {
        void apply(float[] x, int xo, float[] y, int yo, int n);
    }

    /** {@code out = op(a)}: an op with a vector form. */
    public static void unaryInto(Strided out, Strided a, DType compute, UnaryOp op) {
        unaryInto(out, a, compute, op.onDouble, op.onLong, op, (x, xo, y, yo, n) -> Kernels.unary(op, x, xo, y, yo, n));
    }

    /** {@code out = f(a)} ({@code g} for integral compute dtypes), {@code a} broadcast to {@code out}'s shape. */
    public static void unaryInto(Strided out, Strided a, DType compute, DoubleUnaryOperator f, LongUnaryOperator g) {
        unaryInto(out, a, compute, f, g, null, null);
    }

    /** {@link #unaryInto(Strided, Strided, DType, DoubleUnaryOperator, LongUnaryOperator)} with {@code dense} for contiguous float32. */
    public static void unaryInto(Strided out, Strided a, DType compute, DoubleUnaryOperator f, LongUnaryOperator g,
                                 FloatRun dense) {
        unaryInto(out, a, compute, f, g, null, dense);
    }

    /**
     * The loops: {@code run} (with {@code compute} float32) over contiguous float32 operands;
     * else {@code fast}'s float function (when given: its float32 results are not those of
     * {@code f}) or {@code f} element by element.
     */
    private static void unaryInto(Strided out, Strided a, DType compute, DoubleUnaryOperator f, LongUnaryOperator g,
                                  UnaryOp fast, FloatRun run) {
        Layout lo = out.layout();
        Layout la = a.layout();
        int n = lo.numel();
        Storage in = a.storage();
        Storage st = out.storage();
        boolean dense = in.dtype() == DType.FLOAT32 && st.dtype() == DType.FLOAT32 && la.isContiguous()
                && lo.isContiguous() && la.sameSizes(lo) && in.array() != null && st.array() != null;
        if (dense && compute.isFloatingPoint()) {
            float[] x = (float[]) in.array();
            float[] y = (float[]) st.array();
            int xo = in.base + la.offset();
            int yo = st.base + lo.offset();
            if (run != null && compute == DType.FLOAT32) {
                inChunks(n, n, (s, len) -> run.apply(x, xo + s, y, yo + s, len));
            } else {
                inChunks(n, (long) n * SCALAR_FUNCTION_WORK, (s, len) -> {
                    for (int i = s; i < s + len; i++) {
                        y[yo + i] = (float) f.applyAsDouble(x[xo + i]);
                    }
                });
            }
            return;
        }
        int[] shape = lo.sizes();
        StridedCursor c = new StridedCursor(shape, new int[] {la.offset(), lo.offset()}, la.stridesFor(shape),
                lo.strides());
        boolean floating = compute.isFloatingPoint();
        boolean singleFast = fast != null && compute == DType.FLOAT32;
        for (int k = 0; k < n; k++, c.next()) {
            Cancellation.checkEvery(k);
            if (singleFast) {
                st.setDouble(c.at(1), fast.apply((float) in.getDouble(c.at(0))));
            } else if (floating) {
                st.setDouble(c.at(1), f.applyAsDouble(in.getDouble(c.at(0))));
            } else {
                st.setLong(c.at(1), g.applyAsLong(in.getLong(c.at(0))));
            }
        }
    }

    /** {@code out = op(a, b)}: an op with a vector form. */
    public static void binaryInto(Strided out, Strided a, Strided b, DType compute, Kernels.BinaryOp op) {
        binaryInto(out, a, b, compute, op.onDouble, op.onLong, op, null);
    }

    /**
     * {@code out = f(a, b)} ({@code g} for integral compute dtypes) where {@code a} and {@code b}
     * broadcast to {@code out}'s shape. Operands of float32/float16/bfloat16 ops are rounded to
     * the compute dtype first, as PyTorch casts inputs (and scalars) before computing.
     */
    public static void binaryInto(Strided out, Strided a, Strided b, DType compute, DoubleBinaryOperator f,
                                  LongBinaryOperator g) {
        binaryInto(out, a, b, compute, f, g, null, null);
    }

    /** A float32 kernel over contiguous arrays: {@code z[zo + i] = f(x[xo + i], y[yo + i])} for {@code i < n}. */
    public interface FloatRun2 {
        void apply(float[] x, int xo, float[] y, int yo, float[] z, int zo, int n);
    }

    /** {@link #binaryInto(Strided, Strided, Strided, DType, DoubleBinaryOperator, LongBinaryOperator)} with {@code dense} for contiguous float32 operands of one shape. */
    public static void binaryInto(Strided out, Strided a, Strided b, DType compute, DoubleBinaryOperator f,
                                  LongBinaryOperator g, FloatRun2 dense) {
        binaryInto(out, a, b, compute, f, g, null, dense);
    }

    private static void binaryInto(Strided out, Strided a, Strided b, DType compute, DoubleBinaryOperator f,
                                   LongBinaryOperator g, Kernels.BinaryOp fast, FloatRun2 run) {
        Layout lo = out.layout();
        int n = lo.numel();
        if (n == 0) {
            return;
        }
        if (fast != null && compute == DType.FLOAT32 && floatRows(out, a, b, fast)) {
            return;
        }
        Layout la = a.layout();
        Layout lb = b.layout();
        Storage ia = a.storage();
        Storage ib = b.storage();
        Storage st = out.storage();
        if (compute.isFloatingPoint() && allFloatArrays(st, ia, ib) && lo.isContiguous() && la.isContiguous()
                && lb.isContiguous() && la.sameSizes(lo) && lb.sameSizes(lo)) {
            float[] x = (float[]) ia.array();
            float[] y = (float[]) ib.array();
            float[] z = (float[]) st.array();
            int xo = ia.base + la.offset();
            int yo = ib.base + lb.offset();
            int zo = st.base + lo.offset();
            if (run != null && compute == DType.FLOAT32) {
                inChunks(n, (long) n * SCALAR_FUNCTION_WORK, (s, len) -> run.apply(x, xo + s, y, yo + s, z, zo + s, len));
                return;
            }
            inChunks(n, (long) n * SCALAR_FUNCTION_WORK, (s, len) -> {
                for (int i = s; i < s + len; i++) {
                    z[zo + i] = (float) f.applyAsDouble(x[xo + i], y[yo + i]);
                }
            });
            return;
        }
        int[] shape = lo.sizes();
        StridedCursor c = new StridedCursor(shape, new int[] {la.offset(), lb.offset(), lo.offset()},
                la.stridesFor(shape), lb.stridesFor(shape), lo.strides());
        boolean floating = compute.isFloatingPoint();
        boolean single = floating && compute != DType.FLOAT64;
        for (int k = 0; k < n; k++, c.next()) {
            Cancellation.checkEvery(k);
            if (single) {
                st.setDouble(c.at(2), f.applyAsDouble(Casts.round(ia.getDouble(c.at(0)), compute),
                        Casts.round(ib.getDouble(c.at(1)), compute)));
            } else if (floating) {
                st.setDouble(c.at(2), f.applyAsDouble(ia.getDouble(c.at(0)), ib.getDouble(c.at(1))));
            } else {
                st.setLong(c.at(2), g.applyAsLong(ia.getLong(c.at(0)), ib.getLong(c.at(1))));
            }
        }
    }

    /**
     * ReLU's gradient {@code out = result <= 0 ? 0 : grad} (PyTorch's {@code threshold_backward}
     * at 0), {@code grad} and {@code result} broadcast to {@code out}'s shape.
     */
    public static void reluGradInto(Strided out, Strided grad, Strided result, DType compute) {
        gradInto(out, grad, result, compute, Kernels::reluGrad, (x, y) -> y <= 0 ? 0 : x, (x, y) -> y <= 0 ? 0 : x);
    }

    /**
     * tanh's gradient {@code out = grad * (1 - result^2)} ({@link Kernels#tanhGrad(float, float)}),
     * {@code grad} and {@code result} broadcast to {@code out}'s shape; float32, float16 and
     * bfloat16 in float arithmetic, float64 in double.
     */
    public static void tanhGradInto(Strided out, Strided grad, Strided result, DType compute) {
        DoubleBinaryOperator f = compute == DType.FLOAT64 ? Kernels::tanhGrad
                : (x, y) -> Kernels.tanhGrad((float) x, (float) y);
        gradInto(out, grad, result, compute, Kernels::tanhGrad, f, null);
    }

    /**
     * A float32 kernel of a gradient over contiguous arrays: {@code c[co + i] = f(g[go + i * gs],
     * v[vo + i])} for {@code i < n}, {@code gs} 1 or 0 (one gradient value broadcast).
     */
    public interface FloatGradRun {
        void apply(float[] g, int go, int gs, float[] v, int vo, float[] c, int co, int n);
    }

    /** A float32 kernel of a gradient over contiguous arrays, the gradient too: {@code c[co + i] = f(g[go + i], v[vo + i])}. */
    public interface DenseGradRun {
        void apply(float[] g, int go, float[] v, int vo, float[] c, int co, int n);
    }

    /** {@code run} as a {@link FloatGradRun}: a broadcast gradient value is first spread over the run's length. */
    public static FloatGradRun dense(DenseGradRun run) {
        return (g, go, gs, v, vo, c, co, n) -> {
            if (gs == 1) {
                run.apply(g, go, v, vo, c, co, n);
                return;
            }
            float[] spread = new float[n];
            Arrays.fill(spread, g[go]);
            run.apply(spread, 0, v, vo, c, co, n);
        };
    }

    /**
     * A gradient {@code out = f(grad, value)} ({@code g} for integral compute dtypes) from the
     * incoming gradient and the op's input or result, both broadcast to {@code out}'s shape:
     * {@code run} (when given) over contiguous float32 operands of the output's shape (the
     * gradient may be one value broadcast, as a sum's), else {@code f} element by element, whose
     * float32 results must be {@code run}'s.
     */
    public static void gradInto(Strided out, Strided grad, Strided value, DType compute, FloatGradRun run,
                                DoubleBinaryOperator f, LongBinaryOperator g) {
        Layout lo = out.layout();
        Flat fg = Flat.of(grad, lo);
        Flat fv = Flat.of(value, lo);
        if (run != null && compute == DType.FLOAT32 && allFloatArrays(out.storage()) && lo.isContiguous() && fg != null
                && fv != null && fv.stride == 1) {
            float[] z = (float[]) out.storage().array();
            int zo = out.storage().base + lo.offset();
            inChunks(lo.numel(), lo.numel(),
                    (s, len) -> run.apply(fg.data, fg.at(s), fg.stride, fv.data, fv.at(s), z, zo + s, len));
            return;
        }
        binaryInto(out, grad, value, compute, f, g);
    }

    private static boolean allFloatArrays(Storage... storages) {
        for (Storage s : storages) {
            if (s.dtype() != DType.FLOAT32 || s.array() == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A float32 operand walked in the output's order: a contiguous array of the output's shape
     * (stride 1), or a single value of any dtype, such as a Java number or one value expanded
     * (stride 0), rounded to float as PyTorch casts a scalar to the compute dtype.
     */
    private record Flat(float[] data, int offset, int stride) {
        /** The operand as a Flat, or null if it is neither of the two. */
        static Flat of(Strided t, Layout out) {
            Layout l = t.layout();
            Storage st = t.storage();
            if (l.numel() == 1 || l.numel() > 1 && isOneValue(l)) {
                return new Flat(new float[] {(float) st.getDouble(l.offset())}, 0, 0);
            }
            if (st.dtype() == DType.FLOAT32 && st.array() != null && l.isContiguous() && l.sameSizes(out)) {
                return new Flat((float[]) st.array(), st.base + l.offset(), 1);
            }
            return null;
        }

        int at(int i) {
            return offset + i * stride;
        }

        /** Whether every stride is 0: one value expanded, such as the gradient of a sum. */
        private static boolean isOneValue(Layout l) {
            for (int stride : l.strides()) {
                if (stride != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * {@link Parallel#forRange}'s work for an element of a scalar function (an op without a vector
     * form, called through its interface) in elements of a vector kernel: 4, so that such an op
     * splits from two cancellation chunks on. Dense float32 on 2 threads against one loop (AMD
     * EPYC): 2^17 elements sqrt 205 -> 115 us, abs 123 -> 80, log 1.90 -> 0.95 ms; 4M pow 101 ->
     * 52 ms, tanh 150 -> 74.
     */
    private static final int SCALAR_FUNCTION_WORK = 4;

    /** A body over {@code len} elements from {@code start}. */
    private interface Span {
        void run(int start, int len);
    }

    /**
     * Runs {@code body} over {@code [0, n)} in cancellation-sized chunks, split over threads when
     * {@code work} ({@link Parallel#forRange}'s estimate: an element of a vector kernel counts 1)
     * is large.
     */
    private static void inChunks(int n, long work, Span body) {
        if (n <= Cancellation.CHUNK) {
            body.run(0, n);
            return;
        }
        int chunks = (n + Cancellation.CHUNK - 1) / Cancellation.CHUNK;
        Parallel.forRange(chunks, work, (from, to) -> {
            for (int c = from; c < to; c++) {
                Cancellation.check();
                int s = c * Cancellation.CHUNK;
                body.run(s, Math.min(Cancellation.CHUNK, n - s));
            }
        });
    }

    /**
     * The float32 row path: the last dimension is walked by a vector kernel (input strides 0 or
     * 1 there), the outer dimensions by offsets computed per row; rows are split over threads.
     */
    private static boolean floatRows(Strided out, Strided a, Strided b, Kernels.BinaryOp op) {
        Layout lo = out.layout();
        Layout la = a.layout();
        Layout lb = b.layout();
        if (!allFloatArrays(out.storage()) || !lo.isContiguous()) {
            return false;
        }
        int n = lo.numel();
        float[] z = (float[]) out.storage().array();
        int zo = out.storage().base + lo.offset();
        Flat fa = Flat.of(a, lo);
        Flat fb = Flat.of(b, lo);
        if (fa != null && fb != null) {
            inChunks(n, n, (s, len) -> Kernels.binary(op, fa.data, fa.at(s), fa.stride, fb.data, fb.at(s), fb.stride,
                    z, zo + s, len));
            return true;
        }
        if (!allFloatArrays(a.storage(), b.storage())) {
            return false;
        }
        float[] x = (float[]) a.storage().array();
        float[] y = (float[]) b.storage().array();
        int xb = a.storage().base;
        int yb = b.storage().base;
        int[] shape = lo.sizes();
        int nd = shape.length;
        int[] sa = la.stridesFor(shape);
        int[] sb = lb.stridesFor(shape);
        int inner = nd == 0 ? 1 : shape[nd - 1];
        int ia = nd == 0 ? 0 : sa[nd - 1];
        int ib = nd == 0 ? 0 : sb[nd - 1];
        if ((ia != 0 && ia != 1) || (ib != 0 && ib != 1) || inner == 0) {
            return false;
        }
        int rows = n / inner;
        Parallel.forRange(rows, n, (from, to) -> {
            for (int r = from; r < to; r++) {
                if ((r & 63) == 0) {
                    Cancellation.check();
                }
                int rem = r;
                int oa = la.offset();
                int ob = lb.offset();
                for (int d = nd - 2; d >= 0; d--) {
                    int i = rem % shape[d];
                    rem /= shape[d];
                    oa += i * sa[d];
                    ob += i * sb[d];
                }
                Kernels.binary(op, x, xb + oa, ia, y, yb + ob, ib, z, zo + r * inner, inner);
            }
        });
        return true;
    }
}
