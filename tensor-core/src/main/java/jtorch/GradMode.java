package jtorch;

import jtorch.internal.autograd.GradEnabled;

/**
 * A guard for whether ops record the autograd graph: {@code torch.noGrad()} /
 * {@code torch.enableGrad()} return one, and closing it (try-with-resources) restores the grad
 * mode that was in force when it was created. Grad mode is global for the process (a notebook
 * session has one evaluation thread at a time).
 */
public final class GradMode implements AutoCloseable {
    private final boolean previous;

    private GradMode(boolean enable) {
        this.previous = GradEnabled.set(enable);
    }

    static GradMode set(boolean enable) {
        return new GradMode(enable);
    }

    /** Restores the grad mode that was in force when this guard was created. */
    @Override
    public void close() {
        GradEnabled.set(previous);
    }
}
