package jtorch.internal.format;

import java.util.StringJoiner;

/** Python's {@code str} of a tuple of ints, as shapes print in messages and reprs. */
public final class PythonTuple {
    private PythonTuple() {}

    /** {@code (2, 3)}, {@code (5,)}, {@code ()}. */
    public static String of(int[] dims) {
        StringJoiner j = new StringJoiner(", ", "(", dims.length == 1 ? ",)" : ")");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }
}
