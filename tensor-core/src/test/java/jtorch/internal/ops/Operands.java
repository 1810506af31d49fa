package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.DType;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * Operands for comparing a dense fast path with the generic one: a contiguous view of known
 * values into a larger storage, the same values in a non-contiguous layout (which the fast paths
 * do not take), and a check that two results agree in dtype, shape, strides and every element.
 */
final class Operands {
    private Operands() {}

    /** A contiguous tensor of {@code sizes} at storage offset {@code offset}, element i = (i * 7 % 23) - 11. */
    static TensorImpl filled(DType dtype, int offset, int... sizes) {
        int n = Shapes.numel(sizes);
        TensorImpl all = TensorImpl.allocate(dtype, new int[] {offset + n});
        for (int i = 0; i < n; i++) {
            all.storage().setLong(offset + i, value(dtype, i));
        }
        return all.asStrided(sizes, Shapes.contiguousStrides(sizes), offset);
    }

    private static long value(DType dtype, int i) {
        return dtype == DType.BOOL ? (i * 7 % 3) & 1 : (i * 7 % 23) - 11;
    }

    /** {@code t}'s values in a layout whose strides are twice the contiguous ones (non-contiguous for numel > 1). */
    static TensorImpl spread(TensorImpl t) {
        int n = t.numel();
        TensorImpl all = TensorImpl.allocate(t.dtype(), new int[] {2 * n + 1});
        int[] strides = Shapes.contiguousStrides(t.sizes());
        for (int d = 0; d < strides.length; d++) {
            strides[d] *= 2;
        }
        TensorImpl out = all.asStrided(t.sizes().clone(), strides, 1);
        for (int i = 0; i < n; i++) {
            all.storage().setDouble(1 + 2 * i, t.getDouble(i));
        }
        return out;
    }

    /** Same dtype, sizes, strides and element values (compared as doubles and as longs). */
    static void assertSameTensor(TensorImpl expected, TensorImpl actual) {
        assertEquals(expected.dtype(), actual.dtype(), "dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), "sizes");
        assertArrayEquals(expected.strides(), actual.strides(), "strides");
        for (int i = 0; i < expected.numel(); i++) {
            assertEquals(expected.getDouble(i), actual.getDouble(i), "element " + i);
            assertEquals(expected.getLong(i), actual.getLong(i), "element " + i);
        }
    }
}
