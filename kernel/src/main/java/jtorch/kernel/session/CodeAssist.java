package jtorch.kernel.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * Code assistance over the session's declarations: completion, documentation for inspection, and
 * Jupyter's is_complete. Questions about a multi-snippet cell are asked of the snippet the cursor
 * is in. Tensor-core's internals ({@value #INTERNAL}*) are never offered or documented.
 */
final class CodeAssist {
    static final String INTERNAL = "jtorch.internal.";

    private final SourceCodeAnalysis analysis;

    CodeAssist(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Completion at {@code cursor}: the replacement range and distinct candidate texts. */
    Completion complete(String code, int cursor) {
        int start = pieceStart(code, cursor);
        String piece = code.substring(start);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions;
        try {
            suggestions = analysis.completionSuggestions(piece, cursor - start, anchor);
        } catch (RuntimeException ex) {
            return new Completion(cursor, cursor, List.of());
        }
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        String qualifier = qualifierBefore(piece, anchor[0]);
        matches.removeIf(s -> s.startsWith("$") || isInternal(qualifier + s));
        return new Completion(start + anchor[0], cursor, List.copyOf(matches));
    }

    /** The dotted name chain ending right before {@code at} ({@code "jtorch."} in {@code "x = jtorch.in"}). */
    private static String qualifierBefore(String code, int at) {
        int from = at;
        while (from > 0 && (Character.isJavaIdentifierPart(code.charAt(from - 1)) || code.charAt(from - 1) == '.')) {
            from--;
        }
        return code.substring(from, at);
    }

    private static boolean isInternal(String qualifiedName) {
        return (qualifiedName + ".").startsWith(INTERNAL);
    }

    /**
     * Documentation for the element at {@code cursor}: each candidate's signature and, when
     * JShell finds it (JDK sources), its raw javadoc.
     */
    List<Documentation> documentation(String code, int cursor) {
        int start = pieceStart(code, cursor);
        String piece = code.substring(start);
        int at = cursor - start;
        List<Documentation> docs = safeDocs(piece, at);
        if (docs.isEmpty()) {
            // outside a call's parentheses JShell finds nothing for a method name: ask as if inside
            int end = at;
            while (end < piece.length() && Character.isJavaIdentifierPart(piece.charAt(end))) {
                end++;
            }
            docs = safeDocs(piece.substring(0, end) + "(", end + 1);
        }
        return docs;
    }

    private List<Documentation> safeDocs(String code, int cursor) {
        try {
            return analysis.documentation(code, cursor, true).stream()
                    .filter(d -> !d.signature().contains(INTERNAL)).toList();
        } catch (RuntimeException ex) {
            return List.of();
        }
    }

    /** The offset of the snippet of {@code code} that {@code cursor} lies in. */
    private int pieceStart(String code, int cursor) {
        int offset = 0;
        String remaining = code;
        while (true) {
            CompletionInfo info;
            try {
                info = analysis.analyzeCompletion(remaining);
            } catch (RuntimeException ex) {
                return offset;
            }
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                return offset;
            }
            int consumed = remaining.length() - info.remaining().length();
            if (offset + consumed > cursor) {
                return offset;
            }
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
    }

    /**
     * Jupyter's is_complete: {@code "complete"}, {@code "invalid"}, or the indent to continue with
     * when more input is needed.
     */
    String isComplete(String code) {
        if (code.isBlank()) {
            return "complete";
        }
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return indentFor(code);
                case UNKNOWN:
                    return "invalid";
                default:
                    break;
            }
            if (analysis.sourceToSnippets(info.source()).stream()
                    .anyMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS)) {
                return "invalid";
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    private static String indentFor(String code) {
        int depth = 0;
        for (char ch : code.toCharArray()) {
            if (ch == '{' || ch == '(' || ch == '[') {
                depth++;
            } else if ((ch == '}' || ch == ')' || ch == ']') && depth > 0) {
                depth--;
            }
        }
        return "    ".repeat(Math.max(depth, 0));
    }
}
