package jtorch.internal.ops;

import static jtorch.internal.ops.Operands.assertSameTensor;
import static jtorch.internal.ops.Operands.filled;
import static jtorch.internal.ops.Operands.spread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.DType;
import jtorch.internal.tensor.TensorImpl;
import org.junit.jupiter.api.Test;

/**
 * The dense paths of {@link Gathering}: each result of a contiguous array-backed operand (a view
 * at an offset into a larger storage) equals the generic path's result for the same values in a
 * non-contiguous layout.
 */
class GatheringTest {
    private static TensorImpl index(long... values) {
        TensorImpl t = TensorImpl.allocate(DType.INT64, new int[] {values.length});
        for (int i = 0; i < values.length; i++) {
            t.storage().setLong(i, values[i]);
        }
        return t;
    }

    private static void assertSelectMatchesGeneric(TensorImpl self, int dim, TensorImpl idx) {
        assertSameTensor(Gathering.indexSelect(spread(self), dim, idx), Gathering.indexSelect(self, dim, idx));
    }

    @Test
    void indexSelect_contiguousViewAtOffset_matchesGenericPath() {
        TensorImpl idx = index(2, 0, 2, 1);
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32, DType.BOOL}) {
            TensorImpl self = filled(type, 5, 3, 4, 20);
            for (int dim = -3; dim < 3; dim++) {
                assertSelectMatchesGeneric(self, dim, idx);
            }
        }
    }

    @Test
    void indexSelect_knownRows_copiedInIndexOrder() {
        TensorImpl self = filled(DType.FLOAT32, 3, 4, 17);
        TensorImpl out = Gathering.indexSelect(self, 0, index(3, 1));
        for (int j = 0; j < 17; j++) {
            assertEquals(self.getDouble(3 * 17 + j), out.getDouble(j));
            assertEquals(self.getDouble(17 + j), out.getDouble(17 + j));
        }
    }

    @Test
    void indexSelect_emptyIndexOrSelf_matchesGenericPath() {
        assertSelectMatchesGeneric(filled(DType.FLOAT32, 2, 3, 4), 1, index());
        assertSelectMatchesGeneric(filled(DType.FLOAT32, 0, 3, 0), 0, index(1, 2));
        assertSelectMatchesGeneric(filled(DType.INT64, 0, 0, 3), 1, index(0, 2, 1));
    }

    @Test
    void indexValues_contiguousViewAtOffsetOrStrided_readRowMajor() {
        TensorImpl view = Views.narrow(index(9, 2, 0, 3, 1), 0, 1, 4);
        assertArrayEquals(new long[] {2, 0, 3, 1}, Gathering.indexValues(view));
        assertArrayEquals(new long[] {2, 0, 3, 1}, Gathering.indexValues(spread(view)));
        assertArrayEquals(new long[] {-11, -4, 3, 10}, Gathering.indexValues(filled(DType.INT32, 2, 2, 2)));
    }

    @Test
    void embedding_contiguousWeight_matchesGenericPath() {
        TensorImpl weight = filled(DType.FLOAT32, 7, 10, 24);
        TensorImpl ids = Views.reshape(index(3, 0, 9, 3, 7, 1), 2, 3);
        assertSameTensor(Layers.embedding(ids, spread(weight), -1), Layers.embedding(ids, weight, -1));
    }
}
