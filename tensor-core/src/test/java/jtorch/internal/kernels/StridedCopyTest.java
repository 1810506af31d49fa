package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;
import jtorch.internal.storage.Storages;
import org.junit.jupiter.api.Test;

/** {@link StridedCopy#copyInto} from a single value: the fill of {@code fill_} and {@code zero_}. */
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
