package jtorch;

import java.util.Arrays;

/** Helpers shared by backward formulas. */
final class Grads {
    private Grads() {}

    /**
     * Reduces a gradient of a broadcast result to an input's shape (summing the broadcast
     * dimensions) and casts it to the input's dtype, as autograd's {@code sum_to} + engine cast.
     */
    static Tensor reduceTo(Tensor grad, int[] sizes, DType dtype) {
        Tensor g = grad;
        if (!Arrays.equals(g.sizes, sizes)) {
            int lead = g.sizes.length - sizes.length;
            int[] dims = new int[g.sizes.length];
            int n = 0;
            for (int i = 0; i < g.sizes.length; i++) {
                if (i < lead || (sizes[i - lead] == 1 && g.sizes[i] != 1)) {
                    dims[n++] = i;
                }
            }
            if (n > 0) {
                g = g.sum(Arrays.copyOf(dims, n), true);
            }
            if (lead > 0 || g.dim() != sizes.length) {
                g = g.reshape(sizes);
            }
        }
        return g.dtype == dtype ? g : g.to(dtype);
    }

    /** Whether any operand requires grad while grad mode is on, i.e. the op must be recorded. */
    static boolean needed(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}
