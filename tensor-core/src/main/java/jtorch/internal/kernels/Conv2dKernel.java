package jtorch.internal.kernels;

import java.util.function.IntFunction;

/**
 * 2-d convolution of dense {@code (N, C, H, W)} arrays with a dense {@code (O, C / groups, kh, kw)}
 * weight, by im2col and {@link Gemm}: for each sample and group, {@code out_g = W_g cols_g}
 * ({@code W_g} is {@code O/groups x K}, {@code cols_g} the {@code K x L} column matrix of the
 * group's {@code C/groups} input planes, {@code K = C/groups * kh * kw}, {@code L = outH * outW}).
 * The gradients are the adjoint products: {@code dcols = W_g^T dout_g} scattered back into the
 * input planes, and {@code dW_g = sum over samples of dout_g cols_g^T}.
 *
 * <p>Samples are split over {@link Parallel}'s threads, each with its own column buffer; the
 * weight gradient sums per-thread partial gradients in thread order, so a result depends only on
 * the thread count. One instance per array type: {@link #FLOAT}, {@link #DOUBLE}.
 *
 * @param <A> {@code float[]} or {@code double[]}
 */
public final class Conv2dKernel<A> {
    /** The float32 kernel. */
    public static final Conv2dKernel<float[]> FLOAT = new Conv2dKernel<>(float[]::new, Im2Col::gather,
            Im2Col::scatterAdd, Gemm::sgemm, (acc, part) -> {
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += part[i];
                }
            });
    /** The float64 kernel. */
    public static final Conv2dKernel<double[]> DOUBLE = new Conv2dKernel<>(double[]::new, Im2Col::gather,
            Im2Col::scatterAdd, Gemm::dgemm, (acc, part) -> {
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += part[i];
                }
            });

    /** {@code cols = gather(x, map)}. */
    private interface Gather<A> {
        void apply(A x, int xOff, int[] map, A cols);
    }

    /** {@code x += scatter(cols, map)}. */
    private interface Scatter<A> {
        void apply(A cols, int[] map, A x, int xOff);
    }

    /** A {@link Gemm} entry point. */
    private interface Product<A> {
        void apply(int m, int n, int k, MatrixView<A> a, MatrixView<A> b, MatrixView<A> c, boolean accumulate);
    }

    /** {@code acc += part}, elementwise over equal lengths. */
    private interface AddInto<A> {
        void apply(A acc, A part);
    }

    private final IntFunction<A> allocate;
    private final Gather<A> gather;
    private final Scatter<A> scatter;
    private final Product<A> gemm;
    private final AddInto<A> addInto;

    private Conv2dKernel(IntFunction<A> allocate, Gather<A> gather, Scatter<A> scatter, Product<A> gemm,
                         AddInto<A> addInto) {
        this.allocate = allocate;
        this.gather = gather;
        this.scatter = scatter;
        this.gemm = gemm;
        this.addInto = addInto;
    }

    /**
     * The shapes of one convolution: {@code n} samples of {@code c} planes, {@code o} output
     * planes, {@code groups} groups, and the window.
     */
    public record Shape(int n, int c, int o, int groups, Window2d window) {
        int cg() {
            return c / groups;
        }

        int og() {
            return o / groups;
        }

        /** Rows of a group's column matrix: {@code c/groups * kh * kw}. */
        int depth() {
            return cg() * window.kh() * window.kw();
        }
    }

    /**
     * {@code out = conv(x, w)}, or {@code out += conv(x, w)} when {@code accumulate} (the caller
     * prefilled {@code out} with the bias). {@code out} is dense {@code (N, O, outH, outW)}.
     */
    public void forward(A x, A w, A out, Shape s, boolean accumulate) {
        int depth = s.depth();
        int plane = s.window().outPlane();
        int[] map = s.window().isIdentity() ? null : Im2Col.indexMap(s.window(), s.cg());
        eachSampleRange(s, (from, to) -> {
            A cols = map == null ? null : allocate.apply(depth * plane);
            for (int i = from; i < to; i++) {
                Cancellation.check();
                for (int g = 0; g < s.groups(); g++) {
                    int xOff = (i * s.c() + g * s.cg()) * s.window().inPlane();
                    MatrixView<A> columns;
                    if (map == null) {
                        columns = new MatrixView<>(x, xOff, plane, 1);
                    } else {
                        gather.apply(x, xOff, map, cols);
                        columns = new MatrixView<>(cols, 0, plane, 1);
                    }
                    gemm.apply(s.og(), plane, depth, new MatrixView<>(w, g * s.og() * depth, depth, 1), columns,
                            new MatrixView<>(out, (i * s.o() + g * s.og()) * plane, plane, 1), accumulate);
                }
            }
        });
    }

    /** {@code gx = d conv / d x} applied to {@code g}; {@code gx} is dense {@code (N, C, H, W)} and zero on entry. */
    public void inputGrad(A g, A w, A gx, Shape s) {
        int depth = s.depth();
        int plane = s.window().outPlane();
        boolean identity = s.window().isIdentity();
        int[] map = identity ? null : Im2Col.indexMap(s.window(), s.cg());
        eachSampleRange(s, (from, to) -> {
            A cols = identity ? null : allocate.apply(depth * plane);
            for (int i = from; i < to; i++) {
                Cancellation.check();
                for (int grp = 0; grp < s.groups(); grp++) {
                    int xOff = (i * s.c() + grp * s.cg()) * s.window().inPlane();
                    MatrixView<A> columns = identity ? new MatrixView<>(gx, xOff, plane, 1)
                            : new MatrixView<>(cols, 0, plane, 1);
                    gemm.apply(depth, plane, s.og(), new MatrixView<>(w, grp * s.og() * depth, depth, 1).transpose(),
                            new MatrixView<>(g, (i * s.o() + grp * s.og()) * plane, plane, 1), columns, false);
                    if (!identity) {
                        scatter.apply(cols, map, gx, xOff);
                    }
                }
            }
        });
    }

    /** {@code gw = d conv / d w} applied to {@code g}; {@code gw} is dense {@code (O, C/groups, kh, kw)}, overwritten. */
    public void weightGrad(A g, A x, A gw, Shape s, int gwLength) {
        int depth = s.depth();
        int plane = s.window().outPlane();
        // the column matrices transposed (plane x depth), so that the product's B is row-major
        int[] map = s.window().isIdentity() ? null : Im2Col.transposedIndexMap(s.window(), s.cg());
        int parts = Math.max(1, Math.min(Math.min(Parallel.numThreads(), s.n()),
                (int) Math.min(Integer.MAX_VALUE, work(s) / Parallel.GRAIN)));
        @SuppressWarnings("unchecked")
        A[] partials = (A[]) new Object[parts];
        Parallel.forRange(parts, (long) parts * Parallel.GRAIN, (fromPart, toPart) -> {
            for (int part = fromPart; part < toPart; part++) {
                A acc = part == 0 ? gw : allocate.apply(gwLength);
                A cols = map == null ? null : allocate.apply(depth * plane);
                int first = (int) ((long) s.n() * part / parts);
                int last = (int) ((long) s.n() * (part + 1) / parts);
                for (int i = first; i < last; i++) {
                    Cancellation.check();
                    for (int grp = 0; grp < s.groups(); grp++) {
                        int xOff = (i * s.c() + grp * s.cg()) * s.window().inPlane();
                        MatrixView<A> columnsT;
                        if (map == null) {
                            columnsT = new MatrixView<>(x, xOff, plane, 1).transpose();
                        } else {
                            gather.apply(x, xOff, map, cols);
                            columnsT = new MatrixView<>(cols, 0, depth, 1);
                        }
                        gemm.apply(s.og(), depth, plane, new MatrixView<>(g, (i * s.o() + grp * s.og()) * plane, plane,
                                1), columnsT, new MatrixView<>(acc, grp * s.og() * depth, depth, 1), i > first);
                    }
                }
                partials[part] = acc;
            }
        });
        for (int part = 1; part < parts; part++) {
            addInto.apply(gw, partials[part]);
        }
    }

    /**
     * The integer convolution: {@code out += conv(x, w)} in 64-bit two's-complement arithmetic
     * (so a narrower integer result, truncated, wraps as PyTorch's integer kernels do);
     * {@code out} holds the bias on entry.
     */
    public static void forwardLong(long[] x, long[] w, long[] out, Shape s) {
        int depth = s.depth();
        int plane = s.window().outPlane();
        int[] map = Im2Col.indexMap(s.window(), s.cg());
        long[] cols = new long[depth * plane];
        for (int i = 0; i < s.n(); i++) {
            for (int g = 0; g < s.groups(); g++) {
                Cancellation.check();
                Im2Col.gather(x, (i * s.c() + g * s.cg()) * s.window().inPlane(), map, cols);
                for (int o = 0; o < s.og(); o++) {
                    int row = (g * s.og() + o) * depth;
                    int at = (i * s.o() + g * s.og() + o) * plane;
                    for (int k = 0; k < depth; k++) {
                        long wk = w[row + k];
                        for (int l = 0; l < plane; l++) {
                            out[at + l] += wk * cols[k * plane + l];
                        }
                    }
                }
            }
        }
    }

    /** Multiply-adds of one pass over all samples. */
    private static long work(Shape s) {
        return (long) s.n() * s.o() * s.depth() * s.window().outPlane();
    }

    /** Runs {@code body} over sample ranges, split over threads when the whole pass is worth it. */
    private static void eachSampleRange(Shape s, Parallel.RangeBody body) {
        Parallel.forRange(s.n(), work(s), body);
    }
}
