package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;
import jtorch.internal.storage.Storages;
import org.junit.jupiter.api.Test;

/** {@link StridedCopy#copyInto}: transposes (and their vector kernels), and the fill of {@code fill_} and {@code zero_}. */
class StridedCopyTest {
    private record Operand(Storage storage, Layout layout) implements Strided {}

    @Test
    void copyInto_transposedFloatMatrix_copiesEveryElement() {
        int rows = 37;
        int cols = 53;
        float[] src = new float[2 + rows * cols];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
        }
        float[] expected = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[i * cols + j] = src[2 + i + j * rows];
            }
        }
        float[] dst = new float[rows * cols];
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(dst, 0, dst.length), Layout.contiguous(new int[] {rows, cols})),
                new Operand(new Storages.FloatStorage(src, 0, src.length), Layout.of(new int[] {rows, cols}, new int[] {1, rows}, 2)));
        assertArrayEquals(expected, dst);
        float[] gathered = new float[rows * cols];
        VectorKernels.gatherRows(src, 2, 1, rows, gathered, 0, cols, 0, rows);
        assertArrayEquals(expected, gathered);
    }

    @Test
    void transposeRows_tilesWithPartialVectors_copyEveryElement() {
        // 300 rows: a whole tile of 256 and one of 44 (two vectors and 12 single rows); 37 columns:
        // two vectors and 5 single columns; the source a transposed slice, its rows 311 apart
        int rows = 300;
        int cols = 37;
        int rowStep = 311;
        float[] src = new float[5 + cols * rowStep];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
        }
        float[] expected = new float[7 + rows * cols];
        float[] dst = new float[7 + rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[7 + i * cols + j] = src[5 + i + j * rowStep];
            }
        }
        VectorKernels.transposeRows(src, 5, rowStep, dst, 7, cols, 0, rows);
        assertArrayEquals(expected, dst);
        float[] part = new float[7 + rows * cols];
        VectorKernels.transposeRows(src, 5, rowStep, part, 7, cols, 100, 140);
        for (int i = 0; i < part.length; i++) {
            int row = (i - 7) / cols;
            assertEquals(i >= 7 && row >= 100 && row < 140 ? expected[i] : 0f, part[i], "element " + i);
        }
    }

    @Test
    void copyInto_largeTransposeWithVectorKernels_copiesEveryElement() throws InterruptedException {
        Kernels.awaitVector(120_000);
        // above Kernels.TRANSPOSE_MIN_ELEMENTS; rows 1000 apart in the source (a slice of a wider
        // matrix), a ragged last tile of rows and a ragged last vector of columns
        int rows = 530;
        int cols = 520;
        float[] src = new float[3 + 1000 * cols];
        for (int i = 0; i < src.length; i++) {
            src[i] = i * 0.5f;
        }
        float[] expected = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[i * cols + j] = src[3 + i + j * 1000];
            }
        }
        float[] dst = new float[rows * cols];
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(dst, 0, dst.length), Layout.contiguous(new int[] {rows, cols})),
                new Operand(new Storages.FloatStorage(src, 0, src.length), Layout.of(new int[] {rows, cols}, new int[] {1, 1000}, 3)));
        assertArrayEquals(expected, dst);
    }

    @Test
    void copyInto_singleValue_fillsContiguousAndStridedTargets() {
        Operand two = new Operand(new Storages.LongStorage(new long[] {2}, 0, 1), Layout.SCALAR);
        float[] f = {9, 9, 9, 9, 9};
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(f, 1, 4), Layout.of(new int[] {3}, new int[] {1}, 1)),
                two);
        assertArrayEquals(new float[] {9, 9, 2, 2, 2}, f);
        double[] d = {9, 9, 9, 9, 9};
        Operand tenth = new Operand(new Storages.DoubleStorage(new double[] {0.1}, 0, 1), Layout.SCALAR);
        StridedCopy.copyInto(new Operand(new Storages.DoubleStorage(d, 0, 5), Layout.of(new int[] {3}, new int[] {2}, 0)),
                tenth);
        assertArrayEquals(new double[] {0.1, 9, 0.1, 9, 0.1}, d);
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(f, 0, 5), Layout.contiguous(new int[] {5})), tenth);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.1f}, f);
    }
}
