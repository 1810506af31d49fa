package jtorch.internal.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jtorch.DType;
import jtorch.Slice;
import jtorch.internal.tensor.TensorImpl;
import jtorch.internal.tensor.Facades;

/**
 * A Python subscript, {@code x[items]}, in normal form: the items and whether they were written
 * as a tuple. Python treats {@code x[0]} (one item) and {@code x[0,]} (a tuple of one) apart, so
 * the flag is kept.
 *
 * <p>Items are normalised to {@code Long} (an integer), {@code Boolean}, {@link Slice},
 * {@link Slice.Marker} ({@code None}, {@code ...}) and {@link TensorImpl} (an index tensor or mask;
 * Java arrays {@code int[]}/{@code long[]}/{@code boolean[]} and {@code List}s become tensors as
 * Python lists do). Among several Java arguments, a {@code String} stands for one item in Python
 * syntax: {@code x.index("1:3", 0)} is {@code x[1:3, 0]}. Immutable.
 *
 * <p>Text follows Python's grammar for subscripts: items separated by commas; each item is
 * {@code ...}, {@code None}, {@code True}/{@code False}, an integer, a slice
 * {@code [start]:[stop][:[step]]} with integer bounds, or a (nested) list of integers/booleans such
 * as {@code [0, 2]}; the whole may be wrapped in parentheses. Examples: {@code ":, 1"},
 * {@code "2:8:2"}, {@code "..., 0"}, {@code ":, None"}, {@code "[0, 2]"}, {@code "0,"}.
 */
public final class IndexSpec {
    private static final String VALID_INDICES =
            "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices";

    final List<Object> items;
    final boolean tuple;

    private IndexSpec(List<Object> items, boolean tuple) {
        this.items = Collections.unmodifiableList(items);
        this.tuple = tuple;
    }

    /** The items of {@code x.index(a, b, ...)}: one argument is a plain index, several a tuple. */
    public static IndexSpec ofArguments(Object[] indices) {
        if (indices == null) {
            return new IndexSpec(List.of(Slice.NONE), false);
        }
        return fromItems(Arrays.asList(indices), indices.length != 1);
    }

    /** One index object: Python text, an {@code Object[]} tuple, or a single item. */
    public static IndexSpec of(Object index) {
        if (index instanceof String) {
            return parse((String) index);
        }
        if (index instanceof Object[]) {
            return fromItems(Arrays.asList((Object[]) index), true);
        }
        return fromItems(Collections.singletonList(index), false);
    }

    /**
     * Normalises raw items. As Python's {@code treatSequenceAsTuple}, a single list index holding
     * lists, slices, None, ... or tensors (and fewer than 32 items) is a tuple of its items.
     */
    private static IndexSpec fromItems(List<?> raw, boolean tuple) {
        List<?> source = raw;
        boolean isTuple = tuple;
        if (!tuple && raw.size() == 1 && raw.get(0) instanceof List && sequenceIsTuple((List<?>) raw.get(0))) {
            source = (List<?>) raw.get(0);
            isTuple = true;
        }
        List<Object> items = new ArrayList<>(source.size());
        for (Object o : source) {
            items.add(normalize(o));
        }
        return new IndexSpec(items, isTuple);
    }

    private static boolean sequenceIsTuple(List<?> list) {
        if (list.size() >= 32) {
            return false;
        }
        for (Object o : list) {
            if (o == null || o instanceof List || o instanceof Slice || o instanceof Slice.Marker
                    || Facades.tensor(o) != null || o.getClass().isArray()) {
                return true;
            }
        }
        return false;
    }

    /** A Python list as an index tensor: bool when every item is a bool, else int64. */
    private static TensorImpl listTensor(List<?> list) {
        TensorImpl t = TensorData.build(list, null);
        return t.dtype().isFloatingPoint() && t.numel() == 0 ? TensorData.build(list, DType.INT64) : t;
    }

    /** Parses Python subscript text such as {@code ":, 1"} or {@code "..., None"}. */
    public static IndexSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("index text is null; use Slice.NONE for None");
        }
        return new Parser(text).spec();
    }

    private static Object normalize(Object o) {
        if (o == null || o == Slice.NONE) {
            return Slice.NONE;
        }
        if (o == Slice.ELLIPSIS || o instanceof Slice || o instanceof Boolean) {
            return o;
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (Facades.tensor(o) != null) {
            return Facades.tensor(o);
        }
        if (o instanceof int[] || o instanceof long[]) {
            return TensorData.build(o, DType.INT64);
        }
        if (o instanceof String) {
            IndexSpec one = parse((String) o);
            if (one.tuple) {
                throw new IllegalArgumentException("index text \"" + o + "\" among several indices must be a single"
                        + " item; pass the whole subscript as one string instead");
            }
            return one.items.get(0);
        }
        if (o instanceof List) {
            return listTensor((List<?>) o);
        }
        if (o instanceof boolean[]) {
            return TensorData.build(o, DType.BOOL);
        }
        String got = o instanceof Double || o instanceof Float ? "float" : o.getClass().getSimpleName();
        throw new IndexOutOfBoundsException(VALID_INDICES + " (got " + got + ")");
    }

    @Override
    public String toString() {
        return (tuple ? "tuple" : "index") + items;
    }

    /** Recursive descent over the subscript grammar described in the class comment. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        IndexSpec spec() {
            skipSpaces();
            if (atEnd()) {
                throw error("empty index");
            }
            boolean parenthesized = false;
            if (peek() == '(') {
                parenthesized = true;
                pos++;
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    expectEnd();
                    return fromItems(new ArrayList<>(), true);
                }
            }
            List<Object> items = new ArrayList<>();
            boolean comma = false;
            while (true) {
                items.add(item());
                skipSpaces();
                if (peek() != ',') {
                    break;
                }
                pos++;
                comma = true;
                skipSpaces();
                if (atEnd() || peek() == ')') {
                    break;
                }
            }
            if (parenthesized) {
                expect(')');
            }
            expectEnd();
            return fromItems(items, comma);
        }

        private Object item() {
            skipSpaces();
            if (text.startsWith("...", pos)) {
                pos += 3;
                return Slice.ELLIPSIS;
            }
            if (peek() == '[') {
                return list();
            }
            String word = word();
            if (word != null) {
                switch (word) {
                    case "None": return Slice.NONE;
                    case "True": return Boolean.TRUE;
                    case "False": return Boolean.FALSE;
                    default: throw error("name '" + word + "' is not an index");
                }
            }
            Long start = integerOrNull();
            skipSpaces();
            if (peek() != ':') {
                if (start == null) {
                    throw error("expected an index");
                }
                return start;
            }
            pos++;
            Long stop = integerOrNull();
            Long step = null;
            skipSpaces();
            if (peek() == ':') {
                pos++;
                step = integerOrNull();
            }
            return Slice.of(bound(start), bound(stop), bound(step));
        }

        /** A Python list literal of integers, booleans and nested lists, as a {@code List} of Long/Boolean/List. */
        private List<Object> list() {
            pos++;
            List<Object> values = new ArrayList<>();
            skipSpaces();
            while (peek() != ']') {
                if (peek() == '[') {
                    values.add(list());
                } else {
                    String word = word();
                    if ("True".equals(word) || "False".equals(word)) {
                        values.add("True".equals(word));
                    } else if (word != null) {
                        throw error("name '" + word + "' is not an index");
                    } else {
                        Long v = integerOrNull();
                        if (v == null) {
                            throw error("expected an integer, a boolean or a list in the index list");
                        }
                        values.add(v);
                    }
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != ']') {
                    throw error("expected ',' or ']'");
                }
            }
            pos++;
            return values;
        }

        private String word() {
            skipSpaces();
            int start = pos;
            while (!atEnd() && (Character.isLetter(peek()) || peek() == '_')) {
                pos++;
            }
            return pos > start ? text.substring(start, pos) : null;
        }

        /** An optionally signed decimal integer, or null when none starts here. */
        private Long integerOrNull() {
            skipSpaces();
            int start = pos;
            if (!atEnd() && (peek() == '-' || peek() == '+')) {
                pos++;
                skipSpaces();
            }
            int digits = pos;
            while (!atEnd() && (Character.isDigit(peek()) || (peek() == '_' && pos > digits))) {
                pos++;
            }
            if (pos == digits) {
                if (pos > start) {
                    throw error("expected digits after the sign");
                }
                return null;
            }
            if (!atEnd() && (peek() == '.' || peek() == 'e' || peek() == 'E')) {
                throw new IndexOutOfBoundsException(VALID_INDICES + " (got float)");
            }
            String literal = text.substring(start, pos).replace("_", "").replace(" ", "");
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Overflow when unpacking long");
            }
        }

        /** Python clamps slice bounds; sizes fit in an int, so clamping to int keeps the meaning. */
        private static Integer bound(Long v) {
            return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }

        private void expect(char c) {
            skipSpaces();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void expectEnd() {
            skipSpaces();
            if (!atEnd()) {
                throw error("unexpected '" + peek() + "'");
            }
        }

        private void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return atEnd() ? '\0' : text.charAt(pos);
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid index \"" + text + "\": " + what + " at position " + pos
                    + " (Python subscript syntax expected, e.g. \":, 1\", \"2:8:2\", \"..., None\", \"[0, 2]\")");
        }
    }
}
