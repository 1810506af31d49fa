package jtorch.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Maps JShell's diagnostics of a rejected snippet onto the cell: the cell line, its text and the
 * column span of the offending code. Errors come before warnings.
 */
final class CompileDiagnostics {
    private CompileDiagnostics() {}

    /**
     * @param code      the code the snippet came from (a cell or part of one)
     * @param firstLine the 0-based cell line {@code code} starts on
     */
    static List<Diagnostic> of(JShell shell, Snippet snippet, String code, int firstLine, Piece piece) {
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        int sourceShift = sourceShift(code, piece);
        shell.diagnostics(snippet).forEach(d -> {
            long start = d.getStartPosition() < 0 ? d.getPosition() : d.getStartPosition();
            long end = d.getEndPosition() < 0 ? start + 1 : d.getEndPosition();
            int cellStart = (int) Math.min(code.length(), Math.max(0, piece.start() + start + sourceShift));
            int cellEnd = (int) Math.min(code.length(), Math.max(cellStart + 1, piece.start() + end + sourceShift));
            int line = CellSplitter.countLines(code, cellStart);
            int lineStart = code.lastIndexOf('\n', cellStart - 1) + 1;
            String text = line < lines.length ? lines[line] : "";
            int startCol = cellStart - lineStart;
            int endCol = Math.min(text.length(), Math.max(startCol + 1, cellEnd - lineStart));
            CompilerMessage m = CompilerMessage.of(d.getMessage(Locale.ROOT));
            out.add(new Diagnostic(d.isError(), m.summary(), firstLine + line + 1, text, startCol, endCol, m.details()));
        });
        if (out.isEmpty()) {
            int pieceLine = CellSplitter.countLines(code, piece.start());
            out.add(new Diagnostic(true, "the code could not be compiled", firstLine + 1 + pieceLine,
                    lines[Math.min(lines.length - 1, pieceLine)], 0, 1, List.of()));
        }
        out.sort((a, b) -> Boolean.compare(b.error(), a.error()));
        return out;
    }

    /** JShell may strip leading whitespace or comments from the source it reports positions in. */
    private static int sourceShift(String code, Piece piece) {
        String head = piece.source().substring(0, Math.min(piece.source().length(), 24));
        int at = code.indexOf(head, piece.start());
        return at < 0 ? 0 : at - piece.start();
    }
}
