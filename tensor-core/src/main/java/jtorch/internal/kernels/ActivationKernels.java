package jtorch.internal.kernels;

/**
 * The activations' float32 kernels (leaky ReLU, ELU, SiLU, GELU in both forms, hardtanh's
 * gradient) over contiguous arrays, and their scalar forms: each as PyTorch 1.13's CPU code
 * computes it, bit for bit. A loop runs {@link VectorActivations} while the vector kernels serve
 * ({@link Kernels#vectorHot()}) and its scalar form for the rest; split from {@link Kernels} as
 * that class's own section.
 */
public final class ActivationKernels {
    private ActivationKernels() {}

    /**
     * Leaky ReLU, PyTorch's {@code x > 0 ? x : x * slope} (NaN and -0.0 take the product), over
     * {@code n} contiguous floats.
     */
    public static void leakyRelu(float[] x, int xo, float slope, float[] y, int yo, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.leakyRelu(x, xo, slope, y, yo, n) : 0; i < n; i++) {
            float v = x[xo + i];
            y[yo + i] = v > 0 ? v : v * slope;
        }
    }

    /** Leaky ReLU's gradient, PyTorch's {@code x > 0 ? g : g * slope}, over {@code n} contiguous floats. */
    public static void leakyReluGrad(float[] g, int go, float[] x, int xo, float slope, float[] c, int co, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.leakyReluGrad(g, go, x, xo, slope, c, co, n) : 0; i < n; i++) {
            c[co + i] = x[xo + i] > 0 ? g[go + i] : g[go + i] * slope;
        }
    }

    /** float32 {@code tanh} as PyTorch's vector code computes it ({@link FloatTanh}). */
    public static float tanh(float x) {
        return FloatTanh.tanh(x);
    }

    /** float32 {@code exp} as PyTorch's vector code computes it ({@link FloatExp}). */
    public static float exp(float x) {
        return FloatExp.exp(x);
    }

    /** SiLU as PyTorch's float32 vector code, {@code x / (1 + exp(-x))} in float with {@link FloatExp}. */
    public static float silu(float x) {
        return x / (1f + FloatExp.exp(-x));
    }

    /**
     * SiLU's gradient as PyTorch's float32 vector code: {@code g * s * (1 + x (1 - s))}, {@code s =
     * 1 / (1 + exp(-x))} in float with {@link FloatExp}, the last sum fused with its product (as
     * GCC compiled it).
     */
    public static float siluGrad(float g, float x) {
        float s = 1f / (1f + FloatExp.exp(-x));
        return g * s * Math.fma(x, 1f - s, 1f);
    }

    /** {@code y[i] = silu(x[i])} over {@code n} contiguous elements. */
    public static void silu(float[] x, int xo, float[] y, int yo, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.siluFloat(x, xo, y, yo, n) : 0; i < n; i++) {
            y[yo + i] = silu(x[xo + i]);
        }
    }

    /** {@code c[i] = siluGrad(g[i], x[i])} over {@code n} contiguous elements. */
    public static void siluGrad(float[] g, int go, float[] x, int xo, float[] c, int co, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.siluGradFloat(g, go, x, xo, c, co, n) : 0; i < n; i++) {
            c[co + i] = siluGrad(g[go + i], x[xo + i]);
        }
    }

    /**
     * Softplus as PyTorch's float32 vector code: {@code x beta > threshold ? x : log1p(exp(x beta)) /
     * beta}, exp and log1p SLEEF's ({@link FloatExp}, {@link FloatLog1p}). (PyTorch's scalar tail,
     * fewer than 16 elements of a run, takes the C library's expf and log1pf, which may differ in
     * the last bit.)
     */
    public static float softplus(float x, float beta, float threshold) {
        float scaled = x * beta;
        return scaled > threshold ? x : FloatLog1p.log1p(FloatExp.exp(scaled)) / beta;
    }

    /**
     * {@code y[i] = softplus(x[i])} over {@code n} contiguous elements, in passes over {@code y}:
     * the products, their exp and log1p by the unary kernels (vector loops once hot), then the
     * quotients where not above the threshold.
     */
    public static void softplus(float[] x, int xo, float[] y, int yo, int n, float beta, float threshold) {
        for (int i = 0; i < n; i++) {
            y[yo + i] = x[xo + i] * beta;
        }
        Kernels.unary(UnaryOp.EXP, y, yo, y, yo, n);
        Kernels.unary(UnaryOp.LOG1P, y, yo, y, yo, n);
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            y[yo + i] = v * beta > threshold ? v : y[yo + i] / beta;
        }
    }

    /** ELU as PyTorch's float32 vector code: {@code x > 0 ? x : (exp(x) - 1) * alpha}, exp by {@link FloatExp}. */
    public static float elu(float x, float alpha) {
        return x > 0 ? x : (FloatExp.exp(x) - 1f) * alpha;
    }

    /**
     * ELU's gradient as PyTorch's float32 scalar loop, {@code x <= 0 ? g * alpha * exp(x) : g} (a NaN
     * {@code x} passes {@code g}; its vector loop, {@link VectorActivations#eluGradFloat}, gives NaN),
     * exp by {@link FloatExp}.
     */
    public static float eluGrad(float g, float x, float alpha) {
        return x <= 0 ? g * alpha * FloatExp.exp(x) : g;
    }

    /** {@code y[i] = elu(x[i], alpha)} over {@code n} contiguous elements ({@code y} not {@code x}). */
    public static void elu(float[] x, int xo, float alpha, float[] y, int yo, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.eluFloat(x, xo, alpha, y, yo, n) : 0; i < n; i++) {
            y[yo + i] = elu(x[xo + i], alpha);
        }
    }

    /**
     * The elements of a contiguous run that PyTorch 1.13's float32 loops take in their vector form
     * on one thread: whole blocks of 16 (two AVX2 vectors an iteration) from the start, the rest
     * in its scalar form. Where the two forms differ (a NaN input to ELU's and hardtanh's
     * gradients), the kernels below follow them by position, whether or not the vector kernels
     * serve.
     */
    static int pyTorchVectorPart(int n) {
        return n - n % 16;
    }

    /**
     * ELU's gradient over {@code n} contiguous elements ({@code c} neither {@code g} nor {@code x}):
     * {@link #pyTorchVectorPart} by PyTorch's vector rule, {@code x > 0 ? g : g * alpha * exp(x)}
     * (NaN gives NaN), the rest by {@link #eluGrad(float, float, float)}.
     */
    public static void eluGrad(float[] g, int go, float[] x, int xo, float alpha, float[] c, int co, int n) {
        int whole = pyTorchVectorPart(n);
        int i = Kernels.vectorHot() ? VectorActivations.eluGradFloat(g, go, x, xo, alpha, c, co, whole) : 0;
        for (; i < whole; i++) {
            float v = x[xo + i];
            c[co + i] = v > 0 ? g[go + i] : g[go + i] * alpha * FloatExp.exp(v);
        }
        for (; i < n; i++) {
            c[co + i] = eluGrad(g[go + i], x[xo + i], alpha);
        }
    }

    /**
     * Hardtanh's gradient over {@code n} contiguous floats: {@link #pyTorchVectorPart} by PyTorch's
     * vector rule {@code lo < x < hi ? g : 0} (NaN gives 0), the rest by its scalar rule
     * {@code x <= lo || x >= hi ? 0 : g} (NaN passes {@code g}).
     */
    public static void hardtanhGrad(float[] g, int go, float[] x, int xo, float lo, float hi, float[] c, int co, int n) {
        int whole = pyTorchVectorPart(n);
        int i = Kernels.vectorHot() ? VectorActivations.hardtanhGrad(g, go, x, xo, lo, hi, c, co, whole) : 0;
        for (; i < whole; i++) {
            float v = x[xo + i];
            c[co + i] = v > lo && v < hi ? g[go + i] : 0f;
        }
        for (; i < n; i++) {
            float v = x[xo + i];
            c[co + i] = v <= lo || v >= hi ? 0f : g[go + i];
        }
    }

    /** GELU's tanh form's {@code sqrt(2 / pi)} and cubic coefficient, as float. */
    static final float GELU_TANH_BETA = (float) (1.41421356237309504880 * 1.12837916709551257390 * 0.5);
    static final float GELU_TANH_KAPPA = 0.044715f;

    /** {@code beta * (x + kappa * x^3)}, the sum fused with its product as GCC compiled PyTorch's. */
    static float geluTanhInner(float x) {
        return GELU_TANH_BETA * Math.fma(GELU_TANH_KAPPA, x * x * x, x);
    }

    /** GELU's tanh form as PyTorch's float32 vector code: {@code 0.5 x (1 + tanh(inner))}, tanh by {@link FloatTanh}. */
    public static float geluTanh(float x) {
        return 0.5f * x * (1f + FloatTanh.tanh(geluTanhInner(x)));
    }

    /**
     * Its gradient as PyTorch's float32 vector code: {@code g (0.5 (1 + t) + 0.5 x (1 - t^2) beta
     * (1 + 3 kappa x^2))}, {@code 1 - t^2} and {@code 1 + 3 kappa x^2} fused.
     */
    public static float geluTanhGrad(float g, float x) {
        float t = FloatTanh.tanh(geluTanhInner(x));
        float left = 0.5f * x;
        float innerDerivative = GELU_TANH_BETA * Math.fma(3f * GELU_TANH_KAPPA, x * x, 1f);
        return g * (0.5f * (1f + t) + left * Math.fma(-t, t, 1f) * innerDerivative);
    }

    /** {@code y[i] = geluTanh(x[i])} over {@code n} contiguous elements ({@code y} not {@code x}). */
    public static void geluTanh(float[] x, int xo, float[] y, int yo, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.geluTanhFloat(null, 0, x, xo, y, yo, n) : 0; i < n; i++) {
            y[yo + i] = geluTanh(x[xo + i]);
        }
    }

    /** {@code c[i] = geluTanhGrad(g[i], x[i])} over {@code n} contiguous elements ({@code c} neither {@code g} nor {@code x}). */
    public static void geluTanhGrad(float[] g, int go, float[] x, int xo, float[] c, int co, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.geluTanhFloat(g, go, x, xo, c, co, n) : 0; i < n; i++) {
            c[co + i] = geluTanhGrad(g[go + i], x[xo + i]);
        }
    }

    /** {@code y[i] = FloatGelu.gelu(x[i])} over {@code n} contiguous elements. */
    public static void gelu(float[] x, int xo, float[] y, int yo, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.geluFloat(x, xo, y, yo, n) : 0; i < n; i++) {
            y[yo + i] = FloatGelu.gelu(x[xo + i]);
        }
    }

    /** {@code c[i] = FloatGelu.derivative(x[i]) * g[i]} over {@code n} contiguous elements. */
    public static void geluGrad(float[] g, int go, float[] x, int xo, float[] c, int co, int n) {
        for (int i = Kernels.vectorHot() ? VectorActivations.geluGradFloat(g, go, x, xo, c, co, n) : 0; i < n; i++) {
            c[co + i] = FloatGelu.derivative(x[xo + i]) * g[go + i];
        }
    }
}
