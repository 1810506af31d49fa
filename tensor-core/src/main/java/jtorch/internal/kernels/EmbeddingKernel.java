package jtorch.internal.kernels;

/**
 * The weight gradient of an embedding lookup, as PyTorch's CPU embedding_dense_backward: for
 * each looked-up index {@code k = indices[i]} in order (except {@code paddingIdx}), row {@code k}
 * of the gradient gets row {@code i} of the output gradient added, in the array's precision.
 */
public final class EmbeddingKernel {
    private EmbeddingKernel() {}

    /** {@code gw[indices[i]] += g[i]} for rows of {@code dim} elements. */
    public static void addRows(float[] g, long[] indices, int dim, long paddingIdx, float[] gw) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] != paddingIdx) {
                int to = (int) indices[i] * dim;
                for (int j = 0, from = i * dim; j < dim; j++) {
                    gw[to + j] += g[from + j];
                }
            }
        }
    }

    /** {@code gw[indices[i]] += g[i]} for rows of {@code dim} elements. */
    public static void addRows(double[] g, long[] indices, int dim, long paddingIdx, double[] gw) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] != paddingIdx) {
                int to = (int) indices[i] * dim;
                for (int j = 0, from = i * dim; j < dim; j++) {
                    gw[to + j] += g[from + j];
                }
            }
        }
    }
}
