package jtorch.internal.storage;

import jtorch.DType;

/**
 * A flat, typed block of elements shared by a tensor and all of its views.
 *
 * <p>Invariants: the backing Java array (or buffer) never changes identity or length after
 * construction, so views created from one storage always alias each other; element {@code i} of
 * the storage is element {@code i} of the array plus {@link #base}. The version counter counts
 * in-place writes through any view (autograd compares it against the value a saved tensor saw).
 * Integral and bool storages read and write through {@code long}; floating ones through
 * {@code double}; the other accessor converts with PyTorch's cast semantics (truncation towards
 * zero, wrap-around for narrow integers).
 */
public abstract class Storage {
    /** Offset of storage element 0 inside the backing array. */
    public final int base;
    public final int length;
    private int version;

    protected Storage(int base, int length) {
        this.base = base;
        this.length = length;
    }

    public abstract DType dtype();

    public abstract double getDouble(int i);

    public abstract void setDouble(int i, double v);

    public abstract long getLong(int i);

    public abstract void setLong(int i, long v);

    /** The backing Java array, or null for a direct NIO buffer. */
    public abstract Object array();

    /** Element {@code i} as Python sees it: a Double (floating dtypes), a Boolean (bool) or a Long. */
    public final Object element(int i) {
        DType t = dtype();
        if (t.isFloatingPoint()) {
            return getDouble(i);
        }
        return t.isBool() ? (Object) (getLong(i) != 0) : (Object) getLong(i);
    }

    /** A new zero-filled storage of the same kind. */
    public static Storage allocate(DType dtype, int n) {
        switch (dtype) {
            case FLOAT32: return new Storages.FloatStorage(new float[n], 0, n);
            case FLOAT64: return new Storages.DoubleStorage(new double[n], 0, n);
            case FLOAT16: return new Storages.HalfStorage(new short[n], 0, n, false);
            case BFLOAT16: return new Storages.HalfStorage(new short[n], 0, n, true);
            case INT8: return new Storages.ByteStorage(new byte[n], 0, n, DType.INT8);
            case UINT8: return new Storages.ByteStorage(new byte[n], 0, n, DType.UINT8);
            case BOOL: return new Storages.ByteStorage(new byte[n], 0, n, DType.BOOL);
            case INT16: return new Storages.ShortStorage(new short[n], 0, n);
            case INT32: return new Storages.IntStorage(new int[n], 0, n);
            case INT64: return new Storages.LongStorage(new long[n], 0, n);
            default: throw new AssertionError(dtype);
        }
    }

    public final int version() {
        return version;
    }

    public final void bumpVersion() {
        version++;
    }
}
