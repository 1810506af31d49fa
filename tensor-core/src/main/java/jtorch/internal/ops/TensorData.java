package jtorch.internal.ops;

import java.util.ArrayList;
import java.util.List;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;
import jtorch.internal.tensor.Facades;

/**
 * Builds tensors from Java data, as {@code torch.tensor(data)} does from Python data: scalars,
 * (nested) primitive arrays, {@code Object[]} and {@link List}s. Infers the shape (rejecting
 * ragged nesting with PyTorch's message), infers the dtype (bool &lt; integer &lt; floating; Java
 * floating values are Python floats and take the default dtype), and converts each value with
 * PyTorch's overflow check.
 */
public final class TensorData {
    private TensorData() {}

    /** {@code torch.tensor(data, dtype)} (dtype null: inferred); the data is copied. */
    public static TensorImpl build(Object data, DType dtype) {
        List<Integer> shapeList = new ArrayList<>();
        inferShape(data, shapeList);
        int[] shape = shapeList.stream().mapToInt(Integer::intValue).toArray();
        DType type = dtype != null ? dtype : inferDtype(data);
        TensorImpl t = TensorImpl.allocate(type, shape);
        int[] pos = {0};
        fill(data, 0, shape, t, pos);
        return t;
    }

    private static void inferShape(Object data, List<Integer> shape) {
        Object cur = data;
        while (true) {
            if (cur instanceof List) {
                List<?> l = (List<?>) cur;
                shape.add(l.size());
                if (l.isEmpty()) {
                    return;
                }
                cur = l.get(0);
            } else if (cur != null && cur.getClass().isArray()) {
                int n = java.lang.reflect.Array.getLength(cur);
                shape.add(n);
                if (n == 0) {
                    return;
                }
                cur = java.lang.reflect.Array.get(cur, 0);
            } else {
                return;
            }
        }
    }

    private static DType inferDtype(Object data) {
        int[] rank = {-1};
        scanKinds(data, rank);
        switch (rank[0]) {
            case 0: return DType.BOOL;
            case 1: return DType.INT64;
            default: return DefaultDtype.get();
        }
    }

    /** Records the highest kind seen: 0 bool, 1 integer, 2 floating (empty data counts as floating). */
    private static void scanKinds(Object data, int[] rank) {
        if (data instanceof boolean[] || data instanceof Boolean) {
            rank[0] = Math.max(rank[0], 0);
        } else if (data instanceof long[] || data instanceof int[] || data instanceof short[]
                || data instanceof byte[] || data instanceof char[]) {
            rank[0] = Math.max(rank[0], 1);
        } else if (data instanceof double[] || data instanceof float[]) {
            rank[0] = 2;
        } else if (data instanceof Number) {
            rank[0] = Math.max(rank[0], Scalars.isIntegral((Number) data) ? 1 : 2);
        } else if (data instanceof Object[] || data instanceof List) {
            List<?> items = data instanceof List ? (List<?>) data : java.util.Arrays.asList((Object[]) data);
            if (items.isEmpty()) {
                rank[0] = Math.max(rank[0], 2);
            }
            for (Object o : items) {
                scanKinds(o, rank);
            }
        } else if (Facades.tensor(data) != null) {
            TensorImpl t = Facades.tensor(data);
            rank[0] = Math.max(rank[0], t.dtype().isBool() ? 0 : t.dtype().isIntegral() ? 1 : 2);
        } else {
            throw invalidType(data);
        }
    }

    private static IllegalArgumentException invalidType(Object data) {
        String name = data == null ? "NoneType" : data instanceof String ? "str" : data.getClass().getSimpleName();
        return new IllegalArgumentException("new(): invalid data type '" + name + "'");
    }

    private static void fill(Object data, int dim, int[] shape, TensorImpl t, int[] pos) {
        if (dim == shape.length) {
            store(data, t, pos[0]++);
            return;
        }
        int n;
        if (data instanceof List) {
            n = ((List<?>) data).size();
        } else if (data != null && data.getClass().isArray()) {
            n = java.lang.reflect.Array.getLength(data);
        } else {
            throw new IllegalArgumentException("expected sequence of length " + shape[dim] + " at dim " + dim
                    + " (got " + (data == null ? "None" : data.getClass().getSimpleName()) + ")");
        }
        if (n != shape[dim]) {
            throw new IllegalArgumentException("expected sequence of length " + shape[dim] + " at dim " + dim
                    + " (got " + n + ")");
        }
        for (int i = 0; i < n; i++) {
            Object item = data instanceof List ? ((List<?>) data).get(i) : java.lang.reflect.Array.get(data, i);
            fill(item, dim + 1, shape, t, pos);
        }
    }

    private static void store(Object value, TensorImpl t, int index) {
        DType type = t.dtype();
        if (value instanceof Boolean) {
            t.storage().setLong(index, (Boolean) value ? 1 : 0);
        } else if (value instanceof Character) {
            throw invalidType(value);
        } else if (value instanceof Number) {
            Number n = (Number) value;
            if (Scalars.isIntegral(n)) {
                long v = n.longValue();
                if (type.isFloatingPoint()) {
                    t.storage().setDouble(index, v);
                } else {
                    Casts.checkIntegerFits(v, type);
                    t.storage().setLong(index, v);
                }
            } else {
                double v = n.doubleValue();
                if (type.isFloatingPoint()) {
                    t.storage().setDouble(index, v);
                } else {
                    Casts.checkFloatFits(v, type);
                    t.storage().setDouble(index, v);
                }
            }
        } else if (Facades.tensor(value) != null && Facades.tensor(value).numel() == 1) {
            TensorImpl s = Facades.tensor(value);
            if (s.dtype().isFloatingPoint()) {
                t.storage().setDouble(index, s.getDouble(0));
            } else {
                t.storage().setLong(index, s.getLong(0));
            }
        } else {
            throw invalidType(value);
        }
    }
}
