package jtorch.internal.kernels;

/**
 * 2-d max pooling of dense planes, as PyTorch's CPU kernel: each output is the maximum of the
 * window's in-bounds inputs, its index (row-major within the input plane) that of the first
 * maximum met in row-major window order; a NaN wins (the last NaN of the window gives the
 * index), as PyTorch's {@code (v > max) || isnan(v)} does. The backward adds each output gradient to the input element at its index.
 */
public final class MaxPool2dKernel {
    private static final int NEGATIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.NEGATIVE_INFINITY);

    private MaxPool2dKernel() {}

    /**
     * Pools {@code planes} planes of {@code x} (from {@code xOff}) into {@code out} and {@code
     * indices}: groups of planes whose windows lie wholly inside them by the vector kernel
     * ({@link Windows}), the rest plane by plane.
     */
    public static void forward(float[] x, int xOff, int planes, Window2d w, float[] out, long[] indices) {
        Spans spans = Spans.of(w);
        Windows windows = Windows.serving(w, spans);
        Parallel.forRange(planes, (long) planes * w.outPlane() * w.kh() * w.kw(), (from, to) -> {
            int p = from;
            if (windows != null) {
                float[] lanes = new float[windows.planes()];
                for (; p + windows.planes() <= to; p += windows.planes()) {
                    Cancellation.check();
                    Kernels.maxPoolWindows(x, xOff + p * w.inPlane(), windows, out, p * w.outPlane(), indices, lanes);
                }
            }
            for (; p < to; p++) {
                Cancellation.check();
                int base = xOff + p * w.inPlane();
                int o = p * w.outPlane();
                for (int oh = 0; oh < w.outH(); oh++) {
                    int iLo = spans.rowLo[oh];
                    int iHi = spans.rowHi[oh];
                    int y0 = oh * w.sh() - w.ph();
                    for (int ow = 0; ow < w.outW(); ow++, o++) {
                        int jLo = spans.colLo[ow];
                        int jHi = spans.colHi[ow];
                        int x0 = ow * w.sw() - w.pw() + jLo * w.dw();
                        int best = (y0 + iLo * w.dh()) * w.inW() + x0;
                        int maxBits = NEGATIVE_INFINITY_BITS;
                        for (int i = iLo; i < iHi; i++) {
                            int at = (y0 + i * w.dh()) * w.inW() + x0;
                            for (int j = jLo; j < jHi; j++, at += w.dw()) {
                                float v = x[base + at];
                                int take = takes(v > Float.intBitsToFloat(maxBits) | v != v);
                                maxBits = Float.floatToRawIntBits(v) & take | maxBits & ~take;
                                best = at & take | best & ~take;
                            }
                        }
                        out[o] = Float.intBitsToFloat(maxBits);
                        indices[o] = best;
                    }
                }
            }
        });
    }

    /** Pools {@code planes} planes of {@code x} (from {@code xOff}) into {@code out} and {@code indices}. */
    public static void forward(double[] x, int xOff, int planes, Window2d w, double[] out, long[] indices) {
        Spans spans = Spans.of(w);
        Parallel.forRange(planes, (long) planes * w.outPlane() * w.kh() * w.kw(), (from, to) -> {
            for (int p = from; p < to; p++) {
                Cancellation.check();
                int base = xOff + p * w.inPlane();
                int o = p * w.outPlane();
                for (int oh = 0; oh < w.outH(); oh++) {
                    int iLo = spans.rowLo[oh];
                    int iHi = spans.rowHi[oh];
                    int y0 = oh * w.sh() - w.ph();
                    for (int ow = 0; ow < w.outW(); ow++, o++) {
                        int jLo = spans.colLo[ow];
                        int jHi = spans.colHi[ow];
                        int x0 = ow * w.sw() - w.pw() + jLo * w.dw();
                        int best = (y0 + iLo * w.dh()) * w.inW() + x0;
                        long maxBits = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
                        for (int i = iLo; i < iHi; i++) {
                            int at = (y0 + i * w.dh()) * w.inW() + x0;
                            for (int j = jLo; j < jHi; j++, at += w.dw()) {
                                double v = x[base + at];
                                int take = takes(v > Double.longBitsToDouble(maxBits) | v != v);
                                maxBits = Double.doubleToRawLongBits(v) & take | maxBits & ~(long) take;
                                best = at & take | best & ~take;
                            }
                        }
                        out[o] = Double.longBitsToDouble(maxBits);
                        indices[o] = best;
                    }
                }
            }
        });
    }

    /**
     * All ones when the window's element replaces the maximum so far, else zero: a mask the
     * forward loops apply to the value's bits and the index, so the comparison (which goes either
     * way at random on real data) costs no branch. On 64 x 32 planes of 26 x 26 normal values,
     * 2 x 2 windows: 3.7 ms against 7.9 with a branch (a throwaway probe, 2026-12-05).
     */
    private static int takes(boolean take) {
        return take ? -1 : 0;
    }

    /**
     * The windows of a group of {@code planes} planes for {@link VectorKernels#maxPoolWindows}:
     * output {@code o} (row-major over the group's planes) has its window's first element at
     * {@code starts[o]} from the group's first plane and at {@code within[o]} in its own plane; the
     * window's elements lie {@code offsets} (row-major, the first 0) from it.
     */
    record Windows(int planes, int[] starts, float[] within, int[] offsets) {
        /** Lanes' float indices are exact below this plane size. */
        private static final int EXACT_FLOAT_INDEX = 1 << 24;

        int outputs() {
            return starts.length;
        }

        /** The group's windows when the vector kernel serves: it is compiled and every window lies inside its plane; else null. */
        static Windows serving(Window2d w, Spans spans) {
            int planes = Kernels.maxPoolPlanes();
            return planes > 0 && spans.whole(w) && w.inPlane() < EXACT_FLOAT_INDEX ? of(w, planes) : null;
        }

        static Windows of(Window2d w, int planes) {
            int[] starts = new int[planes * w.outPlane()];
            float[] within = new float[starts.length];
            int o = 0;
            for (int p = 0; p < planes; p++) {
                for (int oh = 0; oh < w.outH(); oh++) {
                    for (int ow = 0; ow < w.outW(); ow++, o++) {
                        int at = (oh * w.sh() - w.ph()) * w.inW() + ow * w.sw() - w.pw();
                        within[o] = at;
                        starts[o] = p * w.inPlane() + at;
                    }
                }
            }
            int[] offsets = new int[w.kh() * w.kw()];
            for (int i = 0; i < w.kh(); i++) {
                for (int j = 0; j < w.kw(); j++) {
                    offsets[i * w.kw() + j] = i * w.dh() * w.inW() + j * w.dw();
                }
            }
            return new Windows(planes, starts, within, offsets);
        }
    }

    /**
     * The in-bounds kernel offsets of every output row and column: output row {@code oh} reads
     * kernel rows {@code [rowLo[oh], rowHi[oh])}, the others fall into the padding (columns
     * likewise), so the loops test no bounds per element. The first in-bounds element of a window
     * is PyTorch's index when every input is -inf.
     */
    private record Spans(int[] rowLo, int[] rowHi, int[] colLo, int[] colHi) {
        static Spans of(Window2d w) {
            int[][] rows = spans(w.outH(), w.sh(), w.ph(), w.kh(), w.dh(), w.inH());
            int[][] cols = spans(w.outW(), w.sw(), w.pw(), w.kw(), w.dw(), w.inW());
            return new Spans(rows[0], rows[1], cols[0], cols[1]);
        }

        /** Whether every window lies wholly inside the plane. */
        boolean whole(Window2d w) {
            for (int k = 0; k < rowLo.length; k++) {
                if (rowLo[k] != 0 || rowHi[k] != w.kh()) {
                    return false;
                }
            }
            for (int k = 0; k < colLo.length; k++) {
                if (colLo[k] != 0 || colHi[k] != w.kw()) {
                    return false;
                }
            }
            return true;
        }

        /** For each of {@code out} positions: the first and past-last offset {@code i < k} with {@code pos * s - pad + i * d} in {@code [0, in)}. */
        private static int[][] spans(int out, int s, int pad, int k, int d, int in) {
            int[] lo = new int[out];
            int[] hi = new int[out];
            for (int o = 0; o < out; o++) {
                int start = o * s - pad;
                int i = 0;
                while (i < k && start + i * d < 0) {
                    i++;
                }
                lo[o] = i;
                while (i < k && start + i * d < in) {
                    i++;
                }
                hi[o] = i;
            }
            return new int[][] {lo, hi};
        }
    }

    /** {@code gx[plane p][indices[o]] += g[o]} for every output element of the {@code planes} planes. */
    public static void backward(float[] g, long[] indices, int planes, Window2d w, float[] gx) {
        Parallel.forRange(planes, (long) planes * w.outPlane(), (from, to) -> {
            for (int p = from; p < to; p++) {
                for (int o = p * w.outPlane(), end = o + w.outPlane(); o < end; o++) {
                    gx[p * w.inPlane() + (int) indices[o]] += g[o];
                }
            }
        });
    }

    /** {@code gx[plane p][indices[o]] += g[o]} for every output element of the {@code planes} planes. */
    public static void backward(double[] g, long[] indices, int planes, Window2d w, double[] gx) {
        Parallel.forRange(planes, (long) planes * w.outPlane(), (from, to) -> {
            for (int p = from; p < to; p++) {
                for (int o = p * w.outPlane(), end = o + w.outPlane(); o < end; o++) {
                    gx[p * w.inPlane() + (int) indices[o]] += g[o];
                }
            }
        });
    }
}
