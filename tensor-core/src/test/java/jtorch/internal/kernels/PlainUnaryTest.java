package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainUnaryTest {
    private static float[] operands() {
        Random r = new Random(5);
        float[] specials = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88.7f, -104f, 1e-20f, 9f, -9f};
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < specials.length ? specials[i] : i % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian() * 5;
        }
        return x;
    }

    @Test
    void dense_everyOperator_sameBitsAsApply() {
        float[] a = operands();
        for (UnaryOp op : UnaryOp.values()) {
            if (op == UnaryOp.SIN || op == UnaryOp.COS) {
                continue; // by SLEEF's groups of 8, not element by element: FloatTrigTest
            }
            float[] c = new float[a.length + 1];
            PlainUnary.dense(op, a, 1, c, 2, a.length - 1);
            for (int i = 1; i < a.length; i++) {
                assertEquals(Float.floatToIntBits(op.apply(a[i])), Float.floatToIntBits(c[i + 1]), op + " of " + a[i]);
            }
        }
    }

    @Test
    void apply_reluAndSqrt_theDoubleDefinitionRounded() {
        for (float x : operands()) {
            for (UnaryOp op : new UnaryOp[] {UnaryOp.RELU, UnaryOp.SQRT}) {
                assertEquals(Float.floatToIntBits((float) op.onDouble.applyAsDouble(x)), Float.floatToIntBits(op.apply(x)),
                        op + " of " + x);
            }
        }
    }
}
