package jtorch.kernel.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jtorch.Tensor;

/**
 * Turns what a cell passes to a plot helper (a tensor, a Java array, a collection of numbers) into
 * plain {@code double} data, with an error naming what was wrong for anything else. Copies: a
 * figure never changes when the data it was made from does.
 */
final class Values {
    private Values() {}

    /**
     * One series of numbers: a tensor with at most one dimension longer than 1 (so {@code (20, 1)}
     * columns work), a primitive or {@code Number} array, or a collection of numbers.
     */
    static double[] series(String what, Object data) {
        if (data instanceof Tensor) {
            Tensor t = (Tensor) data;
            int longDims = 0;
            for (int d = 0; d < t.dim(); d++) {
                longDims += t.size(d) > 1 ? 1 : 0;
            }
            if (longDims > 1) {
                throw new IllegalArgumentException(what + " must be 1-D, got a tensor of shape " + shape(t)
                        + " (flatten it with .flatten(), or pick a column with .index(\":, 0\"))");
            }
            return t.toDoubleArray();
        }
        return flat(what, data);
    }

    /** All values of {@code data}, flattened (a tensor of any shape, nested arrays, collections). */
    static double[] all(String what, Object data) {
        if (data instanceof Tensor) {
            return ((Tensor) data).toDoubleArray();
        }
        if (data instanceof Object[] && !(data instanceof Number[])) {
            List<double[]> rows = new ArrayList<>();
            int n = 0;
            for (Object row : (Object[]) data) {
                double[] r = all(what, row);
                rows.add(r);
                n += r.length;
            }
            double[] out = new double[n];
            int at = 0;
            for (double[] r : rows) {
                System.arraycopy(r, 0, out, at, r.length);
                at += r.length;
            }
            return out;
        }
        return flat(what, data);
    }

    /** A 2-D grid of values, row by row: a 2-D tensor or a rectangular {@code double[][]} etc. */
    static double[][] matrix(String what, Object data) {
        if (data instanceof Tensor) {
            Tensor t = (Tensor) data;
            if (t.dim() != 2) {
                throw new IllegalArgumentException(what + " must be 2-D (rows, columns), got a tensor of shape "
                        + shape(t) + (t.dim() == 3 ? " (for one channel of an image use .index(\"0\"))" : ""));
            }
            int rows = t.size(0);
            int cols = t.size(1);
            double[] flat = t.toDoubleArray();
            double[][] out = new double[rows][];
            for (int r = 0; r < rows; r++) {
                out[r] = java.util.Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
            }
            return out;
        }
        if (data instanceof Object[] && !(data instanceof Number[])) {
            Object[] rows = (Object[]) data;
            double[][] out = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                out[r] = flat(what + " row " + r, rows[r]);
                if (out[r].length != out[0].length) {
                    throw new IllegalArgumentException(what + " must be rectangular: row 0 has " + out[0].length
                            + " values, row " + r + " has " + out[r].length);
                }
            }
            return out;
        }
        throw new IllegalArgumentException(what + " must be a 2-D tensor or a 2-D Java array, got " + typeName(data));
    }

    /** Category names: a collection or array of anything, each shown with {@code String.valueOf}. */
    static List<String> labels(String what, Object data) {
        List<String> out = new ArrayList<>();
        if (data instanceof Collection) {
            for (Object o : (Collection<?>) data) {
                out.add(String.valueOf(o));
            }
        } else if (data instanceof Object[]) {
            for (Object o : (Object[]) data) {
                out.add(String.valueOf(o));
            }
        } else {
            throw new IllegalArgumentException(what + " must be a list or array of names, got " + typeName(data));
        }
        return out;
    }

    /** The keys of a map as category names and its values as numbers. */
    static double[] mapValues(String what, Map<?, ?> data) {
        return flat(what, new ArrayList<>(data.values()));
    }

    private static double[] flat(String what, Object data) {
        if (data instanceof double[]) {
            return ((double[]) data).clone();
        }
        if (data instanceof float[]) {
            float[] a = (float[]) data;
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (data instanceof int[]) {
            return java.util.Arrays.stream((int[]) data).asDoubleStream().toArray();
        }
        if (data instanceof long[]) {
            return java.util.Arrays.stream((long[]) data).asDoubleStream().toArray();
        }
        if (data instanceof Tensor) {
            return series(what, data);
        }
        if (data instanceof Number[]) {
            return numbers(what, java.util.Arrays.asList((Number[]) data));
        }
        if (data instanceof Collection) {
            return numbers(what, (Collection<?>) data);
        }
        throw new IllegalArgumentException(what + " must be a tensor, a Java array or a list of numbers, got " + typeName(data));
    }

    private static double[] numbers(String what, Collection<?> items) {
        double[] out = new double[items.size()];
        int i = 0;
        for (Object o : items) {
            if (o instanceof Number) {
                out[i++] = ((Number) o).doubleValue();
            } else if (o instanceof Tensor && ((Tensor) o).numel() == 1) {
                out[i++] = ((Tensor) o).doubleValue();
            } else {
                throw new IllegalArgumentException(what + " must hold numbers; element " + i + " is "
                        + (o == null ? "null" : typeName(o) + " " + o));
            }
        }
        return out;
    }

    static String shape(Tensor t) {
        StringBuilder sb = new StringBuilder("[");
        for (int d = 0; d < t.dim(); d++) {
            sb.append(d > 0 ? ", " : "").append(t.size(d));
        }
        return sb.append(']').toString();
    }

    static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
