package jtorch.internal.autograd;

/**
 * Whether ops record the autograd graph (PyTorch's grad mode), global for the process: a
 * notebook session evaluates one cell at a time. {@link #set} returns the previous state so the
 * caller restores it ({@code jtorch.GradMode} is the public guard doing that).
 */
public final class GradEnabled {
    private static boolean enabled = true;

    private GradEnabled() {}

    public static boolean isEnabled() {
        return enabled;
    }

    /** Sets grad mode and returns what it was. */
    public static boolean set(boolean enable) {
        boolean previous = enabled;
        enabled = enable;
        return previous;
    }

    /** Runs {@code body} with grad mode off, restoring the previous mode afterwards. */
    public static <T> T without(java.util.function.Supplier<T> body) {
        boolean previous = set(false);
        try {
            return body.get();
        } finally {
            enabled = previous;
        }
    }
}
