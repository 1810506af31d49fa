package jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numpy stand-in on its own: creation, views, element access, str and repr (texts from numpy 1.24). */
class NDArrayTest {

    @Test
    void array_javaIntsBecomeInt64() {
        NDArray g = np.array(new long[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(np.int64, g.dtype());
        assertEquals("int64", g.dtype().toString());
        assertEquals("dtype('int64')", g.dtype().repr());
        assertArrayEquals(new int[] {2, 3}, g.shape());
        assertEquals(np.int64, np.array(new int[] {1}).dtype());
    }

    @Test
    void array_inferredDtypes() {
        assertEquals(np.float64, np.array(new double[] {1.5}).dtype());
        assertEquals(np.float32, np.array(new float[] {1.5f}).dtype());
        assertEquals(np.bool_, np.array(new boolean[] {true}).dtype());
        assertEquals(np.float64, np.array(new Object[] {1, 2.5, true}).dtype());
        assertEquals(np.int64, np.array(List.of(1, 2)).dtype());
        assertEquals(np.float64, np.array(new double[0]).dtype());
        assertEquals(np.float64, np.array(3.0).dtype());
    }

    @Test
    void array_raggedData_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> np.array(new long[][] {{1, 2}, {3}}));
        assertEquals("setting an array element with a sequence. The requested array has an inhomogeneous shape "
                + "after 1 dimensions. The detected shape was (2,) + inhomogeneous part.", e.getMessage());
    }

    @Test
    void array_dtypeArgumentCasts() {
        assertEquals("[  1 255]", np.array(new long[] {1, 255}, np.uint8).toString());
        assertEquals("[1 2]", np.array(new double[] {1.7, 2.2}, np.int64).toString());
    }

    @Test
    void str_intMatrix() {
        assertEquals("[[1 2 3]\n [4 5 6]]", np.array(new long[][] {{1, 2, 3}, {4, 5, 6}}).toString());
        assertEquals("[[-1  2  3]\n [ 4  5  6]]", np.array(new long[][] {{-1, 2, 3}, {4, 5, 6}}).toString());
    }

    @Test
    void repr_defaultTypesOmitDtype() {
        assertEquals("array([[1, 2],\n       [3, 4]])", np.array(new long[][] {{1, 2}, {3, 4}}).repr());
        assertEquals("array([1.5, 2. ])", np.array(new double[] {1.5, 2}).repr());
        assertEquals("array([ True, False])", np.array(new boolean[] {true, false}).repr());
    }

    @Test
    void repr_otherTypesShowDtype() {
        assertEquals("array([0.1, 0.2], dtype=float32)", np.array(new float[] {0.1f, 0.2f}).repr());
        assertEquals("array([1., 2.], dtype=float32)", np.array(new double[] {1, 2}, np.float32).repr());
        assertEquals("array([1, 2], dtype=int32)", np.array(new long[] {1, 2}, np.int32).repr());
        assertEquals("array([0.5, 0.1], dtype=float16)", np.array(new double[] {0.5, 0.1}, np.float16).repr());
    }

    @Test
    void str_floatsUseShortestDigitsOfTheirPrecision() {
        assertEquals("[0.1 0.2]", np.array(new float[] {0.1f, 0.2f}).toString());
        assertEquals("[ 0.33333333  0.66666667 10.        ]", np.array(new double[] {1. / 3, 2. / 3, 10}).toString());
        assertEquals("[ 0.33333334  0.6666667  10.        ]",
                np.array(new double[] {1. / 3, 2. / 3, 10}, np.float32).toString());
        assertEquals("[-0.  1.]", np.array(new double[] {-0.0, 1}).toString());
    }

    @Test
    void str_scientificWhenRangeIsWide() {
        assertEquals("[1.e-05 1.e+00]", np.array(new double[] {1e-5, 1}).toString());
        assertEquals("[1.5000e-05 1.2345e+03]", np.array(new double[] {1.5e-5, 1234.5}).toString());
        assertEquals("[1.23456789e+05 1.00000000e-03]", np.array(new double[] {123456.789, 0.001}).toString());
    }

    @Test
    void str_nonFinite() {
        assertEquals("[ nan  1.5 -inf]",
                np.array(new double[] {Double.NaN, 1.5, Double.NEGATIVE_INFINITY}).toString());
    }

    @Test
    void zeroDim_strIsScalarReprIsArray() {
        assertEquals("3.0", np.array(3.0).toString());
        assertEquals("array(3.)", np.array(3.0).repr());
        assertEquals("3", np.array(3).toString());
        assertEquals("array(3)", np.array(3).repr());
        assertEquals("True", np.array(true).toString());
        assertEquals("array(True)", np.array(true).repr());
    }

    @Test
    void empty_reprShowsShapeAndDtype() {
        assertEquals("[]", np.zeros(0, 2).toString());
        assertEquals("array([], shape=(0, 2), dtype=float64)", np.zeros(0, 2).repr());
        assertEquals("array([], dtype=float64)", np.zeros(0).repr());
    }

    @Test
    void str_longRowsWrapAtSeventyFive() {
        assertEquals("[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n"
                + " 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39]", np.arange(40).toString());
        assertEquals("array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
                + "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,\n"
                + "       34, 35, 36, 37, 38, 39])", np.arange(40).repr());
    }

    @Test
    void str_summarizesAboveThreshold() {
        assertEquals("[   0    1    2 ...  998  999 1000]", np.arange(1001).toString());
        assertEquals("array([[   0,    1,    2, ...,  997,  998,  999],\n"
                + "       [1000, 1001, 1002, ..., 1997, 1998, 1999]])", np.arange(2000).reshape(2, 1000).repr());
    }

    @Test
    void str_threeDimsSeparatesBlocksWithBlankLine() {
        assertEquals("[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]", np.arange(8).reshape(2, 2, 2).toString());
    }

    @Test
    void reshape_viewSharesAndInfers() {
        NDArray a = np.arange(6);
        NDArray b = a.reshape(-1, 3);
        assertArrayEquals(new int[] {2, 3}, b.shape());
        b.set(100, 0, 0);
        assertEquals(100L, a.get(0));
        assertSame(a.data(), b.data());
    }

    @Test
    void reshape_wrongSize_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> np.arange(6).reshape(4));
        assertEquals("cannot reshape array of size 6 into shape (4,)", e.getMessage());
    }

    @Test
    void transpose_reversesStrides() {
        NDArray t = np.arange(6).reshape(2, 3).T();
        assertArrayEquals(new int[] {8, 24}, t.strides());
        assertEquals("[[0 3]\n [1 4]\n [2 5]]", t.toString());
        assertEquals("[[0 1 2]\n [3 4 5]]", t.T().toString());
        assertEquals("[[0 3]\n [1 4]\n [2 5]]", t.reshape(3, 2).toString());
    }

    @Test
    void get_elementRowAndNegativeIndex() {
        NDArray g = np.array(new long[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(6L, g.get(-1, -1));
        assertEquals("[4 5 6]", g.get(1).toString());
        assertEquals(1.5, np.array(new double[] {1.5}).get(0));
        assertEquals(true, np.array(new boolean[] {true}).get(0));
    }

    @Test
    void get_outOfBounds_rejected() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> np.arange(6).get(7));
        assertEquals("index 7 is out of bounds for axis 0 with size 6", e.getMessage());
    }

    @Test
    void set_castsAndFillsRows() {
        NDArray g = np.array(new long[][] {{1, 2, 3}, {4, 5, 6}});
        g.set(9.9, 0, 1);
        g.set(0, 1);
        assertEquals("[[1 9 3]\n [0 0 0]]", g.toString());
        NDArray b = np.array(new boolean[] {false, false});
        b.set(true, 1);
        assertEquals("[False  True]", b.toString());
    }

    @Test
    void data_isTheFlatSharedArray() {
        NDArray a = np.array(new double[] {1, 2});
        double[] data = (double[]) a.data();
        data[0] = 7;
        assertEquals("[7. 2.]", a.toString());
        assertEquals(byte[].class, np.array(new boolean[] {true}).data().getClass());
    }

    @Test
    void arangeZerosOnes() {
        assertEquals("[0.  0.5 1.  1.5]", np.arange(0, 2, 0.5).toString());
        assertEquals("[2 4 6]", np.arange(2, 8, 2).toString());
        assertEquals("array([[1, 1]], dtype=int32)", np.ones(new int[] {1, 2}, np.int32).repr());
        assertEquals("[0. 0.]", np.zeros(2).toString());
    }

    @Test
    void astypeAndTolist() {
        NDArray a = np.array(new double[] {1.5, -2.5});
        assertEquals("[ 1 -2]", a.astype(np.int64).toString());
        assertEquals(List.of(1.5, -2.5), a.tolist());
        assertEquals(List.of(List.of(0L, 1L)), np.arange(2).reshape(1, 2).tolist());
    }
}
