package jtorch.internal.kernels;

/**
 * The last part of {@link Kernels}' warm-up, once the vector kernels are hot: the reductions'
 * scalar loops around them, called until C2 has compiled them.
 */
final class ReductionsWarmUp {
    /**
     * Calls of each loop in {@link #run}: C2 compiles a method called 5000 times, or several times
     * that while its queue holds the vector kernels' compiles (6000 calls left some loops to C1).
     */
    private static final int CALLS = 20_000;

    private ReductionsWarmUp() {}

    /**
     * Calls of the reductions' scalar loops around the vector kernels enough for C2 to compile
     * them. A user's reduction calls each such loop once per call over a thousand rows or more:
     * interpreted, or compiled by C1 for profiling, it takes longer than the vector work (mean(1)
     * of 1024 x 1024: 200 instead of 85 microseconds) for the first few dozen calls, as C2 compiles
     * a method only after thousands of calls. Short inputs, so that the vector kernels' compiled
     * forms keep the profiles of {@link Kernels}' vector warm-up rounds (a cascade compiled with
     * long rows in its profile summed columns 1.6 times as slowly).
     */
    static void run(float[] a, float[] c) {
        double[] sums = new double[64];
        for (int k = 0; k < CALLS; k++) {
            if (k % 256 == 0) {
                WarmUpTurn.await();
            }
            // each loop both entered and skipped (a branch the warm-up never takes would make the
            // compiled loop deoptimize in the first call taking it)
            try {
                CascadeSum.vectorRows(a, 0, 2, 41, sums, 0);
                CascadeSum.vectorRows(a, 0, 4, 1024, sums, 0);
                CascadeSum.vectorColumnGroups(a, 0, 2, 64, 0, 2, sums);
                Sums.narrow(sums, c, 0, sums.length);
                Kernels.firstExtreme(a, 0, 40, true);
                Kernels.firstExtreme(a, 0, 7, false);
                Variance.squaredDeviations(a, 0, 40, 0.25);
                Variance.squaredDeviations(sums, 0, 40, 0.25);
                Scans.cumsum(a, 0, c, 0, 5, 40, 1, false);
                Scans.cumsum(a, 0, c, 0, 2, 20, 5, true);
            } catch (java.util.concurrent.CancellationException interruptedCell) {
                // a host interrupt of the user's cell also reaches these loops: keep warming up
            }
        }
    }
}
