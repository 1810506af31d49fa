package jtorch.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Splits cell code into JShell snippets ({@link Piece}s) with their offsets in the cell, so that
 * every snippet's line 0 is the cell line it starts on. Splits of recent cells (and their
 * {@link StatementRuns}) are remembered: a re-run cell is not analysed again.
 */
final class CellSplitter {
    private static final int CELLS_KEPT = 256;
    private static final int LONGEST_KEPT = 4096;
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)//[^\\n]*$");

    private final SourceCodeAnalysis analysis;
    private final Map<String, List<Piece>> known = new Lru<>(CELLS_KEPT);
    private final Map<String, List<StatementRuns.Step>> knownSteps = new Lru<>(CELLS_KEPT);

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The snippets of {@code code} as {@link StatementRuns} steps: runs of plain statements joined. */
    List<StatementRuns.Step> steps(String code) {
        return remembered(knownSteps, code, c -> StatementRuns.of(c, split(c)));
    }

    /** The snippets of {@code code} in order; an incomplete tail is the last piece. */
    List<Piece> split(String code) {
        return remembered(known, code, this::splitUncached);
    }

    private static <T> T remembered(Map<String, T> memo, String code, Function<String, T> compute) {
        T value = memo.get(code);
        if (value == null) {
            value = compute.apply(code);
            if (code.length() <= LONGEST_KEPT) {
                memo.put(code, value);
            }
        }
        return value;
    }

    private List<Piece> splitUncached(String code) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            String region;
            String source;
            if (c.isComplete() && info.source() != null) {
                region = remaining.substring(0, remaining.length() - info.remaining().length());
                source = info.source().stripLeading(); // keeps snippet line 0 = the cell line it starts on
            } else {
                region = remaining;
                source = remaining.strip();
            }
            int lead = leadingOffset(region, source);
            boolean suppressed = stripComments(region).strip().endsWith(";");
            pieces.add(new Piece(source, offset + lead, suppressed));
            offset += region.length();
            remaining = remaining.substring(region.length());
            if (!c.isComplete()) {
                break;
            }
        }
        return List.copyOf(pieces);
    }

    private static int leadingOffset(String region, String source) {
        String head = source.strip();
        head = head.substring(0, Math.min(head.length(), 24));
        int at = head.isEmpty() ? -1 : region.indexOf(head);
        if (at >= 0) {
            return at;
        }
        int i = 0;
        while (i < region.length() && Character.isWhitespace(region.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code text} without its comments (a string literal holding {@code //} is cut too: for a quick look only). */
    static String stripComments(String text) {
        return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll("")).replaceAll("");
    }

    /** The number of line breaks in {@code text} before offset {@code end}. */
    static int countLines(String text, int end) {
        int lines = 0;
        for (int i = 0; i < end && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
