package jtorch.kernel.session;

/**
 * Thrown instead of ending the kernel's JVM when a cell calls {@code System.exit},
 * {@code Runtime.exit} or {@code Runtime.halt}, directly (the calls are rewritten in snippet
 * bytecode) or by any other way ({@link ExitGuard}).
 */
public final class SystemExit extends Error {
    private static final long serialVersionUID = 1L;

    private final int status;

    public SystemExit(String call, int status) {
        super(call + "(" + status + ") was blocked: it would end the kernel and lose the session."
                + " Use Kernel > Restart to start afresh");
        this.status = status;
    }

    /** The status code the cell asked to exit with. */
    public int status() {
        return status;
    }
}
