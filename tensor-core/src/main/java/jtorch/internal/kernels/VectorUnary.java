package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link Kernels#unary}'s float32 loops by the Vector API, one per {@link UnaryOp}, in
 * {@link VectorKernels}' species; each op's scalar {@code apply} does the tail, with the same
 * float operations (sin and cos do their own tails, by SLEEF's groups of 8).
 */
final class VectorUnary {
    private VectorUnary() {}

    /** {@code c[i] = op(a[i])} over {@code n} contiguous elements. */
    static void unary(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        int i = 0;
        int upper = F.loopBound(n);
        FloatVector one = FloatVector.broadcast(F, 1f);
        switch (op) {
            case RELU:
                FloatVector zero = FloatVector.zero(F);
                for (; i < upper; i += F.length()) {
                    FloatVector v = FloatVector.fromArray(F, a, ao + i);
                    // NaN stays NaN: max(NaN, 0) would drop it, so blend only where v <= 0
                    v.blend(zero, v.compare(VectorOperators.LE, 0f)).intoArray(c, co + i);
                }
                break;
            case SQRT:
                for (; i < upper; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).lanewise(VectorOperators.SQRT).intoArray(c, co + i);
                }
                break;
            case ABS:
                // the sign bit masked off, a NaN's too; abs() would be the same where C2 compiled it, but
                // after a deoptimization it runs the API's Java fallback, Math.abs, which keeps a NaN's sign
                for (; i < upper; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).reinterpretAsInts().lanewise(VectorOperators.AND, Integer.MAX_VALUE)
                            .reinterpretAsFloats().intoArray(c, co + i);
                }
                break;
            case NEG:
                for (; i < upper; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).neg().intoArray(c, co + i);
                }
                break;
            case EXP:
                i = VectorKernels.expFloat(a, ao, c, co, n);
                break;
            case SIGMOID:
                i = VectorKernels.sigmoidFloat(a, ao, c, co, n);
                break;
            case LOG:
                i = VectorLog.logFloat(a, ao, c, co, n);
                break;
            case TANH:
                i = VectorTanh.forward(a, ao, c, co, n);
                break;
            case RECIPROCAL:
                for (; i < upper; i += F.length()) {
                    one.div(FloatVector.fromArray(F, a, ao + i)).intoArray(c, co + i);
                }
                break;
            case RSQRT:
                for (; i < upper; i += F.length()) {
                    one.div(FloatVector.fromArray(F, a, ao + i).lanewise(VectorOperators.SQRT)).intoArray(c, co + i);
                }
                break;
            case CUBE:
                for (; i < upper; i += F.length()) {
                    FloatVector v = FloatVector.fromArray(F, a, ao + i);
                    v.mul(v).mul(v).intoArray(c, co + i);
                }
                break;
            case INVERSE_SQUARE:
                for (; i < upper; i += F.length()) {
                    FloatVector v = FloatVector.fromArray(F, a, ao + i);
                    one.div(v.mul(v)).intoArray(c, co + i);
                }
                break;
            case SIN:
                i = VectorTrig.sinFloat(a, ao, c, co, n);
                break;
            case COS:
                i = VectorTrig.cosFloat(a, ao, c, co, n);
                break;
            case ATAN:
                i = VectorAtan.atanFloat(a, ao, c, co, n);
                break;
            case EXPM1:
                i = VectorExpm1.expm1Float(a, ao, c, co, n);
                break;
            case LOG1P:
                i = VectorLog1p.log1pFloat(a, ao, c, co, n);
                break;
            case FLOOR, CEIL, TRUNC, FRAC, ROUND, SIGN:
                i = VectorRounding.unary(op, a, ao, c, co, n);
                break;
            default:
                throw new AssertionError(op);
        }
        for (; i < n; i++) {
            c[co + i] = op.apply(a[ao + i]);
        }
    }
}
