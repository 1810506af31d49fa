package jtorch.internal.ops;

import static jtorch.internal.ops.Pointwise.onInput;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.ActivationKernels;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.FloatErf;
import jtorch.internal.kernels.FloatGelu;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;
import org.apache.commons.numbers.gamma.Erf;

/**
 * The activation functions of {@code torch.nn} that are ops of their own in PyTorch: each one
 * small unit, its forward kernel and its gradient, recorded as PyTorch's node. Values are those
 * of PyTorch 1.13.1's CPU kernels, as follows.
 *
 * <ul>
 * <li>{@code gelu} (erf form), float32: a contiguous input of more than one element takes the
 * oneDNN kernel PyTorch hands it to ({@link FloatGelu}), forward and gradient bit for bit. A
 * single element or a non-contiguous input takes ATen's scalar formula in float, as PyTorch,
 * with glibc's {@code erff} ({@link FloatErf}) and, in the gradient, a correctly rounded
 * {@code expf} (glibc's is, but in rare cases): bit for bit but in those rare cases; for a
 * permuted dense input (a transpose) PyTorch runs its own vector erf on blocks of 16, which is
 * not followed here.
 * bfloat16 likewise: oneDNN's float steps rounded once, or ATen's formula with each step rounded
 * to bfloat16 (erf and exp computed in float). float64 is ATen's formula with
 * commons-numbers' erf where PyTorch runs SLEEF's {@code erf} on blocks of 8 and glibc's on the
 * rest: not bit for bit.
 * <li>{@code gelu(approximate='tanh')}: ATen's formula with the fused multiply-adds GCC made of
 * it in PyTorch's build and SLEEF's {@code tanhf} ({@link ActivationKernels#geluTanh}, vector loops): float32
 * bit for bit but where PyTorch's loops leave a scalar tail (the last {@code n % 16} elements on
 * one thread, and single elements), which calls glibc's {@code tanhf}; bfloat16 each step
 * rounded; float64 with Java's tanh where PyTorch runs SLEEF's: not bit for bit.
 * <li>{@code leaky_relu}: {@code x > 0 ? x : x * slope}, the slope first rounded to the dtype,
 * and its gradient {@code x > 0 ? g : g * slope}: bit for bit in every dtype; {@code hardtanh}
 * (and {@code relu6}) likewise, but at a NaN input of a large float64 tensor (see
 * {@link #hardtanh}).
 * <li>{@code silu} and {@code elu}, float32: PyTorch's vector code with SLEEF's {@code expf}
 * ({@link ActivationKernels#exp}), bit for bit but where PyTorch's loops leave a scalar tail (the last
 * {@code n % 16} elements on one thread, which call glibc's {@code expf}); bfloat16 as PyTorch
 * computes it (see each); float64 with Java's exp. {@code softplus}, float32: likewise, its
 * values with SLEEF's {@code log1pf} too ({@link ActivationKernels#softplus}).
 * </ul>
 *
 * <p>gelu, leaky_relu, silu, elu and softplus have kernels for the floating dtypes but float16
 * only (PyTorch's "not implemented" error names the kernel); hardtanh is a clamp. No gradient of
 * a gradient: JTorch's backward never records a graph.
 */
public final class Activations {
    private Activations() {}

    private static final double SQRT1_2 = 0.70710678118654752440;
    private static final double TWO_OVER_SQRT_PI = 1.12837916709551257390;
    /** ATen's tanh-form constants: {@code sqrt(2 / pi)} and the cubic term's coefficient. */
    private static final double TANH_BETA = 1.41421356237309504880 * TWO_OVER_SQRT_PI * 0.5;
    private static final double TANH_KAPPA = 0.044715;

    /** The arithmetic of a dtype: results rounded to it, its fused multiply-add, and the C library's erf. */
    private interface Precision {
        double round(double v);

        double fma(double a, double b, double c);

        default double erf(double v) {
            return round(FloatErf.erf((float) v));
        }

        /** PyTorch's vector tanh ({@link ActivationKernels#tanh}). */
        default double tanh(double v) {
            return round(ActivationKernels.tanh((float) v));
        }
    }

    /** float32's: each step rounded to float. */
    private static final Precision FLOAT = new Precision() {
        @Override
        public double round(double v) {
            return (float) v;
        }

        @Override
        public double fma(double a, double b, double c) {
            return Math.fma((float) a, (float) b, (float) c);
        }
    };

    /** bfloat16's (ATen's BFloat16 arithmetic: each step computed in float, rounded to bfloat16). */
    private static final Precision BFLOAT16 = new Precision() {
        @Override
        public double round(double v) {
            return Casts.round((float) v, DType.BFLOAT16);
        }

        @Override
        public double fma(double a, double b, double c) {
            return round(round(a * b) + c);
        }
    };

    /** float64's. */
    private static final Precision DOUBLE = new Precision() {
        @Override
        public double round(double v) {
            return v;
        }

        @Override
        public double fma(double a, double b, double c) {
            return Math.fma(a, b, c);
        }

        @Override
        public double erf(double v) {
            return Erf.value(v);
        }

        @Override
        public double tanh(double v) {
            return Math.tanh(v);
        }
    };

    /**
     * {@code F.gelu(x, approximate)}: {@code x * Phi(x)} ({@code "none"}) or its tanh approximation
     * ({@code "tanh"}); backward {@code GeluBackward0}.
     */
    public static TensorImpl gelu(TensorImpl x, String approximate) {
        boolean tanh = isTanh(approximate);
        checkKernel(x, "GeluKernelImpl");
        DType type = x.dtype();
        Precision p = precision(type);
        TensorImpl out;
        if (tanh && type == DType.FLOAT32) {
            out = Outputs.unary(x, type, type, v -> ActivationKernels.geluTanh((float) v), null, ActivationKernels::geluTanh);
        } else if (tanh) {
            out = Outputs.unary(x, type, type, v -> tanhGelu(v, p), null);
        } else if (viaOneDnn(x)) {
            out = Outputs.unary(x, type, type, v -> FloatGelu.gelu((float) v), null, ActivationKernels::gelu);
        } else {
            out = Outputs.unary(x, type, type, v -> erfGelu(v, p), null);
        }
        return onInput(out, x, "GeluBackward0", (g, self) -> geluBackward(g, self, tanh));
    }

    /** PyTorch's {@code gelu_backward(grad, self, approximate)}. */
    private static TensorImpl geluBackward(TensorImpl grad, TensorImpl self, boolean tanh) {
        DType type = Promotion.resultType(grad, self);
        Precision p = precision(type);
        TensorImpl out = TensorImpl.allocate(type, Shapes.broadcast(grad.sizes(), self.sizes()));
        if (tanh && type == DType.FLOAT32) {
            Elementwise.gradInto(out, grad, self, type, Elementwise.dense(ActivationKernels::geluTanhGrad),
                    (g, v) -> ActivationKernels.geluTanhGrad((float) g, (float) v), null);
        } else if (tanh) {
            Elementwise.gradInto(out, grad, self, type, null, (g, v) -> tanhGeluGrad(g, v, p), null);
        } else if (viaOneDnn(self)) {
            Elementwise.gradInto(out, grad, self, type, Elementwise.dense(ActivationKernels::geluGrad),
                    (g, v) -> FloatGelu.derivative((float) v) * (float) g, null);
        } else {
            Elementwise.gradInto(out, grad, self, type, null, (g, v) -> erfGeluGrad(g, v, p), null);
        }
        return out;
    }

    /**
     * Whether PyTorch's erf-form gelu of {@code x} runs oneDNN's kernel: float32 or bfloat16,
     * contiguous, with more than one element.
     */
    private static boolean viaOneDnn(TensorImpl x) {
        return (x.dtype() == DType.FLOAT32 || x.dtype() == DType.BFLOAT16) && x.isContiguous() && x.numel() > 1;
    }

    /** ATen's {@code x * 0.5 * (1 + erf(x * sqrt(1/2)))}, each step rounded by {@code p}. */
    private static double erfGelu(double x, Precision p) {
        return p.round(p.round(x * 0.5) * p.round(1 + erf(x, p)));
    }

    /** ATen's {@code dy * (cdf + x * pdf)}, {@code cdf = 0.5 (1 + erf(x sqrt(1/2)))}, {@code pdf = 2 / sqrt(pi) sqrt(1/2) 0.5 exp(-x^2 / 2)}. */
    private static double erfGeluGrad(double dy, double x, Precision p) {
        double cdf = p.round(0.5 * p.round(1 + erf(x, p)));
        double exponent = p.round(p.round(x * x) * -0.5);
        double pdf = p.round(p.round(TWO_OVER_SQRT_PI * SQRT1_2 * 0.5)
                * p.round(Math.exp(exponent)));
        return p.round(dy * p.round(cdf + p.round(x * pdf)));
    }

    /** {@code erf(x * sqrt(1/2))} in the precision {@code p}. */
    private static double erf(double x, Precision p) {
        return p.erf(p.round(x * p.round(SQRT1_2)));
    }

    /** ATen's {@code 0.5 x (1 + tanh(beta (x + kappa x^3)))}, each step rounded by {@code p}. */
    private static double tanhGelu(double x, Precision p) {
        double t = p.tanh(tanhInner(x, p));
        return p.round(p.round(0.5 * x) * p.round(1 + t));
    }

    /**
     * {@code beta (x + kappa x^3)} rounded by {@code p}, {@code x^3} as {@code x * x * x} and the
     * sum fused with the product (the compiler contracts them in PyTorch's build).
     */
    private static double tanhInner(double x, Precision p) {
        double cube = p.round(p.round(x * x) * x);
        return p.round(p.round(TANH_BETA) * p.fma(p.round(TANH_KAPPA), cube, x));
    }

    /**
     * ATen's tanh-form gradient: {@code dy * (0.5 (1 + t) + 0.5 x (1 - t^2) beta (1 + 3 kappa x^2))},
     * {@code t} the forward's tanh, each step rounded by {@code p}; {@code 1 - t^2} and
     * {@code 1 + 3 kappa x^2} fused as in PyTorch's build.
     */
    private static double tanhGeluGrad(double dy, double x, Precision p) {
        double t = p.tanh(tanhInner(x, p));
        double left = p.round(0.5 * x);
        double leftDerivative = p.round(0.5 * p.round(1 + t));
        double tanhDerivative = p.fma(-t, t, 1);
        double threeKappa = p.round(3 * p.round(TANH_KAPPA));
        double innerDerivative = p.round(p.round(TANH_BETA) * p.fma(threeKappa, p.round(x * x), 1));
        double rightDerivative = p.round(p.round(left * tanhDerivative) * innerDerivative);
        return p.round(dy * p.round(leftDerivative + rightDerivative));
    }

    /** {@code "tanh"} or {@code "none"}, else PyTorch's error. */
    private static boolean isTanh(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        return "tanh".equals(approximate);
    }

    /**
     * {@code F.leaky_relu(x, negative_slope)}: {@code x > 0 ? x : x * slope}; backward
     * {@code LeakyReluBackward0}, {@code x > 0 ? g : g * slope}.
     */
    public static TensorImpl leakyRelu(TensorImpl x, double negativeSlope) {
        checkKernel(x, "leaky_relu_cpu");
        DType type = x.dtype();
        double slope = Casts.round(negativeSlope, type);
        float slopeF = (float) slope;
        TensorImpl out = Outputs.unary(x, type, type, v -> v > 0 ? v : v * slope, null,
                (a, ao, y, yo, n) -> ActivationKernels.leakyRelu(a, ao, slopeF, y, yo, n));
        return onInput(out, x, "LeakyReluBackward0", (grad, self) -> {
            DType gradType = Promotion.resultType(grad, self);
            TensorImpl gx = TensorImpl.allocate(gradType, Shapes.broadcast(grad.sizes(), self.sizes()));
            Elementwise.gradInto(gx, grad, self, gradType,
                    Elementwise.dense((g, go, v, vo, c, co, n) -> ActivationKernels.leakyReluGrad(g, go, v, vo, slopeF, c, co, n)),
                    (g, v) -> v > 0 ? g : g * slope, null);
            return gx;
        });
    }

    /**
     * {@code F.hardtanh(x, min_val, max_val)}: {@code clamp(x, min_val, max_val)}, for an integral
     * {@code x} with the bounds truncated to integers first (so it stays integral); backward
     * {@code HardtanhBackward0}, PyTorch's {@code hardtanh_backward}: 0 at and past the bounds,
     * unlike clamp's gradient, else the gradient. A NaN input passes the gradient in PyTorch's
     * scalar loop and gets 0 in its vector loop: float32 follows both as PyTorch lays them out on
     * one thread ({@link ActivationKernels#hardtanhGrad}), float64 the scalar loop's.
     */
    public static TensorImpl hardtanh(TensorImpl x, double minVal, double maxVal) {
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Bool inputs not supported for hardtanh");
        }
        boolean integral = !x.dtype().isFloatingPoint();
        if (integral && x.dtype() == DType.UINT8 && ((long) minVal < 0 || (long) maxVal < 0)) {
            throw new IllegalArgumentException("cannot do hardtanh on an unsigned type with negative limits");
        }
        Number min = integral ? (Number) (long) minVal : minVal;
        Number max = integral ? (Number) (long) maxVal : maxVal;
        return Pointwise.clamp(x, min, max, "HardtanhBackward0", (lo, hi) -> (grad, self) -> {
            DType type = Promotion.resultType(grad, self);
            if (type == DType.BFLOAT16) {
                throw new UnsupportedOperationException("\"hardshrink_backward_cpu\" not implemented for 'BFloat16'");
            }
            TensorImpl gx = TensorImpl.allocate(type, Shapes.broadcast(grad.sizes(), self.sizes()));
            float loF = (float) lo;
            float hiF = (float) hi;
            Elementwise.gradInto(gx, grad, self, type,
                    Elementwise.dense((g, go, v, vo, c, co, n) -> ActivationKernels.hardtanhGrad(g, go, v, vo, loF, hiF, c, co, n)),
                    (g, v) -> v <= lo || v >= hi ? 0 : g, null);
            return gx;
        });
    }

    /**
     * {@code F.silu(x)}: {@code x / (1 + exp(-x))}; backward {@code SiluBackward0},
     * {@code g s (1 + x (1 - s))} with {@code s} the sigmoid. float32 as PyTorch's vector code
     * ({@link ActivationKernels#silu}, {@link ActivationKernels#siluGrad}): bit for bit but in the scalar tail of
     * PyTorch's loops (the last {@code n % 16} elements on one thread), where PyTorch calls glibc's
     * {@code expf}; bfloat16 as PyTorch's, each step rounded to bfloat16; float64 with Java's exp
     * where PyTorch runs SLEEF's.
     */
    public static TensorImpl silu(TensorImpl x) {
        checkKernel(x, "silu_cpu");
        DType type = x.dtype();
        Precision p = precision(type);
        TensorImpl out = type == DType.FLOAT32
                ? Outputs.unary(x, type, type, v -> ActivationKernels.silu((float) v), null, ActivationKernels::silu)
                : Outputs.unary(x, type, type, v -> p.round(v / p.round(1 + exp(p.round(-v), p))), null);
        return onInput(out, x, "SiluBackward0", (grad, self) -> {
            DType gradType = Promotion.resultType(grad, self);
            Precision q = precision(gradType);
            TensorImpl gx = TensorImpl.allocate(gradType, Shapes.broadcast(grad.sizes(), self.sizes()));
            Elementwise.gradInto(gx, grad, self, gradType, Elementwise.dense(ActivationKernels::siluGrad), gradType == DType.FLOAT32
                    ? (g, v) -> ActivationKernels.siluGrad((float) g, (float) v) : (g, v) -> siluGrad(g, v, q), null);
            return gx;
        });
    }

    /** ATen's {@code g * s * (1 + x * (1 - s))}, {@code s = 1 / (1 + exp(-x))}, each step in {@code p}. */
    private static double siluGrad(double g, double x, Precision p) {
        double s = p.round(1 / p.round(1 + exp(p.round(-x), p)));
        return p.round(p.round(g * s) * p.fma(x, p.round(1 - s), 1));
    }

    /**
     * {@code F.elu(x, alpha)}: {@code x > 0 ? x : (exp(x) - 1) alpha}; backward
     * {@code EluBackward0}, {@code x > 0 ? g : g alpha exp(x)}. float32 (and bfloat16, computed in
     * float and rounded once) values and gradients are PyTorch's vector code's ({@link
     * Kernels#exp}), bit for bit but in the scalar tail of its loops (glibc's {@code expf}); a NaN
     * input's gradient is NaN in PyTorch's vector loop and the gradient in its scalar loop, followed
     * as {@link ActivationKernels#eluGrad} says. float64 takes Java's exp and the scalar loop's NaN rule.
     */
    public static TensorImpl elu(TensorImpl x, double alpha) {
        checkKernel(x, "elu_cpu");
        DType type = x.dtype();
        float alphaF = (float) alpha;
        TensorImpl out = type == DType.FLOAT64
                ? Outputs.unary(x, type, type, v -> v <= 0 ? (Math.exp(v) - 1) * alpha : v, null)
                : Outputs.unary(x, type, type, v -> ActivationKernels.elu((float) v, alphaF), null,
                        (a, ao, y, yo, n) -> ActivationKernels.elu(a, ao, alphaF, y, yo, n));
        return onInput(out, x, "EluBackward0", (grad, self) -> {
            DType gradType = Promotion.resultType(grad, self);
            TensorImpl gx = TensorImpl.allocate(gradType, Shapes.broadcast(grad.sizes(), self.sizes()));
            if (gradType == DType.FLOAT64) {
                Elementwise.gradInto(gx, grad, self, gradType, null, (g, v) -> v <= 0 ? g * alpha * Math.exp(v) : g,
                        null);
            } else {
                Elementwise.gradInto(gx, grad, self, gradType,
                        Elementwise.dense((g, go, v, vo, c, co, n) -> ActivationKernels.eluGrad(g, go, v, vo, alphaF, c, co, n)),
                        (g, v) -> ActivationKernels.eluGrad((float) g, (float) v, alphaF), null);
            }
            return gx;
        });
    }

    /**
     * {@code F.softplus(x, beta, threshold)}: {@code x} where {@code x beta > threshold}, else
     * {@code log(1 + exp(x beta)) / beta}; backward {@code SoftplusBackward0}, {@code g z / (z + 1)}
     * with {@code z = exp(x beta)} (the gradient itself past the threshold). float32 forward and
     * gradient as PyTorch's vector code ({@link ActivationKernels#softplus}, {@link
     * ActivationKernels#exp}); float64 with Java's exp and log1p.
     */
    public static TensorImpl softplus(TensorImpl x, double beta, double threshold) {
        checkKernel(x, "softplus_cpu");
        DType type = x.dtype();
        Precision p = precision(type);
        double b = p.round(beta);
        double limit = p.round(threshold);
        float fb = (float) b;
        float flimit = (float) limit;
        TensorImpl out = type == DType.FLOAT32
                ? Outputs.unary(x, type, type, v -> ActivationKernels.softplus((float) v, fb, flimit), null,
                        (xa, xo, ya, yo, n) -> ActivationKernels.softplus(xa, xo, ya, yo, n, fb, flimit))
                : Outputs.unary(x, type, type, v -> {
                    double scaled = p.round(v * b);
                    return scaled > limit ? v : p.round(p.round(Math.log1p(exp(scaled, p))) / b);
                }, null);
        return onInput(out, x, "SoftplusBackward0", (grad, self) -> {
            DType gradType = Promotion.resultType(grad, self);
            Precision q = precision(gradType);
            TensorImpl gx = TensorImpl.allocate(gradType, Shapes.broadcast(grad.sizes(), self.sizes()));
            Elementwise.gradInto(gx, grad, self, gradType, null, (g, v) -> {
                double scaled = q.round(v * b);
                double z = exp(scaled, q);
                return scaled > limit ? g : q.round(q.round(g * z) / q.round(z + 1));
            }, null);
            return gx;
        });
    }

    /** {@code exp(v)} in the precision {@code p}: in float PyTorch's vector code's, rounded to {@code p}. */
    private static double exp(double v, Precision p) {
        return p == DOUBLE ? Math.exp(v) : p.round(ActivationKernels.exp((float) v));
    }

    /** The arithmetic of {@code type}'s ATen kernels. */
    private static Precision precision(DType type) {
        return type == DType.FLOAT64 ? DOUBLE : type == DType.BFLOAT16 ? BFLOAT16 : FLOAT;
    }

    /** PyTorch's error for a dtype without the {@code kernel}: integral, bool and float16 inputs. */
    private static void checkKernel(TensorImpl x, String kernel) {
        if (!x.dtype().isFloatingPoint() || x.dtype() == DType.FLOAT16) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for '"
                    + x.dtype().scalarName() + "'");
        }
    }
}
