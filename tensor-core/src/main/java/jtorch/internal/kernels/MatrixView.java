package jtorch.internal.kernels;

/**
 * A matrix stored in a primitive array ({@code float[]} or {@code double[]}): element
 * {@code (i, j)} lives at {@code data[offset + i * rowStride + j * colStride]}. A transpose only
 * swaps the strides, so {@link Gemm} reads transposed operands in place.
 *
 * @param <A> the array type
 */
public record MatrixView<A>(A data, int offset, int rowStride, int colStride) {
    /** A float matrix with the given layout. */
    public static MatrixView<float[]> of(float[] data, int offset, int rowStride, int colStride) {
        return new MatrixView<>(data, offset, rowStride, colStride);
    }

    /** A double matrix with the given layout. */
    public static MatrixView<double[]> of(double[] data, int offset, int rowStride, int colStride) {
        return new MatrixView<>(data, offset, rowStride, colStride);
    }

    /** The same elements read as the transposed matrix. */
    public MatrixView<A> transpose() {
        return new MatrixView<>(data, offset, colStride, rowStride);
    }

    /** Index of element {@code (i, j)} in {@link #data}. */
    int index(int i, int j) {
        return offset + i * rowStride + j * colStride;
    }
}
