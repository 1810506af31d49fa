package jtorch.kernel.session;

/**
 * Thrown into a running cell when the user interrupts the kernel (named after Python's exception,
 * which Jupyter users know). An {@link Error}, not an exception, so that a cell's own
 * {@code catch (Exception e)} does not swallow the interrupt.
 */
public final class KeyboardInterrupt extends Error {
    private static final long serialVersionUID = 1L;

    public KeyboardInterrupt() {
        super("the cell was interrupted; every variable defined before it is kept");
    }
}
