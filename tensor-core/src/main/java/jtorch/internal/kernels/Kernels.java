package jtorch.internal.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

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
    /** Whether the warm-up thread has finished (successfully or not). */
    private static volatile boolean warmedUp;
    /** A compiled warm-up round takes about 10 microseconds. */
    private static final long HOT_ROUND_NANOS = 200_000;
    private static final long WARM_UP_LIMIT_NANOS = 120_000_000_000L;

    static {
        if (VECTOR) {
            Thread t = new Thread(Kernels::warmUp, "jtorch-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    private Kernels() {}

    /** Whether the vector kernels serve (compiled by the warm-up), for the kernel classes beside this one. */
    static boolean vectorHot() {
        return vectorHot;
    }

    /**
     * Whether {@link CascadeSum} may run its 4 x 8-lane float cascades as
     * {@link VectorKernels#cascadeRows}: the vector kernels are compiled and have 16 float lanes.
     */
    static boolean vectorCascade() {
        return vectorHot && VectorKernels.CASCADE;
    }

    /**
     * Waits up to {@code millis} for the vector warm-up to end; whether the vector kernels (the
     * elementwise ones and {@link Gemm}'s) are now in use.
     */
    public static boolean awaitVector(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (VECTOR && !warmedUp && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return vectorHot && Gemm.vectorReady();
    }

    /**
     * First gets {@link Gemm}'s plain kernels compiled (a cell's products then run at compiled
     * speed while the vector kernels still compile). Then, with C2 kept from compiling the Vector
     * API's own methods ({@link VectorApiCompiles}), Gemm's float32 vector kernels, where a training
     * step spends most of its time; then the elementwise vector kernels on small inputs until they
     * are fast (compiled by C2: a round then takes microseconds, about 100 times less than
     * interpreted), and lets them serve; then Gemm's float64 kernel and the reductions' loops
     * ({@link ReductionsWarmUp}). Without that directive the elementwise kernels come first (C2
     * compiled them boxing vectors after the GEMM's: {@link VectorApiCompiles}). After the plain
     * kernels the thread runs at a low OS priority ({@link LowPriority}), and each vector round
     * waits for its turn ({@link WarmUpTurn}: not while a product runs on the plain kernels, nor
     * while the host's user is busy, for a moment in all). Without HotSpot's optimizing compiler
     * the plain loops stay. Gives up after {@link #WARM_UP_LIMIT_NANOS}.
     */
    private static void warmUp() {
        try {
            if (!optimizingJit()) {
                return;
            }
            Gemm.warmUpPlain();
            // the plain kernels, which a session's first products need, at the default priority
            LowPriority.lowerThisThread();
            if (VectorApiCompiles.inlinedOnly()) {
                Gemm.warmUpFloatVector();
            }
            float[] a = new float[4096];
            float[] b = new float[4096];
            float[] c = new float[4096];
            float[] d = new float[4096];
            java.util.Arrays.fill(a, 0.5f);
            java.util.Arrays.fill(b, 0.25f);
            long deadline = System.nanoTime() + WARM_UP_LIMIT_NANOS;
            long fastest = Long.MAX_VALUE;
            while (fastest > HOT_ROUND_NANOS && System.nanoTime() < deadline) {
                WarmUpTurn.await();
                long start = System.nanoTime();
                try {
                    VectorWarmUpRound.run(a, b, c, d);
                } catch (java.util.concurrent.CancellationException interruptedCell) {
                    // a host interrupt of the user's cell also reaches these kernels: keep warming up
                    continue;
                }
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            vectorHot = fastest <= HOT_ROUND_NANOS;
            Gemm.warmUpVector();
            if (vectorHot) {
                ReductionsWarmUp.run(a, c);
            }
        } finally {
            warmedUp = true;
        }
    }

    /**
     * Whether HotSpot's optimizing compiler may compile the vector kernels: not under
     * {@code -Xint} or {@code -XX:TieredStopAtLevel} below 4, where they would stay slower than
     * the plain loops.
     */
    private static boolean optimizingJit() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue())
                    && (!Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue())
                    || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4);
        } catch (RuntimeException | LinkageError notHotSpot) {
            return true;
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
     * float form ({@link #apply}) equals the double one rounded (both correctly rounded for {@code
     * + - * /}); {@link VectorKernels} holds the matching literal vector loop.
     */
    public enum BinaryOp {
        ADD(Double::sum, Long::sum) {
            @Override
            float apply(float a, float b) {
                return a + b;
            }
        },
        SUB((x, y) -> x - y, (x, y) -> x - y) {
            @Override
            float apply(float a, float b) {
                return a - b;
            }
        },
        MUL((x, y) -> x * y, (x, y) -> x * y) {
            @Override
            float apply(float a, float b) {
                return a * b;
            }
        },
        DIV((x, y) -> x / y, null) {
            @Override
            float apply(float a, float b) {
                return a / b;
            }
        };

        public final DoubleBinaryOperator onDouble;
        public final LongBinaryOperator onLong;

        BinaryOp(DoubleBinaryOperator onDouble, LongBinaryOperator onLong) {
            this.onDouble = onDouble;
            this.onLong = onLong;
        }

        /** The float32 result, which {@link PlainBinary} calls on each constant (so C2 inlines it in each loop). */
        abstract float apply(float a, float b);
    }

    /** {@code c = op(a, b)} over {@code n} elements; strides are 0 (broadcast) or 1. */
    public static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co,
                              int n) {
        if (vectorHot) {
            VectorKernels.binary(op, a, ao, as, b, bo, bs, c, co, n);
            return;
        }
        if ((as & bs) == 1) {
            PlainBinary.dense(op, a, ao, b, bo, c, co, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            c[co + i] = op.apply(a[ao + i * as], b[bo + i * bs]);
        }
    }

    /** {@code c = op(a)} over {@code n} contiguous elements. */
    public static void unary(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        if (vectorHot) {
            VectorUnary.unary(op, a, ao, c, co, n);
            return;
        }
        PlainUnary.dense(op, a, ao, c, co, n);
    }

    /**
     * ATen's clamp, {@code std::min(std::max(x, lo), hi)}: {@code x} unless it is below {@code lo}
     * or {@code hi} is below the result, so NaN stays and a zero equal to a bound keeps its sign
     * ({@code clamp(-0.0, min=0)} is -0.0).
     */
    public static double clamp(double x, double lo, double hi) {
        double atLeast = x < lo ? lo : x;
        return hi < atLeast ? hi : atLeast;
    }

    /** {@link #clamp(double, double, double)} over {@code n} contiguous floats (float bounds: the same results). */
    public static void clamp(float[] x, int xo, float lo, float hi, float[] y, int yo, int n) {
        for (int i = vectorHot ? VectorKernels.clamp(x, xo, lo, hi, y, yo, n) : 0; i < n; i++) {
            float v = x[xo + i];
            float atLeast = v < lo ? lo : v;
            y[yo + i] = hi < atLeast ? hi : atLeast;
        }
    }

    /**
     * The position in {@code a[from .. from + n)} ({@code n >= 1}) of its first largest
     * ({@code max}) or smallest element, or of its first NaN: PyTorch's scan rule for max, min,
     * argmax and argmin (ties go to the first, NaN beats every number). Found in two passes, the
     * extreme value (NaN if any element is NaN) and then the first element equal to it, which is
     * the scan's pick: every element before it is less extreme. Checks for cancellation once per
     * {@link Cancellation#CHUNK} elements.
     */
    public static int firstExtreme(float[] a, int from, int n, boolean max) {
        float m = a[from];
        for (int c = 0; c < n; c += Cancellation.CHUNK) {
            Cancellation.check();
            float e = extreme(a, from + c, Math.min(Cancellation.CHUNK, n - c), max);
            m = max ? Math.max(m, e) : Math.min(m, e);
        }
        for (int c = 0;; c += Cancellation.CHUNK) {
            Cancellation.check();
            int k = indexOf(a, from + c, Math.min(Cancellation.CHUNK, n - c), m);
            if (k >= 0) {
                return c + k;
            }
        }
    }

    /** The largest or smallest of {@code a[from .. from + n)}, {@code n >= 1}, NaN if any is NaN ({@link Math#max}'s rule). */
    public static float extreme(float[] a, int from, int n, boolean max) {
        int i = vectorHot ? VectorKernels.F.loopBound(n) : 0;
        float m = i > 0 ? VectorKernels.extreme(a, from, i, max) : a[from];
        for (; i < n; i++) {
            m = max ? Math.max(m, a[from + i]) : Math.min(m, a[from + i]);
        }
        return m;
    }

    /** The first {@code i < n} with {@code a[from + i] == m} (or NaN, for a NaN {@code m}); -1 if none. */
    private static int indexOf(float[] a, int from, int n, float m) {
        int upper = vectorHot ? VectorKernels.F.loopBound(n) : 0;
        int i = upper > 0 ? VectorKernels.indexOf(a, from, upper, m) : 0;
        if (i < upper) {
            return i;
        }
        boolean nan = Float.isNaN(m);
        for (; i < n; i++) {
            float v = a[from + i];
            if (nan ? v != v : v == m) {
                return i;
            }
        }
        return -1;
    }

    /** Blocks of 16 uniforms that {@link VectorKernels#boxMuller} transforms at once, or 0 while the plain loops serve. */
    static int vectorBoxMullerBlocks() {
        return vectorHot ? VectorKernels.BOX_MULLER_BLOCKS : 0;
    }

    /** {@link VectorKernels#boxMuller}, for {@link AvxMath} ({@code groups} groups of {@link #vectorBoxMullerBlocks} blocks). */
    static void boxMuller(float[] d, int o, int groups, float mean, float std) {
        VectorKernels.boxMuller(d, o, groups, mean, std);
    }

    /**
     * Planes that {@link VectorKernels#maxPoolWindows} pools at once (one output per lane over that
     * many planes' outputs), or 0 while the plain loops serve.
     */
    static int maxPoolPlanes() {
        return vectorHot ? VectorKernels.F.length() : 0;
    }

    /** {@link VectorKernels#maxPoolWindows}, for callers outside the Vector API's reach (a {@link #maxPoolPlanes} group). */
    static void maxPoolWindows(float[] x, int base, MaxPool2dKernel.Windows t, float[] out, int outOff,
                               long[] indices, float[] lanes) {
        VectorKernels.maxPoolWindows(x, base, t, out, outOff, indices, lanes);
    }

    /**
     * {@code c[i] = r[i] <= 0 ? 0 : g[i * gs]} over {@code n} contiguous elements ({@link
     * #reluGrad(float, float)}); {@code gs} is 1, or 0 for one gradient value broadcast.
     */
    public static void reluGrad(float[] g, int go, int gs, float[] r, int ro, float[] c, int co, int n) {
        if (vectorHot) {
            VectorKernels.reluGrad(g, go, gs, r, ro, c, co, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            c[co + i] = reluGrad(g[go + i * gs], r[ro + i]);
        }
    }

    /**
     * ReLU's gradient from its result, PyTorch's {@code threshold_backward(grad, result, 0)}:
     * zero where the result is {@code <= 0}, else the incoming gradient (NaN results pass it).
     */
    public static float reluGrad(float grad, float result) {
        return result <= 0 ? 0f : grad;
    }

    /**
     * {@code c[i] = tanhGrad(g[i * gs], r[i])} over {@code n} contiguous elements ({@link
     * #tanhGrad(float, float)}); {@code gs} is 1, or 0 for one gradient value broadcast.
     */
    public static void tanhGrad(float[] g, int go, int gs, float[] r, int ro, float[] c, int co, int n) {
        if (vectorHot) {
            VectorTanh.gradient(g, go, gs, r, ro, c, co, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            c[co + i] = tanhGrad(g[go + i * gs], r[ro + i]);
        }
    }

    /**
     * tanh's gradient from its result, PyTorch's {@code tanh_backward}: {@code grad * (1 - result^2)}
     * with {@code 1 - result^2} one fused multiply-add, as the compiler contracts ATen's vector and
     * scalar code alike (three separate roundings differ from PyTorch in about 30 % of values).
     */
    public static float tanhGrad(float grad, float result) {
        return grad * Math.fma(-result, result, 1f);
    }

    /** {@link #tanhGrad(float, float)} in double. */
    public static double tanhGrad(double grad, double result) {
        return grad * Math.fma(-result, result, 1.0);
    }

    /**
     * Log-softmax's gradient over {@code rows} contiguous rows of {@code n}:
     * {@code out = g - e * sums[row]}, with {@code e = exp(result)} and {@code sums} the rows' sums
     * of {@code g}, each product and difference rounded to float as the composed ops do;
     * {@code e}, {@code sums} and {@code out} are dense from index 0.
     */
    public static void logSoftmaxGrad(float[] g, int go, float[] e, float[] sums, float[] out, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            Cancellation.checkEvery(r);
            float s = sums[r];
            int o = r * n;
            for (int k = 0; k < n; k++) {
                out[o + k] = g[go + o + k] - e[o + k] * s;
            }
        }
    }

    /**
     * SGD without momentum or weight decay on a dense float32 parameter, as PyTorch's
     * {@code p.add_(g, alpha=-lr)}: {@code p = fma(g, negLr, p)}.
     */
    public static void sgdStep(float[] p, float[] g, float negLr, int n) {
        for (int i = vectorHot ? VectorKernels.sgdStep(p, g, negLr, n) : 0; i < n; i++) {
            p[i] = Math.fma(g[i], negLr, p[i]);
        }
    }

    /**
     * SGD with momentum after its first step, without weight decay or Nesterov, as PyTorch's
     * {@code buf.mul_(mom).add_(g, alpha=keep); p.add_(buf, alpha=-lr)}:
     * {@code b = fma(g, keep, b * mom); p = fma(b, negLr, p)}.
     */
    public static void sgdMomentumStep(float[] p, float[] g, float[] buf, float mom, float keep, float negLr, int n) {
        for (int i = vectorHot ? VectorKernels.sgdMomentumStep(p, g, buf, mom, keep, negLr, n) : 0; i < n; i++) {
            buf[i] = Math.fma(g[i], keep, buf[i] * mom);
            p[i] = Math.fma(buf[i], negLr, p[i]);
        }
    }

    /**
     * Adam's moments and update of a dense float32 parameter without weight decay, as PyTorch
     * 1.13's single-tensor Adam in float: {@code m = fma(g, c1, m*b1); v = fma(c2*g, g, v*b2);
     * p = p + (negStep*m) / (sqrt(v)/s2 + eps)}.
     */
    public static void adamStep(float[] p, float[] g, float[] m, float[] v, AdamCoefficients k, int n) {
        for (int i = vectorHot ? VectorKernels.adamStep(p, g, m, v, k, n) : 0; i < n; i++) {
            m[i] = Math.fma(g[i], k.c1(), m[i] * k.beta1());
            v[i] = Math.fma(k.c2() * g[i], g[i], v[i] * k.beta2());
            float denom = (float) Math.sqrt(v[i]) / k.correction2Sqrt() + k.eps();
            p[i] = p[i] + k.negStep() * m[i] / denom;
        }
    }

    /**
     * Adam's per-step constants in float: the betas, {@code 1 - beta}s, {@code sqrt(1 - beta2^t)},
     * eps and {@code -lr / (1 - beta1^t)}.
     */
    public record AdamCoefficients(float beta1, float beta2, float c1, float c2, float correction2Sqrt, float eps,
                                   float negStep) {}

    /**
     * Elements of a transpose, at least, that {@link VectorKernels#transposeRows} copies (one
     * thread, AMD EPYC: 4096^2 35.5 -> 20.2 ms, 2048^2 8.9 -> 4.7, 1000^2 663 -> 592 us, 512^2
     * the same; 256^2 33.8 -> 35.7 us, 64^2 2.3 -> 3.0 us, where its buffer costs more than it saves).
     */
    static final long TRANSPOSE_MIN_ELEMENTS = 1 << 18;

    /**
     * Copies a {@code rows x cols} block read with strides {@code (rs, cs)} into a contiguous
     * row-major destination, in 16 x 16 tiles so both sides stay in L1; a transpose
     * ({@code rs == 1}) of at least {@link #TRANSPOSE_MIN_ELEMENTS} on the vector kernels in pieces
     * of {@link VectorKernels#TRANSPOSE_TILE} rows.
     */
    public static void copy2d(float[] src, int so, int rs, int cs, float[] dst, int dOff, int rows, int cols) {
        final int tile = 16;
        boolean transpose = vectorHot && rs == 1 && cs != 1 && (long) rows * cols >= TRANSPOSE_MIN_ELEMENTS;
        Parallel.forRange((rows + tile - 1) / tile, (long) rows * cols, (from, to) -> {
            int end = Math.min(rows, to * tile);
            if (transpose) {
                for (int bi = from * tile; bi < end; bi += VectorKernels.TRANSPOSE_TILE) {
                    Cancellation.check();
                    VectorKernels.transposeRows(src, so, cs, dst, dOff, cols, bi,
                            Math.min(end, bi + VectorKernels.TRANSPOSE_TILE));
                }
                return;
            }
            for (int bi = from * tile; bi < end; bi += tile) {
                Cancellation.check();
                int iEnd = Math.min(rows, bi + tile);
                if (cs == 1) {
                    for (int i = bi; i < iEnd; i++) {
                        System.arraycopy(src, so + i * rs, dst, dOff + i * cols, cols);
                    }
                    continue;
                }
                if (vectorHot) {
                    VectorKernels.gatherRows(src, so, rs, cs, dst, dOff, cols, bi, iEnd);
                    continue;
                }
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
