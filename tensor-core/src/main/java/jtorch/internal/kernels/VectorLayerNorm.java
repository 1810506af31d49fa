package jtorch.internal.kernels;

import static jtorch.internal.kernels.VectorKernels.F;

import jdk.incubator.vector.FloatVector;

/**
 * Vector API loops of {@link LayerNormBackward}'s float32 rows, in {@link VectorKernels}' species.
 * Each does a row's whole vectors and returns where it stopped; the scalar code there does the
 * rest with the same float operations.
 */
final class VectorLayerNorm {
    private VectorLayerNorm() {}

    /** {@code dx = fma(b, x, a dy gamma) + c} over a row's whole vectors; returns how many were done. */
    static int inputGradRow(float[] dy, float[] x, int base, int n, float a, float b, float c, float[] gamma,
                            float[] dx) {
        int whole = F.loopBound(n);
        FloatVector av = FloatVector.broadcast(F, a);
        FloatVector bv = FloatVector.broadcast(F, b);
        FloatVector cv = FloatVector.broadcast(F, c);
        if (gamma == null) {
            for (int j = 0; j < whole; j += F.length()) {
                FloatVector ag = av.mul(FloatVector.fromArray(F, dy, base + j));
                bv.fma(FloatVector.fromArray(F, x, base + j), ag).add(cv).intoArray(dx, base + j);
            }
        } else {
            for (int j = 0; j < whole; j += F.length()) {
                FloatVector ag = av.mul(FloatVector.fromArray(F, dy, base + j)).mul(FloatVector.fromArray(F, gamma, j));
                bv.fma(FloatVector.fromArray(F, x, base + j), ag).add(cv).intoArray(dx, base + j);
            }
        }
        return whole;
    }

    /**
     * One row's terms of the weight's and bias's gradients over the columns {@code [from, to)}'s
     * whole vectors: {@code dgamma[j] = fma(dy, fma(a, x, shift), dgamma[j])}, {@code dbeta[j] += dy}
     * (either may be null); returns where it stopped.
     */
    static int paramRow(float[] dy, float[] x, int base, int from, int to, float a, float shift, float[] dgamma,
                        float[] dbeta) {
        int upper = from + F.loopBound(to - from);
        FloatVector av = FloatVector.broadcast(F, a);
        FloatVector sv = FloatVector.broadcast(F, shift);
        for (int j = from; j < upper; j += F.length()) {
            FloatVector d = FloatVector.fromArray(F, dy, base + j);
            if (dgamma != null) {
                FloatVector xhat = av.fma(FloatVector.fromArray(F, x, base + j), sv);
                d.fma(xhat, FloatVector.fromArray(F, dgamma, j)).intoArray(dgamma, j);
            }
            if (dbeta != null) {
                FloatVector.fromArray(F, dbeta, j).add(d).intoArray(dbeta, j);
            }
        }
        return upper;
    }
}
