package jtorch.internal.kernels;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Hot inner loops over primitive arrays. Each kernel uses {@link VectorKernels} when the
 * {@code jdk.incubator.vector} module is present (JVM option {@code --add-modules
 * jdk.incubator.vector}) and a plain loop otherwise; {@code -Djtorch.vector=false} forces the
 * plain loops. Large calls are split over {@link Parallel}'s pool.
 */
public final class Kernels {
    /** Whether the Vector API is available (and not disabled). */
    public static final boolean VECTOR = detectVector();

    /**
     * Whether the vector kernels have been JIT-compiled. Interpreted Vector API code is orders of
     * magnitude slower than plain loops (every lane op allocates), so a daemon thread runs them on
     * small inputs until C2 has compiled them, and the plain loops serve meanwhile.
     */
    private static volatile boolean vectorHot;

    static {
        if (VECTOR) {
            Thread t = new Thread(Kernels::warmUp, "jtorch-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    private Kernels() {}

    /** Waits up to {@code millis} for the vector kernels to be compiled; false if unavailable. */
    public static boolean awaitVector(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (VECTOR && !vectorHot && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return vectorHot;
    }

    private static void warmUp() {
        float[] a = new float[4096];
        float[] b = new float[4096];
        float[] c = new float[4096];
        double[] da = new double[1024];
        double[] dc = new double[1024];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        java.util.Arrays.fill(da, 0.5);
        float[][] packed = {VectorKernels.packB(b, 0, 64, 1, 64, 64, 0)};
        for (int iter = 0; iter < 3000; iter++) {
            try {
                warmUpRound(iter, a, b, c, da, dc, packed);
            } catch (java.util.concurrent.CancellationException interruptedCell) {
                // a host interrupt of the user's cell also reaches these kernels: keep warming up
            }
        }
        vectorHot = true;
    }

    private static void warmUpRound(int iter, float[] a, float[] b, float[] c, double[] da, double[] dc,
                                    float[][] packed) {
        for (BinaryOp op : BinaryOp.values()) {
            VectorKernels.binary(op, a, 0, 1, b, 0, 1, c, 0, 4096);
            VectorKernels.binary(op, a, 0, 0, b, 0, 1, c, 0, 4096);
        }
        for (UnaryOp op : UnaryOp.values()) {
            VectorKernels.unary(op, a, 0, c, 0, 4096);
        }
        VectorKernels.sum(a, 0, 4096);
        VectorKernels.columnSums(a, 0, 64, 64, c, 0, 64);
        if (iter % 10 == 0) {
            java.util.Arrays.fill(c, 0f);
            VectorKernels.sgemm(a, b, c, 64, 64, 64, 0, 64, packed);
            java.util.Arrays.fill(dc, 0);
            VectorKernels.dgemm(da, da, dc, 32, 32, 32, 0, 32);
        }
    }

    private static boolean detectVector() {
        if ("false".equals(System.getProperty("jtorch.vector"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The elementwise binary arithmetic that has a vector form: each op's one definition, in
     * double (floating dtypes) and long (integral dtypes; null when the op is floating-only). The
     * float form is the double one rounded, which for {@code + - * /} is the correctly rounded
     * float result; {@link VectorKernels} holds the matching literal vector loop.
     */
    public enum BinaryOp {
        ADD(Double::sum, Long::sum),
        SUB((x, y) -> x - y, (x, y) -> x - y),
        MUL((x, y) -> x * y, (x, y) -> x * y),
        DIV((x, y) -> x / y, null);

        public final DoubleBinaryOperator onDouble;
        public final LongBinaryOperator onLong;

        BinaryOp(DoubleBinaryOperator onDouble, LongBinaryOperator onLong) {
            this.onDouble = onDouble;
            this.onLong = onLong;
        }

        float apply(float a, float b) {
            return (float) onDouble.applyAsDouble(a, b);
        }
    }

    /** The elementwise unary arithmetic that has a vector form, defined once as {@link BinaryOp} is. */
    public enum UnaryOp {
        RELU(x -> x > 0 || Double.isNaN(x) ? x : 0, x -> Math.max(x, 0)),
        EXP(Math::exp, null);

        public final DoubleUnaryOperator onDouble;
        public final LongUnaryOperator onLong;

        UnaryOp(DoubleUnaryOperator onDouble, LongUnaryOperator onLong) {
            this.onDouble = onDouble;
            this.onLong = onLong;
        }

        float apply(float a) {
            return (float) onDouble.applyAsDouble(a);
        }
    }

    /** {@code c = op(a, b)} over {@code n} elements; strides are 0 (broadcast) or 1. */
    public static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co,
                              int n) {
        if (vectorHot) {
            VectorKernels.binary(op, a, ao, as, b, bo, bs, c, co, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            c[co + i] = op.apply(a[ao + i * as], b[bo + i * bs]);
        }
    }

    /** {@code c = op(a)} over {@code n} contiguous elements. */
    public static void unary(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        if (vectorHot) {
            VectorKernels.unary(op, a, ao, c, co, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            c[co + i] = op.apply(a[ao + i]);
        }
    }

    /** Sum of {@code n} floats from {@code off}. */
    public static double sumFloat(float[] a, int off, int n) {
        if (n >= 2 * Parallel.GRAIN && Parallel.numThreads() > 1) {
            int parts = Parallel.numThreads();
            double[] partial = new double[parts];
            int chunk = (n + parts - 1) / parts;
            Parallel.forRange(parts, n, (from, to) -> {
                for (int p = from; p < to; p++) {
                    int s = p * chunk;
                    partial[p] = sumFloatSerial(a, off + s, Math.max(0, Math.min(chunk, n - s)));
                }
            });
            double total = 0;
            for (double v : partial) {
                total += v;
            }
            return total;
        }
        return sumFloatSerial(a, off, n);
    }

    private static double sumFloatSerial(float[] a, int off, int n) {
        if (vectorHot) {
            return VectorKernels.sum(a, off, n);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            Cancellation.checkEvery(i);
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Sums of each of {@code rows} contiguous rows of length {@code n}. */
    public static double[] rowSums(float[] a, int off, int rows, int n) {
        double[] out = new double[rows];
        Parallel.forRange(rows, (long) rows * n, (from, to) -> {
            for (int r = from; r < to; r++) {
                out[r] = sumFloatSerial(a, off + r * n, n);
            }
        });
        return out;
    }

    /** Sums over the rows of a contiguous {@code rows x n} block: one sum per column. */
    public static float[] columnSums(float[] a, int off, int rows, int n) {
        float[] out = new float[n];
        Parallel.forRange(n, (long) rows * n, (from, to) -> {
            if (vectorHot) {
                VectorKernels.columnSums(a, off, rows, n, out, from, to);
                return;
            }
            for (int r = 0; r < rows; r++) {
                int base = off + r * n;
                for (int j = from; j < to; j++) {
                    out[j] += a[base + j];
                }
            }
        });
        return out;
    }

    /**
     * {@code c[m x n] = a[m x k] * b[k x n]}: a and c row-major contiguous from offset 0 (c zeroed),
     * b read with element {@code (p, j)} at {@code bOff + p*rs + j*cs} (e.g. a transposed weight).
     */
    public static void matmulFloat(float[] a, float[] b, int bOff, int rs, int cs, float[] c, int m, int k, int n) {
        long work = (long) m * n * k;
        if (vectorHot && k > 0) {
            float[][] packed = new float[VectorKernels.kBlocks(k)][];
            for (int blk = 0; blk < packed.length; blk++) {
                packed[blk] = VectorKernels.packB(b, bOff, rs, cs, k, n, blk * 256);
            }
            int rowBlocks = (m + 3) / 4;
            Parallel.forRange(rowBlocks, work, (from, to) ->
                    VectorKernels.sgemm(a, b, c, m, k, n, from * 4, Math.min(m, to * 4), packed));
            return;
        }
        float[] bd = b;
        int bo = bOff;
        int brs = rs;
        if (cs != 1) {
            // the plain loop walks B's rows: give it a row-major copy
            bd = new float[k * n];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    bd[p * n + j] = b[bOff + p * rs + j * cs];
                }
            }
            bo = 0;
            brs = n;
        }
        float[] bRows = bd;
        int bBase = bo;
        int bStride = brs;
        Parallel.forRange(m, work, (from, to) -> {
            for (int i = from; i < to; i++) {
                Cancellation.check();
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    float av = a[i * k + p];
                    int bp = bBase + p * bStride;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * bRows[bp + j];
                    }
                }
            }
        });
    }

    /** Double-precision counterpart of {@link #matmulFloat}. */
    public static void matmulDouble(double[] a, double[] b, double[] c, int m, int k, int n) {
        long work = (long) m * n * k;
        Parallel.forRange(m, work, (from, to) -> {
            if (vectorHot) {
                VectorKernels.dgemm(a, b, c, m, k, n, from, to);
                return;
            }
            for (int i = from; i < to; i++) {
                Cancellation.check();
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    double av = a[i * k + p];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j];
                    }
                }
            }
        });
    }

    /**
     * Copies a {@code rows x cols} block read with strides {@code (rs, cs)} into a contiguous
     * row-major destination, in 16 x 16 tiles so both sides stay in L1 (transposes).
     */
    public static void copy2d(float[] src, int so, int rs, int cs, float[] dst, int dOff, int rows, int cols) {
        final int tile = 16;
        Parallel.forRange((rows + tile - 1) / tile, (long) rows * cols, (from, to) -> {
            for (int bi = from * tile; bi < Math.min(rows, to * tile); bi += tile) {
                Cancellation.check();
                int iEnd = Math.min(rows, bi + tile);
                for (int bj = 0; bj < cols; bj += tile) {
                    int jEnd = Math.min(cols, bj + tile);
                    for (int i = bi; i < iEnd; i++) {
                        int s = so + i * rs;
                        int d = dOff + i * cols;
                        for (int j = bj; j < jEnd; j++) {
                            dst[d + j] = src[s + j * cs];
                        }
                    }
                }
            }
        });
    }
}
