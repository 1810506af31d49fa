package jtorch.internal.kernels;

/**
 * float32 {@code erf} as glibc 2.36's {@code erff} computes it, which PyTorch 1.13's scalar
 * kernels call ({@code std::erf} of a float): Sun's fdlibm algorithm in float (converted to float
 * by Ian Lance Taylor, Cygnus Support), whose coefficients are used here. Its notice: "Copyright
 * (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun
 * Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
 * freely granted, provided that this notice is preserved."
 *
 * <p>Steps, by {@code |x|}: below 2^-28 {@code x + c x}; below 0.84375 {@code x + x r(x^2) / s(x^2)};
 * below 1.25 {@code erx + p(|x| - 1) / q(|x| - 1)} with the sign of {@code x}; from 6 on
 * {@code 1 - tiny}; else {@code 1 - exp(-z^2 - 0.5625) exp((z - x)(z + x) + R / S) / x} with
 * {@code z} the float {@code x} with its 12 low bits cleared and {@code R / S} a rational of
 * {@code 1 / x^2} (one pair below 1/0.35, another above). Every step a float operation, none
 * fused (glibc's generic build); glibc's {@code expf} is taken as the correctly rounded one (the
 * float of Java's double exp), which it is but in rare cases. The results are within 1 ulp of
 * erf's, and not always correctly rounded.
 */
public final class FloatErf {
    private static final float TINY = 1e-30f;
    private static final float ERX = 8.4506291151e-01f;
    private static final float EFX = 1.2837916613e-01f;
    private static final float[] PP = {1.2837916613e-01f, -3.2504209876e-01f, -2.8481749818e-02f, -5.7702702470e-03f,
        -2.3763017452e-05f};
    private static final float[] QQ = {1f, 3.9791721106e-01f, 6.5022252500e-02f, 5.0813062117e-03f,
        1.3249473704e-04f, -3.9602282413e-06f};
    private static final float[] PA = {-2.3621185683e-03f, 4.1485610604e-01f, -3.7220788002e-01f, 3.1834661961e-01f,
        -1.1089469492e-01f, 3.5478305072e-02f, -2.1663755178e-03f};
    private static final float[] QA = {1f, 1.0642088205e-01f, 5.4039794207e-01f, 7.1828655899e-02f,
        1.2617121637e-01f, 1.3637083583e-02f, 1.1984500103e-02f};
    private static final float[] RA = {-9.8649440333e-03f, -6.9385856390e-01f, -1.0558626175e+01f, -6.2375331879e+01f,
        -1.6239666748e+02f, -1.8460508728e+02f, -8.1287437439e+01f, -9.8143291473e+00f};
    private static final float[] SA = {1f, 1.9651271820e+01f, 1.3765776062e+02f, 4.3456588745e+02f,
        6.4538726807e+02f, 4.2900814819e+02f, 1.0863500214e+02f, 6.5702495575e+00f, -6.0424413532e-02f};
    private static final float[] RB = {-9.8649431020e-03f, -7.9928326607e-01f, -1.7757955551e+01f, -1.6063638306e+02f,
        -6.3756646729e+02f, -1.0250950928e+03f, -4.8351919556e+02f};
    private static final float[] SB = {1f, 3.0338060379e+01f, 3.2579251099e+02f, 1.5367296143e+03f,
        3.1998581543e+03f, 2.5530502930e+03f, 4.7452853394e+02f, -2.2440952301e+01f};

    private FloatErf() {}

    /** glibc's {@code erff(x)}. */
    public static float erf(float x) {
        int bits = Float.floatToRawIntBits(x);
        int magnitude = bits & 0x7fffffff;
        boolean negative = bits < 0;
        if (magnitude >= 0x7f800000) {
            // NaN stays NaN, +-inf gives +-1
            return (negative ? -1f : 1f) + 1f / x;
        }
        if (magnitude < 0x3f580000) {
            if (magnitude < 0x31800000) {
                return magnitude < 0x04000000 ? 0.0625f * (16f * x + (16f * EFX) * x) : x + EFX * x;
            }
            float z = x * x;
            return x + x * (polynomial(PP, z) / polynomial(QQ, z));
        }
        if (magnitude < 0x3fa00000) {
            float s = Math.abs(x) - 1f;
            float ratio = polynomial(PA, s) / polynomial(QA, s);
            return negative ? -ERX - ratio : ERX + ratio;
        }
        if (magnitude >= 0x40c00000) {
            return negative ? TINY - 1f : 1f - TINY;
        }
        float a = Math.abs(x);
        float s = 1f / (a * a);
        float ratio = magnitude < 0x4036DB6E ? polynomial(RA, s) / polynomial(SA, s)
                : polynomial(RB, s) / polynomial(SB, s);
        float z = Float.intBitsToFloat(Float.floatToRawIntBits(a) & 0xfffff000);
        float r = (float) Math.exp(-z * z - 0.5625f) * (float) Math.exp((z - a) * (z + a) + ratio);
        return negative ? r / a - 1f : 1f - r / a;
    }

    /** {@code c[0] + t (c[1] + t (c[2] + ...))}, each step rounded to float. */
    private static float polynomial(float[] c, float t) {
        float p = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            p = c[i] + t * p;
        }
        return p;
    }
}
