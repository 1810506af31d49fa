package jtorch.internal.kernels;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The elementwise unary arithmetic that has a vector form, defined once as {@link Kernels.BinaryOp}
 * is: the double and long functions for the generic loops, the float32 one for {@link PlainUnary}
 * and the tails of {@link VectorUnary}, whose vector loops compute the same bits.
 */
public enum UnaryOp {
    RELU(x -> x > 0 || Double.isNaN(x) ? x : 0, x -> Math.max(x, 0)) {
        // the same values (NaN stays, -0 and negatives give +0) without a branch, which C2 vectorises
        @Override
        float apply(float a) {
            return Math.max(a, 0f);
        }
    },
    /** The float square root is the double one rounded (double has more than 2 x 24 + 2 bits), as IEEE's. */
    SQRT(Math::sqrt, null) {
        @Override
        float apply(float a) {
            return (float) Math.sqrt(a);
        }
    },
    /**
     * The sign bit cleared, NaNs' too, as PyTorch's kernels do ({@code Math.abs} keeps a NaN's
     * sign when interpreted and clears it when compiled).
     */
    ABS(x -> Double.longBitsToDouble(Double.doubleToRawLongBits(x) & Long.MAX_VALUE), Math::abs) {
        @Override
        float apply(float a) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(a) & Integer.MAX_VALUE);
        }
    },
    /** The sign flipped, a NaN's too, as PyTorch's kernels do (an xor of the sign bit); floating dtypes. */
    NEG(x -> -x, null) {
        @Override
        float apply(float a) {
            return -a;
        }
    },
    /** float32 through {@link FloatExp}, in the plain and the vector loops alike. */
    EXP(Math::exp, null) {
        @Override
        float apply(float a) {
            return FloatExp.exp(a);
        }
    },
    /**
     * float32 as PyTorch's vector code, {@code 1 / (1 + exp(0 - x))} in float with {@link
     * FloatExp}, in the plain and the vector loops alike (PyTorch's scalar tail of fewer than 16
     * elements takes the C library's {@code expf} instead, which may differ in the last bit).
     */
    SIGMOID(x -> 1.0 / (1.0 + Math.exp(-x)), null) {
        @Override
        float apply(float a) {
            return 1f / (1f + FloatExp.exp(0f - a));
        }
    },
    /** float32 through {@link FloatLog}, in the plain and the vector loops alike. */
    LOG(Math::log, null) {
        @Override
        float apply(float a) {
            return FloatLog.log(a);
        }
    },
    /** float32 through {@link FloatTanh}, in the plain and the vector loops alike. */
    TANH(Math::tanh, null) {
        @Override
        float apply(float a) {
            return FloatTanh.tanh(a);
        }
    },
    /** {@code 1 / x} (PyTorch's reciprocal, and {@code x ** -1}); the double quotient rounded is the float one. */
    RECIPROCAL(x -> 1 / x, null) {
        @Override
        float apply(float a) {
            return 1f / a;
        }
    },
    /** {@code 1 / sqrt(x)} in the dtype, two roundings as PyTorch's (rsqrt, {@code x ** -0.5}). */
    RSQRT(x -> 1 / Math.sqrt(x), null) {
        @Override
        float apply(float a) {
            return 1f / (float) Math.sqrt(a);
        }
    },
    /** {@code x ** 3} as PyTorch's float32 and float64 kernels compute it: {@code (x * x) * x} in the dtype. */
    CUBE(x -> x * x * x, null) {
        @Override
        float apply(float a) {
            return a * a * a;
        }
    },
    /** {@code x ** -2} as PyTorch's float32 and float64 kernels compute it: {@code 1 / (x * x)} in the dtype. */
    INVERSE_SQUARE(x -> 1 / (x * x), null) {
        @Override
        float apply(float a) {
            return 1f / (a * a);
        }
    },
    /** Round toward minus infinity (integral dtypes are whole already); a zero keeps its sign. */
    FLOOR(Math::floor, LongUnaryOperator.identity()) {
        @Override
        float apply(float a) {
            return (float) Math.floor(a);
        }
    },
    /** Round toward plus infinity; {@code ceil(-0.5)} is -0.0, as IEEE's. */
    CEIL(Math::ceil, LongUnaryOperator.identity()) {
        @Override
        float apply(float a) {
            return (float) Math.ceil(a);
        }
    },
    /** Round toward zero, the sign kept ({@code trunc(-0.5)} is -0.0). */
    TRUNC(UnaryOp::trunc, LongUnaryOperator.identity()) {
        @Override
        float apply(float a) {
            return (float) trunc(a);
        }
    },
    /** Round half to even ({@code nearbyint} in the default rounding mode), the sign kept. */
    ROUND(UnaryOp::rint, LongUnaryOperator.identity()) {
        @Override
        float apply(float a) {
            return (float) rint(a);
        }
    },
    /** {@code x - trunc(x)}, exact in the dtype (NaN for the infinities); floating dtypes. */
    FRAC(x -> x - trunc(x), null) {
        @Override
        float apply(float a) {
            return a - (float) trunc(a);
        }
    },
    /** PyTorch's {@code (0 < x) - (x < 0)}: -1, 0 or 1, so NaN and -0.0 give +0.0. */
    SIGN(x -> (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0), Long::signum) {
        @Override
        float apply(float a) {
            return (a > 0 ? 1f : 0f) - (a < 0 ? 1f : 0f);
        }
    },
    /**
     * float32 through {@link FloatTrig}: SLEEF picks its argument reduction per group of 8
     * elements, so over arrays the loops call {@link FloatTrig#sinFloat} (and the vector one),
     * which group as PyTorch; {@code apply} is an element in a group of its own.
     */
    SIN(Math::sin, null) {
        @Override
        float apply(float a) {
            return FloatTrig.sin(a);
        }
    },
    /** float32 through {@link FloatTrig}, grouped as {@link #SIN}. */
    COS(Math::cos, null) {
        @Override
        float apply(float a) {
            return FloatTrig.cos(a);
        }
    },
    /** float32 through {@link FloatAtan}, in the plain and the vector loops alike. */
    ATAN(Math::atan, null) {
        @Override
        float apply(float a) {
            return FloatAtan.atan(a);
        }
    },
    /** float32 through {@link FloatExpm1}, in the plain and the vector loops alike. */
    EXPM1(Math::expm1, null) {
        @Override
        float apply(float a) {
            return FloatExpm1.expm1(a);
        }
    },
    /** float32 through {@link FloatLog1p}, in the plain and the vector loops alike. */
    LOG1P(Math::log1p, null) {
        @Override
        float apply(float a) {
            return FloatLog1p.log1p(a);
        }
    };

    /**
     * {@code Math.rint}, a NaN returned quieted with its sign, as C2's intrinsic and PyTorch's
     * {@code vroundps} do (interpreted, {@code StrictMath.rint} clears a NaN's sign bit).
     */
    private static double rint(double x) {
        return x != x ? x + 0.0 : Math.rint(x);
    }

    /** Toward zero: the ceiling of a negative number, else the floor (so -0.0 stays -0.0). */
    private static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    public final DoubleUnaryOperator onDouble;
    public final LongUnaryOperator onLong;

    UnaryOp(DoubleUnaryOperator onDouble, LongUnaryOperator onLong) {
        this.onDouble = onDouble;
        this.onLong = onLong;
    }

    /** The float32 result, which {@link PlainUnary} calls on each constant (so C2 inlines it in each loop). */
    abstract float apply(float a);
}
