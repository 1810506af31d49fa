package jtorch.internal.kernels;

/**
 * General matrix products {@code C = A B} or {@code C += A B} for float32 and float64, with any
 * strides on A, B and C (so {@code A^T B} and {@code A B^T} read their operands in place).
 *
 * <p>Each element of C is one fused multiply-add chain over the depth in order, from zero (or
 * from C's value when accumulating), whichever kernel, blocking or thread split computes it: the
 * results are reproducible and equal a plain {@link Math#fma} loop. Large products are split
 * over {@link Parallel}'s threads by columns or rows; the Vector API kernels serve once
 * {@link #warmUpVector} has compiled them, plain Java kernels before that or without the module.
 */
public final class Gemm {
    /** Multiply-adds below which packing does not pay: a plain loop computes the product. */
    private static final int UNPACKED_WORK = 1 << 12;
    /** Multiply-adds per thread below which handing work to another thread does not pay. */
    private static final long SPLIT_WORK = 1L << 20;

    private static final FloatGemmKernel FLOAT_VECTOR = Kernels.VECTOR ? FloatVectorGemmKernel.create() : null;
    private static final DoubleGemmKernel DOUBLE_VECTOR = Kernels.VECTOR ? DoubleVectorGemmKernel.create() : null;
    private static volatile boolean vectorReady;
    private static final long HOT_NANOS = 40_000;
    private static final long WARM_UP_LIMIT_NANOS = 120_000_000_000L;

    private Gemm() {}

    /** {@code C[m x n] = A[m x k] B[k x n]}, or {@code C += A B} when {@code accumulate}. */
    public static void sgemm(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b,
                             MatrixView<float[]> c, boolean accumulate) {
        run(vectorReady ? FLOAT_VECTOR : FloatGemmKernel.SCALAR, m, n, k, a, b, c, accumulate);
    }

    /** {@code C[m x n] = A[m x k] B[k x n]}, or {@code C += A B} when {@code accumulate}. */
    public static void dgemm(int m, int n, int k, MatrixView<double[]> a, MatrixView<double[]> b,
                             MatrixView<double[]> c, boolean accumulate) {
        run(vectorReady ? DOUBLE_VECTOR : DoubleGemmKernel.SCALAR, m, n, k, a, b, c, accumulate);
    }

    /**
     * Runs the vector kernels until the JIT has compiled them (a 48^3 product then takes a few
     * microseconds; interpreted or C1-compiled Vector API code about 100 times longer), then lets
     * {@link #sgemm} and {@link #dgemm} use them. Called by {@link Kernels}' warm-up thread; keeps
     * the plain kernels without the Vector API or if the kernels are not fast within
     * {@link #WARM_UP_LIMIT_NANOS}.
     *
     * @return whether the vector kernels are now in use
     */
    static boolean warmUpVector() {
        if (FLOAT_VECTOR == null) {
            return false;
        }
        long deadline = System.nanoTime() + WARM_UP_LIMIT_NANOS;
        boolean hot = false;
        while (!hot && System.nanoTime() < deadline) {
            try {
                hot = exercise(FLOAT_VECTOR) < HOT_NANOS & exercise(DOUBLE_VECTOR) < HOT_NANOS;
            } catch (java.util.concurrent.CancellationException interruptedCell) {
                // a host interrupt of the user's cell also reaches these kernels: keep warming up
            }
        }
        vectorReady = hot;
        return hot;
    }

    /** Square products with full and ragged tiles, and a ragged strided one, both with and without accumulation. */
    private static <A> long exercise(GemmKernel<A> kern) {
        int size = 48;
        MatrixView<A> a = new MatrixView<>(kern.allocate(size * size), 0, size, 1);
        MatrixView<A> c = new MatrixView<>(kern.allocate(size * size), 0, size, 1);
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            long start = System.nanoTime();
            run(kern, size, size, size, a, a.transpose(), c, round % 2 == 0);
            fastest = Math.min(fastest, System.nanoTime() - start);
            run(kern, 17, 37, size, a, a, c.transpose(), round % 2 == 1);
        }
        return fastest;
    }

    /** Whether {@link #sgemm} and {@link #dgemm} use the vector kernels. */
    static boolean vectorReady() {
        return vectorReady;
    }

    /** The product with one kernel; package-private so tests can pin a kernel. */
    static <A> void run(GemmKernel<A> kern, int m, int n, int k, MatrixView<A> a, MatrixView<A> b, MatrixView<A> c,
                        boolean accumulate) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size " + m + "x" + k + " @ " + k + "x" + n);
        }
        if (m == 0 || n == 0) {
            return;
        }
        long work = (long) m * n * k;
        if (work <= UNPACKED_WORK) {
            kern.unpacked(m, n, k, a, b, c, accumulate);
            return;
        }
        if (paddedTiles(kern, n, m) * 4 < paddedTiles(kern, m, n) * 3) {
            // e.g. 64x256 @ 256x10: as C^T = B^T A^T the narrow side fills the rows of a tile
            split(kern, n, m, k, b.transpose(), a.transpose(), c.transpose(), accumulate, work);
        } else {
            split(kern, m, n, k, a, b, c, accumulate, work);
        }
    }

    /** Elements of C computed once its tiles are padded to full register blocks. */
    private static long paddedTiles(GemmKernel<?> kern, int m, int n) {
        return (long) GemmDriver.roundUp(m, kern.mr) * GemmDriver.roundUp(n, kern.nr);
    }

    /**
     * One range per thread when the work pays for it: by columns (each thread packs its own B
     * columns and all of A) when C is at least as wide as high, else by rows.
     */
    private static <A> void split(GemmKernel<A> kern, int m, int n, int k, MatrixView<A> a, MatrixView<A> b,
                                  MatrixView<A> c, boolean accumulate, long work) {
        boolean byColumns = n >= m;
        int block = byColumns ? kern.nr : kern.mr;
        int extent = byColumns ? n : m;
        int blocks = (extent + block - 1) / block;
        int parts = (int) Math.min(Math.min(Parallel.numThreads(), blocks), Math.max(1, work / SPLIT_WORK));
        if (parts <= 1) {
            GemmDriver.block(kern, k, a, b, c, accumulate, 0, m, 0, n);
            return;
        }
        Parallel.forRange(parts, work, (from, to) -> {
            for (int t = from; t < to; t++) {
                int lo = Math.min(extent, (int) ((long) blocks * t / parts) * block);
                int hi = Math.min(extent, (int) ((long) blocks * (t + 1) / parts) * block);
                if (byColumns) {
                    GemmDriver.block(kern, k, a, b, c, accumulate, 0, m, lo, hi);
                } else {
                    GemmDriver.block(kern, k, a, b, c, accumulate, lo, hi, 0, n);
                }
            }
        });
    }
}
