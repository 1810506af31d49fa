package jtorch.kernel.magics;

/** A magic was misused or does not exist (named after IPython's error for the same). */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
