package jtorch;

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
abstract class Storage {
    /** Offset of storage element 0 inside the backing array. */
    final int base;
    final int length;
    private int version;

    Storage(int base, int length) {
        this.base = base;
        this.length = length;
    }

    abstract DType dtype();

    abstract double getDouble(int i);

    abstract void setDouble(int i, double v);

    abstract long getLong(int i);

    abstract void setLong(int i, long v);

    /** The backing Java array, or null for a direct NIO buffer. */
    abstract Object array();

    /** A new zero-filled storage of the same kind. */
    static Storage allocate(DType dtype, int n) {
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

    final int version() {
        return version;
    }

    final void bumpVersion() {
        version++;
    }

    /** Converts a double to an integral dtype the way a C++ static_cast does in PyTorch. */
    static long castToLong(double v, DType to) {
        if (to == DType.BOOL) {
            return v != 0 ? 1 : 0;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return to == DType.INT64 ? Long.MIN_VALUE : 0;
        }
        long l = (long) v;
        return wrap(l, to);
    }

    /** Wraps a long into the range of a narrow integral dtype (two's complement). */
    static long wrap(long v, DType to) {
        switch (to) {
            case INT8: return (byte) v;
            case UINT8: return v & 0xFF;
            case INT16: return (short) v;
            case INT32: return (int) v;
            case BOOL: return v != 0 ? 1 : 0;
            default: return v;
        }
    }
}
