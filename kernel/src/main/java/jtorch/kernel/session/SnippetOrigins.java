package jtorch.kernel.session;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The frame → cell source map: for each snippet run, the cell and line it came from, so that a
 * stack frame of a generated snippet class ({@code REPL.$JShell$12$...}) reads as
 * {@code Cell In[n], line k}.
 *
 * <p>Invariant: declarations are never forgotten (their code can run from any later cell); at most
 * {@value #KEPT} entries are kept otherwise, the oldest non-declarations dropped first.
 */
final class SnippetOrigins {
    private static final Pattern SNIPPET_CLASS = Pattern.compile("^REPL\\.\\$JShell\\$(\\d+)[A-Z]*(\\$.*)?$");
    private static final int KEPT = 4096;

    private final SourceCodeAnalysis analysis;
    private final Map<String, Origin> origins = new LinkedHashMap<>();

    SnippetOrigins(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Records that {@code snippet} ran from line {@code line} (0-based) of cell {@code cell}. */
    Origin remember(int cell, int line, Snippet snippet) {
        return put(new Origin(cell, line, snippet, null));
    }

    /** Records that the already compiled {@code compiled} ran again, now from {@code cell}/{@code line}. */
    void rerun(int cell, int line, Origin compiled) {
        put(new Origin(cell, line, compiled.snippet, compiled.wrapper));
    }

    /** Captures the wrapper of {@code snippet} now (JShell wraps a dropped snippet differently). */
    void pinWrapper(Snippet snippet) {
        Origin origin = origins.get(snippet.id());
        if (origin != null) {
            origin.ensureWrapper(analysis);
        }
    }

    private Origin put(Origin origin) {
        origins.put(origin.snippet.id(), origin);
        if (origins.size() > KEPT) {
            Iterator<Map.Entry<String, Origin>> it = origins.entrySet().iterator();
            while (origins.size() > KEPT && it.hasNext()) {
                if (!(it.next().getValue().snippet instanceof DeclarationSnippet)) {
                    it.remove();
                }
            }
        }
        return origin;
    }

    /** Maps a stack frame of snippet code to its cell and line, if it is one. */
    Optional<CellLocation> locate(StackTraceElement frame) {
        Matcher m = SNIPPET_CLASS.matcher(frame.getClassName());
        if (!m.matches() || frame.getLineNumber() < 0) {
            return Optional.empty();
        }
        Origin origin = origins.get(m.group(1));
        if (origin == null) {
            return Optional.empty();
        }
        int lineInSnippet = origin.snippetLine(analysis, frame.getLineNumber());
        return Optional.of(new CellLocation(origin.cell, origin.line + Math.max(0, lineInSnippet) + 1));
    }

    /** The cell line of offset {@code position} in the source of {@code snippet}, if its origin is known. */
    Optional<CellLocation> locate(Snippet snippet, int position) {
        Origin origin = origins.get(snippet.id());
        if (origin == null || position < 0) {
            return Optional.empty();
        }
        return Optional.of(new CellLocation(origin.cell,
                origin.line + CellSplitter.countLines(snippet.source(), position) + 1));
    }

    /** Whether a frame belongs to snippet code (shown as a cell line rather than a Java frame). */
    static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith("REPL.");
    }

    /** Where one snippet ran from, and (once asked for) how JShell wrapped it into a class. */
    static final class Origin {
        final int cell;
        final int line;
        final Snippet snippet;
        private SourceCodeAnalysis.SnippetWrapper wrapper;

        private Origin(int cell, int line, Snippet snippet, SourceCodeAnalysis.SnippetWrapper wrapper) {
            this.cell = cell;
            this.line = line;
            this.snippet = snippet;
            this.wrapper = wrapper;
        }

        void ensureWrapper(SourceCodeAnalysis analysis) {
            if (wrapper == null) {
                try {
                    wrapper = analysis.wrapper(snippet);
                } catch (RuntimeException ex) {
                    // left unmapped: frames then point at the snippet's first line
                }
            }
        }

        /**
         * The 0-based line of the snippet's source that line {@code wrapperLine} (1-based) of the
         * generated wrapper class comes from; -1 if that line holds no snippet text.
         */
        int snippetLine(SourceCodeAnalysis analysis, int wrapperLine) {
            ensureWrapper(analysis);
            if (wrapper == null) {
                return -1;
            }
            String wrapped = wrapper.wrapped();
            int start = 0;
            for (int line = 1; line < wrapperLine && start >= 0; line++) {
                start = wrapped.indexOf('\n', start);
                start = start < 0 ? -1 : start + 1;
            }
            if (start < 0) {
                return -1;
            }
            int end = wrapped.indexOf('\n', start);
            end = end < 0 ? wrapped.length() : end;
            for (int p = start; p < end; p++) {
                if (Character.isWhitespace(wrapped.charAt(p))) {
                    continue;
                }
                int sp = wrapper.wrappedToSourcePosition(p);
                if (sp >= 0 && sp < wrapper.source().length() && wrapper.sourceToWrappedPosition(sp) == p) {
                    return CellSplitter.countLines(wrapper.source(), sp);
                }
            }
            return -1;
        }
    }
}
