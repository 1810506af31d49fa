package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link SliceGather#select}: blocks copied by a loop (short) and by arraycopy, at offsets, per outer index. */
class SliceGatherTest {
    /** The expected copy, element by element. */
    private static long[] expected(long[] src, int srcOff, int size, int inner, long[] picks, int dstOff, int outer,
                                   int length) {
        long[] out = new long[length];
        for (int a = 0; a < outer; a++) {
            for (int i = 0; i < picks.length; i++) {
                for (int j = 0; j < inner; j++) {
                    out[dstOff + (a * picks.length + i) * inner + j] = src[srcOff + (a * size + (int) picks[i]) * inner + j];
                }
            }
        }
        return out;
    }

    @Test
    void select_shortAndLongBlocksAtOffsets_copyPickedBlocks() {
        long[] picks = {2, 0, 2, 1};
        for (int inner : new int[] {1, 3, SliceGather.ARRAYCOPY_MIN, 40}) {
            int outer = 3;
            int size = 3;
            long[] src = new long[5 + outer * size * inner];
            for (int i = 0; i < src.length; i++) {
                src[i] = i * 31 + 7;
            }
            int length = 2 + outer * picks.length * inner;
            long[] want = expected(src, 5, size, inner, picks, 2, outer, length);
            long[] longs = new long[length];
            SliceGather.select(src, 5, size, inner, picks, longs, 2, outer);
            assertArrayEquals(want, longs, "int64, inner " + inner);
            float[] floatSrc = new float[src.length];
            double[] doubleSrc = new double[src.length];
            int[] intSrc = new int[src.length];
            float[] floatWant = new float[length];
            double[] doubleWant = new double[length];
            int[] intWant = new int[length];
            for (int i = 0; i < src.length; i++) {
                floatSrc[i] = src[i];
                doubleSrc[i] = src[i];
                intSrc[i] = (int) src[i];
            }
            for (int i = 0; i < length; i++) {
                floatWant[i] = want[i];
                doubleWant[i] = want[i];
                intWant[i] = (int) want[i];
            }
            float[] floats = new float[length];
            SliceGather.select(floatSrc, 5, size, inner, picks, floats, 2, outer);
            assertArrayEquals(floatWant, floats, "float32, inner " + inner);
            double[] doubles = new double[length];
            SliceGather.select(doubleSrc, 5, size, inner, picks, doubles, 2, outer);
            assertArrayEquals(doubleWant, doubles, "float64, inner " + inner);
            int[] ints = new int[length];
            SliceGather.select(intSrc, 5, size, inner, picks, ints, 2, outer);
            assertArrayEquals(intWant, ints, "int32, inner " + inner);
        }
    }
}
