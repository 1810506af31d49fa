package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimizers' vector update loops against the per-element rule (PyTorch's fused multiply-adds),
 * bit for bit; the elements after the last whole vector take the rule itself.
 */
class OptimStepTest {
    private static float[] random(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return x;
    }

    @Test
    void adamStep_vectorLoop_sameBitsAsTheRule() {
        Random r = new Random(11);
        Kernels.AdamCoefficients k = new Kernels.AdamCoefficients(0.9f, 0.999f, 0.1f, 0.001f, 0.3f, 1e-8f, -1e-3f);
        for (int n : new int[] {1, 16, 37, 1000}) {
            float[] g = random(r, n);
            float[] p = random(r, n);
            float[] m = random(r, n);
            float[] v = random(r, n);
            for (int i = 0; i < n; i++) {
                v[i] = Math.abs(v[i]);
            }
            float[] p2 = p.clone();
            float[] m2 = m.clone();
            float[] v2 = v.clone();
            int done = VectorKernels.adamStep(p, g, m, v, k, n);
            for (int i = 0; i < n; i++) {
                m2[i] = Math.fma(g[i], k.c1(), m2[i] * k.beta1());
                v2[i] = Math.fma(k.c2() * g[i], g[i], v2[i] * k.beta2());
                p2[i] = p2[i] + k.negStep() * m2[i] / ((float) Math.sqrt(v2[i]) / k.correction2Sqrt() + k.eps());
                if (i >= done) {
                    p[i] = p2[i];
                    m[i] = m2[i];
                    v[i] = v2[i];
                }
            }
            assertArrayEquals(p2, p);
            assertArrayEquals(m2, m);
            assertArrayEquals(v2, v);
        }
    }

    @Test
    void sgdSteps_vectorLoops_sameBitsAsTheRule() {
        Random r = new Random(12);
        for (int n : new int[] {1, 16, 37, 1000}) {
            float[] g = random(r, n);
            float[] p = random(r, n);
            float[] buf = random(r, n);
            float[] p2 = p.clone();
            float[] buf2 = buf.clone();
            int plain = VectorKernels.sgdStep(p, g, -0.01f, n);
            for (int i = 0; i < n; i++) {
                p2[i] = Math.fma(g[i], -0.01f, p2[i]);
                if (i >= plain) {
                    p[i] = p2[i];
                }
            }
            int momentum = VectorKernels.sgdMomentumStep(p, g, buf, 0.9f, 0.75f, -0.01f, n);
            for (int i = 0; i < n; i++) {
                buf2[i] = Math.fma(g[i], 0.75f, buf2[i] * 0.9f);
                p2[i] = Math.fma(buf2[i], -0.01f, p2[i]);
                if (i >= momentum) {
                    buf[i] = buf2[i];
                    p[i] = p2[i];
                }
            }
            assertArrayEquals(p2, p);
            assertArrayEquals(buf2, buf);
        }
    }
}
