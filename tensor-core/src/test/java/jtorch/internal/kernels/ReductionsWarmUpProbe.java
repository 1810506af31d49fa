package jtorch.internal.kernels;

/** {@link ReductionsWarmUpTest}'s child JVM: waits for the vector warm-up and does nothing else. */
final class ReductionsWarmUpProbe {
    private ReductionsWarmUpProbe() {}

    public static void main(String[] args) throws InterruptedException {
        if (!Kernels.awaitVector(120_000)) {
            System.err.println("the vector kernels were not in use within 120 s");
            System.exit(2);
        }
    }
}
