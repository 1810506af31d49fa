package jtorch;

/**
 * Whether ops record the autograd graph: {@code torch.no_grad()} / {@code torch.enable_grad()}.
 * Global for the process (a notebook session has one evaluation thread at a time), restored by
 * the guard that changed it.
 */
public final class GradMode implements AutoCloseable {
    private static boolean enabled = true;

    private final boolean previous;

    private GradMode(boolean enable) {
        this.previous = enabled;
        enabled = enable;
    }

    static GradMode set(boolean enable) {
        return new GradMode(enable);
    }

    static boolean isEnabled() {
        return enabled;
    }

    static void reset(boolean enable) {
        enabled = enable;
    }

    /** Restores the grad mode that was in force when this guard was created. */
    @Override
    public void close() {
        enabled = previous;
    }
}
