package jtorch.kernel;

/**
 * What the session's helpers ({@link Notebook}) need from the running kernel. The kernel installs
 * one; in-process tests install their own.
 */
public interface NotebookHost {
    /** Publishes {@code value} as a display_data output; returns its display id. */
    String display(Object value);

    /** Replaces the output previously published under {@code displayId}. */
    void updateDisplay(String displayId, Object value);

    /** Clears the cell's output; with {@code wait}, only once new output arrives. */
    void clearOutput(boolean wait);
}
