package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link FloatGelu}'s vector loops against its scalar steps, bit for bit, over every 4099th float
 * bit pattern below 16 in magnitude (both signs) and the specials, interpreted, while the JIT
 * compiles them, and compiled. Its values against PyTorch's are checked in ActivationsTest.
 */
class FloatGeluTest {
    @Test
    void vectorGeluAndGradient_compiledOrNot_sameBitsAsScalarSteps() {
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -1e-39f, 13.2f, -13.2f, 9.3f, -9.3f, 3e38f, -3e38f};
        int top = Float.floatToRawIntBits(16f);
        float[] x = new float[special.length + 2 * (top / 4099 + 1)];
        int n = 0;
        for (float v : special) {
            x[n++] = v;
        }
        for (int bits = 0; bits < top; bits += 4099) {
            x[n++] = Float.intBitsToFloat(bits);
            x[n++] = -Float.intBitsToFloat(bits);
        }
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (i % 7 - 3) * 0.37f;
        }
        int block = 4096;
        for (int round = 0; round < 200; round++) {
            int from = round * block % (n - block);
            float[] y = new float[block];
            float[] dx = new float[block];
            int done = VectorActivations.geluFloat(x, from, y, 0, block);
            assertEquals(done, VectorActivations.geluGradFloat(g, from, x, from, dx, 0, block));
            for (int i = 0; i < done; i++) {
                float v = x[from + i];
                assertEquals(Float.floatToIntBits(FloatGelu.gelu(v)), Float.floatToIntBits(y[i]), "gelu(" + v + ")");
                assertEquals(Float.floatToIntBits(FloatGelu.derivative(v) * g[from + i]), Float.floatToIntBits(dx[i]),
                        "gelu'(" + v + ")");
            }
        }
    }
}
