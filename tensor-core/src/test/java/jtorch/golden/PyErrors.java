package jtorch.golden;

import java.util.Set;

/**
 * Which Python exception names a Java exception stands for (docs/java-api.md, "Errors"):
 * {@code IndexOutOfBoundsException} is Python's IndexError, {@code NullPointerException} its
 * AttributeError on {@code None}, {@code ArithmeticException} its "RuntimeError: ZeroDivisionError",
 * {@code IllegalArgumentException} a RuntimeError, TypeError, ValueError or AssertionError (an
 * argument check PyTorch writes as a Python assert; Java does not split bad arguments further), {@code IllegalStateException} and {@code UnsupportedOperationException} a
 * RuntimeError. Subclasses count as their standard parent.
 */
public final class PyErrors {
    private PyErrors() {
    }

    /** The Python names the exception class (binary name) may stand for; empty if none. */
    public static Set<String> pythonNames(String javaClassName) {
        Class<?> type;
        try {
            type = Class.forName(javaClassName, false, PyErrors.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Set.of();
        }
        if (IndexOutOfBoundsException.class.isAssignableFrom(type)) {
            return Set.of("IndexError");
        }
        if (NullPointerException.class.isAssignableFrom(type)) {
            return Set.of("AttributeError");
        }
        if (IllegalArgumentException.class.isAssignableFrom(type)) {
            return Set.of("RuntimeError", "TypeError", "ValueError", "AssertionError");
        }
        if (UnsupportedOperationException.class.isAssignableFrom(type)) {
            // Python's NotImplementedError is a RuntimeError ("the derivative for 'nextafter' is not implemented.")
            return Set.of("RuntimeError", "NotImplementedError");
        }
        if (ArithmeticException.class.isAssignableFrom(type)
                || IllegalStateException.class.isAssignableFrom(type)) {
            return Set.of("RuntimeError");
        }
        return Set.of();
    }

    /**
     * Whether Java's message matches Python's. Messages must be equal, except that Python's
     * AttributeError on {@code None} ("'NoneType' object has no attribute 'data'") is Java's
     * NullPointerException, whose helpful message must name the {@code grad()} call that gave null.
     */
    public static boolean messageMatches(String pythonName, String pythonMessage, String javaMessage) {
        if (pythonName.equals("AttributeError") && pythonMessage.startsWith("'NoneType' object")) {
            return javaMessage != null && javaMessage.contains("grad()");
        }
        return pythonMessage.equals(javaMessage);
    }
}
