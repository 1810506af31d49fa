package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PlainBinary}, which serves before the vector kernels are compiled and without the Vector API. */
class PlainBinaryTest {
    /** Random float bit patterns (NaNs, infinities, subnormals and all), and some values that matter for each operator. */
    private static float[] operands(Random r, int n) {
        float[] x = new float[n];
        float[] special = {0f, -0f, 1f, -1f, Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN, 1e-38f, 3f};
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length * special.length ? special[i % special.length] : Float.intBitsToFloat(r.nextInt());
        }
        return x;
    }

    @Test
    void dense_everyOperator_sameBitsAsApply() {
        Random r = new Random(11);
        int n = 5000;
        float[] a = operands(r, n);
        float[] b = operands(r, n);
        // every pair of the special values, in both orders
        for (int i = 0; i < 121; i++) {
            b[i] = a[i / 11];
        }
        for (Kernels.BinaryOp op : Kernels.BinaryOp.values()) {
            float[] c = new float[n + 3];
            PlainBinary.dense(op, a, 1, b, 2, c, 3, n - 2);
            for (int i = 0; i < n - 2; i++) {
                assertEquals(Float.floatToIntBits(op.apply(a[1 + i], b[2 + i])), Float.floatToIntBits(c[3 + i]),
                        op + " of " + a[1 + i] + " and " + b[2 + i]);
            }
        }
    }

    @Test
    void apply_everyOperator_theDoubleDefinitionRounded() {
        Random r = new Random(13);
        float[] a = operands(r, 5000);
        float[] b = operands(r, 5000);
        for (Kernels.BinaryOp op : Kernels.BinaryOp.values()) {
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToIntBits((float) op.onDouble.applyAsDouble(a[i], b[i])),
                        Float.floatToIntBits(op.apply(a[i], b[i])), op + " of " + a[i] + " and " + b[i]);
            }
        }
    }
}
