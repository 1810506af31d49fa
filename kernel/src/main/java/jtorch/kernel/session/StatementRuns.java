package jtorch.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins each run of consecutive plain statements of a cell into one block snippet, so that JShell
 * compiles them once instead of once each: a course cell is often a declaration followed by
 * several {@code print(...)} calls, and in a fresh kernel every compile costs tens of milliseconds.
 *
 * <p>A plain statement here is a piece whose value a trailing {@code ;} suppresses and that starts
 * with a call or an assignment ({@code print(x);}, {@code x.add_(1);}, {@code w = w.sub(g);}), or
 * one starting with {@code for}, {@code while}, {@code do}, {@code if}, {@code switch} or
 * {@code try}. Declarations are never joined (they must stay top-level snippets to be declared).
 *
 * <p>Invariant: a joined piece's source keeps its statements on their cell lines (an opening brace
 * before the first, a closing one on a line after the last), so line numbers in tracebacks are the
 * cell's. Whoever runs a joined piece falls back to its parts, one by one, when the block does not
 * compile, so a mistake reads as it would without joining.
 */
final class StatementRuns {
    private static final Pattern KEYWORD_STATEMENT = Pattern.compile("(?:for|while|do|if|switch|try)\\b.*", Pattern.DOTALL);
    private static final Pattern CALL_OR_ASSIGNMENT = Pattern.compile(
            "[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*\\s*(?:\\(|(?:[-+*/%&|^]|<<|>>>?)?=(?!=)|\\+\\+|--).*",
            Pattern.DOTALL);

    /** A piece to run: one of the cell's, or a joined run of them ({@code parts} then not empty). */
    record Step(Piece piece, List<Piece> parts) {
        boolean joined() {
            return !parts.isEmpty();
        }
    }

    private StatementRuns() {}

    /** The cell's pieces in order, each run of two or more plain statements as one joined step. */
    static List<Step> of(String code, List<Piece> pieces) {
        List<Step> steps = new ArrayList<>();
        List<Piece> run = new ArrayList<>();
        for (Piece piece : pieces) {
            if (isPlainStatement(piece)) {
                run.add(piece);
            } else {
                flush(code, run, steps);
                steps.add(new Step(piece, List.of()));
            }
        }
        flush(code, run, steps);
        return List.copyOf(steps);
    }

    static boolean isPlainStatement(Piece piece) {
        String s = CellSplitter.stripComments(piece.source()).strip(); // a piece starts with the comments above it
        return KEYWORD_STATEMENT.matcher(s).matches() || piece.suppressed() && CALL_OR_ASSIGNMENT.matcher(s).matches();
    }

    private static void flush(String code, List<Piece> run, List<Step> steps) {
        if (run.size() == 1) {
            steps.add(new Step(run.get(0), List.of()));
        } else if (run.size() > 1) {
            String joined = join(code, run);
            if (joined == null) {
                run.forEach(p -> steps.add(new Step(p, List.of())));
            } else {
                steps.add(new Step(new Piece(joined, run.get(0).start(), true), List.copyOf(run)));
            }
        }
        run.clear();
    }

    /** The run as one block whose statements sit on their cell lines; null if they cannot. */
    private static String join(String code, List<Piece> run) {
        StringBuilder block = new StringBuilder("{ ");
        int line = -1;
        for (Piece piece : run) {
            int at = CellSplitter.countLines(code, piece.start());
            if (line >= 0) {
                if (at < line) {
                    return null;
                }
                block.append(at == line ? " " : "\n".repeat(at - line));
            }
            block.append(piece.source());
            line = at + CellSplitter.countLines(piece.source(), piece.source().length());
        }
        return block.append("\n}").toString(); // on a line of its own: the last statement may end in a // comment
    }
}
