package jtorch.golden;

/**
 * The channel that hands a snippet's final value from the in-process JShell to the test: the
 * session evaluates {@code jtorch.golden.GoldenValue.set(<name>)}, the test takes the object.
 * Works because JShell's local execution loads this class through the same (system) class loader
 * as the test; {@link GoldenShell} checks that once at start-up.
 */
public final class GoldenValue {
    private static Object value;
    private static boolean set;

    private GoldenValue() {
    }

    /** Called from the JShell session. */
    public static synchronized void set(Object v) {
        value = v;
        set = true;
    }

    /** The value last set, cleared for the next case; throws if nothing was set. */
    static synchronized Object take() {
        if (!set) {
            throw new IllegalStateException("the JShell session did not hand over a value");
        }
        Object v = value;
        value = null;
        set = false;
        return v;
    }
}
