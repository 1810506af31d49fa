package jtorch.internal.kernels;

/**
 * 2-d max pooling of dense planes, as PyTorch's CPU kernel: each output is the maximum of the
 * window's in-bounds inputs, its index (row-major within the input plane) that of the first
 * maximum met in row-major window order; a NaN wins (the last NaN of the window gives the
 * index), as PyTorch's {@code (v > max) || isnan(v)} does. The backward adds each output gradient to the input element at its index.
 */
public final class MaxPool2dKernel {
    private MaxPool2dKernel() {}

    /** Pools {@code planes} planes of {@code x} (from {@code xOff}) into {@code out} and {@code indices}. */
    public static void forward(float[] x, int xOff, int planes, Window2d w, float[] out, long[] indices) {
        Parallel.forRange(planes, (long) planes * w.outPlane() * w.kh() * w.kw(), (from, to) -> {
            for (int p = from; p < to; p++) {
                Cancellation.check();
                int base = xOff + p * w.inPlane();
                int o = p * w.outPlane();
                for (int oh = 0; oh < w.outH(); oh++) {
                    for (int ow = 0; ow < w.outW(); ow++, o++) {
                        int best = firstInside(w, oh, ow);
                        float max = Float.NEGATIVE_INFINITY;
                        for (int y = oh * w.sh() - w.ph(), i = 0; i < w.kh(); i++, y += w.dh()) {
                            if (y < 0 || y >= w.inH()) {
                                continue;
                            }
                            for (int xx = ow * w.sw() - w.pw(), j = 0; j < w.kw(); j++, xx += w.dw()) {
                                if (xx >= 0 && xx < w.inW()) {
                                    float v = x[base + y * w.inW() + xx];
                                    if (v > max || Float.isNaN(v)) {
                                        max = v;
                                        best = y * w.inW() + xx;
                                    }
                                }
                            }
                        }
                        out[o] = max;
                        indices[o] = best;
                    }
                }
            }
        });
    }

    /** Pools {@code planes} planes of {@code x} (from {@code xOff}) into {@code out} and {@code indices}. */
    public static void forward(double[] x, int xOff, int planes, Window2d w, double[] out, long[] indices) {
        Parallel.forRange(planes, (long) planes * w.outPlane() * w.kh() * w.kw(), (from, to) -> {
            for (int p = from; p < to; p++) {
                Cancellation.check();
                int base = xOff + p * w.inPlane();
                int o = p * w.outPlane();
                for (int oh = 0; oh < w.outH(); oh++) {
                    for (int ow = 0; ow < w.outW(); ow++, o++) {
                        int best = firstInside(w, oh, ow);
                        double max = Double.NEGATIVE_INFINITY;
                        for (int y = oh * w.sh() - w.ph(), i = 0; i < w.kh(); i++, y += w.dh()) {
                            if (y < 0 || y >= w.inH()) {
                                continue;
                            }
                            for (int xx = ow * w.sw() - w.pw(), j = 0; j < w.kw(); j++, xx += w.dw()) {
                                if (xx >= 0 && xx < w.inW()) {
                                    double v = x[base + y * w.inW() + xx];
                                    if (v > max || Double.isNaN(v)) {
                                        max = v;
                                        best = y * w.inW() + xx;
                                    }
                                }
                            }
                        }
                        out[o] = max;
                        indices[o] = best;
                    }
                }
            }
        });
    }

    /** The plane index of the window's first in-bounds element (PyTorch's index when every input is -inf). */
    private static int firstInside(Window2d w, int oh, int ow) {
        int y = oh * w.sh() - w.ph();
        while (y < 0) {
            y += w.dh();
        }
        int x = ow * w.sw() - w.pw();
        while (x < 0) {
            x += w.dw();
        }
        return y * w.inW() + x;
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
