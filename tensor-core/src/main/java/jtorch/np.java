package jtorch;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.Scalars;

/**
 * A tiny stand-in for {@code numpy} (lower case on purpose, like {@code torch}), enough for
 * the tensor/numpy conversions of a PyTorch course: {@code np.array(new long[][]{{1, 2}, {3, 4}})},
 * {@code np.arange(6).reshape(2, 3)}, {@code np.zeros(0, 2)}, dtypes {@code np.float32} etc.
 * Arrays are {@link NDArray}s over flat Java arrays that tensors can share
 * ({@code torch.fromNumpy(a)}, {@code tensor.numpy()}).
 *
 * <p>As numpy on Linux does, Java {@code int}/{@code long} data becomes {@code int64}, {@code double}
 * data {@code float64}, {@code boolean} data {@code bool}; Java {@code float} arrays become
 * {@code float32} (numpy's {@code np.float32} values).
 */
@SuppressWarnings({"checkstyle:TypeName", "java:S101"})
public final class np {
    private np() {}

    /**
     * A numpy dtype: {@code toString()} is its name ({@code int64}), {@link #repr()} numpy's
     * {@code dtype('int64')}.
     */
    @SuppressWarnings({"checkstyle:TypeName", "java:S101"})
    public static final class dtype {
        private final String name;
        final DType torchType;

        private dtype(String name, DType torchType) {
            this.name = name;
            this.torchType = torchType;
        }

        /** The dtype's name, as {@code dtype.name}. */
        public String name() {
            return name;
        }

        /** Bytes per element, as {@code dtype.itemsize}. */
        public int itemsize() {
            return torchType.elementSize();
        }

        /** numpy's {@code repr(dtype)}: {@code dtype('float32')}. */
        public String repr() {
            return "dtype('" + name + "')";
        }

        @Override
        public String toString() {
            return name;
        }

        /** The numpy dtype of a tensor dtype; bfloat16 has none, as in PyTorch's {@code numpy()}. */
        static dtype of(DType type) {
            for (dtype d : ALL) {
                if (d.torchType == type) {
                    return d;
                }
            }
            throw new IllegalArgumentException("Got unsupported ScalarType " + type.scalarName());
        }
    }

    /** {@code np.bool_}. */
    public static final dtype bool_ = new dtype("bool", DType.BOOL);
    /** {@code np.int8}. */
    public static final dtype int8 = new dtype("int8", DType.INT8);
    /** {@code np.uint8}. */
    public static final dtype uint8 = new dtype("uint8", DType.UINT8);
    /** {@code np.int16}. */
    public static final dtype int16 = new dtype("int16", DType.INT16);
    /** {@code np.int32}. */
    public static final dtype int32 = new dtype("int32", DType.INT32);
    /** {@code np.int64}, numpy's default integer on Linux. */
    public static final dtype int64 = new dtype("int64", DType.INT64);
    /** {@code np.float16}. */
    public static final dtype float16 = new dtype("float16", DType.FLOAT16);
    /** {@code np.float32}. */
    public static final dtype float32 = new dtype("float32", DType.FLOAT32);
    /** {@code np.float64}, numpy's default float. */
    public static final dtype float64 = new dtype("float64", DType.FLOAT64);

    private static final List<dtype> ALL = List.of(bool_, int8, uint8, int16, int32, int64, float16, float32, float64);

    // ---------------------------------------------------------------- np.array

    /**
     * {@code np.array(data)}: a new array copied from a number, a boolean, (nested) Java arrays or
     * Lists, a {@link Tensor} or another {@link NDArray}; the dtype is inferred as numpy does.
     */
    public static NDArray array(Object data) {
        return array(data, null);
    }

    /** {@code np.array(data, dtype=...)}: values are converted with numpy's casts. */
    public static NDArray array(Object data, dtype dtype) {
        if (data instanceof NDArray) {
            NDArray a = (NDArray) data;
            return a.astype(dtype == null ? a.dtype() : dtype);
        }
        if (data instanceof Tensor) {
            NDArray a = ((Tensor) data).numpy();
            return a.astype(dtype == null ? a.dtype() : dtype);
        }
        List<Integer> shapeList = new ArrayList<>();
        inferShape(data, shapeList);
        int[] shape = shapeList.stream().mapToInt(Integer::intValue).toArray();
        dtype type = dtype != null ? dtype : inferDtype(data);
        NDArray out = NDArray.allocate(type, shape);
        fill(data, 0, shape, out.storage, new int[1]);
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
    private static dtype inferDtype(Object data) {
        boolean[] seen = new boolean[4];
        scanKinds(data, seen);
        if (seen[3] || (seen[2] && seen[1])) {
            return float64;
        }
        if (seen[2]) {
            return float32;
        }
        if (seen[1]) {
            return int64;
        }
        return seen[0] ? bool_ : float64;
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
                + NDArrayFormat.tuple(Arrays.copyOf(shape, dim)) + " + inhomogeneous part.");
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

    /** {@code np.arange(stop)}: int64 values {@code 0 .. stop-1}. */
    public static NDArray arange(long stop) {
        return arange(0, stop, 1);
    }

    /** {@code np.arange(start, stop)} with integers. */
    public static NDArray arange(long start, long stop) {
        return arange(start, stop, 1);
    }

    /** {@code np.arange(start, stop, step)} with integers: int64. */
    public static NDArray arange(long start, long stop, long step) {
        if (step == 0) {
            throw new ArithmeticException("division by zero");
        }
        long n = Math.max(0, Math.floorDiv(stop - start + step - Long.signum(step), step));
        NDArray out = NDArray.allocate(int64, new int[] {Math.toIntExact(n)});
        for (int i = 0; i < n; i++) {
            out.storage.setLong(i, start + i * step);
        }
        return out;
    }

    /** {@code np.arange(5.0)}: float64. */
    public static NDArray arange(double stop) {
        return arange(0, stop, 1);
    }

    /** {@code np.arange(start, stop, step)} with a floating argument: float64 {@code start + i * step}. */
    public static NDArray arange(double start, double stop, double step) {
        if (step == 0) {
            throw new ArithmeticException("division by zero");
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        NDArray out = NDArray.allocate(float64, new int[] {n});
        for (int i = 0; i < n; i++) {
            out.storage.setDouble(i, start + i * step);
        }
        return out;
    }

    /** {@code np.zeros(shape)}: float64 zeros; {@code np.zeros((0, 2))} is {@code np.zeros(0, 2)}. */
    public static NDArray zeros(int... shape) {
        return zeros(shape, float64);
    }

    /** {@code np.zeros(shape, dtype=...)}. */
    public static NDArray zeros(int[] shape, dtype dtype) {
        return NDArray.allocate(dtype, checkShape(shape));
    }

    /** {@code np.ones(shape)}: float64 ones. */
    public static NDArray ones(int... shape) {
        return ones(shape, float64);
    }

    /** {@code np.ones(shape, dtype=...)}. */
    public static NDArray ones(int[] shape, dtype dtype) {
        NDArray out = NDArray.allocate(dtype, checkShape(shape));
        for (int i = 0; i < out.size(); i++) {
            out.storage.setLong(i, 1);
        }
        return out;
    }

    private static int[] checkShape(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimensions are not allowed");
            }
        }
        return shape.clone();
    }
}
