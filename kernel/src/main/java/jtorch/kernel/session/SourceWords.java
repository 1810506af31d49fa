package jtorch.kernel.session;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The identifier-like words of snippet source: what names a snippet can reach (keywords, members
 * and words inside literals included: more words only make a reuse rarer).
 */
final class SourceWords {
    private SourceWords() {}

    /**
     * Every word of {@code source}; empty when the source cannot be judged by its words: unicode
     * escapes can spell any name, and JShell's {@code $n} temporaries are dropped after each cell.
     */
    static Optional<Set<String>> of(String source) {
        if (source.contains("\\u")) {
            return Optional.empty();
        }
        Set<String> words = new HashSet<>();
        for (int i = 0; i < source.length(); ) {
            int end = wordEnd(source, i);
            if (end == i) {
                i++;
                continue;
            }
            String word = source.substring(i, end);
            if (word.startsWith("$")) {
                return Optional.empty();
            }
            words.add(word);
            i = end;
        }
        return Optional.of(words);
    }

    /** The end of the word starting at {@code i}, or {@code i} when none starts there. */
    private static int wordEnd(String source, int i) {
        if (!Character.isJavaIdentifierStart(source.charAt(i))) {
            return i;
        }
        int end = i + 1;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
            end++;
        }
        return end;
    }
}
