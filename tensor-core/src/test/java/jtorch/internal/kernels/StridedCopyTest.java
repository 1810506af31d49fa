package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;
import jtorch.internal.storage.Storages;
import org.junit.jupiter.api.Test;

/**
 * {@link StridedCopy#copyInto}: transposes (and their vector kernels), the row copies of any
 * layout (broadcasts, permutations, strided targets), float32/float64 conversions, and the fill of
 * {@code fill_} and {@code zero_}.
 */
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
    @Test
    void copyInto_biasBroadcastOverPlanes_fillsEachPlane() {
        // a (1, 3, 1, 1) bias from element 2 of its storage, expanded to (2, 3, 2, 2)
        float[] bias = {9, 9, 1, 2, 3};
        float[] out = new float[24];
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(out, 0, 24), Layout.contiguous(new int[] {2, 3, 2, 2})),
                new Operand(new Storages.FloatStorage(bias, 0, 5), Layout.of(new int[] {2, 3, 2, 2}, new int[] {0, 1, 0, 0}, 2)));
        float[] expected = new float[24];
        for (int i = 0; i < 24; i++) {
            expected[i] = 1 + (i / 4) % 3;
        }
        assertArrayEquals(expected, out);
        double[] one = {7};
        double[] column = new double[6];
        StridedCopy.copyInto(new Operand(new Storages.DoubleStorage(column, 0, 6), Layout.of(new int[] {3}, new int[] {2}, 1)),
                new Operand(new Storages.DoubleStorage(one, 0, 1), Layout.of(new int[] {3}, new int[] {0}, 0)));
        assertArrayEquals(new double[] {0, 7, 0, 7, 0, 7}, column);
    }

    @Test
    void transposedPlanes_biasBroadcastOverPlanes_isRowFillsNotATranspose() {
        // conv2d's bias (1, O, 1, 1) expanded to (N, O, H, W): rows of stride 0, filled whole
        int[] shape = {64, 32, 26, 26};
        StridedCopy.Merged bias = StridedCopy.Merged.of(shape, Layout.contiguous(shape).strides(), new int[] {0, 1, 0, 0});
        assertFalse(bias.transposedPlanes());
        StridedCopy.Merged channelsLast = StridedCopy.Merged.of(shape, Layout.contiguous(shape).strides(),
                new int[] {32 * 26 * 26, 1, 26 * 32, 32});
        assertTrue(channelsLast.transposedPlanes());
    }

    @Test
    void copyInto_permuted4dIntoStridedTarget_copiesEveryElement() {
        // source (2, 3, 4, 5) row-major from element 1, read as permute(0, 2, 3, 1): shape (2, 4, 5, 3);
        // the target that shape transposed in its last two dims inside a larger array, from element 3
        int[] shape = {2, 4, 5, 3};
        int[] srcStrides = {60, 5, 1, 20};
        int[] dstStrides = {60, 15, 1, 5};
        float[] src = new float[121];
        double[] srcD = new double[121];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
            srcD[i] = i + 0.5;
        }
        float[] dst = new float[3 + 120];
        double[] dstD = new double[3 + 120];
        Layout target = Layout.of(shape, dstStrides, 3);
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(dst, 0, dst.length), target),
                new Operand(new Storages.FloatStorage(src, 0, src.length), Layout.of(shape, srcStrides, 1)));
        StridedCopy.copyInto(new Operand(new Storages.DoubleStorage(dstD, 0, dstD.length), target),
                new Operand(new Storages.DoubleStorage(srcD, 0, srcD.length), Layout.of(shape, srcStrides, 1)));
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 5; c++) {
                    for (int d = 0; d < 3; d++) {
                        int from = 1 + a * 60 + b * 5 + c + d * 20;
                        int to = 3 + a * 60 + b * 15 + c + d * 5;
                        assertEquals(src[from], dst[to], "float element " + to);
                        assertEquals(srcD[from], dstD[to], "double element " + to);
                    }
                }
            }
        }
    }

    @Test
    void copyInto_floatToDoubleAndBack_convertsEachValue() {
        float[] f = {0.1f, -3f, Float.MAX_VALUE, Float.NaN};
        double[] d = new double[5];
        StridedCopy.copyInto(new Operand(new Storages.DoubleStorage(d, 1, 4), Layout.contiguous(new int[] {4})),
                new Operand(new Storages.FloatStorage(f, 0, 4), Layout.contiguous(new int[] {4})));
        assertArrayEquals(new double[] {0, 0.1f, -3, Float.MAX_VALUE, Double.NaN}, d);
        double[] wide = {0.1, 1e40, -2.5};
        float[] narrow = new float[3];
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(narrow, 0, 3), Layout.contiguous(new int[] {3})),
                new Operand(new Storages.DoubleStorage(wide, 0, 3), Layout.contiguous(new int[] {3})));
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY, -2.5f}, narrow);
    }

    /**
     * Copies a channels-first batch {@code [planes, channels, positions]} (at storage offset 3)
     * permuted to channels last into {@code dst} (laid out by {@code target}), as float32 and as
     * float64, and checks every element of both destination arrays, outside the target too.
     */
    private static void assertChannelsLastCopy(int planes, int channels, int positions, Layout target, int length) {
        int[] shape = {planes, positions, channels};
        Layout source = Layout.of(shape, new int[] {channels * positions, 1, positions}, 3);
        float[] src = new float[3 + planes * channels * positions];
        double[] srcD = new double[src.length];
        for (int i = 0; i < src.length; i++) {
            src[i] = i * 0.25f;
            srcD[i] = i * 0.125;
        }
        float[] dst = new float[length];
        double[] dstD = new double[length];
        float[] expected = new float[length];
        double[] expectedD = new double[length];
        for (int k = 0; k < source.numel(); k++) {
            expected[target.storageIndex(k)] = src[source.storageIndex(k)];
            expectedD[target.storageIndex(k)] = srcD[source.storageIndex(k)];
        }
        StridedCopy.copyInto(new Operand(new Storages.FloatStorage(dst, 0, length), target),
                new Operand(new Storages.FloatStorage(src, 0, src.length), source));
        StridedCopy.copyInto(new Operand(new Storages.DoubleStorage(dstD, 0, length), target),
                new Operand(new Storages.DoubleStorage(srcD, 0, srcD.length), source));
        assertArrayEquals(expected, dst);
        assertArrayEquals(expectedD, dstD);
    }

    @Test
    void copyInto_permutedToChannelsLast_copiesEveryPlane() {
        // 37 channels: a whole band of columns and a part of one
        int channels = StridedCopy.PLANE_BAND + 5;
        assertChannelsLastCopy(3, channels, 20, Layout.contiguous(new int[] {3, 20, channels}), 3 * 20 * channels);
    }

    @Test
    void copyInto_permutedIntoStridedPlanes_leavesTheGapsAlone() {
        int planeStep = 20 * 7 + 11;
        assertChannelsLastCopy(3, 7, 20, Layout.of(new int[] {3, 20, 7}, new int[] {planeStep, 7, 1}, 5),
                5 + 3 * planeStep);
    }

    @Test
    void copyInto_permutedPlanesOverThreads_copiesEveryPlane() {
        int threads = Parallel.numThreads();
        Parallel.setNumThreads(2);
        try {
            assertChannelsLastCopy(5, 40, 1500, Layout.contiguous(new int[] {5, 1500, 40}), 5 * 1500 * 40);
        } finally {
            Parallel.setNumThreads(threads);
        }
    }
}
