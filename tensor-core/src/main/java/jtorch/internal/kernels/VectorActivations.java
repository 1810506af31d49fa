package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Vector API loops of the activations ({@link ActivationKernels#leakyRelu}, {@link ActivationKernels#silu},
 * {@link ActivationKernels#elu}, {@link ActivationKernels#gelu} and their gradients, hardtanh's gradient), in
 * {@link VectorKernels}' one float species. Each runs whole vectors and returns how many elements
 * it did; its scalar twin in {@link Kernels} does the rest with the same float operations, so a
 * result does not depend on which loop ran, but where PyTorch's own vector and scalar loops
 * differ (a NaN input to ELU's and hardtanh's gradients): there each follows PyTorch's loop of
 * its kind. A vector never crosses a method call (it would be boxed): a loop that needs
 * exp runs {@link VectorKernels#expFloat} as a pass of its own.
 */
final class VectorActivations {
    private VectorActivations() {}

    /**
     * {@link ActivationKernels#silu} over whole vectors in two passes: {@link #negExpFloat} into {@code c},
     * then {@code x / (1 + e)} ({@code c} must not be {@code a}); returns how many were done.
     */
    static int siluFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        int upper = negExpFloat(a, ao, c, co, n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).div(FloatVector.fromArray(F, c, co + i).add(one)).intoArray(c, co + i);
        }
        return upper;
    }

    /** {@link ActivationKernels#siluGrad} over whole vectors in two passes, as {@link #siluFloat}; returns how many were done. */
    static int siluGradFloat(float[] g, int go, float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        int upper = negExpFloat(a, ao, c, co, n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector s = one.div(FloatVector.fromArray(F, c, co + i).add(one));
            FloatVector.fromArray(F, g, go + i).mul(s).mul(FloatVector.fromArray(F, a, ao + i).fma(one.sub(s), one))
                    .intoArray(c, co + i);
        }
        return upper;
    }

    /**
     * {@code c[i] = exp(0 - a[i])} over whole vectors, as {@link VectorKernels#sigmoidFloat}'s first
     * passes: {@code 0 - x} into {@code c}, then {@link VectorKernels#expFloat} in place; returns
     * how many were done.
     */
    private static int negExpFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector zero = FloatVector.zero(F);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            zero.sub(FloatVector.fromArray(F, a, ao + i)).intoArray(c, co + i);
        }
        return VectorKernels.expFloat(c, co, c, co, upper);
    }

    /** {@link ActivationKernels#hardtanhGrad}'s vector rule over whole vectors; returns how many were done. */
    static int hardtanhGrad(float[] g, int go, float[] x, int xo, float lo, float hi, float[] c, int co, int n) {
        FloatVector zero = FloatVector.zero(F);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            VectorMask<Float> inside = v.compare(VectorOperators.GT, lo).and(v.compare(VectorOperators.LT, hi));
            zero.blend(FloatVector.fromArray(F, g, go + i), inside).intoArray(c, co + i);
        }
        return upper;
    }

    /**
     * {@link ActivationKernels#elu} over whole vectors in two passes: {@link VectorKernels#expFloat} into {@code c}, then
     * {@code x > 0 ? x : (e - 1) * alpha}; returns how many were done.
     */
    static int eluFloat(float[] a, int ao, float alpha, float[] c, int co, int n) {
        int upper = VectorKernels.expFloat(a, ao, c, co, n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector.fromArray(F, c, co + i).sub(1f).mul(alpha).blend(x, x.compare(VectorOperators.GT, 0f))
                    .intoArray(c, co + i);
        }
        return upper;
    }

    /**
     * ELU's gradient by PyTorch's vector rule, {@code x > 0 ? g : g * alpha * exp(x)} (NaN gives
     * NaN), over whole vectors in two passes as {@link #eluFloat}; returns how many were done.
     */
    static int eluGradFloat(float[] g, int go, float[] a, int ao, float alpha, float[] c, int co, int n) {
        int upper = VectorKernels.expFloat(a, ao, c, co, n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector grad = FloatVector.fromArray(F, g, go + i);
            grad.mul(alpha).mul(FloatVector.fromArray(F, c, co + i))
                    .blend(grad, FloatVector.fromArray(F, a, ao + i).compare(VectorOperators.GT, 0f)).intoArray(c, co + i);
        }
        return upper;
    }

    /** {@link ActivationKernels#leakyRelu} over whole vectors, by the same comparison; returns how many were done. */
    static int leakyRelu(float[] x, int xo, float slope, float[] y, int yo, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yo + i);
        }
        return upper;
    }

    /** {@link ActivationKernels#leakyReluGrad} over whole vectors, by the same comparison; returns how many were done. */
    static int leakyReluGrad(float[] g, int go, float[] x, int xo, float slope, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, g, go + i);
            v.mul(slope).blend(v, FloatVector.fromArray(F, x, xo + i).compare(VectorOperators.GT, 0f))
                    .intoArray(c, co + i);
        }
        return upper;
    }

    /**
     * {@link ActivationKernels#geluTanh} ({@code g} null) or {@link ActivationKernels#geluTanhGrad} over whole vectors in
     * three passes: tanh's argument into {@code c}, {@link VectorTanh#forward} in place, then the
     * value or the gradient ({@code c} neither {@code g} nor {@code a}); returns how many were done.
     */
    static int geluTanhFloat(float[] g, int go, float[] a, int ao, float[] c, int co, int n) {
        boolean gradient = g != null;
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector half = FloatVector.broadcast(F, 0.5f);
        FloatVector kappa = FloatVector.broadcast(F, ActivationKernels.GELU_TANH_KAPPA);
        FloatVector threeKappa = FloatVector.broadcast(F, 3f * ActivationKernels.GELU_TANH_KAPPA);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            kappa.fma(x.mul(x).mul(x), x).mul(ActivationKernels.GELU_TANH_BETA).intoArray(c, co + i);
        }
        VectorTanh.forward(c, co, c, co, upper);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector t = FloatVector.fromArray(F, c, co + i);
            FloatVector left = half.mul(x);
            if (gradient) {
                FloatVector innerDerivative = threeKappa.fma(x.mul(x), one).mul(ActivationKernels.GELU_TANH_BETA);
                FloatVector right = left.mul(t.neg().fma(t, one)).mul(innerDerivative);
                FloatVector.fromArray(F, g, go + i).mul(half.mul(one.add(t)).add(right)).intoArray(c, co + i);
            } else {
                left.mul(one.add(t)).intoArray(c, co + i);
            }
        }
        return upper;
    }

    /**
     * {@link FloatGelu#gelu} lane by lane over whole vectors, in two passes ({@link #geluExpFloat}
     * into {@code c}, then {@link #geluFromExp}; {@code c} must not be {@code a}); returns how many
     * were done. (One loop of all the steps ran at 0.85 ms on 1M floats in some JVM runs and 3.5 ms
     * in others.)
     */
    static int geluFloat(float[] a, int ao, float[] c, int co, int n) {
        int upper = geluExpFloat(a, ao, c, co, n);
        geluFromExp(null, 0, a, ao, c, co, upper);
        return upper;
    }

    /**
     * {@code c[i] = FloatGelu.derivative(x[i]) * g[i]} lane by lane over whole vectors, in two
     * passes as {@link #geluFloat} ({@code c} neither {@code g} nor {@code a}); returns how many were done.
     */
    static int geluGradFloat(float[] g, int go, float[] a, int ao, float[] c, int co, int n) {
        int upper = geluExpFloat(a, ao, c, co, n);
        geluFromExp(g, go, a, ao, c, co, upper);
        return upper;
    }

    /**
     * The second pass of {@link #geluFloat} ({@code g} null) or {@link #geluGradFloat}: from
     * {@code e = c[i]}, erf and then the value or the gradient into {@code c}, over {@code upper}
     * elements (whole vectors). Each branch stores its own vector: a vector merged from two
     * branches may be boxed.
     */
    private static void geluFromExp(float[] g, int go, float[] a, int ao, float[] c, int co, int upper) {
        boolean gradient = g != null;
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector half = FloatVector.broadcast(F, 0.5f);
        FloatVector p = FloatVector.broadcast(F, FloatGelu.P);
        FloatVector a5 = FloatVector.broadcast(F, FloatGelu.A5);
        FloatVector a4 = FloatVector.broadcast(F, FloatGelu.A4);
        FloatVector a3 = FloatVector.broadcast(F, FloatGelu.A3);
        FloatVector a2 = FloatVector.broadcast(F, FloatGelu.A2);
        FloatVector a1 = FloatVector.broadcast(F, FloatGelu.A1);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector s = FloatVector.fromArray(F, a, ao + i);
            FloatVector r = s.mul(FloatGelu.ONE_OVER_SQRT_TWO);
            FloatVector e = FloatVector.fromArray(F, c, co + i);
            FloatVector t = one.div(r.abs().fma(p, one));
            FloatVector erf = e.neg().mul(t).fma(a5.fma(t, a4).fma(t, a3).fma(t, a2).fma(t, a1), one);
            erf = erf.reinterpretAsInts().lanewise(VectorOperators.XOR, r.reinterpretAsInts().and(FloatGelu.SIGN))
                    .reinterpretAsFloats();
            if (gradient) {
                FloatVector density = r.mul(FloatGelu.ONE_OVER_SQRT_PI).mul(e);
                erf.fma(half, density.add(half)).mul(FloatVector.fromArray(F, g, go + i)).intoArray(c, co + i);
            } else {
                FloatVector halfS = s.mul(0.5f);
                erf.fma(halfS, halfS).intoArray(c, co + i);
            }
        }
    }

    /**
     * {@code c[i] = exp(-r^2)}, {@code r = a[i] / sqrt 2}, by {@link FloatGelu}'s oneDNN exp lane by
     * lane over whole vectors; returns how many were done. Its floor is taken without a
     * conversion: rounded to an integer by adding and subtracting {@link FloatExp#SHIFTER}, less
     * one where that went up; {@code 2^n} is built from the bits of {@code n + 127 + SHIFTER}.
     */
    private static int geluExpFloat(float[] a, int ao, float[] c, int co, int n) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector negLn2 = FloatVector.broadcast(F, -FloatGelu.LN2);
        FloatVector e5 = FloatVector.broadcast(F, FloatGelu.E5);
        FloatVector e4 = FloatVector.broadcast(F, FloatGelu.E4);
        FloatVector e3 = FloatVector.broadcast(F, FloatGelu.E3);
        FloatVector e2 = FloatVector.broadcast(F, FloatGelu.E2);
        FloatVector e1 = FloatVector.broadcast(F, FloatGelu.E1);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector r = FloatVector.fromArray(F, a, ao + i).mul(FloatGelu.ONE_OVER_SQRT_TWO);
            FloatVector x = r.mul(r).neg();
            VectorMask<Float> underflow = x.compare(VectorOperators.LT, FloatGelu.LN_FLT_MIN);
            x = x.blend(FloatGelu.LN_FLT_MIN, underflow);
            FloatVector fx = x.mul(FloatGelu.LOG2E).add(0.5f);
            FloatVector k = fx.add(FloatExp.SHIFTER).sub(FloatExp.SHIFTER);
            k = k.blend(k.sub(1f), k.compare(VectorOperators.GT, fx));
            FloatVector f = k.fma(negLn2, x);
            FloatVector e = e5.fma(f, e4).fma(f, e3).fma(f, e2).fma(f, e1).fma(f, one);
            FloatVector scale = k.add(FloatExp.SHIFTER + 127f).reinterpretAsInts().sub(FloatExp.SHIFTER_BITS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            e.mul(scale.blend(0f, underflow)).intoArray(c, co + i);
        }
        return upper;
    }
}
