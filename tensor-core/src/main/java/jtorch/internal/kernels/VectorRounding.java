package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link VectorUnary}'s loops for floor, ceil, trunc, frac, round and sign: a method each, with no
 * calls taking vectors (written into {@code VectorUnary}'s switch with small helpers taking
 * vectors, round and sign of 4M floats took 10 and 32 ms in a probe on JDK 17; here 1.7-1.9 ms).
 * Lanes of magnitude 2^23 and above (and NaN, infinities) are whole and returned plus 0, which
 * quiets a signalling NaN as the scalar code's double round trip and PyTorch's {@code vroundps}
 * do. Smaller magnitudes {@code m} round to nearest, half to even, as {@code (m + 2^23) - 2^23}
 * (no fraction bits are left in the sum); floor, ceil and trunc then step by one where that
 * went the wrong way, and every result takes the input's sign bit, as IEEE's (ceil(-0.5) is
 * -0.0, floor(-0.0) is -0.0). (Truncating through int lanes, {@code convert(F2I)} and back,
 * floor, ceil and trunc took 28 ms for 4M floats in the same probe.)
 */
final class VectorRounding {
    /** 2^23: floats of this magnitude and above are whole. */
    private static final float WHOLE = 0x1p23f;

    private VectorRounding() {}

    /** {@code c[i] = op(a[i])} over whole vectors of the {@code n} elements; returns how many were done. */
    static int unary(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        return switch (op) {
            case FLOOR -> floor(a, ao, c, co, n);
            case CEIL -> ceil(a, ao, c, co, n);
            case TRUNC -> trunc(a, ao, c, co, n, false);
            case FRAC -> trunc(a, ao, c, co, n, true);
            case ROUND -> round(a, ao, c, co, n);
            case SIGN -> sign(a, ao, c, co, n);
            default -> throw new AssertionError(op);
        };
    }

    private static int floor(float[] a, int ao, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, ao + i);
            FloatVector m = v.abs();
            IntVector sign = v.reinterpretAsInts().and(Integer.MIN_VALUE);
            FloatVector r = m.add(WHOLE).sub(WHOLE).reinterpretAsInts().or(sign).reinterpretAsFloats();
            r = r.lanewise(VectorOperators.SUB, 1f, r.compare(VectorOperators.GT, v));
            r = r.reinterpretAsInts().or(sign).reinterpretAsFloats();
            v.add(0f).blend(r, m.compare(VectorOperators.LT, WHOLE)).intoArray(c, co + i);
        }
        return upper;
    }

    private static int ceil(float[] a, int ao, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, ao + i);
            FloatVector m = v.abs();
            IntVector sign = v.reinterpretAsInts().and(Integer.MIN_VALUE);
            FloatVector r = m.add(WHOLE).sub(WHOLE).reinterpretAsInts().or(sign).reinterpretAsFloats();
            r = r.lanewise(VectorOperators.ADD, 1f, r.compare(VectorOperators.LT, v));
            r = r.reinterpretAsInts().or(sign).reinterpretAsFloats();
            v.add(0f).blend(r, m.compare(VectorOperators.LT, WHOLE)).intoArray(c, co + i);
        }
        return upper;
    }

    /** trunc, or with {@code frac} the input minus its truncation. */
    private static int trunc(float[] a, int ao, float[] c, int co, int n, boolean frac) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, ao + i);
            FloatVector m = v.abs();
            FloatVector r = m.add(WHOLE).sub(WHOLE);
            r = r.lanewise(VectorOperators.SUB, 1f, r.compare(VectorOperators.GT, m));
            r = r.reinterpretAsInts().or(v.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats();
            FloatVector t = v.add(0f).blend(r, m.compare(VectorOperators.LT, WHOLE));
            (frac ? v.sub(t) : t).intoArray(c, co + i);
        }
        return upper;
    }

    /** Half to even: adding 2^23 to a magnitude below it leaves no fraction bits, so the addition rounds. */
    private static int round(float[] a, int ao, float[] c, int co, int n) {
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, ao + i);
            FloatVector m = v.abs();
            FloatVector r = m.add(WHOLE).sub(WHOLE).reinterpretAsInts()
                    .or(v.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats();
            v.add(0f).blend(r, m.compare(VectorOperators.LT, WHOLE)).intoArray(c, co + i);
        }
        return upper;
    }

    /** PyTorch's {@code (0 < x) - (x < 0)}, so NaN and -0.0 give +0.0. */
    private static int sign(float[] a, int ao, float[] c, int co, int n) {
        FloatVector zero = FloatVector.zero(F);
        int upper = F.loopBound(n);
        for (int i = 0; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, ao + i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            VectorMask<Float> negative = v.compare(VectorOperators.LT, 0f);
            zero.blend(1f, positive).sub(zero.blend(1f, negative)).intoArray(c, co + i);
        }
        return upper;
    }
}
