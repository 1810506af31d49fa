package jtorch.kernel.session;

/**
 * A cell called a method or used a class whose body refers to something not yet declared (JShell
 * accepts such declarations and fails only when they are used).
 */
public final class UnresolvedReference extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnresolvedReference(String message) {
        super(message);
    }
}
