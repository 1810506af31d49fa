package jtorch.kernel.session;

/**
 * One compiler diagnostic mapped onto the cell: 1-based {@code line}, and the 0-based column span
 * {@code [startColumn, endColumn)} within that line's text {@code sourceLine}.
 */
public record Diagnostic(boolean error, String message, int line, String sourceLine, int startColumn,
                         int endColumn) {}
