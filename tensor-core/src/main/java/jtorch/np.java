package jtorch;

import java.util.List;

import jtorch.internal.interop.NumpyData;

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

    /** The tensor dtype of {@code type}, null for null (inferred). */
    private static DType torchType(dtype type) {
        return type == null ? null : type.torchType;
    }

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
        return NDArray.of(NumpyData.array(NDArray.unwrap(data), torchType(dtype)));
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
        return NDArray.of(NumpyData.arange(start, stop, step));
    }

    /** {@code np.arange(5.0)}: float64. */
    public static NDArray arange(double stop) {
        return arange(0, stop, 1);
    }

    /** {@code np.arange(start, stop, step)} with a floating argument: float64 {@code start + i * step}. */
    public static NDArray arange(double start, double stop, double step) {
        return NDArray.of(NumpyData.arange(start, stop, step));
    }

    /** {@code np.zeros(shape)}: float64 zeros; {@code np.zeros((0, 2))} is {@code np.zeros(0, 2)}. */
    public static NDArray zeros(int... shape) {
        return zeros(shape, float64);
    }

    /** {@code np.zeros(shape, dtype=...)}. */
    public static NDArray zeros(int[] shape, dtype dtype) {
        return NDArray.of(NumpyData.zeros(shape, dtype.torchType));
    }

    /** {@code np.ones(shape)}: float64 ones. */
    public static NDArray ones(int... shape) {
        return ones(shape, float64);
    }

    /** {@code np.ones(shape, dtype=...)}. */
    public static NDArray ones(int[] shape, dtype dtype) {
        return NDArray.of(NumpyData.ones(shape, dtype.torchType));
    }
}
