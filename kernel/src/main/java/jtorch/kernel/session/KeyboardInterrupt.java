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

    /**
     * The interrupt of a cell whose thread could not be stopped: it is released, but its code runs
     * on in the background ({@code where}: the method it is in).
     */
    static KeyboardInterrupt stillRunning(String where) {
        return new KeyboardInterrupt("the cell was interrupted, but its thread is still running in " + where
                + ", which cannot be interrupted (a library loop, or cell code that catches the interrupt);"
                + " it keeps a CPU core busy until it ends. Variables defined before the cell are kept;"
                + " restart the kernel to stop it now");
    }

    private KeyboardInterrupt(String message) {
        super(message);
    }
}
