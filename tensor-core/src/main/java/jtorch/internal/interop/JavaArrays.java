package jtorch.internal.interop;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.Strided;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * Tensors over plain Java arrays and buffers, and exports back to Java values: the work behind
 * {@code torch.fromArray}, {@code torch.fromBuffer}, {@code tensor.toFloatArray()},
 * {@code tensor.toArray()}, {@code item()} and {@code tolist()}.
 *
 * <p>Wrapping shares: the tensor's storage is the caller's array (or buffer), viewed contiguously
 * with the requested shape (one size may be -1; no shape means 1-d). Exports copy, in row-major
 * order, converting each element with PyTorch's casts.
 */
public final class JavaArrays {
    private JavaArrays() {}

    /** A contiguous tensor over all of {@code storage}; an empty shape means 1-d. */
    public static TensorImpl wrap(Storage storage, int[] shape) {
        int[] sizes = shape.length == 0 ? new int[] {storage.length} : Shapes.inferSize(shape, storage.length);
        return new TensorImpl(storage, Layout.contiguous(sizes), null);
    }

    public static float[] toFloatArray(TensorImpl t) {
        int n = t.numel();
        float[] out = new float[n];
        if (t.dtype() == DType.FLOAT32 && t.isContiguous() && t.storage().array() != null) {
            System.arraycopy(t.storage().array(), t.storage().base + t.offset(), out, 0, n);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) value(t, i);
        }
        return out;
    }

    public static double[] toDoubleArray(TensorImpl t) {
        int n = t.numel();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = value(t, i);
        }
        return out;
    }

    public static long[] toLongArray(TensorImpl t) {
        int n = t.numel();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = t.dtype().isFloatingPoint() ? Casts.castToLong(t.getDouble(i), DType.INT64) : t.getLong(i);
        }
        return out;
    }

    public static int[] toIntArray(TensorImpl t) {
        int n = t.numel();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) (t.dtype().isFloatingPoint() ? Casts.castToLong(t.getDouble(i), DType.INT32) : t.getLong(i));
        }
        return out;
    }

    private static double value(TensorImpl t, int i) {
        return t.dtype().isFloatingPoint() ? t.getDouble(i) : t.getLong(i);
    }

    /**
     * A nested Java array of the dtype's primitive type ({@code float[][]} for a 2-d float32
     * tensor): float for float32/float16/bfloat16, double, long, int, short for int16 and for
     * uint8 (which a signed byte cannot hold), byte for int8, boolean for bool. A 0-d tensor gives
     * its value boxed in that type.
     */
    public static Object toArray(TensorImpl t) {
        Class<?> type = primitiveType(t.dtype());
        if (t.sizes().length == 0) {
            Object one = Array.newInstance(type, 1);
            set(one, 0, t, 0);
            return Array.get(one, 0);
        }
        int[] pos = {0};
        return nested(t, 0, type, pos);
    }

    private static Object nested(TensorImpl t, int dim, Class<?> type, int[] pos) {
        int n = t.sizes()[dim];
        if (dim == t.sizes().length - 1) {
            Object row = Array.newInstance(type, n);
            for (int i = 0; i < n; i++) {
                set(row, i, t, pos[0]++);
            }
            return row;
        }
        Class<?> rowType = type;
        for (int d = dim + 1; d < t.sizes().length; d++) {
            rowType = rowType.arrayType();
        }
        Object rows = Array.newInstance(rowType, n);
        for (int i = 0; i < n; i++) {
            Array.set(rows, i, nested(t, dim + 1, type, pos));
        }
        return rows;
    }

    private static void set(Object row, int i, TensorImpl t, int linear) {
        switch (t.dtype()) {
            case FLOAT64: Array.setDouble(row, i, t.getDouble(linear)); break;
            case FLOAT32:
            case FLOAT16:
            case BFLOAT16: Array.setFloat(row, i, (float) t.getDouble(linear)); break;
            case INT64: Array.setLong(row, i, t.getLong(linear)); break;
            case INT32: Array.setInt(row, i, (int) t.getLong(linear)); break;
            case INT16:
            case UINT8: Array.setShort(row, i, (short) t.getLong(linear)); break;
            case INT8: Array.setByte(row, i, (byte) t.getLong(linear)); break;
            case BOOL: Array.setBoolean(row, i, t.getLong(linear) != 0); break;
            default: throw new AssertionError(t.dtype());
        }
    }

    private static Class<?> primitiveType(DType dtype) {
        switch (dtype) {
            case FLOAT64: return double.class;
            case FLOAT32:
            case FLOAT16:
            case BFLOAT16: return float.class;
            case INT64: return long.class;
            case INT32: return int.class;
            case INT16:
            case UINT8: return short.class;
            case INT8: return byte.class;
            case BOOL: return boolean.class;
            default: throw new AssertionError(dtype);
        }
    }

    /** The value of a one-element tensor: Double, Long or Boolean by dtype, as {@code item()}. */
    public static Object item(TensorImpl t) {
        if (t.numel() != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Python scalars");
        }
        return t.storage().element(t.layout().storageIndex(0));
    }

    /** Python's {@code float(tensor)}. */
    public static double doubleValue(TensorImpl t) {
        Object v = item(t);
        return v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).doubleValue();
    }

    /** Python's {@code int(tensor)}: truncates towards zero. */
    public static long longValue(TensorImpl t) {
        Object v = item(t);
        return v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).longValue();
    }

    /** Python's {@code bool(tensor)}. */
    public static boolean boolValue(TensorImpl t) {
        if (t.numel() != 1) {
            throw new IllegalArgumentException("Boolean value of Tensor with more than one value is ambiguous");
        }
        return t.dtype().isFloatingPoint() ? t.getDouble(0) != 0 : t.getLong(0) != 0;
    }

    /**
     * The values as nested unmodifiable lists of Double, Long or Boolean ({@code tolist()} of a
     * tensor or a numpy array); a 0-d operand gives its one value.
     */
    public static Object tolist(Strided t) {
        Layout l = t.layout();
        return l.dim() == 0 ? t.storage().element(l.offset()) : tolist(t.storage(), l, 0, l.offset());
    }

    private static List<Object> tolist(Storage s, Layout l, int dim, int base) {
        int n = l.size(dim);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = base + i * l.stride(dim);
            out.add(dim == l.dim() - 1 ? s.element(at) : tolist(s, l, dim + 1, at));
        }
        return Collections.unmodifiableList(out);
    }

    /** Python's {@code len(tensor)}: the size of dimension 0. */
    public static int len(TensorImpl t) {
        if (t.dim() == 0) {
            throw new IllegalArgumentException("len() of a 0-d tensor");
        }
        return t.sizes()[0];
    }

    /**
     * An address-like number for where a tensor or numpy array starts ({@code data_ptr()},
     * {@code a.ctypes.data}): equal for operands starting at the same storage element, advancing by
     * the element size per element.
     */
    public static long dataPtr(Strided t) {
        Storage s = t.storage();
        return ((long) System.identityHashCode(s) << 24)
                + (long) (s.base + t.layout().offset()) * s.dtype().elementSize();
    }
}
