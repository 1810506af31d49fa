package jtorch.internal.kernels;

/**
 * float32 GELU (the erf form) and its derivative as PyTorch 1.13.1 computes them for a contiguous
 * float32 input of more than one element: its CPU gelu and gelu_backward hand such inputs to
 * oneDNN 2.6's JIT eltwise kernel ({@code eltwise_gelu_erf}, forward and backward), whose steps
 * are run here in the same IEEE float operations in the same order, so the results are
 * PyTorch's bit for bit (ActivationsTest checks them against the installed PyTorch, specials
 * included). {@link VectorActivations#geluFloat} and {@link VectorActivations#geluGradFloat} run the same
 * steps lane by lane; every element takes the same steps, so no result depends on the vector
 * width, the position of an element or the thread count (as oneDNN's).
 *
 * <p>Steps of {@code erf(r)}, {@code r = s / sqrt 2} rounded: Abramowitz and Stegun's 7.1.26,
 * {@code sign(r) (1 - p(t) t exp(-r^2))} with {@code t = 1 / (P |r| + 1)}, {@code p} of degree
 * 4 in Horner's order by fused multiply-adds; {@code exp(a)} for {@code a = -r^2 <= 0} is
 * oneDNN's: {@code n = floor(a log2(e) + 1/2)} (a rounded product, then a rounded sum),
 * {@code f = a - n ln2} by one fused multiply-add, a degree-5 polynomial of {@code f} times
 * {@code 2^n}, and 0 below {@link #LN_FLT_MIN} (there {@code a} is first raised to it, as oneDNN
 * clamps). The forward is {@code S + S erf} with {@code S = s / 2}; the derivative
 * {@code 1/2 + r / sqrt(pi) exp(-r^2) + erf / 2}, which the caller multiplies by the incoming
 * gradient. NaN gives NaN, {@code gelu(-inf)} is NaN (as PyTorch's: {@code -inf + inf}).
 */
public final class FloatGelu {
    /** {@code ln(FLT_MIN)} as oneDNN rounds it: below it exp is 0. */
    static final float LN_FLT_MIN = Float.intBitsToFloat(0xc2aeac50);
    static final float LOG2E = Float.intBitsToFloat(0x3fb8aa3b);
    static final float LN2 = Float.intBitsToFloat(0x3f317218);
    /** oneDNN's exp polynomial, highest degree first (the constant term is 1). */
    static final float E5 = Float.intBitsToFloat(0x3c07cfce);
    static final float E4 = Float.intBitsToFloat(0x3d2b9d0d);
    static final float E3 = Float.intBitsToFloat(0x3e2aad40);
    static final float E2 = Float.intBitsToFloat(0x3efffee3);
    static final float E1 = Float.intBitsToFloat(0x3f7ffffb);
    /** Abramowitz and Stegun's {@code p} of {@code t = 1 / (P |r| + 1)}. */
    static final float P = Float.intBitsToFloat(0x3ea7ba05);
    /** Their polynomial in {@code t}, highest degree first (no constant term). */
    static final float A5 = Float.intBitsToFloat(0x3f87dc22);
    static final float A4 = Float.intBitsToFloat(0xbfba00e3);
    static final float A3 = Float.intBitsToFloat(0x3fb5f0e3);
    static final float A2 = Float.intBitsToFloat(0xbe91a98e);
    static final float A1 = Float.intBitsToFloat(0x3e827906);
    static final float ONE_OVER_SQRT_TWO = Float.intBitsToFloat(0x3f3504f3);
    static final float ONE_OVER_SQRT_PI = Float.intBitsToFloat(0x3f106eba);
    static final int SIGN = 0x80000000;

    private FloatGelu() {}

    /** {@code s * Phi(s)}, oneDNN's forward. */
    public static float gelu(float s) {
        float r = s * ONE_OVER_SQRT_TWO;
        float negExp = -exp(-(r * r));
        float t = 1f / Math.fma(P, Math.abs(r), 1f);
        float erf = withSign(Math.fma(negExp * t, polynomial(t), 1f), r);
        float half = s * 0.5f;
        return Math.fma(erf, half, half);
    }

    /** The derivative of {@link #gelu} at {@code s}, oneDNN's backward before its product with the gradient. */
    public static float derivative(float s) {
        float r = s * ONE_OVER_SQRT_TWO;
        float e = exp(-(r * r));
        float density = r * ONE_OVER_SQRT_PI * e;
        float t = 1f / Math.fma(P, Math.abs(r), 1f);
        float erf = withSign(Math.fma(-e * t, polynomial(t), 1f), r);
        return Math.fma(erf, 0.5f, density + 0.5f);
    }

    /** {@code p(t)} of erf's approximation. */
    private static float polynomial(float t) {
        float p = Math.fma(A5, t, A4);
        p = Math.fma(p, t, A3);
        p = Math.fma(p, t, A2);
        return Math.fma(p, t, A1);
    }

    /** {@code v} negated where {@code r} is negative (its sign bit flipped by {@code r}'s). */
    private static float withSign(float v, float r) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ (Float.floatToRawIntBits(r) & SIGN));
    }

    /** oneDNN's {@code exp(a)} for {@code a <= 0} (or NaN). */
    private static float exp(float a) {
        boolean underflow = a < LN_FLT_MIN;
        float x = underflow ? LN_FLT_MIN : a;
        float n = (float) Math.floor(x * LOG2E + 0.5f);
        float f = Math.fma(-n, LN2, x);
        float p = Math.fma(E5, f, E4);
        p = Math.fma(p, f, E3);
        p = Math.fma(p, f, E2);
        p = Math.fma(p, f, E1);
        p = Math.fma(p, f, 1f);
        return p * (underflow ? 0f : Float.intBitsToFloat(((int) n + 127) << 23));
    }
}
