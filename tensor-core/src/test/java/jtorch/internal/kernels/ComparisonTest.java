package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Comparison#dense} gives, for every kind, what the kind's double test gives element by
 * element, against an array and against a number, NaN, signed zeros and infinities included, on
 * one thread and split over two.
 */
class ComparisonTest {
    private static final float[] VALUES = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 0.5f, 1f, 2f};

    @Test
    void dense_everyKind_sameAsItsTest() {
        int saved = Parallel.numThreads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setNumThreads(threads);
                int n = Parallel.GRAIN + VALUES.length * VALUES.length;
                float[] x = new float[n];
                float[] y = new float[n];
                for (int i = 0; i < n; i++) {
                    x[i] = VALUES[i % VALUES.length];
                    y[i] = VALUES[i / VALUES.length % VALUES.length];
                }
                for (Comparison kind : Comparison.values()) {
                    byte[] tensor = new byte[n];
                    kind.dense(x, y, 0f, tensor, n);
                    for (float s : VALUES) {
                        byte[] scalar = new byte[n];
                        kind.dense(x, null, s, scalar, n);
                        for (int i = 0; i < n; i++) {
                            assertEquals(kind.test(x[i], s) ? 1 : 0, scalar[i], kind + ": " + x[i] + " against " + s);
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(kind.test(x[i], y[i]) ? 1 : 0, tensor[i], kind + ": " + x[i] + " against " + y[i]);
                    }
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }
}
