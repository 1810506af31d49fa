package jtorch.internal.kernels;

/**
 * One round of {@link Kernels}' vector warm-up: every vector kernel once over 4096 floats (about
 * 10 microseconds once compiled), on the branches the product's calls take, so that C2 compiles
 * them before they serve ({@link Kernels#vectorHot()}).
 */
final class VectorWarmUpRound {
    private static final MaxPool2dKernel.Windows WARM_UP_POOL = Kernels.VECTOR
            ? MaxPool2dKernel.Windows.of(new Window2d(4, 4, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2), VectorKernels.F.length()) : null;
    private static final Kernels.AdamCoefficients WARM_UP_ADAM = new Kernels.AdamCoefficients(0.9f, 0.999f, 0.1f,
            0.001f, 1f, 1e-8f, 0f);

    private VectorWarmUpRound() {}

    /** One round over 4096 floats in {@code a} (0.5) and {@code b} (0.25); {@code c} and {@code d} are scratch. */
    static void run(float[] a, float[] b, float[] c, float[] d) {
        for (Kernels.BinaryOp op : Kernels.BinaryOp.values()) {
            // tensor op tensor, a broadcast first operand, and tensor op number: a branch the
            // warm-up never takes would deoptimize the compiled kernel in the first cell taking it
            VectorKernels.binary(op, a, 0, 1, b, 0, 1, c, 0, 4096);
            VectorKernels.binary(op, a, 0, 0, b, 0, 1, c, 0, 4096);
            VectorKernels.binary(op, a, 0, 1, b, 0, 0, c, 0, 4096);
        }
        // interpreted or C1-compiled a round takes long: it pauses between its parts while a cell runs
        WarmUpTurn.await();
        for (UnaryOp op : UnaryOp.values()) {
            VectorUnary.unary(op, a, 0, c, 0, 4096);
        }
        WarmUpTurn.await();
        if (VectorKernels.CASCADE) {
            // every flush level and the tail loop; 32 calls, so the round stays slow until C2 has compiled it
            for (int k = 0; k < 32; k++) {
                VectorKernels.cascadeRows(a, 0, 32, 127, 1, c);
            }
        }
        // the extremes of max and argmax: both kinds, a scan finding nothing, and the NaN search
        VectorKernels.extreme(a, 0, 4096, true);
        VectorKernels.extreme(a, 0, 4096, false);
        VectorKernels.indexOf(a, 0, 4096, 1f);
        VectorKernels.indexOf(a, 0, 4096, Float.NaN);
        WarmUpTurn.await();
        // a transpose with partial vectors of rows and columns, and a gather with strided rows
        VectorKernels.transposeRows(a, 0, 61, c, 0, 50, 0, 60);
        VectorKernels.gatherRows(a, 0, 2, 128, c, 0, 32, 0, 16);
        // the incoming gradient dense, and one value broadcast (a sum's gradient)
        for (int gs = 0; gs <= 1; gs++) {
            VectorKernels.reluGrad(a, 0, gs, b, 0, c, 0, 4096);
            VectorTanh.gradient(a, 0, gs, b, 0, c, 0, 4096);
        }
        VectorActivations.geluFloat(a, 0, c, 0, 4096);
        VectorActivations.siluFloat(a, 0, c, 0, 4096);
        VectorActivations.eluFloat(a, 0, 1f, c, 0, 4096);
        VectorActivations.eluGradFloat(b, 0, a, 0, 1f, c, 0, 4096);
        VectorActivations.hardtanhGrad(b, 0, a, 0, -1f, 1f, c, 0, 4096);
        VectorActivations.siluGradFloat(b, 0, a, 0, c, 0, 4096);
        VectorActivations.leakyRelu(a, 0, 0.01f, c, 0, 4096);
        VectorActivations.leakyReluGrad(b, 0, a, 0, 0.01f, c, 0, 4096);
        VectorActivations.geluGradFloat(b, 0, a, 0, c, 0, 4096);
        VectorActivations.geluTanhFloat(null, 0, a, 0, c, 0, 4096);
        VectorActivations.geluTanhFloat(b, 0, a, 0, c, 0, 4096);
        VectorKernels.clamp(a, 0, -0.25f, 0.25f, c, 0, 4096);
        // layer norm's backward rows, with and without a weight
        VectorLayerNorm.inputGradRow(a, b, 0, 4096, 0.5f, 0.25f, 0.125f, null, c);
        VectorLayerNorm.inputGradRow(a, b, 0, 4096, 0.5f, 0.25f, 0.125f, b, c);
        VectorLayerNorm.paramRow(a, b, 0, 0, 4096, 0.5f, 0.25f, c, d);
        // Box-Muller of uniforms in (0, 1), both polynomial octants and the log's two mantissa ranges
        for (int k = 0; k < 16 * VectorKernels.BOX_MULLER_BLOCKS; k++) {
            d[k] = (k * 0.3713f) % 1f;
        }
        VectorKernels.boxMuller(d, 0, 1, 0.5f, 2f);
        // 2 x 2 max pooling of 4 x 4 planes, ties and all (a holds one value)
        VectorKernels.maxPoolWindows(a, 0, WARM_UP_POOL, c, 0, new long[WARM_UP_POOL.outputs()], d);
        // the optimizer steps, on a parameter d that stays finite
        VectorKernels.sgdStep(d, b, 0f, 4096);
        VectorKernels.sgdMomentumStep(d, b, c, 0.5f, 0.5f, 0f, 4096);
        VectorKernels.adamStep(d, b, c, a, WARM_UP_ADAM, 4096);
    }
}
