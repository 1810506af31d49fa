package jtorch.internal.kernels;

/** {@link VectorWarmUpTest}'s child JVM: the vector warm-up to its end, in a JVM started without JIT options. */
final class VectorWarmUpProbe {
    private VectorWarmUpProbe() {}

    public static void main(String[] args) throws InterruptedException {
        if (!Kernels.awaitVector(120_000)) {
            System.err.println("the vector kernels were not in use within 120 s");
            System.exit(2);
        }
    }
}
