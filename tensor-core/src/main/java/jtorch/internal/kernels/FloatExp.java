package jtorch.internal.kernels;

/**
 * float32 {@code exp}, defined once for the plain loops and the vector loops so that a result never
 * depends on which of them ran (the vector kernels take over once the JIT has compiled them, and
 * the Vector API's own {@code EXP} gives other last bits compiled than interpreted).
 *
 * <p>The float is widened to double and clamped to [{@value #LOW}, {@value #HIGH}] (beyond it the
 * float result is 0 or infinity; NaN stays NaN); {@code x = k ln2 + r} with {@code k} rounded to
 * nearest through {@link #SHIFTER} and {@code |r| <= ln2/2} by two fused multiply-adds with a
 * two-part ln2; {@code exp(r)} is its Taylor polynomial of degree 13 (truncation below 1e-17
 * relative); the result is scaled by {@code 2^k} through the exponent bits (exact, k is in
 * [-150, 129]) and rounded once to float, which yields infinities and subnormals as IEEE rounding
 * does. Every step is an exactly specified IEEE operation, so {@link VectorKernels#expFloat} computes
 * the same bits lane by lane. The result is the correctly rounded float except where exp(x) lies
 * within about 1e-16 (relative) of a rounding boundary.
 */
final class FloatExp {
    static final double LOW = -104;
    static final double HIGH = 89;
    static final double LOG2E = 1.4426950408889634;
    /** 1.5 * 2^52: adding it rounds a double below 2^51 in magnitude to an integer, kept in the low bits. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** 1/13!, 1/12!, ..., 1/2!, 1/1!, 1/0!: Horner's order. */
    static final double[] TAYLOR = taylor(13);

    private FloatExp() {}

    static float exp(float x) {
        double v = Math.min(Math.max(x, LOW), HIGH);
        double t = Math.fma(v, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, v));
        double p = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) {
            p = Math.fma(p, r, TAYLOR[i]);
        }
        return (float) (p * Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (SHIFTER_BITS - 1023)) << 52));
    }

    private static double[] taylor(int degree) {
        double[] c = new double[degree + 1];
        double factorial = 1;
        for (int n = 1; n <= degree; n++) {
            factorial *= n;
            c[degree - n] = 1 / factorial;
        }
        c[degree] = 1;
        return c;
    }
}
