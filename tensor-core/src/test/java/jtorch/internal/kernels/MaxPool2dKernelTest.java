package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link MaxPool2dKernel#forward}: PyTorch's {@code (v > max) || isnan(v)} choice of value and index in each window. */
class MaxPool2dKernelTest {
    /** One 2 x 4 plane pooled by 2 x 2 windows, stride 2: two outputs. */
    private static final Window2d PAIRS = new Window2d(2, 4, 2, 2, 2, 2, 0, 0, 1, 1, 1, 2);

    @Test
    void forward_tiesAndSignedZeros_keepTheFirstMaximum() {
        float[] x = {-0f, 0f, 3, 1, 0f, -0f, 1, 3};
        float[] out = new float[2];
        long[] indices = new long[2];
        MaxPool2dKernel.forward(x, 0, 1, PAIRS, out, indices);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(out[0]));
        assertArrayEquals(new long[] {0, 2}, indices);
        assertEquals(3f, out[1]);
        double[] xd = {-0d, 0d, 3, 1, 0d, -0d, 1, 3};
        double[] outD = new double[2];
        MaxPool2dKernel.forward(xd, 0, 1, PAIRS, outD, indices);
        assertEquals(Double.doubleToRawLongBits(-0d), Double.doubleToRawLongBits(outD[0]));
        assertArrayEquals(new long[] {0, 2}, indices);
    }

    @Test
    void forward_nansAndAllNegativeInfinity_lastNanWinsFirstInfinityIndexed() {
        float inf = Float.NEGATIVE_INFINITY;
        float[] x = {inf, inf, 5, Float.NaN, inf, inf, Float.NaN, 7};
        float[] out = new float[2];
        long[] indices = new long[2];
        MaxPool2dKernel.forward(x, 0, 1, PAIRS, out, indices);
        assertEquals(inf, out[0]);
        assertEquals(Float.NaN, out[1]);
        assertArrayEquals(new long[] {0, 6}, indices);
        double[] xd = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 5, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 7};
        double[] outD = new double[2];
        MaxPool2dKernel.forward(xd, 0, 1, PAIRS, outD, indices);
        assertEquals(Double.NEGATIVE_INFINITY, outD[0]);
        assertEquals(Double.NaN, outD[1]);
        assertArrayEquals(new long[] {0, 6}, indices);
    }
}
