package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The optimizers' vector update loops against the plain per-element rule, bit for bit (tails included). */
class OptimStepTest {
    private static float[] random(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return x;
    }

    @Test
    void adamStep_vectorLoop_sameBitsAsAdamElement() {
        Random r = new Random(11);
        Kernels.AdamCoefficients k = new Kernels.AdamCoefficients(0.9f, 0.999f, 0.1f, 0.001f, 0f, 0.3f, 1e-8f, -1e-3f);
        for (int n : new int[] {1, 16, 37, 1000}) {
            float[] g = random(r, n);
            float[] p = random(r, n + 2);
            float[] m = random(r, n);
            float[] v = random(r, n);
            for (int i = 0; i < n; i++) {
                v[i] = Math.abs(v[i]);
            }
            float[] p2 = p.clone();
            float[] m2 = m.clone();
            float[] v2 = v.clone();
            int done = VectorKernels.adamStep(p, 2, g, m, v, k, n);
            for (int i = done; i < n; i++) {
                Kernels.adamElement(p, 2, g, m, v, k, i);
            }
            for (int i = 0; i < n; i++) {
                Kernels.adamElement(p2, 2, g, m2, v2, k, i);
            }
            assertArrayEquals(p2, p);
            assertArrayEquals(m2, m);
            assertArrayEquals(v2, v);
        }
    }

    @Test
    void sgdSteps_vectorLoops_sameBitsAsThePlainRule() {
        Random r = new Random(12);
        for (int n : new int[] {1, 16, 37, 1000}) {
            float[] g = random(r, n);
            float[] p = random(r, n + 1);
            float[] buf = random(r, n);
            float[] p2 = p.clone();
            float[] buf2 = buf.clone();
            VectorKernels.sgdStep(p, 1, g, -0.01f, n);
            VectorKernels.sgdMomentumStep(p, 1, g, buf, 0.9f, 0.75f, -0.01f, n);
            for (int i = 0; i < n; i++) {
                p2[1 + i] = p2[1 + i] + -0.01f * g[i];
            }
            for (int i = 0; i < n; i++) {
                buf2[i] = buf2[i] * 0.9f + 0.75f * g[i];
                p2[1 + i] = p2[1 + i] + -0.01f * buf2[i];
            }
            assertArrayEquals(p2, p);
            assertArrayEquals(buf2, buf);
        }
    }
}
