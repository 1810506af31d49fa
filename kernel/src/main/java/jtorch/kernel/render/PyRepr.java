package jtorch.kernel.render;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jtorch.DType;
import jtorch.internal.format.PythonFloatFormat;

/**
 * Python's {@code repr()} and {@code str()} for the Java values cells produce, so results and
 * {@code print} read as in the PyTorch original: {@code True}/{@code False}, {@code None},
 * {@code 'text'}, floats as Python prints them ({@link PythonFloatFormat}: {@code 1e-05}, {@code 0.1},
 * a Java float with its own shortest digits), lists as
 * {@code [1, 2]}, {@code int[]}/{@code long[]} (shapes, strides) as tuples. Objects of the tensor
 * library print their own {@code toString()}, which already is PyTorch's repr.
 */
public final class PyRepr {
    private PyRepr() {}

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, value, 0);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object value, int depth) {
        if (depth > 32) {
            sb.append("...");
        } else if (value == null) {
            sb.append("None");
        } else if (value instanceof Boolean) {
            sb.append((Boolean) value ? "True" : "False");
        } else if (value instanceof CharSequence) {
            sb.append(quote(value.toString()));
        } else if (value instanceof Character) {
            sb.append(quote(value.toString()));
        } else if (value instanceof Double) {
            sb.append(PythonFloatFormat.repr((Double) value));
        } else if (value instanceof Float) {
            sb.append(PythonFloatFormat.repr((Float) value, DType.FLOAT32));
        } else if (value instanceof Number) {
            sb.append(value);
        } else if (isTensorLibrary(value)) {
            sb.append(value);
        } else if (value instanceof List) {
            appendItems(sb, ((List<?>) value).iterator(), "[", "]", depth);
        } else if (value instanceof Set) {
            if (((Set<?>) value).isEmpty()) {
                sb.append("set()");
            } else {
                appendItems(sb, ((Set<?>) value).iterator(), "{", "}", depth);
            }
        } else if (value instanceof Collection) {
            appendItems(sb, ((Collection<?>) value).iterator(), "[", "]", depth);
        } else if (value instanceof Map) {
            appendMap(sb, (Map<?, ?>) value, depth);
        } else if (value.getClass().isArray()) {
            appendArray(sb, value, depth);
        } else {
            sb.append(value);
        }
    }

    private static boolean isTensorLibrary(Object value) {
        Package p = value.getClass().getPackage();
        return p != null && p.getName().equals("jtorch");
    }

    private static void appendItems(StringBuilder sb, Iterator<?> it, String open, String close, int depth) {
        sb.append(open);
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(", ");
            }
            appendRepr(sb, it.next(), depth + 1);
            first = false;
        }
        sb.append(close);
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> map, int depth) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            appendRepr(sb, e.getKey(), depth + 1);
            sb.append(": ");
            appendRepr(sb, e.getValue(), depth + 1);
            first = false;
        }
        sb.append('}');
    }

    private static void appendArray(StringBuilder sb, Object array, int depth) {
        int n = Array.getLength(array);
        boolean tuple = array instanceof int[] || array instanceof long[];
        sb.append(tuple ? '(' : '[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendRepr(sb, Array.get(array, i), depth + 1);
        }
        if (tuple && n == 1) {
            sb.append(',');
        }
        sb.append(tuple ? ')' : ']');
    }

    /** Python's repr of a string: single quotes unless it contains one and no double quote. */
    public static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }
}
