package jtorch.kernel.session;

import java.util.List;

/**
 * One compiler diagnostic mapped onto the cell: a one-line {@code message} naming what went wrong,
 * 1-based {@code line}, the 0-based column span {@code [startColumn, endColumn)} within that line's
 * text {@code sourceLine}, and the compiler's further lines that do not fit the message
 * ({@code details}, e.g. the candidates of an overload that does not apply).
 */
public record Diagnostic(boolean error, String message, int line, String sourceLine, int startColumn,
                         int endColumn, List<String> details) {
    public Diagnostic {
        details = List.copyOf(details);
    }
}
