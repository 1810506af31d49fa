package jtorch.internal.kernels;

/**
 * float32 {@code atan} as PyTorch 1.13 computes it on the CPU: SLEEF 3.5.1's {@code xatanf_u1} (the
 * {@code Sleef_atanf8_u10} behind {@code Vectorized<float>::atan}, which ATen's vml kernel applies to
 * every element, tail included; SLEEF is under the Boost Software License 1.0), so results are
 * PyTorch's bit for bit and within 1 ulp of the exact value. Defined once for the plain and the
 * vector loops: {@link VectorAtan#atanFloat} runs the same IEEE float operations in the same order
 * lane by lane.
 *
 * <p>Steps, SLEEF's {@code atan2kf_u1(|d|, 1)} in double-float arithmetic (a value is an unevaluated
 * sum {@code hi + lo} of two floats, each step in SLEEF's fused multiply-add form): with {@code a =
 * |d|}, {@code s = a} if {@code a <= 1}, else {@code s = -1 / a} (a double-float quotient) and
 * {@code q = 1}; {@code t = s^2}, normalized; {@code u} SLEEF's degree-7 polynomial of {@code t}'s
 * head in Horner's order; {@code atan a = q pi/2 + s (1 + t (-1/3 + u t))} with pi/2 in two parts;
 * head plus tail rounded once to float. Infinity gives {@link #HALF_PI_HI} (SLEEF's replacement);
 * the sign bit of {@code d} is then flipped into the result, so ±0 stay themselves; a NaN comes
 * back as {@link FloatExpm1#quiet} gives it.
 */
final class FloatAtan {
    /** SLEEF's coefficients of {@code u}, highest degree first, then the coefficient of {@code t}. */
    static final float C0 = -0.00176397908944636583328247f;
    static final float C1 = 0.0107900900766253471374512f;
    static final float C2 = -0.0309564601629972457885742f;
    static final float C3 = 0.0577365085482597351074219f;
    static final float C4 = -0.0838950723409652709960938f;
    static final float C5 = 0.109463557600975036621094f;
    static final float C6 = -0.142626821994781494140625f;
    static final float C7 = 0.199983194470405578613281f;
    static final float THIRD = -0.333332866430282592773438f;
    /** pi/2 in two floats, head and tail; the head is also the result for an infinite input. */
    static final float HALF_PI_HI = 1.5707963705062866211f;
    static final float HALF_PI_LO = -4.3711388286737928865e-08f;

    private FloatAtan() {}

    static float atan(float d) {
        float a = Math.abs(d);
        boolean above = a > 1f;
        // s = n / dn with n = -1, dn = a above 1, else n = a, dn = 1 (the tails of both are 0)
        float n = above ? -1f : a;
        float dn = above ? a : 1f;
        float r = 1f / dn;
        float sx = n * r;
        float u = Math.fma(r, n, -sx);
        float v = Math.fma(-dn, r, 1f);
        float sy = Math.fma(sx, v, u);
        // t = s^2, normalized
        float tx = sx * sx;
        float ty = Math.fma(sx + sx, sy, Math.fma(sx, sx, -tx));
        float tn = tx + ty;
        ty = (tx - tn) + ty;
        tx = tn;
        float p = Math.fma(C0, tx, C1);
        p = Math.fma(p, tx, C2);
        p = Math.fma(p, tx, C3);
        p = Math.fma(p, tx, C4);
        p = Math.fma(p, tx, C5);
        p = Math.fma(p, tx, C6);
        p = Math.fma(p, tx, C7);
        // b = THIRD + p t (dfadd of two floats), then m = t b
        float pt = p * tx;
        float bx = THIRD + pt;
        float by = (THIRD - bx) + pt;
        float mx = tx * bx;
        float my = Math.fma(tx, by, Math.fma(ty, bx, Math.fma(tx, bx, -mx)));
        // c = 1 + m, then s c
        float cx = 1f + mx;
        float cy = ((1f - cx) + mx) + my;
        float nx = sx * cx;
        float ny = Math.fma(sx, cy, Math.fma(sy, cx, Math.fma(sx, cx, -nx)));
        // q pi/2 + s c
        float q = above ? 1f : 0f;
        float hx = HALF_PI_HI * q;
        float hy = Math.fma(HALF_PI_LO, q, Math.fma(HALF_PI_HI, q, -hx));
        float rx = hx + nx;
        float ry = (((hx - rx) + nx) + hy) + ny;
        if (d != d) {
            return FloatExpm1.quiet(d);
        }
        float y = a == Float.POSITIVE_INFINITY ? HALF_PI_HI : rx + ry;
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) ^ (Float.floatToRawIntBits(d) & Integer.MIN_VALUE));
    }
}
