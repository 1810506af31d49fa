package jtorch.golden;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import jtorch.internal.format.PythonFloatFormat;

/**
 * Python's {@code repr()} of a Java value, so a golden case's Java result can be compared with the
 * text PyTorch printed: {@code null} is {@code None}, booleans are {@code True}/{@code False},
 * integers print their digits, doubles print Python's shortest round-trip form ({@code 0.1},
 * {@code 1e-05}, {@code 1e+16}, {@code inf}, {@code nan}), strings are quoted the way Python quotes
 * them, {@link List}s are {@code [a, b]}, primitive arrays are tuples ({@code (3, 1)}, {@code (5,)}),
 * {@link Map}s are dicts. Any other object prints its {@code repr()} method's result when it has a
 * public one (e.g. numpy stand-ins), else its {@code toString()}.
 */
public final class PyRepr {
    private PyRepr() {
    }

    /** Python's repr of {@code value}. */
    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PythonFloatFormat.repr(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return ofString(value.toString());
        }
        if (value.getClass().isArray()) {
            return tuple(value);
        }
        if (value instanceof List<?> list && hasJdkToString(value)) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(of(item)));
            return items.toString();
        }
        if (value instanceof Map<?, ?> map && hasJdkToString(value)) {
            StringJoiner items = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> items.add(of(k) + ": " + of(v)));
            return items.toString();
        }
        return ownRepr(value);
    }

    /** Python's {@code repr(str)}: single quotes unless the text holds a ' and no ". */
    public static String ofString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp == quote) {
                        out.append('\\').append((char) cp);
                    } else if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    private static String tuple(Object array) {
        int length = Array.getLength(array);
        StringJoiner items = new StringJoiner(", ", "(", length == 1 ? ",)" : ")");
        for (int i = 0; i < length; i++) {
            items.add(of(Array.get(array, i)));
        }
        return items.toString();
    }

    /** True when the collection prints with the JDK's own toString, not a Python-shaped one. */
    private static boolean hasJdkToString(Object value) {
        try {
            Class<?> declaring = value.getClass().getMethod("toString").getDeclaringClass();
            return declaring.getName().startsWith("java.");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Python's {@code repr()} of an object: its public {@code repr()} where it has one, else toString(). */
    static String ownRepr(Object value) {
        if (value == null) {
            return "None";
        }
        try {
            Method repr = value.getClass().getMethod("repr");
            if (repr.getReturnType() == String.class && !Modifier.isStatic(repr.getModifiers())) {
                repr.trySetAccessible();
                return (String) repr.invoke(value);
            }
        } catch (NoSuchMethodException e) {
            return value.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("repr() of " + value.getClass().getName() + " failed", e);
        }
        return value.toString();
    }
}
