package jtorch.internal.storage;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

import jtorch.DType;
import jtorch.internal.dtype.Casts;

/**
 * Storages over the caller's memory, for {@code torch.fromArray} and {@code torch.fromBuffer}:
 * the tensor aliases the array or buffer, so writes show on both sides.
 *
 * <p>A buffer with an accessible backing array becomes an ordinary array storage over that
 * array, starting at the buffer's position ({@link Storage#base}); a direct or read-only buffer
 * becomes a {@code BufferStorage}, which reads and writes the buffer's elements from its position
 * to its limit (captured by {@link Buffer#slice()} at wrap time) and has no array
 * ({@link #array()} is null). Writes to a read-only buffer throw
 * {@link java.nio.ReadOnlyBufferException}.
 */
public abstract class BufferStorage extends Storage {
    private final DType dtype;

    BufferStorage(int length, DType dtype) {
        super(0, length);
        this.dtype = dtype;
    }

    @Override
    public final DType dtype() {
        return dtype;
    }

    @Override
    public final Object array() {
        return null;
    }

    // ---------------------------------------------------------------- factories

    public static Storage of(float[] data) {
        return new Storages.FloatStorage(data, 0, data.length);
    }

    public static Storage of(double[] data) {
        return new Storages.DoubleStorage(data, 0, data.length);
    }

    public static Storage of(long[] data) {
        return new Storages.LongStorage(data, 0, data.length);
    }

    public static Storage of(int[] data) {
        return new Storages.IntStorage(data, 0, data.length);
    }

    /** int16, or the raw bits of float16/bfloat16. */
    public static Storage of(short[] data, DType dtype) {
        switch (dtype) {
            case INT16: return new Storages.ShortStorage(data, 0, data.length);
            case FLOAT16: return new Storages.HalfStorage(data, 0, data.length, false);
            case BFLOAT16: return new Storages.HalfStorage(data, 0, data.length, true);
            default: throw wrongType("short[]", dtype, "int16, float16 or bfloat16");
        }
    }

    /** int8, uint8 or bool (0 is false). */
    public static Storage of(byte[] data, DType dtype) {
        checkByteType("byte[]", dtype);
        return new Storages.ByteStorage(data, 0, data.length, dtype);
    }

    public static Storage of(FloatBuffer b) {
        return b.hasArray() ? new Storages.FloatStorage(b.array(), b.arrayOffset() + b.position(), b.remaining())
                : new FloatBufferStorage(b.slice());
    }

    public static Storage of(DoubleBuffer b) {
        return b.hasArray() ? new Storages.DoubleStorage(b.array(), b.arrayOffset() + b.position(), b.remaining())
                : new DoubleBufferStorage(b.slice());
    }

    public static Storage of(LongBuffer b) {
        return b.hasArray() ? new Storages.LongStorage(b.array(), b.arrayOffset() + b.position(), b.remaining())
                : new LongBufferStorage(b.slice());
    }

    public static Storage of(IntBuffer b) {
        return b.hasArray() ? new Storages.IntStorage(b.array(), b.arrayOffset() + b.position(), b.remaining())
                : new IntBufferStorage(b.slice());
    }

    public static Storage of(ShortBuffer b) {
        return b.hasArray() ? new Storages.ShortStorage(b.array(), b.arrayOffset() + b.position(), b.remaining())
                : new ShortBufferStorage(b.slice());
    }

    /**
     * A byte buffer as int8/uint8/bool elements, or reinterpreted in the buffer's byte order as
     * wider elements ({@code torch.frombuffer(buf, dtype=torch.float32)}).
     */
    public static Storage of(ByteBuffer b, DType dtype) {
        switch (dtype) {
            case FLOAT32: return of(b.asFloatBuffer());
            case FLOAT64: return of(b.asDoubleBuffer());
            case INT64: return of(b.asLongBuffer());
            case INT32: return of(b.asIntBuffer());
            case INT16: return of(b.asShortBuffer());
            default:
                checkByteType("ByteBuffer", dtype);
                return b.hasArray()
                        ? new Storages.ByteStorage(b.array(), b.arrayOffset() + b.position(), b.remaining(), dtype)
                        : new ByteBufferStorage(b.slice(), dtype);
        }
    }

    private static void checkByteType(String what, DType dtype) {
        if (dtype != DType.INT8 && dtype != DType.UINT8 && dtype != DType.BOOL) {
            throw wrongType(what, dtype, "int8, uint8 or bool");
        }
    }

    private static IllegalArgumentException wrongType(String what, DType dtype, String allowed) {
        return new IllegalArgumentException("a " + what + " holds " + allowed + " elements, not " + dtype);
    }

    // ---------------------------------------------------------------- buffer-backed storages

    /** Floating elements, read as long by truncation towards zero. */
    private abstract static class Floating extends BufferStorage {
        Floating(int length, DType dtype) {
            super(length, dtype);
        }

        @Override public final long getLong(int i) { return (long) getDouble(i); }
    }

    /** Integral and bool elements: doubles are stored with PyTorch's cast (truncation, wrap-around). */
    private abstract static class Integral extends BufferStorage {
        Integral(int length, DType dtype) {
            super(length, dtype);
        }

        @Override public final double getDouble(int i) { return getLong(i); }
        @Override public final void setDouble(int i, double v) { setLong(i, Casts.castToLong(v, dtype())); }
    }

    static final class FloatBufferStorage extends Floating {
        private final FloatBuffer buf;

        FloatBufferStorage(FloatBuffer buf) {
            super(buf.capacity(), DType.FLOAT32);
            this.buf = buf;
        }

        @Override public double getDouble(int i) { return buf.get(i); }
        @Override public void setDouble(int i, double v) { buf.put(i, (float) v); }
        @Override public void setLong(int i, long v) { buf.put(i, v); }
    }

    static final class DoubleBufferStorage extends Floating {
        private final DoubleBuffer buf;

        DoubleBufferStorage(DoubleBuffer buf) {
            super(buf.capacity(), DType.FLOAT64);
            this.buf = buf;
        }

        @Override public double getDouble(int i) { return buf.get(i); }
        @Override public void setDouble(int i, double v) { buf.put(i, v); }
        @Override public void setLong(int i, long v) { buf.put(i, v); }
    }

    static final class LongBufferStorage extends Integral {
        private final LongBuffer buf;

        LongBufferStorage(LongBuffer buf) {
            super(buf.capacity(), DType.INT64);
            this.buf = buf;
        }

        @Override public long getLong(int i) { return buf.get(i); }
        @Override public void setLong(int i, long v) { buf.put(i, v); }
    }

    static final class IntBufferStorage extends Integral {
        private final IntBuffer buf;

        IntBufferStorage(IntBuffer buf) {
            super(buf.capacity(), DType.INT32);
            this.buf = buf;
        }

        @Override public long getLong(int i) { return buf.get(i); }
        @Override public void setLong(int i, long v) { buf.put(i, (int) v); }
    }

    static final class ShortBufferStorage extends Integral {
        private final ShortBuffer buf;

        ShortBufferStorage(ShortBuffer buf) {
            super(buf.capacity(), DType.INT16);
            this.buf = buf;
        }

        @Override public long getLong(int i) { return buf.get(i); }
        @Override public void setLong(int i, long v) { buf.put(i, (short) v); }
    }

    /** int8, uint8 and bool over a byte buffer. */
    static final class ByteBufferStorage extends Integral {
        private final ByteBuffer buf;

        ByteBufferStorage(ByteBuffer buf, DType dtype) {
            super(buf.capacity(), dtype);
            this.buf = buf;
        }

        @Override
        public long getLong(int i) {
            byte b = buf.get(i);
            return dtype() == DType.UINT8 ? b & 0xFF : dtype() == DType.BOOL ? (b != 0 ? 1 : 0) : b;
        }

        @Override public void setLong(int i, long v) { buf.put(i, (byte) Casts.wrap(v, dtype())); }
    }
}
