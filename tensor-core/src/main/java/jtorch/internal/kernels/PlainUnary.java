package jtorch.internal.kernels;

import jtorch.internal.kernels.UnaryOp;

/**
 * {@link Kernels#unary} before the vector kernels serve, or without the Vector API: a loop per
 * operator, each calling its constant's {@link UnaryOp#apply}, which C2 then inlines (and
 * vectorises relu's and sqrt's), where one loop for all called {@code op.apply} per element, a
 * call to one of the ops' classes: 1M relus 3.5 → 0.65 ms, exps 5.3 → 3.1 ms (a probe, {@code
 * -Djtorch.vector=false}). Relu's {@code apply} is {@code Math.max(x, 0f)}: its branch mispredicted
 * on data of either sign (16K relus of normal samples 0.62 → 0.08 ns each without it).
 */
final class PlainUnary {
    private PlainUnary() {}

    /** {@code c = op(a)} over {@code n} contiguous elements. */
    static void dense(UnaryOp op, float[] a, int ao, float[] c, int co, int n) {
        switch (op) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.RELU.apply(a[ao + i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.SQRT.apply(a[ao + i]);
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.ABS.apply(a[ao + i]);
                }
            }
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.NEG.apply(a[ao + i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.EXP.apply(a[ao + i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.SIGMOID.apply(a[ao + i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.LOG.apply(a[ao + i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.TANH.apply(a[ao + i]);
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.RECIPROCAL.apply(a[ao + i]);
                }
            }
            case RSQRT -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.RSQRT.apply(a[ao + i]);
                }
            }
            case CUBE -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.CUBE.apply(a[ao + i]);
                }
            }
            case INVERSE_SQUARE -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.INVERSE_SQUARE.apply(a[ao + i]);
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.FLOOR.apply(a[ao + i]);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.CEIL.apply(a[ao + i]);
                }
            }
            case TRUNC -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.TRUNC.apply(a[ao + i]);
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.ROUND.apply(a[ao + i]);
                }
            }
            case FRAC -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.FRAC.apply(a[ao + i]);
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.SIGN.apply(a[ao + i]);
                }
            }
            case SIN -> FloatTrig.sinFloat(a, ao, c, co, n);
            case COS -> FloatTrig.cosFloat(a, ao, c, co, n);
            case ATAN -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.ATAN.apply(a[ao + i]);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.EXPM1.apply(a[ao + i]);
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = UnaryOp.LOG1P.apply(a[ao + i]);
                }
            }
        }
    }
}
