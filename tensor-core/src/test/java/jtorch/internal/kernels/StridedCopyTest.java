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
