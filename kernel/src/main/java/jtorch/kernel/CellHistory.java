package jtorch.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The session's input (and text output) history, for history_request (tail, range, search with
 * unique and n) and for tracebacks that quote a cell's source. Bounded: the oldest entries go
 * once {@value #LIMIT} cells are stored.
 */
final class CellHistory {
    /** The current session's number in history tuples; requests may also name it 0 or negative. */
    static final int SESSION = 1;
    private static final int LIMIT = 10_000;

    private record Cell(int number, String input, String output) {}

    private final Deque<Cell> cells = new ArrayDeque<>();
    private final Map<Integer, String> unstored = new HashMap<>();

    /** Records an executed cell; {@code stored} false keeps only its source for tracebacks. */
    synchronized void add(int number, String input, boolean stored) {
        if (!stored) {
            unstored.clear();
            unstored.put(number, input);
            return;
        }
        cells.addLast(new Cell(number, input, ""));
        if (cells.size() > LIMIT) {
            cells.removeFirst();
        }
    }

    /** Sets the text/plain output of the last stored cell if it is {@code number}. */
    synchronized void setOutput(int number, String output) {
        Cell last = cells.peekLast();
        if (last != null && last.number == number) {
            cells.removeLast();
            cells.addLast(new Cell(number, last.input, output));
        }
    }

    /** The source of cell {@code number}. */
    synchronized Optional<String> source(int number) {
        String s = unstored.get(number);
        if (s != null) {
            return Optional.of(s);
        }
        for (var it = cells.descendingIterator(); it.hasNext(); ) {
            Cell c = it.next();
            if (c.number == number) {
                return Optional.of(c.input);
            }
        }
        return Optional.empty();
    }

    synchronized List<List<Object>> tail(int n, boolean output) {
        List<Cell> all = new ArrayList<>(cells);
        int from = n <= 0 ? 0 : Math.max(0, all.size() - n);
        return tuples(all.subList(from, all.size()), output);
    }

    /** Cells {@code start <= number < stop} of the current session (stop 0 or less: to the end). */
    synchronized List<List<Object>> range(int session, int start, int stop, boolean output) {
        if (session > SESSION) {
            return List.of();
        }
        List<Cell> hits = new ArrayList<>();
        for (Cell c : cells) {
            if (c.number >= start && (stop <= 0 || c.number < stop)) {
                hits.add(c);
            }
        }
        return tuples(hits, output);
    }

    /** The last {@code n} (all if n is 0 or less) cells whose input matches the glob pattern. */
    synchronized List<List<Object>> search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Cell> hits = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (var it = cells.descendingIterator(); it.hasNext() && (n <= 0 || hits.size() < n); ) {
            Cell c = it.next();
            if (pattern.matcher(c.input).matches() && (!unique || seen.add(c.input))) {
                hits.add(0, c);
            }
        }
        return tuples(hits, output);
    }

    private static List<List<Object>> tuples(List<Cell> cells, boolean output) {
        List<List<Object>> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            out.add(List.of(SESSION, c.number, output ? List.of(c.input, c.output) : c.input));
        }
        return out;
    }

    /** SQLite GLOB semantics, as IPython's history search: {@code * ? [...] [^...]}, case-sensitive. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                    continue;
                }
                String body = glob.substring(i + 1, close);
                boolean negated = body.startsWith("^");
                re.append('[').append(negated ? "^" : "")
                        .append((negated ? body.substring(1) : body).replace("\\", "\\\\").replace("[", "\\["))
                        .append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
