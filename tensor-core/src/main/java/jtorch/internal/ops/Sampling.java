package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import java.util.function.IntConsumer;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Kernels.BinaryOp;
import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.dtype.Casts;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.AvxMath;
import jtorch.internal.kernels.Generator;
import jtorch.internal.shape.Shapes;
import jtorch.internal.shape.StridedCursor;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * Random sampling with PyTorch's CPU kernels, drawing from the default {@link Generator}:
 * {@code uniform_}, {@code normal_}, {@code random_(from, to)}, {@code bernoulli_} and {@code randperm}, plus the
 * factories built on them ({@code rand}, {@code randn}, {@code randint}, {@code normal}).
 *
 * <p>Each kernel consumes the generator exactly as PyTorch 1.13 does, so the values equal
 * PyTorch's after the same {@code manual_seed}:
 * <ul>
 *   <li>uniform: one 32-bit draw per element masked to the dtype's mantissa digits (float32 24,
 *       float16 11, bfloat16 8), a 64-bit draw masked to 53 bits for float64, then
 *       {@code x * (to - from) + from} in the dtype's accumulate type;</li>
 *   <li>normal, contiguous with at least 16 elements: all uniforms first, then Box-Muller over
 *       blocks of 16 (elements {@code j} and {@code j + 8} pair up), the last partial block
 *       redrawn over the final 16 elements; float32 reproduces the AVX2 kernel
 *       ({@link AvxMath}), other dtypes the scalar one;</li>
 *   <li>normal otherwise: the double Box-Muller sampler with its cached second value;</li>
 *   <li>elements are visited in memory order (TensorIterator sorts dimensions by stride).</li>
 * </ul>
 * In-place samplers on a tensor that is part of a graph record a node whose gradient is zero
 * ({@code UniformBackward0}, {@code NormalBackward0}), as the samples do not depend on the input.
 */
public final class Sampling {
    /** Draws taken at a time into a buffer by the dense fills (a cancellation check between blocks). */
    private static final int DRAW_BLOCK = 4096;

    private Sampling() {}

    // ---------------------------------------------------------------- factories

    public static TensorImpl rand(int[] size, DType dtype, boolean requiresGrad) {
        TensorImpl t = TensorImpl.allocate(floating(dtype), Shapes.checkedSizes(size));
        uniform(t, 0, 1);
        return requiresGrad ? Autograd.requiresGradFactory(t, true) : t;
    }

    public static TensorImpl randn(int[] size, DType dtype, boolean requiresGrad) {
        TensorImpl t = TensorImpl.allocate(floating(dtype), Shapes.checkedSizes(size));
        normal(t, 0, 1);
        return requiresGrad ? Autograd.requiresGradFactory(t, true) : t;
    }

    public static TensorImpl randint(long low, long high, int[] size, DType dtype) {
        TensorImpl t = TensorImpl.allocate(dtype == null ? DType.INT64 : dtype, Shapes.checkedSizes(size));
        randomFromTo(t, low, high);
        return t;
    }

    /** {@code torch.rand_like(like, dtype=...)}: {@code like}'s sizes in preserve_format, filled in memory order. */
    public static TensorImpl randLike(TensorImpl like, DType dtype) {
        TensorImpl t = TensorImpl.allocateLike(like, dtype == null ? like.dtype() : dtype);
        uniform(t, 0, 1);
        return t;
    }

    /** {@code torch.randn_like(like, dtype=...)}. */
    public static TensorImpl randnLike(TensorImpl like, DType dtype) {
        TensorImpl t = TensorImpl.allocateLike(like, dtype == null ? like.dtype() : dtype);
        normal(t, 0, 1);
        return t;
    }

    /** {@code torch.randint_like(like, low, high)}. */
    public static TensorImpl randintLike(TensorImpl like, long low, long high) {
        TensorImpl t = TensorImpl.allocateLike(like, like.dtype());
        randomFromTo(t, low, high);
        return t;
    }

    public static TensorImpl randperm(int n, DType dtype) {
        return randperm(n, dtype, Generator.getDefault());
    }

    /** {@code torch.randperm(n, generator=g)}: PyTorch's swap shuffle drawing from {@code g}. */
    public static TensorImpl randperm(int n, DType dtype, Generator g) {
        TensorImpl t = TensorImpl.allocate(dtype == null ? DType.INT64 : dtype, Shapes.checkedSizes(n));
        Storage s = t.storage();
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            s.setLong(i, i);
        }
        for (int i = 0; i < n - 1; i++) {
            Cancellation.checkEvery(i);
            int z = (int) (g.random() % (n - i));
            long saved = s.getLong(i);
            s.setLong(i, s.getLong(z + i));
            s.setLong(z + i, saved);
        }
        return t;
    }

    /** {@code torch.normal(mean, std, size)}: samples in the default dtype. */
    public static TensorImpl normal(double mean, double std, int[] size) {
        return normalInPlace(TensorImpl.allocate(DefaultDtype.get(), Shapes.checkedSizes(size)), mean, std);
    }

    /** {@code torch.normal(mean, std)} with tensors: {@code normal_(0, 1) * std + mean}. */
    public static TensorImpl normal(TensorImpl mean, TensorImpl std) {
        checkStd(std);
        TensorImpl out = TensorImpl.allocate(mean.dtype(), Shapes.broadcast(mean.sizes(), std.sizes()));
        normal(out, 0, 1);
        return scaleShift(out, std, mean);
    }

    /** {@code torch.normal(mean, std)} with a tensor mean: {@code normal_(0, std) + mean}. */
    public static TensorImpl normal(TensorImpl mean, double std) {
        TensorImpl out = TensorImpl.allocate(mean.dtype(), mean.sizes().clone());
        normal(out, 0, std);
        return scaleShift(out, null, mean);
    }

    /** {@code torch.normal(mean, std)} with a tensor std: {@code normal_(0, 1) * std + mean}. */
    public static TensorImpl normal(double mean, TensorImpl std) {
        checkStd(std);
        TensorImpl out = TensorImpl.allocate(std.dtype(), std.sizes().clone());
        normal(out, 0, 1);
        return scaleShift(out, std, Scalars.wrap(mean));
    }

    private static TensorImpl scaleShift(TensorImpl out, TensorImpl std, TensorImpl mean) {
        return GradEnabled.without(() -> {
            if (std != null) {
                Arithmetic.inplace(out, std, BinaryOp.MUL);
            }
            return Arithmetic.inplace(out, mean, BinaryOp.ADD);
        });
    }

    private static void checkStd(TensorImpl std) {
        for (int i = 0; i < std.numel(); i++) {
            if (std.getDouble(i) < 0) {
                throw new IllegalArgumentException("normal expects all elements of std >= 0.0");
            }
        }
    }

    private static DType floating(DType dtype) {
        return dtype == null ? DefaultDtype.get() : dtype;
    }

    // ---------------------------------------------------------------- in-place samplers

    /** {@code self.uniform_(from, to)}. */
    public static TensorImpl uniformInPlace(TensorImpl self, double from, double to) {
        Autograd.checkInplace(self);
        uniform(self, from, to);
        Conversions.overwritten(self, "UniformBackward0");
        return self;
    }

    /** {@code self.normal_(mean, std)}. */
    public static TensorImpl normalInPlace(TensorImpl self, double mean, double std) {
        Autograd.checkInplace(self);
        normal(self, mean, std);
        Conversions.overwritten(self, "NormalBackward0");
        return self;
    }

    /** {@code self.random_(from, to)}: integers in {@code [from, to)} stored in self's dtype. */
    public static TensorImpl randomInPlace(TensorImpl self, long from, long to) {
        Autograd.checkInplace(self);
        Derived.checkNoInternalOverlap(self);
        randomFromTo(self, from, to);
        return self;
    }

    /**
     * {@code self.random_(generator=g)} with no bounds: integers in {@code [0, 2^mantissa]} for
     * floating dtypes and {@code [0, max]} for integral ones, as PyTorch's full-range sampler
     * ({@code random64() % 2^63} for int64 and float64, {@code random() % (max + 1)} otherwise).
     */
    public static TensorImpl randomInPlace(TensorImpl self, Generator g) {
        Autograd.checkInplace(self);
        Derived.checkNoInternalOverlap(self);
        DType type = self.dtype();
        Storage s = self.storage();
        long range = switch (type) {
            case FLOAT32 -> (1L << 24) + 1;
            case FLOAT64 -> (1L << 53) + 1;
            case FLOAT16 -> (1L << 11) + 1;
            case BFLOAT16 -> (1L << 8) + 1;
            case INT8 -> 128;
            case UINT8 -> 256;
            case INT16 -> 1L << 15;
            case INT32 -> 1L << 31;
            case INT64 -> Long.MIN_VALUE; // 2^63: the remainder is the low 63 bits
            case BOOL -> 2;
        };
        boolean wide = type == DType.INT64 || type == DType.FLOAT64;
        forEachElement(self, pos -> {
            long bits = wide ? g.random64() : g.random();
            long v = range == Long.MIN_VALUE ? bits & Long.MAX_VALUE : Long.remainderUnsigned(bits, range);
            if (type.isFloatingPoint()) {
                s.setDouble(pos, v);
            } else {
                s.setLong(pos, v);
            }
        });
        return self;
    }

    /**
     * {@code torch.bernoulli(p)}: 0/1 samples in p's dtype, drawn as {@code p.bernoulli_()} into
     * a new contiguous tensor; {@code BernoulliBackward0} gives p a zero gradient.
     */
    public static TensorImpl bernoulli(TensorImpl p) {
        TensorImpl out = TensorImpl.allocate(p.dtype(), p.sizes().clone());
        bernoulli(out, p);
        return FormulaNode.record(out, "BernoulliBackward0", p, formula((g, in) -> Creation.zerosLike(g)));
    }

    /** {@code torch.bernoulli(x, p)}: a new tensor like x (no graph) filled by {@code bernoulli_(p)}. */
    public static TensorImpl bernoulli(TensorImpl like, double p) {
        return bernoulliInPlace(TensorImpl.allocate(like.dtype(), like.sizes().clone()), p);
    }

    /** {@code self.bernoulli_(p)}: one double draw per element in memory order, {@code u < p}. */
    public static TensorImpl bernoulliInPlace(TensorImpl self, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + cppDouble(p));
        }
        Autograd.checkInplace(self);
        Derived.checkNoInternalOverlap(self);
        if (self.dtype() == DType.FLOAT16) {
            throw notImplemented("bernoulli_scalar_cpu_", self.dtype());
        }
        Generator g = Generator.getDefault();
        Storage s = self.storage();
        Object array = s.array();
        if (self.isContiguous() && (array instanceof float[] || array instanceof double[])) {
            // the draws a block at a time, then the 0/1 values
            int n = self.numel();
            int at = s.base + self.offset();
            double[] u = new double[Math.min(n, DRAW_BLOCK)];
            for (int k = 0; k < n; k += u.length) {
                Cancellation.check();
                int len = Math.min(u.length, n - k);
                g.nextDoubles(u, 0, len);
                int o = at + k;
                if (array instanceof float[] f) {
                    for (int j = 0; j < len; j++) {
                        f[o + j] = u[j] < p ? 1f : 0f;
                    }
                } else {
                    double[] d = (double[]) array;
                    for (int j = 0; j < len; j++) {
                        d[o + j] = u[j] < p ? 1.0 : 0.0;
                    }
                }
            }
        } else {
            forEachElement(self, pos -> s.setLong(pos, g.nextDouble() < p ? 1 : 0));
        }
        Conversions.overwritten(self, "BernoulliBackward2");
        return self;
    }

    /**
     * {@code self.bernoulli_(p)} with a tensor of probabilities (broadcast to self): one draw per
     * element in self's memory order, a double one when p is float64, else a float one,
     * {@code u < p}; a probability outside [0, 1] fails when its element is reached.
     */
    public static TensorImpl bernoulliInPlace(TensorImpl self, TensorImpl p) {
        Autograd.checkInplace(self);
        Derived.checkNoInternalOverlap(self);
        bernoulli(self, p);
        Conversions.overwritten(self, "BernoulliBackward1");
        return self;
    }

    private static void bernoulli(TensorImpl self, TensorImpl p) {
        if (self.dtype() == DType.FLOAT16) {
            throw notImplemented("bernoulli_tensor_cpu_self_", self.dtype());
        }
        TensorImpl probs = GradEnabled.without(() -> Views.expand(p.detachAlias(), self.sizes()));
        if (!p.dtype().isFloatingPoint() || p.dtype() == DType.FLOAT16) {
            throw notImplemented("bernoulli_tensor_cpu_p_", p.dtype());
        }
        boolean wide = p.dtype() == DType.FLOAT64;
        Generator g = Generator.getDefault();
        int[] at = memoryOrder(self, self);
        int[] from = memoryOrder(self, probs);
        for (int k = 0; k < at.length; k++) {
            Cancellation.checkEvery(k);
            double u = wide ? g.nextDouble() : g.nextFloat();
            double pk = probs.storage().getDouble(from[k]);
            if (!(pk >= 0 && pk <= 1)) {
                throw new IllegalArgumentException("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could"
                        + " this error message be improved?  If so, please report an enhancement request to PyTorch.)");
            }
            self.storage().setLong(at[k], u < pk ? 1 : 0);
        }
    }

    // ---------------------------------------------------------------- kernels

    private static void uniform(TensorImpl t, double from, double to) {
        DType type = t.dtype();
        if (!type.isFloatingPoint()) {
            throw notImplemented("check_uniform_bounds", type);
        }
        if (from > to) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + cppDouble(from) + " > to=" + cppDouble(to));
        }
        Derived.checkNoInternalOverlap(t);
        Generator g = Generator.getDefault();
        Storage s = t.storage();
        if (type == DType.FLOAT64) {
            double range = to - from;
            forEachElement(t, pos -> s.setDouble(pos, Math.fma(g.nextDouble(), range, from)));
            return;
        }
        float f = (float) Casts.round(from, type);
        float range = (float) Casts.round((float) Casts.round(to, type) - f, type);
        int digits = type == DType.FLOAT32 ? 24 : type == DType.FLOAT16 ? 11 : 8;
        long mask = (1L << digits) - 1;
        float divisor = 1f / (1L << digits);
        forEachElement(t, pos -> s.setDouble(pos, Math.fma((g.random() & mask) * divisor, range, f)));
    }

    private static void normal(TensorImpl t, double mean, double std) {
        DType type = t.dtype();
        if (!type.isFloatingPoint()) {
            throw notImplemented("normal_kernel_cpu", type);
        }
        if (std < 0) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + cppDouble(std));
        }
        Derived.checkNoInternalOverlap(t);
        int n = t.numel();
        if (n >= 16 && t.isContiguous()) {
            normalFill(t, mean, std);
            return;
        }
        Generator g = Generator.getDefault();
        Storage s = t.storage();
        forEachElement(t, pos -> s.setDouble(pos, Math.fma(g.nextNormal(), std, mean)));
    }

    /** PyTorch's {@code normal_fill}: uniforms for all elements, then Box-Muller per block of 16. */
    private static void normalFill(TensorImpl t, double mean, double std) {
        if (t.dtype() == DType.FLOAT32) {
            normalFillFloat(t, (float) mean, (float) std);
            return;
        }
        DType type = t.dtype();
        int n = t.numel();
        double[] u = new double[n];
        Generator g = Generator.getDefault();
        for (int i = 0; i < n; i++) {
            u[i] = uniformSample(g, type);
        }
        for (int i = 0; i + 16 <= n; i += 16) {
            Cancellation.checkEvery(i);
            boxMuller16(u, i, type, mean, std);
        }
        if (n % 16 != 0) {
            int start = n - 16;
            for (int i = 0; i < 16; i++) {
                u[start + i] = uniformSample(g, type);
            }
            boxMuller16(u, start, type, mean, std);
        }
        Storage s = t.storage();
        for (int i = 0; i < n; i++) {
            s.setDouble(t.offset() + i, u[i]);
        }
    }

    /** {@link #normalFill} of float32, in the storage's array (or a copy when it has none). */
    private static void normalFillFloat(TensorImpl t, float mean, float std) {
        int n = t.numel();
        Storage s = t.storage();
        boolean direct = s.array() instanceof float[];
        float[] u = direct ? (float[]) s.array() : new float[n];
        int at = direct ? s.base + t.offset() : 0;
        Generator g = Generator.getDefault();
        g.nextFloats(u, at, n);
        AvxMath.boxMuller16Blocks(u, at, n / 16, mean, std);
        if (n % 16 != 0) {
            // the last 16 elements again, from new uniforms
            g.nextFloats(u, at + n - 16, 16);
            AvxMath.boxMuller16(u, at + n - 16, mean, std);
        }
        if (!direct) {
            for (int i = 0; i < n; i++) {
                s.setDouble(t.offset() + i, u[i]);
            }
        }
    }

    /**
     * One {@code uniform_real_distribution<scalar_t>(0, 1)} sample, exact in {@code type}: float64,
     * float16 or bfloat16 (float32's are {@link Generator#nextFloats}, in {@link #normalFillFloat}).
     */
    private static double uniformSample(Generator g, DType type) {
        switch (type) {
            case FLOAT64: return g.nextDouble();
            case FLOAT16: return (g.random() & 0x7ff) * 0x1p-11;
            default: return (g.random() & 0xff) * 0x1p-8;
        }
    }

    private static void boxMuller16(double[] d, int o, DType type, double mean, double std) {
        switch (type) {
            case FLOAT64:
                for (int j = 0; j < 8; j++) {
                    double radius = Math.sqrt(-2 * Math.log(1 - d[o + j]));
                    double theta = 2.0 * Math.PI * d[o + j + 8];
                    d[o + j] = Math.fma(radius * Math.cos(theta), std, mean);
                    d[o + j + 8] = Math.fma(radius * Math.sin(theta), std, mean);
                }
                break;
            case FLOAT16:
                boxMuller16Half(d, o, (float) Casts.round(mean, type), (float) Casts.round(std, type));
                break;
            default:
                boxMuller16Bfloat(d, o, Casts.round(mean, type), Casts.round(std, type));
        }
    }

    /** float16 has no math overloads in c10: each function runs in float, each variable rounds to half. */
    private static void boxMuller16Half(double[] d, int o, float mean, float std) {
        DType h = DType.FLOAT16;
        for (int j = 0; j < 8; j++) {
            float u1 = (float) Casts.round(1 - d[o + j], h);
            double radius = Casts.round(Math.sqrt((float) (-2 * (float) Math.log(u1))), h);
            double theta = Casts.round(2.0 * Math.PI * d[o + j + 8], h);
            float c = (float) Math.cos((float) theta);
            float s = (float) Math.sin((float) theta);
            d[o + j] = Casts.round((float) ((float) (radius * c) * std) + mean, h);
            d[o + j + 8] = Casts.round((float) ((float) (radius * s) * std) + mean, h);
        }
    }

    /** bfloat16 has c10 math overloads returning bfloat16, so every step rounds to bfloat16. */
    private static void boxMuller16Bfloat(double[] d, int o, double mean, double std) {
        DType b = DType.BFLOAT16;
        for (int j = 0; j < 8; j++) {
            double u1 = Casts.round(1 - d[o + j], b);
            double radius = Casts.round(Math.sqrt(Casts.round(-2 * Casts.round(Math.log((float) u1), b), b)), b);
            double theta = Casts.round(2.0 * Math.PI * d[o + j + 8], b);
            double c = Casts.round(Math.cos((float) theta), b);
            double s = Casts.round(Math.sin((float) theta), b);
            d[o + j] = Casts.round(Casts.round(Casts.round(radius * c, b) * std, b) + mean, b);
            d[o + j + 8] = Casts.round(Casts.round(Casts.round(radius * s, b) * std, b) + mean, b);
        }
    }

    private static void randomFromTo(TensorImpl t, long from, long to) {
        if (from >= to) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + from
                    + " >= to=" + to);
        }
        DType type = t.dtype();
        checkInRange(from, "from", type);
        checkInRange(to - 1, "to - 1", type);
        long range = to - from;
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0
                && (type == DType.INT64 || type == DType.FLOAT64 || type == DType.FLOAT32 || type == DType.BFLOAT16);
        Generator g = Generator.getDefault();
        Storage s = t.storage();
        forEachElement(t, pos -> {
            long v = Long.remainderUnsigned(wide ? g.random64() : g.random(), range) + from;
            if (type.isFloatingPoint()) {
                s.setDouble(pos, v);
            } else {
                s.setLong(pos, Casts.wrap(v, type));
            }
        });
    }

    /** ATen's {@code check_from_to_in_range} for the narrow integral dtypes. */
    private static void checkInRange(long v, String name, DType type) {
        String cType;
        long lo;
        long hi;
        switch (type) {
            case BOOL: cType = "bool"; lo = 0; hi = 1; break;
            case UINT8: cType = "unsigned char"; lo = 0; hi = 255; break;
            case INT8: cType = "signed char"; lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; break;
            case INT16: cType = "short int"; lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; break;
            case INT32: cType = "int"; lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; break;
            default: return;
        }
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " is out of bounds for " + cType);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Calls {@code body} with each element's storage index in the order TensorIterator visits a
     * single output (dimensions sorted by decreasing stride: memory order for permuted and sliced
     * tensors), checking for interrupts.
     */
    private static void forEachElement(TensorImpl t, IntConsumer body) {
        int n = t.numel();
        int[] order = t.isContiguous() ? null : memoryOrder(t, t);
        for (int k = 0; k < n; k++) {
            Cancellation.checkEvery(k);
            body.accept(order == null ? t.offset() + k : order[k]);
        }
    }

    /**
     * Storage indices of the elements of {@code of} (with t's sizes) in the order TensorIterator
     * visits {@code t}: t's dimensions sorted by decreasing stride (memory order).
     */
    static int[] memoryOrder(TensorImpl t, TensorImpl of) {
        int nd = t.sizes().length;
        Integer[] dims = new Integer[nd];
        for (int i = 0; i < nd; i++) {
            dims[i] = i;
        }
        // size-1 dimensions do not move the position; any place is fine, so put them first
        java.util.Arrays.sort(dims, java.util.Comparator.comparingLong(
                (Integer d) -> t.sizes()[d] == 1 ? Long.MAX_VALUE : t.strides()[d]).reversed());
        int[] sizes = new int[nd];
        int[] strides = new int[nd];
        for (int j = 0; j < nd; j++) {
            sizes[j] = t.sizes()[dims[j]];
            strides[j] = of.strides()[dims[j]];
        }
        int n = t.numel();
        int[] out = new int[n];
        StridedCursor c = new StridedCursor(sizes, new int[] {of.offset()}, strides);
        for (int k = 0; k < n; k++, c.next()) {
            out[k] = c.at(0);
        }
        return out;
    }

    /** A double as C++'s {@code ostream << double} prints it in ATen's messages ({@code %g}, 6 digits). */
    public static String cppDouble(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (e < 0) {
            return mantissa;
        }
        String exp = s.substring(e + 1);
        int value = Integer.parseInt(exp);
        return mantissa + "e" + (value < 0 ? "-" : "+")
                + String.format(java.util.Locale.ROOT, "%02d", Math.abs(value));
    }

    private static UnsupportedOperationException notImplemented(String kernel, DType type) {
        return new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + type.scalarName() + "'");
    }
}
