package jtorch.internal.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * General matrix products {@code C = A B} or {@code C += A B} for float32 and float64, with any
 * strides on A, B and C (so {@code A^T B} and {@code A B^T} read their operands in place).
 *
 * <p>Each element of C is one fused multiply-add chain over the depth in order, from zero (or
 * from C's value when accumulating), whichever kernel, blocking or thread split computes it: the
 * results are reproducible and equal a plain {@link Math#fma} loop. Large products are split
 * over {@link Parallel}'s threads by columns or rows; the Vector API kernels serve once
 * {@link #warmUpVector} has compiled them, plain Java kernels before that or without the module.
 * The plain kernels are row-wise fused multiply-adds that C2 vectorises itself and compiles in
 * milliseconds ({@link #warmUpPlain}, first thing of the warm-up), so a product in a kernel that
 * has just started runs compiled while C2 is still busy with the vector kernels for seconds.
 */
public final class Gemm {
    /** Multiply-adds below which packing does not pay: a plain loop computes the product. */
    private static final int UNPACKED_WORK = 1 << 12;
    /**
     * Multiply-adds each thread must get for a split to pay: {@link Parallel}'s hand-off costs
     * about a microsecond to a helper that is spinning, and each thread packs its own operand
     * blocks; measured on 2 threads (split by rows), 112^3 ran in 18 us against 28 on one thread,
     * 96^3 (2^18.75 each) in 16 against 17.
     */
    private static final long SPLIT_WORK = 1L << 19;

    private static final FloatGemmKernel FLOAT_VECTOR = Kernels.VECTOR ? FloatVectorGemmKernel.create() : null;
    private static final DoubleGemmKernel DOUBLE_VECTOR = Kernels.VECTOR ? DoubleVectorGemmKernel.create() : null;
    private static final FloatRowGemm FLOAT_ROWS = Kernels.VECTOR ? FloatRowGemm.create(FLOAT_VECTOR) : null;
    /**
     * Rows and columns of C at least for {@link FloatRowGemm}: 64x256 @ 256x10^T ran 1.16x slower
     * there (14-row tiles two vectors wide), 48^3 and 33x40 @ 40x300 faster.
     */
    private static final int ROW_PATH_SIDE = 17;
    /** Multiply-adds at most for {@link FloatRowGemm} (512^3). */
    private static final long ROW_PATH_WORK = 1L << 27;
    private static volatile boolean floatVectorReady;
    private static volatile boolean doubleVectorReady;
    /** Whether {@link FloatRowGemm} and {@link FloatNarrowGemm} are compiled: set after the float32 vector kernel, so they do not delay it. */
    private static volatile boolean rowsReady;
    /** Products running on the plain kernels now ({@link #awaitPlainProducts}). */
    private static final AtomicInteger plainProducts = new AtomicInteger();
    /** How long the warm-up has waited for plain products so far ({@link WarmUpTurn#yieldWhile}). */
    private static final AtomicLong yielded = new AtomicLong();
    private static final long HOT_NANOS = 40_000;
    private static final long WARM_UP_LIMIT_NANOS = 120_000_000_000L;
    /** Columns of the plain kernels' warm-up product: a full plain float block and a ragged one. */
    private static final int WIDE_COLUMNS = 1030;
    /** The wide warm-up product (16 x 27 @ 27 x 1030) compiled: about 25 microseconds; at C1 over 250. */
    private static final long WIDE_HOT_NANOS = 100_000;

    private Gemm() {}

    /** {@code C[m x n] = A[m x k] B[k x n]}, or {@code C += A B} when {@code accumulate}. */
    public static void sgemm(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b,
                             MatrixView<float[]> c, boolean accumulate) {
        if (floatVectorReady) {
            if (!narrowPath(m, n, k, a, b, c, accumulate) && !rowPath(m, n, k, a, b, c, accumulate)) {
                run(FLOAT_VECTOR, m, n, k, a, b, c, accumulate);
            }
        } else {
            runPlain(FloatGemmKernel.SCALAR, m, n, k, a, b, c, accumulate);
        }
    }

    /**
     * Whether {@link FloatRowGemm} computed the product: a row-major A, a product {@link #split}
     * keeps on one thread, above {@link #UNPACKED_WORK} and up to {@link #ROW_PATH_WORK}. Measured
     * at one thread against the vector kernel (thread CPU time): 0.81-0.86x at 64x784 @ 784x256^T,
     * 0.82-0.95x at 128^3-512^3, 0.98-1.02x at 64x256 @ 256x784 and at 1024^3 (left to the vector kernel).
     */
    private static boolean rowPath(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b,
                                   MatrixView<float[]> c, boolean accumulate) {
        return rowSized(m, n, k) && parts((long) m * n * k) == 1 && FLOAT_ROWS.product(m, n, k, a, b, c, accumulate);
    }

    /**
     * Whether {@link FloatNarrowGemm} computed the product: at most one vector of columns with a
     * row-major A (or of rows with B^T row-major), a product {@link #split} keeps on one thread,
     * above {@link #UNPACKED_WORK}. Measured at one thread (thread CPU time) at 64x256 @ 256x10^T
     * (the MLP's last layer): ~6 us against ~9.7 on the vector kernel, whose two-vector tiles
     * computed 32 columns for these 10 after transposing h by gathers.
     */
    private static boolean narrowPath(int m, int n, int k, MatrixView<float[]> a, MatrixView<float[]> b,
                                      MatrixView<float[]> c, boolean accumulate) {
        long work = (long) m * n * k;
        if (!rowsReady || work <= UNPACKED_WORK || parts(work) > 1 || !FloatNarrowGemm.serves(m, n, a, b)) {
            return false;
        }
        FloatNarrowGemm.product(m, n, k, a, b, c, accumulate);
        return true;
    }

    /** Whether a product (or a thread's part of one) of this size is {@link FloatRowGemm}'s, once it is compiled. */
    private static boolean rowSized(int m, int n, int k) {
        long work = (long) m * n * k;
        return rowsReady && Math.min(m, n) >= ROW_PATH_SIDE && k > 0 && work > UNPACKED_WORK && work <= ROW_PATH_WORK;
    }

    /** {@code C[m x n] = A[m x k] B[k x n]}, or {@code C += A B} when {@code accumulate}. */
    public static void dgemm(int m, int n, int k, MatrixView<double[]> a, MatrixView<double[]> b,
                             MatrixView<double[]> c, boolean accumulate) {
        if (doubleVectorReady) {
            run(DOUBLE_VECTOR, m, n, k, a, b, c, accumulate);
        } else {
            runPlain(DoubleGemmKernel.SCALAR, m, n, k, a, b, c, accumulate);
        }
    }

    /** {@link #run} on a plain kernel, counted in {@link #plainProducts}. */
    private static <A> void runPlain(GemmKernel<A> kern, int m, int n, int k, MatrixView<A> a, MatrixView<A> b,
                                     MatrixView<A> c, boolean accumulate) {
        plainProducts.incrementAndGet();
        try {
            run(kern, m, n, k, a, b, c, accumulate);
        } finally {
            plainProducts.decrementAndGet();
        }
    }

    /**
     * Returns once no product runs on the plain kernels: the warm-up waits so, before each of its
     * rounds, so that it does not take a core from a cell's product while C2 (its one compiler
     * thread busy with the vector kernels) already takes the other. It waits {@link
     * WarmUpTurn#LIMIT_NANOS} in all at most, so that a long loop of products does not keep the
     * vector kernels from getting hot.
     */
    static void awaitPlainProducts() {
        WarmUpTurn.yieldWhile(() -> plainProducts.get() > 0, yielded);
    }

    /**
     * Runs the plain kernels until C2 has compiled them (their loops compile in milliseconds),
     * so that products before {@link #warmUpVector} has finished run at compiled speed, not
     * interpreted. Called first by {@link Kernels}' warm-up thread: the vector kernels' compiles
     * take C2 for seconds, and a compile queued behind them would wait that long.
     *
     * @return whether the plain kernels are fast now
     */
    static boolean warmUpPlain() {
        return untilHot(Gemm::awaitPlainProducts, () -> exerciseWide(FloatGemmKernel.SCALAR) < WIDE_HOT_NANOS
                & exerciseWide(DoubleGemmKernel.SCALAR) < WIDE_HOT_NANOS);
    }

    /**
     * Runs the float32 vector kernel until the JIT has compiled it (a 48^3 product then takes a
     * few microseconds; interpreted or C1-compiled Vector API code about 100 times longer), then
     * lets {@link #sgemm} use it; then the same for {@link FloatRowGemm} and {@link
     * FloatNarrowGemm}. Does nothing once done. Each round waits for its {@link WarmUpTurn}.
     */
    static void warmUpFloatVector() {
        if (FLOAT_VECTOR != null && !floatVectorReady) {
            floatVectorReady = untilHot(WarmUpTurn::await, () -> exercise(FLOAT_VECTOR) < HOT_NANOS);
            rowsReady = floatVectorReady && untilHot(WarmUpTurn::await, () -> exerciseRows() < HOT_NANOS);
        }
    }

    /**
     * {@link #warmUpFloatVector} unless done, then the float64 vector kernel, which {@link #dgemm}
     * then uses. Called by {@link Kernels}' warm-up thread, which decides the order of the GEMM
     * and the elementwise kernels. Keeps the plain kernels without the Vector API or if a kernel
     * is not fast within {@link #WARM_UP_LIMIT_NANOS}.
     *
     * @return whether both vector kernels are now in use
     */
    static boolean warmUpVector() {
        if (FLOAT_VECTOR == null) {
            return false;
        }
        warmUpFloatVector();
        doubleVectorReady = untilHot(WarmUpTurn::await, () -> exercise(DOUBLE_VECTOR) < HOT_NANOS);
        return vectorReady();
    }

    /**
     * Runs {@code fastRound} (exercising kernels; whether they were fast) until it says so or
     * {@link #WARM_UP_LIMIT_NANOS} has passed, each round once {@code awaitTurn} returns. The plain
     * kernels' rounds wait only for plain products (a cell's first product needs them compiled),
     * the vector kernels' for their {@link WarmUpTurn}.
     */
    private static boolean untilHot(Runnable awaitTurn, BooleanSupplier fastRound) {
        long deadline = System.nanoTime() + WARM_UP_LIMIT_NANOS;
        boolean hot = false;
        while (!hot && System.nanoTime() < deadline) {
            awaitTurn.run();
            try {
                hot = fastRound.getAsBoolean();
            } catch (java.util.concurrent.CancellationException interruptedCell) {
                // a host interrupt of the user's cell also reaches these kernels: keep warming up
            }
        }
        return hot;
    }

    /**
     * Square products with full and ragged tiles, a ragged strided one, and one with A transposed
     * (the packing's plain loads, where a row-major A takes gathers: a training step's {@code x^T
     * grad} has it, and without it here its first backward pass deoptimized the compiled packing),
     * each with and without accumulation.
     */
    private static <A> long exercise(GemmKernel<A> kern) {
        int size = 48;
        MatrixView<A> a = new MatrixView<>(kern.allocate(size * size), 0, size, 1);
        MatrixView<A> c = new MatrixView<>(kern.allocate(size * size), 0, size, 1);
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            WarmUpTurn.await();
            long start = System.nanoTime();
            run(kern, size, size, size, a, a.transpose(), c, round % 2 == 0);
            fastest = Math.min(fastest, System.nanoTime() - start);
            run(kern, 17, 37, size, a, a, c.transpose(), round % 2 == 1);
            run(kern, size, 37, size, a.transpose(), a, c, round % 2 == 0);
        }
        return fastest;
    }

    /**
     * {@link FloatRowGemm}'s products with whole and partial tiles of both its micro-kernels, so no
     * branch a product takes is left out of the profile (an untaken one deoptimizes the compiled
     * kernel in the first cell taking it, e.g. a 64-row product's whole 8-row tiles): {@code A B}
     * with and without accumulation, and {@code A B^T} as {@code C^T = B^T A^T} through its
     * scratch; and {@link FloatNarrowGemm}'s with both layouts of B. Returns the fastest round's
     * time of those before the scratch product.
     */
    private static long exerciseRows() {
        int size = 48;
        MatrixView<float[]> a = MatrixView.of(new float[size * size], 0, size, 1);
        MatrixView<float[]> c = MatrixView.of(new float[size * size], 0, size, 1);
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            WarmUpTurn.await();
            long start = System.nanoTime();
            // row tiles of 14, 14 and 8: both micro-kernels write whole tiles straight into C
            FLOAT_ROWS.product(36, size, size, a, a, c, round % 2 == 0);
            // FloatNarrowGemm, 10 columns: B^T row-major (tiles of 16, 16 and a partial 8), then B row-major
            FloatNarrowGemm.product(40, 10, size, a, a.transpose(), c, round % 2 == 0);
            FloatNarrowGemm.product(size, 10, size, a, a, c, round % 2 == 1);
            fastest = Math.min(fastest, System.nanoTime() - start);
            // as C^T = B^T A^T (48 rows: 14, 14, 14 and a partial 6), through the scratch
            FLOAT_ROWS.product(size - 16, size, size, a, a.transpose(), c, false);
        }
        return fastest;
    }

    /**
     * A product {@value #WIDE_COLUMNS} columns wide, so the plain kernels' row loops are compiled
     * for long rows as a large product has them (C2 unrolls by the profiled trip count), and a
     * small one with A, B and C all transposed, so no branch a product can take is left out of the
     * profile (an untaken one would recompile the kernel behind the vector kernels' compiles);
     * both with and without accumulation. Returns the fastest wide product's time.
     */
    private static <A> long exerciseWide(GemmKernel<A> kern) {
        int m = 16;
        // four depth steps per pass and three single ones: both loops of the plain micro-kernel
        int k = 27;
        MatrixView<A> a = new MatrixView<>(kern.allocate(m * k), 0, k, 1);
        MatrixView<A> b = new MatrixView<>(kern.allocate(k * WIDE_COLUMNS), 0, WIDE_COLUMNS, 1);
        MatrixView<A> c = new MatrixView<>(kern.allocate(m * WIDE_COLUMNS), 0, WIDE_COLUMNS, 1);
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            run(kern, m, WIDE_COLUMNS, k, a, b, c, round % 2 == 0);
            fastest = Math.min(fastest, System.nanoTime() - start);
            run(kern, 17, 37, 8, new MatrixView<>(b.data(), 0, 1, 17), new MatrixView<>(b.data(), 0, 1, 8),
                    new MatrixView<>(c.data(), 0, 1, 17), round % 2 == 1);
        }
        return fastest;
    }

    /** Whether {@link #sgemm} and {@link #dgemm} use the vector kernels. */
    static boolean vectorReady() {
        return floatVectorReady && doubleVectorReady;
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

    /**
     * One thread's part {@code C[i0:i1, j0:j1]} of a split product: on {@link FloatRowGemm} where it
     * serves the part (the float vector kernel's product, a row-major A), else the blocked driver.
     */
    @SuppressWarnings("unchecked")
    private static <A> void part(GemmKernel<A> kern, int k, MatrixView<A> a, MatrixView<A> b, MatrixView<A> c,
                                 boolean accumulate, int i0, int i1, int j0, int j1) {
        // kern is the float vector kernel only when A is float[]
        if (kern == FLOAT_VECTOR && rowSized(i1 - i0, j1 - j0, k) && FLOAT_ROWS.product(i1 - i0, j1 - j0, k,
                (MatrixView<float[]>) shifted(a, i0, 0), (MatrixView<float[]>) shifted(b, 0, j0),
                (MatrixView<float[]>) shifted(c, i0, j0), accumulate)) {
            return;
        }
        GemmDriver.block(kern, k, a, b, c, accumulate, i0, i1, j0, j1);
    }

    /** The view whose element (0, 0) is {@code v}'s element (i, j). */
    private static <A> MatrixView<A> shifted(MatrixView<A> v, int i, int j) {
        return new MatrixView<>(v.data(), v.index(i, j), v.rowStride(), v.colStride());
    }

    /** Elements of C computed once its tiles are padded to full register blocks. */
    private static long paddedTiles(GemmKernel<?> kern, int m, int n) {
        return (long) GemmDriver.roundUp(m, kern.mr) * GemmDriver.roundUp(n, kern.nr);
    }

    /**
     * One range per thread when the work pays for it: by rows of A (each thread packs only its
     * own rows of A, the costly packing by gathers, and all of B, a plain copy), unless a split by
     * columns leaves the largest part clearly less padded work, as for 64 rows (5 register tiles
     * of 14: 3 + 2) against 256 columns (8 blocks: 4 + 4).
     */
    private static <A> void split(GemmKernel<A> kern, int m, int n, int k, MatrixView<A> a, MatrixView<A> b,
                                  MatrixView<A> c, boolean accumulate, long work) {
        int rowBlocks = (m + kern.mr - 1) / kern.mr;
        int columnBlocks = (n + kern.nr - 1) / kern.nr;
        int parts = parts(work);
        long largestByRows = largestPart(rowBlocks, parts) * kern.mr * GemmDriver.roundUp(n, kern.nr);
        long largestByColumns = largestPart(columnBlocks, parts) * kern.nr * GemmDriver.roundUp(m, kern.mr);
        boolean byColumns = largestByColumns * 10 < largestByRows * 9;
        int blocks = byColumns ? columnBlocks : rowBlocks;
        int block = byColumns ? kern.nr : kern.mr;
        int extent = byColumns ? n : m;
        int ranges = Math.min(parts, blocks);
        if (ranges <= 1) {
            GemmDriver.block(kern, k, a, b, c, accumulate, 0, m, 0, n);
            return;
        }
        boolean evenRows = !byColumns && rowPathParts(kern, m, n, k, ranges, a, b, c);
        Parallel.forRange(ranges, work, (from, to) -> {
            for (int t = from; t < to; t++) {
                int lo = evenRows ? (int) ((long) m * t / ranges) : Math.min(extent, boundary(blocks, t, ranges) * block);
                int hi = evenRows ? (int) ((long) m * (t + 1) / ranges)
                        : Math.min(extent, boundary(blocks, t + 1, ranges) * block);
                if (byColumns) {
                    part(kern, k, a, b, c, accumulate, 0, m, lo, hi);
                } else {
                    part(kern, k, a, b, c, accumulate, lo, hi, 0, n);
                }
            }
        });
    }

    /**
     * Whether {@link FloatRowGemm} computes each of {@code ranges} row ranges of this product
     * straight into C (A, B and C row-major). Those ranges are split into equal numbers of rows,
     * not of register tiles: its short tiles (at most 8 rows) cost about half a full one, so
     * whole tiles gave one thread the larger share (256^2: 140 rows against 8 tiles and 4 rows).
     */
    private static <A> boolean rowPathParts(GemmKernel<A> kern, int m, int n, int k, int ranges, MatrixView<A> a,
                                            MatrixView<A> b, MatrixView<A> c) {
        return kern == FLOAT_VECTOR && a.colStride() == 1 && b.colStride() == 1 && c.colStride() == 1
                && rowSized(m / ranges, n, k) && rowSized((m + ranges - 1) / ranges, n, k);
    }

    /** Threads a product of {@code work} multiply-adds is split over: one per {@link #SPLIT_WORK}, at most all. */
    private static int parts(long work) {
        return (int) Math.min(Parallel.numThreads(), Math.max(1, work / SPLIT_WORK));
    }

    /** Where range {@code t} of {@code ranges} starts, in blocks: the larger ranges come first, on the calling thread. */
    private static int boundary(int blocks, int t, int ranges) {
        return (int) (((long) blocks * t + ranges - 1) / ranges);
    }

    /** Register blocks in the largest of {@code parts} ranges of {@code blocks} blocks (at least one each). */
    private static long largestPart(int blocks, int parts) {
        return (blocks + Math.min(parts, blocks) - 1) / Math.min(parts, blocks);
    }
}
