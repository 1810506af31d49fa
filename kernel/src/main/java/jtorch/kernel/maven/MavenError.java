package jtorch.kernel.maven;

/** {@code %maven} could not resolve what it was asked for; the message says what to check. */
public final class MavenError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MavenError(String message) {
        super(message);
    }

    public MavenError(String message, Throwable cause) {
        super(message, cause);
    }
}
