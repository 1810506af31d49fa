package jtorch.internal.ops;

import static jtorch.internal.ops.Operands.assertSameTensor;
import static jtorch.internal.ops.Operands.filled;
import static jtorch.internal.ops.Operands.spread;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.DType;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;
import org.junit.jupiter.api.Test;

/**
 * The dense path of {@link Where} ({@code where} and {@code masked_fill}): results of contiguous
 * operands (views at offsets into larger storages, one-element operands) equal the generic
 * path's for the same values in non-contiguous layouts.
 */
class WhereTest {
    private static final DType[] TYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64};

    /** A bool and a uint8 condition (the latter with bytes above 127) of the given sizes. */
    private static TensorImpl[] conditions(int... sizes) {
        return new TensorImpl[] {filled(DType.BOOL, 1, sizes), filled(DType.UINT8, 2, sizes)};
    }

    @Test
    void where_denseOperandsAtOffsets_matchesGenericPath() {
        for (DType type : TYPES) {
            TensorImpl a = filled(type, 3, 5, 7);
            TensorImpl b = Arithmetic.neg(filled(type, 1, 5, 7));
            for (TensorImpl c : conditions(5, 7)) {
                assertSameTensor(Where.where(spread(c), spread(a), spread(b)), Where.where(c, a, b));
            }
        }
    }

    @Test
    void where_oneElementOperands_matchesGenericPath() {
        for (DType type : TYPES) {
            TensorImpl a = filled(type, 3, 4, 6);
            TensorImpl one = filled(type, 2, 1, 1);
            TensorImpl number = Scalars.wrap(type.isFloatingPoint() ? 2.5 : (Number) 2L);
            for (TensorImpl c : conditions(4, 6)) {
                assertSameTensor(Where.where(spread(c), spread(a), number), Where.where(c, a, number));
                assertSameTensor(Where.where(spread(c), one, spread(a)), Where.where(c, one, a));
            }
        }
    }

    @Test
    void where_moreThanOneChunk_matchesGenericPath() {
        TensorImpl a = filled(DType.FLOAT32, 3, 300, 300);
        TensorImpl c = filled(DType.BOOL, 5, 300, 300);
        assertSameTensor(Where.where(spread(c), Scalars.wrap(0.5), spread(a)), Where.where(c, Scalars.wrap(0.5), a));
    }

    @Test
    void where_knownValues_pickByCondition() {
        TensorImpl c = filled(DType.UINT8, 0, 6);
        TensorImpl a = filled(DType.FLOAT32, 1, 6);
        TensorImpl out = Where.where(c, a, Scalars.wrap(100));
        for (int i = 0; i < 6; i++) {
            assertEquals(c.getLong(i) != 0 ? a.getDouble(i) : 100, out.getDouble(i), "element " + i);
        }
    }

    @Test
    void where_emptyOperands_matchesGenericPath() {
        TensorImpl a = filled(DType.FLOAT32, 1, 0, 3);
        assertSameTensor(Where.where(spread(filled(DType.BOOL, 0, 0, 3)), spread(a), a),
                Where.where(filled(DType.BOOL, 0, 0, 3), a, a));
    }

    @Test
    void maskedFill_denseSelfAtOffset_matchesGenericPath() {
        for (DType type : TYPES) {
            TensorImpl self = filled(type, 4, 3, 8);
            for (TensorImpl mask : conditions(3, 8)) {
                assertSameTensor(Gathering.maskedFill(spread(self), spread(mask), 7),
                        Gathering.maskedFill(self, mask, 7));
                assertSameTensor(Gathering.maskedFill(spread(self), spread(mask), filled(type, 1)),
                        Gathering.maskedFill(self, mask, filled(type, 1)));
            }
        }
    }

    @Test
    void maskedFillInPlace_viewAtOffset_writesOnlyMaskedElements() {
        for (DType type : TYPES) {
            for (TensorImpl mask : conditions(3, 8)) {
                TensorImpl self = filled(type, 4, 3, 8);
                TensorImpl generic = spread(self);
                Gathering.maskedFillInPlace(generic, spread(mask), -3);
                Gathering.maskedFillInPlace(self, mask, -3);
                assertSameTensor(generic.contiguousCopy(), self);
                for (int i = 0; i < 4; i++) {
                    assertEquals(0, self.storage().getLong(i), "storage element " + i + " before the view");
                }
            }
        }
    }
}
