package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jtorch.DType;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;
import jtorch.internal.storage.Storages;
import org.junit.jupiter.api.Test;

/**
 * The float32 binary path with a single-value operand (a Java number, any dtype) against the
 * same op with a full tensor of that value: bit for bit, on both sides, across vector tails and
 * thread splits.
 */
class ElementwiseTest {
    private record Operand(Storage storage, Layout layout) implements Strided {}

    private static Operand floats(float[] data, int... sizes) {
        return new Operand(new Storages.FloatStorage(data, 0, data.length), Layout.contiguous(sizes));
    }

    private static Operand scalar(long value) {
        return new Operand(new Storages.LongStorage(new long[] {value}, 0, 1), Layout.SCALAR);
    }

    private static Operand scalar(double value) {
        return new Operand(new Storages.DoubleStorage(new double[] {value}, 0, 1), Layout.SCALAR);
    }

    @Test
    void binaryInto_scalarOperand_sameBitsAsAFullTensorOfIt() {
        Random r = new Random(7);
        int threads = Parallel.numThreads();
        try {
            for (int t : new int[] {1, 2}) {
                Parallel.setNumThreads(t);
                for (int n : new int[] {1, 15, 16, 17, 100, 1 << 17}) {
                    float[] x = new float[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = r.nextFloat() * 4 - 2;
                    }
                    for (Kernels.BinaryOp op : Kernels.BinaryOp.values()) {
                        check(op, x, scalar(3), 3f);
                        check(op, x, scalar(0.1), 0.1f);
                    }
                }
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @Test
    void vectorBinary_broadcastOperand_matchesPlainLoop() {
        Random r = new Random(8);
        for (int n : new int[] {0, 1, 15, 16, 17, 1000}) {
            float[] a = new float[n + 4];
            float[] b = new float[n + 6];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextFloat() - 0.5f;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextFloat() + 0.5f;
            }
            for (Kernels.BinaryOp op : Kernels.BinaryOp.values()) {
                for (int[] strides : new int[][] {{1, 1}, {0, 1}, {1, 0}, {0, 0}}) {
                    float[] expected = new float[n];
                    for (int i = 0; i < n; i++) {
                        expected[i] = op.apply(a[3 + i * strides[0]], b[5 + i * strides[1]]);
                    }
                    float[] out = new float[n];
                    VectorKernels.binary(op, a, 3, strides[0], b, 5, strides[1], out, 0, n);
                    assertArrayEquals(expected, out, op + " strides " + strides[0] + "," + strides[1] + " n=" + n);
                }
            }
        }
    }

    @Test
    void scalarFunctions_denseFloat32OverSeveralChunks_equalOneLoopOnEveryThreadCount() {
        // three whole cancellation chunks and a partial one: split over 2 threads, every element
        // still gets the function of its own operands
        int n = 3 * Cancellation.CHUNK + 123;
        Random r = new Random(9);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] unary = new float[n];
        float[] binary = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 3 + 0.5f;
            y[i] = r.nextFloat() * 2 - 1;
            unary[i] = (float) Math.log(x[i]);
            binary[i] = (float) Math.pow(x[i], y[i]);
        }
        int threads = Parallel.numThreads();
        try {
            for (int t : new int[] {1, 2}) {
                Parallel.setNumThreads(t);
                float[] out = new float[n];
                Elementwise.unaryInto(floats(out, n), floats(x, n), DType.FLOAT32, Math::log, null);
                assertArrayEquals(unary, out, "log on " + t + " threads");
                Elementwise.binaryInto(floats(out, n), floats(x, n), floats(y, n), DType.FLOAT32, Math::pow, null);
                assertArrayEquals(binary, out, "pow on " + t + " threads");
                // in place, as x.pow_(y): each element reads its own operand before writing it
                float[] z = x.clone();
                Elementwise.binaryInto(floats(z, n), floats(z, n), floats(y, n), DType.FLOAT32, Math::pow, null);
                assertArrayEquals(binary, z, "pow_ on " + t + " threads");
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @Test
    void reluGradInto_float32AndFloat64_zeroWhereResultIsNotPositive() {
        float[] grad = {1f, 2f, 3f, 4f, Float.NaN, 6f, 7f};
        float[] result = {0.5f, 0f, -0f, -1f, 0f, Float.NaN, Float.POSITIVE_INFINITY};
        float[] expected = {1f, 0f, 0f, 0f, 0f, 6f, 7f};
        for (int t : new int[] {1, 2}) {
            float[] g = new float[1 << 17];
            float[] r = new float[g.length];
            float[] want = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = grad[i % grad.length] + i;
                r[i] = result[i % result.length];
                want[i] = expected[i % expected.length] == 0f ? 0f : g[i];
            }
            int threads = Parallel.numThreads();
            try {
                Parallel.setNumThreads(t);
                float[] out = new float[g.length];
                Elementwise.reluGradInto(floats(out, g.length), floats(g, g.length), floats(r, g.length), DType.FLOAT32);
                assertArrayEquals(want, out);
            } finally {
                Parallel.setNumThreads(threads);
            }
            float[] out = new float[g.length];
            VectorKernels.reluGrad(g, 0, 1, r, 0, out, 0, g.length);
            assertArrayEquals(want, out);
            // one gradient value broadcast (stride 0), as a sum's gradient
            VectorKernels.reluGrad(g, 5, 0, r, 0, out, 0, g.length);
            for (int i = 0; i < g.length; i++) {
                assertEquals(want[i] == 0f ? 0f : g[5], out[i], "element " + i);
            }
        }
        double[] out = new double[grad.length];
        double[] g = new double[grad.length];
        double[] r = new double[grad.length];
        double[] want = new double[grad.length];
        for (int i = 0; i < grad.length; i++) {
            g[i] = grad[i];
            r[i] = result[i];
            want[i] = expected[i];
        }
        Elementwise.reluGradInto(doubles(out), doubles(g), doubles(r), DType.FLOAT64);
        assertArrayEquals(want, out);
    }

    private static Operand doubles(double[] data) {
        return new Operand(new Storages.DoubleStorage(data, 0, data.length), Layout.contiguous(new int[] {data.length}));
    }

    private static void check(Kernels.BinaryOp op, float[] x, Operand s, float value) {
        int n = x.length;
        float[] full = new float[n];
        java.util.Arrays.fill(full, value);
        float[] expected = new float[n];
        float[] reversed = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = op.apply(x[i], value);
            reversed[i] = op.apply(value, x[i]);
        }
        float[] out = new float[n];
        Elementwise.binaryInto(floats(out, n), floats(x, n), s, DType.FLOAT32, op);
        assertArrayEquals(expected, out, op + " tensor-scalar n=" + n);
        Elementwise.binaryInto(floats(out, n), s, floats(x, n), DType.FLOAT32, op);
        assertArrayEquals(reversed, out, op + " scalar-tensor n=" + n);
        Elementwise.binaryInto(floats(out, n), floats(x, n), floats(full, n), DType.FLOAT32, op);
        assertArrayEquals(expected, out, op + " tensor-tensor n=" + n);
    }
}
