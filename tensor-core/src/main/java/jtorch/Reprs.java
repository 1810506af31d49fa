package jtorch;

import java.util.Arrays;
import java.util.stream.Collectors;

import jtorch.internal.format.PythonFloatFormat;

/** Python's repr of the hyperparameters modules print in their {@code extra_repr()}. */
final class Reprs {
    private Reprs() {}

    /** A tuple: {@code (3, 3)}, {@code (5,)}. */
    static String tuple(int[] values) {
        String items = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + items + (values.length == 1 ? ",)" : ")");
    }

    /** A float: {@code 1e-05}, {@code 0.1}. */
    static String number(double value) {
        return PythonFloatFormat.repr(value);
    }

    /** A bool: {@code True}, {@code False}. */
    static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /** One value for every spatial dimension, as PyTorch's {@code _pair}: {@code 3} becomes {@code (3, 3)}. */
    static int[] pair(int[] values, String name) {
        if (values.length == 1) {
            return new int[] {values[0], values[0]};
        }
        if (values.length != 2) {
            throw new IllegalArgumentException(name + " must be an int or a tuple of two ints, but got "
                    + Arrays.toString(values));
        }
        return values.clone();
    }
}
