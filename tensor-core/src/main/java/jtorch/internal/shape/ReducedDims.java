package jtorch.internal.shape;

/**
 * The shape side of reductions: which dimensions a reduction folds (a mask over the input's
 * dims), the result's shape with or without {@code keepdim}, and where each input element lands
 * in the row-major result.
 */
public final class ReducedDims {
    private ReducedDims() {}

    /** Which dims are reduced: all when {@code dims} is null or empty; wrapped and de-duplicated. */
    public static boolean[] reducedMask(int ndim, int[] dims) {
        boolean[] mask = new boolean[ndim];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(mask, true);
            return mask;
        }
        boolean[] seen = ndim > 0 ? mask : new boolean[1]; // a 0-d tensor's dim 0 may be named once too
        for (int d : dims) {
            int w = Shapes.wrapDim(d, ndim);
            if (seen[w]) {
                throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
            }
            seen[w] = true;
        }
        return mask;
    }

    /** The result shape: reduced dims dropped, or kept as 1 with {@code keepdim}. */
    public static int[] outShape(int[] sizes, boolean[] mask, boolean keepdim) {
        int n = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (!mask[i] || keepdim) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < sizes.length; i++) {
            if (!mask[i]) {
                out[j++] = sizes[i];
            } else if (keepdim) {
                out[j++] = 1;
            }
        }
        return out;
    }

    /** How many input elements each output element reduces: the product of the masked sizes. */
    public static int reducedCount(int[] sizes, boolean[] mask) {
        int n = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (mask[i]) {
                n *= sizes[i];
            }
        }
        return n;
    }

    public static int outCount(int[] sizes, boolean[] mask) {
        int n = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (!mask[i]) {
                n *= sizes[i];
            }
        }
        return n;
    }

    /** Row-major strides of the output over the input's dims, 0 for reduced dims. */
    public static int[] keptStrides(int[] sizes, boolean[] mask) {
        int[] strides = new int[sizes.length];
        int s = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (!mask[i]) {
                strides[i] = s;
                s *= sizes[i];
            }
        }
        return strides;
    }
}
