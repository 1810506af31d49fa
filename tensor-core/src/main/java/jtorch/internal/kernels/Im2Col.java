package jtorch.internal.kernels;

/**
 * The column matrix of a 2-d convolution ("im2col"): for {@code C} input planes and a
 * {@link Window2d}, row {@code (c * kh + i) * kw + j} and column {@code oh * outW + ow} hold the
 * input element that kernel tap {@code (c, i, j)} meets at output position {@code (oh, ow)}, or
 * zero where that is padding. Built through an index map (the offset in the {@code (C, H, W)}
 * block of every column-matrix element, {@code -1} for padding) computed once per geometry, so
 * the float and double gathers and their adjoints (scatter-adds, "col2im") are one-line loops.
 */
public final class Im2Col {
    private Im2Col() {}

    /** The index map of {@code channels} planes under {@code w}: {@code channels * kh * kw} rows of {@code outH * outW}. */
    public static int[] indexMap(Window2d w, int channels) {
        int plane = w.outPlane();
        int[] map = new int[channels * w.kh() * w.kw() * plane];
        int p = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < w.kh(); i++) {
                for (int j = 0; j < w.kw(); j++) {
                    for (int oh = 0; oh < w.outH(); oh++) {
                        int y = oh * w.sh() - w.ph() + i * w.dh();
                        boolean rowInside = y >= 0 && y < w.inH();
                        for (int ow = 0; ow < w.outW(); ow++) {
                            int x = ow * w.sw() - w.pw() + j * w.dw();
                            map[p++] = rowInside && x >= 0 && x < w.inW() ? (c * w.inH() + y) * w.inW() + x : -1;
                        }
                    }
                }
            }
        }
        return map;
    }

    /**
     * {@link #indexMap} transposed: {@code outH * outW} rows of {@code channels * kh * kw}, so that
     * {@link #gather} writes the column matrix's transpose (a weight gradient's {@code B} row-major).
     */
    public static int[] transposedIndexMap(Window2d w, int channels) {
        int[] map = indexMap(w, channels);
        int plane = w.outPlane();
        int depth = map.length / plane;
        int[] t = new int[map.length];
        for (int k = 0; k < depth; k++) {
            for (int l = 0; l < plane; l++) {
                t[l * depth + k] = map[k * plane + l];
            }
        }
        return t;
    }

    /** {@code cols[p] = x[xOff + map[p]]}, zero where {@code map[p] < 0}. */
    public static void gather(float[] x, int xOff, int[] map, float[] cols) {
        for (int p = 0; p < map.length; p++) {
            int at = map[p];
            cols[p] = at < 0 ? 0f : x[xOff + at];
        }
    }

    /** {@code cols[p] = x[xOff + map[p]]}, zero where {@code map[p] < 0}. */
    public static void gather(double[] x, int xOff, int[] map, double[] cols) {
        for (int p = 0; p < map.length; p++) {
            int at = map[p];
            cols[p] = at < 0 ? 0d : x[xOff + at];
        }
    }

    /** {@code cols[p] = x[xOff + map[p]]}, zero where {@code map[p] < 0}. */
    public static void gather(long[] x, int xOff, int[] map, long[] cols) {
        for (int p = 0; p < map.length; p++) {
            int at = map[p];
            cols[p] = at < 0 ? 0L : x[xOff + at];
        }
    }

    /** The adjoint of {@link #gather}: {@code x[xOff + map[p]] += cols[p]} in column-matrix order. */
    public static void scatterAdd(float[] cols, int[] map, float[] x, int xOff) {
        for (int p = 0; p < map.length; p++) {
            int at = map[p];
            if (at >= 0) {
                x[xOff + at] += cols[p];
            }
        }
    }

    /** The adjoint of {@link #gather}: {@code x[xOff + map[p]] += cols[p]} in column-matrix order. */
    public static void scatterAdd(double[] cols, int[] map, double[] x, int xOff) {
        for (int p = 0; p < map.length; p++) {
            int at = map[p];
            if (at >= 0) {
                x[xOff + at] += cols[p];
            }
        }
    }
}
