package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * GEMM against a plain {@link Math#fma} loop, bit for bit: every kernel, operand layout
 * (plain, transposed, offset, strided output), ragged edge, accumulation and thread split.
 */
class GemmTest {
    private static final int[] SIZES = {1, 2, 13, 14, 15, 31, 32, 33, 64, 100, 257, 520};
    private static final int[] DEPTHS = {1, 7, 64, 257, 600};

    private static final List<GemmKernel<float[]>> FLOAT_KERNELS =
            List.of(FloatGemmKernel.SCALAR, FloatVectorGemmKernel.create());
    private static final List<GemmKernel<double[]>> DOUBLE_KERNELS =
            List.of(DoubleGemmKernel.SCALAR, DoubleVectorGemmKernel.create());

    /** One operand layout: A and B transposed or not, C row-major or transposed. */
    private record Layout(boolean transA, boolean transB, boolean transC, boolean accumulate) {
        static Layout random(Random r) {
            return new Layout(r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0, r.nextBoolean());
        }

        <T> MatrixView<T> a(T data, int m, int k) {
            return transA ? new MatrixView<>(data, 3, 1, m) : new MatrixView<>(data, 3, k, 1);
        }

        <T> MatrixView<T> b(T data, int k, int n) {
            return transB ? new MatrixView<>(data, 5, 1, k) : new MatrixView<>(data, 5, n, 1);
        }

        <T> MatrixView<T> c(T data, int m, int n) {
            return transC ? new MatrixView<>(data, 0, 1, m) : new MatrixView<>(data, 0, n, 1);
        }
    }

    @Test
    void run_floatKernels_matchFmaLoopBitForBit() {
        Random r = new Random(1);
        int checked = 0;
        for (GemmKernel<float[]> kern : FLOAT_KERNELS) {
            for (int m : SIZES) {
                for (int n : SIZES) {
                    for (int k : DEPTHS) {
                        if ((long) m * n * k <= 2_000_000 && r.nextInt(3) == 0) {
                            checkFloat(kern, m, n, k, Layout.random(r), r);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 300, "cases checked: " + checked);
    }

    @Test
    void run_doubleKernels_matchFmaLoopBitForBit() {
        Random r = new Random(2);
        for (GemmKernel<double[]> kern : DOUBLE_KERNELS) {
            for (int m : SIZES) {
                for (int n : SIZES) {
                    int k = DEPTHS[r.nextInt(DEPTHS.length)];
                    if ((long) m * n * k <= 2_000_000) {
                        checkDouble(kern, m, n, k, Layout.random(r), r);
                    }
                }
            }
        }
    }

    @Test
    void run_everyLayoutOfAnMlp_matchesFmaLoop() {
        Random r = new Random(3);
        for (GemmKernel<float[]> kern : FLOAT_KERNELS) {
            checkFloat(kern, 64, 256, 784, new Layout(false, true, false, false), r);  // x @ W1^T
            checkFloat(kern, 64, 784, 256, new Layout(false, false, false, false), r); // dy @ W1
            checkFloat(kern, 256, 784, 64, new Layout(true, false, false, true), r);   // dy^T @ x, into grad
            checkFloat(kern, 64, 10, 256, new Layout(false, true, false, false), r);   // h @ W2^T
        }
    }

    @Test
    void sgemm_splitOverTwoThreads_sameBitsAsOneThread() {
        int threads = Parallel.numThreads();
        try {
            Parallel.setNumThreads(2);
            Random r = new Random(4);
            for (GemmKernel<float[]> kern : FLOAT_KERNELS) {
                // two threads of at least Gemm.SPLIT_WORK each
                checkFloat(kern, 64, 420, 300, new Layout(false, false, false, false), r); // vector: by columns
                checkFloat(kern, 420, 100, 800, new Layout(true, true, false, true), r);   // by rows
                checkFloat(kern, 113, 130, 120, new Layout(false, true, true, false), r);  // ragged halves
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @Test
    void run_plainKernelsOverSeveralBlocks_matchFmaLoopBitForBit() {
        Random r = new Random(6);
        // wider than one plain column block, deeper than one depth block, ragged row tiles
        checkFloat(FloatGemmKernel.SCALAR, 21, 1100, 300, new Layout(false, false, false, true), r);
        checkFloat(FloatGemmKernel.SCALAR, 19, 1030, 260, new Layout(true, true, true, false), r);
        checkDouble(DoubleGemmKernel.SCALAR, 21, 600, 300, new Layout(false, false, false, true), r);
        checkDouble(DoubleGemmKernel.SCALAR, 19, 530, 260, new Layout(true, true, true, false), r);
    }

    @Test
    void run_tallerThanOnePackedAChunk_matchesFmaLoopBitForBit() {
        Random r = new Random(8);
        // two chunks of packed A rows; 1024 columns, so no kernel computes it as C^T = B^T A^T
        int m = GemmDriver.PACKED_A_ROWS + 61;
        for (GemmKernel<float[]> kern : FLOAT_KERNELS) {
            checkFloat(kern, m, 1024, 12, new Layout(false, false, false, true), r);
        }
        for (GemmKernel<double[]> kern : DOUBLE_KERNELS) {
            checkDouble(kern, m, 1024, 9, new Layout(true, false, false, false), r);
        }
    }

    @Test
    void run_deeperThanTwoDepthBlocks_matchesFmaLoopBitForBit() {
        Random r = new Random(9);
        // each depth block continues C's chains in order: two whole blocks and a ragged third
        for (GemmKernel<float[]> kern : FLOAT_KERNELS) {
            checkFloat(kern, 31, 45, 2 * kern.kc + 61, new Layout(false, false, false, false), r);
            checkFloat(kern, 29, 33, 2 * kern.kc + 61, new Layout(true, true, false, true), r);
        }
        for (GemmKernel<double[]> kern : DOUBLE_KERNELS) {
            checkDouble(kern, 31, 45, 2 * kern.kc + 61, new Layout(false, true, false, false), r);
            checkDouble(kern, 29, 33, 2 * kern.kc + 61, new Layout(true, false, true, true), r);
        }
    }

    @Test
    void warmUpPlain_compiledKernels_stillMatchFmaLoopBitForBit() {
        assertTrue(Gemm.warmUpPlain());
        Random r = new Random(7);
        for (Layout l : List.of(new Layout(false, false, false, false), new Layout(true, true, true, true))) {
            checkFloat(FloatGemmKernel.SCALAR, 40, 1200, 70, l, r);
            checkDouble(DoubleGemmKernel.SCALAR, 40, 700, 70, l, r);
        }
    }

    @Test
    void floatRowGemm_everyLayout_matchesFmaLoopOrLeavesCAlone() {
        Random r = new Random(9);
        FloatRowGemm rows = FloatRowGemm.create(FloatVectorGemmKernel.create());
        int served = 0;
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : DEPTHS) {
                    if ((long) m * n * k <= 2_000_000 && r.nextInt(2) == 0) {
                        boolean computed = checkFloat("FloatRowGemm", (a, b, c, add) -> rows.product(m, n, k, a, b, c, add),
                                m, n, k, Layout.random(r), r);
                        served += computed ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(served > 100, "cases served: " + served);
    }

    @Test
    void floatRowGemm_severalBlocksAndStridedOperands_matchFmaLoopBitForBit() {
        Random r = new Random(10);
        FloatRowGemm rows = FloatRowGemm.create(FloatVectorGemmKernel.create());
        // two depth blocks (1024 deep each), two column blocks (256 wide), ragged row tiles
        assertTrue(checkFloat("FloatRowGemm", (a, b, c, add) -> rows.product(30, 40, 1100, a, b, c, add),
                30, 40, 1100, new Layout(false, false, false, true), r));
        assertTrue(checkFloat("FloatRowGemm", (a, b, c, add) -> rows.product(29, 530, 70, a, b, c, add),
                29, 530, 70, new Layout(false, true, false, false), r));
        // the MLP's x @ W^T as C^T = W x^T through the scratch, then a smaller one reusing it
        assertTrue(checkFloat("FloatRowGemm", (a, b, c, add) -> rows.product(64, 256, 784, a, b, c, add),
                64, 256, 784, new Layout(false, true, false, false), r));
        assertTrue(checkFloat("FloatRowGemm", (a, b, c, add) -> rows.product(20, 33, 15, a, b, c, add),
                20, 33, 15, new Layout(false, true, false, false), r));
        // A, B and C inside larger matrices (row strides past their widths, offsets)
        float[] ad = random(r, 50 * 90);
        float[] bd = random(r, 90 * 70);
        float[] cd = random(r, 45 * 80);
        MatrixView<float[]> a = MatrixView.of(ad, 7, 90, 1);
        MatrixView<float[]> b = MatrixView.of(bd, 2, 70, 1);
        MatrixView<float[]> c = MatrixView.of(cd, 9, 80, 1);
        float[] expected = cd.clone();
        Gemm.run(FloatGemmKernel.SCALAR, 45, 60, 80, a, b, MatrixView.of(expected, 9, 80, 1), true);
        assertTrue(rows.product(45, 60, 80, a, b, c, true));
        assertArrayEquals(expected, cd);
    }

    @Test
    void floatNarrowGemm_everyLayoutItServes_matchesFmaLoopBitForBit() {
        Random r = new Random(13);
        int served = 0;
        // one vector of columns (or of rows, as C^T), ragged 16-row tiles, one to three depth blocks of 256
        for (int narrow : new int[] {1, 2, 10, 15, FloatNarrowGemm.WIDTH}) {
            for (int other : SIZES) {
                for (int k : DEPTHS) {
                    for (boolean tall : new boolean[] {true, false}) {
                        int m = tall ? other : narrow;
                        int n = tall ? narrow : other;
                        Layout l = Layout.random(r);
                        MatrixView<float[]> a = l.a(new float[0], m, k);
                        MatrixView<float[]> b = l.b(new float[0], k, n);
                        if (FloatNarrowGemm.serves(m, n, a, b)) {
                            assertTrue(checkFloat("FloatNarrowGemm", (x, y, z, add) -> {
                                FloatNarrowGemm.product(m, n, k, x, y, z, add);
                                return true;
                            }, m, n, k, l, r));
                            served++;
                        }
                    }
                }
            }
        }
        assertTrue(served > 150, "cases served: " + served);
    }

    @Test
    void floatNarrowGemm_operandsInsideLargerMatrices_matchFmaLoopBitForBit() {
        Random r = new Random(14);
        // A, B and C with row strides past their widths and offsets; C transposed; accumulating
        float[] ad = random(r, 50 * 300);
        float[] bd = random(r, 12 * 300);
        float[] cd = random(r, 45 * 20);
        MatrixView<float[]> a = MatrixView.of(ad, 7, 300, 1);
        MatrixView<float[]> b = MatrixView.of(bd, 3, 1, 300);
        for (MatrixView<float[]> c : List.of(MatrixView.of(cd, 9, 20, 1), MatrixView.of(cd, 4, 1, 45))) {
            float[] expected = cd.clone();
            MatrixView<float[]> e = new MatrixView<>(expected, c.offset(), c.rowStride(), c.colStride());
            Gemm.run(FloatGemmKernel.SCALAR, 45, 11, 290, a, b, e, true);
            FloatNarrowGemm.product(45, 11, 290, a, b, c, true);
            assertArrayEquals(expected, cd);
        }
    }

    @Test
    void floatNarrowGemm_cancellationRequested_throwsThenRunsAgain() {
        MatrixView<float[]> v = MatrixView.of(new float[100 * 100], 0, 100, 1);
        MatrixView<float[]> c = MatrixView.of(new float[100 * 10], 0, 10, 1);
        Cancellation.request();
        try {
            assertThrows(CancellationException.class, () -> FloatNarrowGemm.product(100, 10, 100, v, v, c, false));
        } finally {
            Cancellation.clear();
        }
        FloatNarrowGemm.product(100, 10, 100, v, v, c, false);
    }

    @Test
    void sgemm_narrowProductsAfterWarmUp_matchFmaLoopBitForBit() {
        assertEquals(Kernels.VECTOR, Gemm.warmUpVector());
        Random r = new Random(15);
        // the MLP's last layer h @ W^T, its transpose W @ h^T, and dy @ W row-major accumulating
        int[][] shapes = {{64, 10, 256}, {10, 64, 256}, {64, 10, 300}};
        List<Layout> layouts = List.of(new Layout(false, true, false, false), new Layout(true, true, false, false),
                new Layout(false, false, true, true));
        for (int i = 0; i < shapes.length; i++) {
            int m = shapes[i][0];
            int n = shapes[i][1];
            int k = shapes[i][2];
            assertTrue(checkFloat("sgemm", (a, b, c, add) -> {
                Gemm.sgemm(m, n, k, a, b, c, add);
                return true;
            }, m, n, k, layouts.get(i), r));
        }
    }

    @Test
    void sgemm_mlpLayoutsAfterWarmUp_matchFmaLoopBitForBit() {
        assertEquals(Kernels.VECTOR, Gemm.warmUpVector());
        Random r = new Random(11);
        for (Layout l : List.of(new Layout(false, true, false, false), new Layout(false, false, false, false),
                new Layout(true, false, false, true))) {
            int m = l.transA() ? 256 : 64;
            int n = l.transB() ? 256 : 784;
            int k = l.transA() ? 64 : l.transB() ? 784 : 256;
            assertTrue(checkFloat("sgemm", (a, b, c, add) -> {
                Gemm.sgemm(m, n, k, a, b, c, add);
                return true;
            }, m, n, k, l, r));
        }
    }

    @Test
    void sgemm_splitPartsOnTheRowPath_matchFmaLoopBitForBit() {
        assertEquals(Kernels.VECTOR, Gemm.warmUpVector());
        int threads = Parallel.numThreads();
        try {
            Parallel.setNumThreads(2);
            Random r = new Random(12);
            // split (at least twice SPLIT_WORK) into parts FloatRowGemm serves: x @ W^T, dy @ W, a transposed C
            for (Layout l : List.of(new Layout(false, true, false, false), new Layout(false, false, false, true),
                    new Layout(false, true, true, false), new Layout(false, false, true, true))) {
                assertTrue(checkFloat("sgemm", (a, b, c, add) -> {
                    Gemm.sgemm(64, 300, 200, a, b, c, add);
                    return true;
                }, 64, 300, 200, l, r));
            }
            // split by rows into equal halves of an odd row count (65 and 66 rows), all row-major
            for (Layout l : List.of(new Layout(false, false, false, false), new Layout(false, false, false, true))) {
                assertTrue(checkFloat("sgemm", (a, b, c, add) -> {
                    Gemm.sgemm(131, 40, 300, a, b, c, add);
                    return true;
                }, 131, 40, 300, l, r));
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @Test
    void floatRowGemm_cancellationRequested_throwsThenRunsAgain() {
        FloatRowGemm rows = FloatRowGemm.create(FloatVectorGemmKernel.create());
        MatrixView<float[]> v = MatrixView.of(new float[100 * 100], 0, 100, 1);
        Cancellation.request();
        try {
            assertThrows(CancellationException.class, () -> rows.product(100, 100, 100, v, v, MatrixView.of(new float[10_000], 0, 100, 1), false));
        } finally {
            Cancellation.clear();
        }
        assertTrue(rows.product(100, 100, 100, v, v, MatrixView.of(new float[10_000], 0, 100, 1), false));
    }

    @Test
    void sgemm_zeroDepth_zeroesOrKeepsC() {
        float[] c = {1, 2, 3, 4};
        MatrixView<float[]> empty = MatrixView.of(new float[0], 0, 0, 1);
        Gemm.sgemm(2, 2, 0, empty, empty, MatrixView.of(c, 0, 2, 1), true);
        assertArrayEquals(new float[] {1, 2, 3, 4}, c);
        Gemm.sgemm(2, 2, 0, empty, empty, MatrixView.of(c, 0, 2, 1), false);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void sgemm_negativeSize_throwsNamingTheShapes() {
        MatrixView<float[]> x = MatrixView.of(new float[4], 0, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(2, -1, 2, x, x, x, false));
        assertEquals("gemm: negative size 2x2 @ 2x-1", e.getMessage());
    }

    @Test
    void run_cancellationRequested_throwsThenRunsAgain() {
        float[] a = new float[300 * 300];
        MatrixView<float[]> v = MatrixView.of(a, 0, 300, 1);
        Cancellation.request();
        try {
            assertThrows(CancellationException.class,
                    () -> Gemm.run(FloatVectorGemmKernel.create(), 300, 300, 300, v, v, MatrixView.of(new float[a.length], 0, 300, 1), false));
        } finally {
            Cancellation.clear();
        }
        Gemm.run(FloatVectorGemmKernel.create(), 300, 300, 300, v, v, MatrixView.of(new float[a.length], 0, 300, 1), false);
    }

    @Test
    void warmUpVector_vectorModulePresent_turnsTheVectorKernelsOn() {
        assertEquals(Kernels.VECTOR, Gemm.warmUpVector());
        Random r = new Random(5);
        float[] a = random(r, 40 * 50);
        float[] b = random(r, 50 * 60);
        float[] c = new float[40 * 60];
        Gemm.sgemm(40, 60, 50, MatrixView.of(a, 0, 50, 1), MatrixView.of(b, 0, 60, 1), MatrixView.of(c, 0, 60, 1), false);
        assertEquals(Math.fma(a[49], b[49 * 60], dotPrefix(a, b, 49)), c[0]);
    }

    private static float dotPrefix(float[] a, float[] b, int k) {
        float s = 0;
        for (int p = 0; p < k; p++) {
            s = Math.fma(a[p], b[p * 60], s);
        }
        return s;
    }

    private static void checkFloat(GemmKernel<float[]> kern, int m, int n, int k, Layout l, Random r) {
        assertTrue(checkFloat(kern.getClass().getSimpleName(), (a, b, c, add) -> {
            Gemm.run(kern, m, n, k, a, b, c, add);
            return true;
        }, m, n, k, l, r));
    }

    /** A float product under test: computes {@code C (+)= A B} and says whether it did. */
    private interface FloatProduct {
        boolean compute(MatrixView<float[]> a, MatrixView<float[]> b, MatrixView<float[]> c, boolean add);
    }

    /**
     * Checks {@code product} against a plain fma loop bit for bit, or that it left C alone when it
     * says it did not compute; returns whether it computed.
     */
    private static boolean checkFloat(String name, FloatProduct product, int m, int n, int k, Layout l, Random r) {
        MatrixView<float[]> a = l.a(random(r, m * k + 3), m, k);
        MatrixView<float[]> b = l.b(random(r, k * n + 5), k, n);
        float[] c = random(r, m * n);
        MatrixView<float[]> cv = l.c(c, m, n);
        float[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cv.index(i, j);
                float s = l.accumulate() ? expected[ci] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a.data()[a.index(i, p)], b.data()[b.index(p, j)], s);
                }
                expected[ci] = s;
            }
        }
        float[] before = c.clone();
        boolean computed = product.compute(a, b, cv, l.accumulate());
        assertArrayEquals(computed ? expected : before, c, () -> name + " " + m + "x" + k + " @ " + k + "x" + n + " " + l);
        return computed;
    }

    private static void checkDouble(GemmKernel<double[]> kern, int m, int n, int k, Layout l, Random r) {
        MatrixView<double[]> a = l.a(r.doubles(m * k + 3, -1, 1).toArray(), m, k);
        MatrixView<double[]> b = l.b(r.doubles(k * n + 5, -1, 1).toArray(), k, n);
        double[] c = r.doubles(m * n, -1, 1).toArray();
        MatrixView<double[]> cv = l.c(c, m, n);
        double[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = cv.index(i, j);
                double s = l.accumulate() ? expected[ci] : 0.0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a.data()[a.index(i, p)], b.data()[b.index(p, j)], s);
                }
                expected[ci] = s;
            }
        }
        Gemm.run(kern, m, n, k, a, b, cv, l.accumulate());
        assertArrayEquals(expected, c, () -> kern.getClass().getSimpleName() + " " + m + "x" + k + " @ " + k + "x" + n + " " + l);
    }

    private static float[] random(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return x;
    }
}
