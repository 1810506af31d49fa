package jtorch.internal.storage;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.dtype.HalfFloats;

/** The concrete array-backed storages, one per Java primitive representation. */
public final class Storages {
    private Storages() {}

    public static final class FloatStorage extends Storage {
        public final float[] data;

        public FloatStorage(float[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override public DType dtype() { return DType.FLOAT32; }
        @Override public double getDouble(int i) { return data[base + i]; }
        @Override public void setDouble(int i, double v) { data[base + i] = (float) v; }
        @Override public long getLong(int i) { return (long) data[base + i]; }
        @Override public void setLong(int i, long v) { data[base + i] = v; }
        @Override public Object array() { return data; }
    }

    public static final class DoubleStorage extends Storage {
        public final double[] data;

        public DoubleStorage(double[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override public DType dtype() { return DType.FLOAT64; }
        @Override public double getDouble(int i) { return data[base + i]; }
        @Override public void setDouble(int i, double v) { data[base + i] = v; }
        @Override public long getLong(int i) { return (long) data[base + i]; }
        @Override public void setLong(int i, long v) { data[base + i] = v; }
        @Override public Object array() { return data; }
    }

    /** float16 or bfloat16, stored as raw 16-bit patterns. */
    public static final class HalfStorage extends Storage {
        public final short[] data;
        final boolean bfloat;

        public HalfStorage(short[] data, int base, int length, boolean bfloat) {
            super(base, length);
            this.data = data;
            this.bfloat = bfloat;
        }

        @Override public DType dtype() { return bfloat ? DType.BFLOAT16 : DType.FLOAT16; }

        @Override public double getDouble(int i) {
            short bits = data[base + i];
            return bfloat ? HalfFloats.bfloat16ToFloat(bits) : HalfFloats.halfToFloat(bits);
        }

        @Override public void setDouble(int i, double v) {
            data[base + i] = bfloat ? HalfFloats.floatToBfloat16((float) v) : HalfFloats.floatToHalf((float) v);
        }

        @Override public long getLong(int i) { return (long) getDouble(i); }
        @Override public void setLong(int i, long v) { setDouble(i, v); }
        @Override public Object array() { return data; }
    }

    /** int8, uint8 and bool: one byte per element. */
    public static final class ByteStorage extends Storage {
        public final byte[] data;
        final DType dtype;

        public ByteStorage(byte[] data, int base, int length, DType dtype) {
            super(base, length);
            this.data = data;
            this.dtype = dtype;
        }

        @Override public DType dtype() { return dtype; }

        @Override public long getLong(int i) {
            byte b = data[base + i];
            return dtype == DType.UINT8 ? b & 0xFF : b;
        }

        @Override public void setLong(int i, long v) { data[base + i] = (byte) Casts.wrap(v, dtype); }
        @Override public double getDouble(int i) { return getLong(i); }
        @Override public void setDouble(int i, double v) { data[base + i] = (byte) Casts.castToLong(v, dtype); }
        @Override public Object array() { return data; }
    }

    public static final class ShortStorage extends Storage {
        public final short[] data;

        public ShortStorage(short[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override public DType dtype() { return DType.INT16; }
        @Override public long getLong(int i) { return data[base + i]; }
        @Override public void setLong(int i, long v) { data[base + i] = (short) v; }
        @Override public double getDouble(int i) { return data[base + i]; }
        @Override public void setDouble(int i, double v) { data[base + i] = (short) Casts.castToLong(v, DType.INT16); }
        @Override public Object array() { return data; }
    }

    public static final class IntStorage extends Storage {
        public final int[] data;

        public IntStorage(int[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override public DType dtype() { return DType.INT32; }
        @Override public long getLong(int i) { return data[base + i]; }
        @Override public void setLong(int i, long v) { data[base + i] = (int) v; }
        @Override public double getDouble(int i) { return data[base + i]; }
        @Override public void setDouble(int i, double v) { data[base + i] = (int) Casts.castToLong(v, DType.INT32); }
        @Override public Object array() { return data; }
    }

    public static final class LongStorage extends Storage {
        public final long[] data;

        public LongStorage(long[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override public DType dtype() { return DType.INT64; }
        @Override public long getLong(int i) { return data[base + i]; }
        @Override public void setLong(int i, long v) { data[base + i] = v; }
        @Override public double getDouble(int i) { return data[base + i]; }
        @Override public void setDouble(int i, double v) { data[base + i] = Casts.castToLong(v, DType.INT64); }
        @Override public Object array() { return data; }
    }
}
