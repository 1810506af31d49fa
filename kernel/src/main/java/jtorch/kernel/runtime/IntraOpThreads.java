package jtorch.kernel.runtime;

import java.util.Map;
import java.util.function.Consumer;

/**
 * How many threads one tensor op may use in this kernel ({@code torch.setNumThreads}), from the
 * environment the kernel starts in: {@code JTORCH_NUM_THREADS}, else {@code OMP_NUM_THREADS} (what
 * PyTorch reads, so one setting serves both kernels on a shared machine), else tensor-core's
 * default (every core). A value that is not a positive integer is reported and ignored.
 */
public final class IntraOpThreads {
    public static final String VARIABLE = "JTORCH_NUM_THREADS";
    static final String OPENMP_VARIABLE = "OMP_NUM_THREADS";

    private IntraOpThreads() {}

    /**
     * The thread count the environment asks for, or 0 when it asks for none (or only for values
     * that are not positive integers, each reported to {@code warn}).
     */
    public static int requested(Map<String, String> env, Consumer<String> warn) {
        for (String name : new String[] {VARIABLE, OPENMP_VARIABLE}) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below, like a non-positive count
            }
            warn.accept(name + "='" + value + "' is not a positive number of threads; ignored");
        }
        return 0;
    }
}
