package jtorch;

import java.util.Arrays;

/** Shared checks and messages of the view ops. */
final class Views {
    private Views() {}

    /** PyTorch's message when a tensor cannot be expanded (or assigned) to a target shape. */
    static String expandError(int[] tensorSizes, int[] target) {
        int off = target.length - tensorSizes.length;
        for (int i = target.length - 1; i >= 0; i--) {
            int j = i - off;
            int existing = j >= 0 ? tensorSizes[j] : 1;
            if (existing != 1 && existing != target[i]) {
                return "The expanded size of the tensor (" + target[i] + ") must match the existing size ("
                        + existing + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Arrays.toString(target) + ".  Tensor sizes: " + Arrays.toString(tensorSizes);
            }
        }
        return "The expanded size of the tensor must match the existing size. Target sizes: "
                + Arrays.toString(target) + ".  Tensor sizes: " + Arrays.toString(tensorSizes);
    }
}
