package jtorch;

/** The concrete array-backed storages, one per Java primitive representation. */
final class Storages {
    private Storages() {}

    static final class FloatStorage extends Storage {
        final float[] data;

        FloatStorage(float[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override DType dtype() { return DType.FLOAT32; }
        @Override double getDouble(int i) { return data[base + i]; }
        @Override void setDouble(int i, double v) { data[base + i] = (float) v; }
        @Override long getLong(int i) { return (long) data[base + i]; }
        @Override void setLong(int i, long v) { data[base + i] = v; }
        @Override Object array() { return data; }
    }

    static final class DoubleStorage extends Storage {
        final double[] data;

        DoubleStorage(double[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override DType dtype() { return DType.FLOAT64; }
        @Override double getDouble(int i) { return data[base + i]; }
        @Override void setDouble(int i, double v) { data[base + i] = v; }
        @Override long getLong(int i) { return (long) data[base + i]; }
        @Override void setLong(int i, long v) { data[base + i] = v; }
        @Override Object array() { return data; }
    }

    /** float16 or bfloat16, stored as raw 16-bit patterns. */
    static final class HalfStorage extends Storage {
        final short[] data;
        final boolean bfloat;

        HalfStorage(short[] data, int base, int length, boolean bfloat) {
            super(base, length);
            this.data = data;
            this.bfloat = bfloat;
        }

        @Override DType dtype() { return bfloat ? DType.BFLOAT16 : DType.FLOAT16; }

        @Override double getDouble(int i) {
            short bits = data[base + i];
            return bfloat ? HalfFloats.bfloat16ToFloat(bits) : HalfFloats.halfToFloat(bits);
        }

        @Override void setDouble(int i, double v) {
            data[base + i] = bfloat ? HalfFloats.floatToBfloat16((float) v) : HalfFloats.floatToHalf((float) v);
        }

        @Override long getLong(int i) { return (long) getDouble(i); }
        @Override void setLong(int i, long v) { setDouble(i, v); }
        @Override Object array() { return data; }
    }

    /** int8, uint8 and bool: one byte per element. */
    static final class ByteStorage extends Storage {
        final byte[] data;
        final DType dtype;

        ByteStorage(byte[] data, int base, int length, DType dtype) {
            super(base, length);
            this.data = data;
            this.dtype = dtype;
        }

        @Override DType dtype() { return dtype; }

        @Override long getLong(int i) {
            byte b = data[base + i];
            return dtype == DType.UINT8 ? b & 0xFF : b;
        }

        @Override void setLong(int i, long v) { data[base + i] = (byte) Storage.wrap(v, dtype); }
        @Override double getDouble(int i) { return getLong(i); }
        @Override void setDouble(int i, double v) { data[base + i] = (byte) Storage.castToLong(v, dtype); }
        @Override Object array() { return data; }
    }

    static final class ShortStorage extends Storage {
        final short[] data;

        ShortStorage(short[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override DType dtype() { return DType.INT16; }
        @Override long getLong(int i) { return data[base + i]; }
        @Override void setLong(int i, long v) { data[base + i] = (short) v; }
        @Override double getDouble(int i) { return data[base + i]; }
        @Override void setDouble(int i, double v) { data[base + i] = (short) Storage.castToLong(v, DType.INT16); }
        @Override Object array() { return data; }
    }

    static final class IntStorage extends Storage {
        final int[] data;

        IntStorage(int[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override DType dtype() { return DType.INT32; }
        @Override long getLong(int i) { return data[base + i]; }
        @Override void setLong(int i, long v) { data[base + i] = (int) v; }
        @Override double getDouble(int i) { return data[base + i]; }
        @Override void setDouble(int i, double v) { data[base + i] = (int) Storage.castToLong(v, DType.INT32); }
        @Override Object array() { return data; }
    }

    static final class LongStorage extends Storage {
        final long[] data;

        LongStorage(long[] data, int base, int length) {
            super(base, length);
            this.data = data;
        }

        @Override DType dtype() { return DType.INT64; }
        @Override long getLong(int i) { return data[base + i]; }
        @Override void setLong(int i, long v) { data[base + i] = v; }
        @Override double getDouble(int i) { return data[base + i]; }
        @Override void setDouble(int i, double v) { data[base + i] = Storage.castToLong(v, DType.INT64); }
        @Override Object array() { return data; }
    }
}
