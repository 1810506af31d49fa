package jtorch.internal.interop;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jtorch.DType;
import jtorch.internal.format.PythonTuple;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.Facades;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * New numpy arrays: {@code np.array(data)} from Java data with numpy's dtype inference and casts,
 * and the factories {@code np.arange}, {@code np.zeros}, {@code np.ones}.
 *
 * <p>As numpy on Linux does, Java {@code int}/{@code long} data becomes int64, {@code double}
 * data float64, {@code boolean} data bool; Java {@code float} arrays become float32. Stored
 * values are cast as numpy casts: a float stored in an integer array truncates, a non-zero value
 * stored in a bool array is true.
 */
public final class NumpyData {
    private NumpyData() {}

    /**
     * {@code np.array(data, dtype=type)}: a new array copied from a number, a boolean, (nested)
     * Java arrays or Lists, a tensor or another array; {@code type} null infers the dtype.
     */
    public static NumpyArray array(Object data, DType type) {
        if (data instanceof NumpyArray a) {
            return a.astype(type == null ? a.dtype() : type);
        }
        TensorImpl tensor = Facades.tensor(data);
        if (tensor != null) {
            NumpyArray a = NumpyArray.sharing(tensor);
            return a.astype(type == null ? a.dtype() : type);
        }
        List<Integer> shapeList = new ArrayList<>();
        inferShape(data, shapeList);
        int[] shape = shapeList.stream().mapToInt(Integer::intValue).toArray();
        NumpyArray out = NumpyArray.allocate(type != null ? type : inferDtype(data), shape);
        fill(data, 0, shape, out.storage(), new int[1]);
        return out;
    }

    private static void inferShape(Object data, List<Integer> shape) {
        Object cur = data;
        while (isSequence(cur)) {
            int n = length(cur);
            shape.add(n);
            if (n == 0) {
                return;
            }
            cur = item(cur, 0);
        }
    }

    private static boolean isSequence(Object o) {
        return o instanceof List || (o != null && o.getClass().isArray());
    }

    private static int length(Object seq) {
        return seq instanceof List ? ((List<?>) seq).size() : Array.getLength(seq);
    }

    private static Object item(Object seq, int i) {
        return seq instanceof List ? ((List<?>) seq).get(i) : Array.get(seq, i);
    }

    /** bool &lt; int64 &lt; float32 (Java float arrays) &lt; float64; int with float32 gives float64. */
    private static DType inferDtype(Object data) {
        boolean[] seen = new boolean[4];
        scanKinds(data, seen);
        if (seen[3] || (seen[2] && seen[1])) {
            return DType.FLOAT64;
        }
        if (seen[2]) {
            return DType.FLOAT32;
        }
        if (seen[1]) {
            return DType.INT64;
        }
        return seen[0] ? DType.BOOL : DType.FLOAT64;
    }

    private static void scanKinds(Object data, boolean[] seen) {
        if (data instanceof boolean[] || data instanceof Boolean) {
            seen[0] = true;
        } else if (data instanceof long[] || data instanceof int[] || data instanceof short[]
                || data instanceof byte[]) {
            seen[1] |= Array.getLength(data) > 0;
        } else if (data instanceof float[]) {
            seen[2] |= Array.getLength(data) > 0;
        } else if (data instanceof double[]) {
            seen[3] |= Array.getLength(data) > 0;
        } else if (data instanceof Number) {
            seen[Scalars.isIntegral((Number) data) ? 1 : 3] = true;
        } else if (data instanceof Object[] || data instanceof List) {
            List<?> items = data instanceof List ? (List<?>) data : Arrays.asList((Object[]) data);
            for (Object o : items) {
                scanKinds(o, seen);
            }
        } else {
            String name = data == null ? "null" : data.getClass().getSimpleName();
            throw new IllegalArgumentException("np.array: unsupported element type " + name
                    + " (use numbers, booleans, Java arrays or Lists)");
        }
    }

    private static void fill(Object data, int dim, int[] shape, Storage out, int[] pos) {
        if (dim == shape.length) {
            if (isSequence(data)) {
                throw inhomogeneous(shape, dim);
            }
            store(data, out, pos[0]++);
            return;
        }
        if (!isSequence(data) || length(data) != shape[dim]) {
            throw inhomogeneous(shape, dim);
        }
        for (int i = 0; i < shape[dim]; i++) {
            fill(item(data, i), dim + 1, shape, out, pos);
        }
    }

    private static IllegalArgumentException inhomogeneous(int[] shape, int dim) {
        return new IllegalArgumentException("setting an array element with a sequence. The requested array has an "
                + "inhomogeneous shape after " + dim + " dimensions. The detected shape was "
                + PythonTuple.of(Arrays.copyOf(shape, dim)) + " + inhomogeneous part.");
    }

    /** Stores one leaf with numpy's casts (float to int truncates, non-zero to bool is true). */
    static void store(Object value, Storage out, int index) {
        if (value instanceof Boolean) {
            out.setLong(index, (Boolean) value ? 1 : 0);
        } else if (value instanceof Number && Scalars.isIntegral((Number) value)) {
            out.setLong(index, ((Number) value).longValue());
        } else if (value instanceof Number) {
            out.setDouble(index, ((Number) value).doubleValue());
        } else {
            throw new IllegalArgumentException("np.array: cannot store " + value + " in an array");
        }
    }

    // ---------------------------------------------------------------- factories

    /** {@code np.arange(start, stop, step)} with integers: int64. */
    public static NumpyArray arange(long start, long stop, long step) {
        if (step == 0) {
            throw new ArithmeticException("division by zero");
        }
        long n = Math.max(0, Math.floorDiv(stop - start + step - Long.signum(step), step));
        NumpyArray out = NumpyArray.allocate(DType.INT64, new int[] {Math.toIntExact(n)});
        for (int i = 0; i < n; i++) {
            out.storage().setLong(i, start + i * step);
        }
        return out;
    }

    /** {@code np.arange(start, stop, step)} with a floating argument: float64 {@code start + i * step}. */
    public static NumpyArray arange(double start, double stop, double step) {
        if (step == 0) {
            throw new ArithmeticException("division by zero");
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        NumpyArray out = NumpyArray.allocate(DType.FLOAT64, new int[] {n});
        for (int i = 0; i < n; i++) {
            out.storage().setDouble(i, start + i * step);
        }
        return out;
    }

    /** {@code np.zeros(shape, dtype=type)}. */
    public static NumpyArray zeros(int[] shape, DType type) {
        return NumpyArray.allocate(type, checkShape(shape));
    }

    /** {@code np.ones(shape, dtype=type)}. */
    public static NumpyArray ones(int[] shape, DType type) {
        NumpyArray out = NumpyArray.allocate(type, checkShape(shape));
        int n = out.layout().numel();
        for (int i = 0; i < n; i++) {
            out.storage().setLong(i, 1);
        }
        return out;
    }

    private static int[] checkShape(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimensions are not allowed");
            }
        }
        return shape;
    }
}
