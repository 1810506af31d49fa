package jtorch.internal.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import jtorch.DType;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.BufferStorage;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * A storage of PyTorch's file format: the raw elements of one dtype in one byte order, named in
 * the pickle by its legacy class ({@code torch.FloatStorage} is float32, ...). Converts a tensor's
 * elements to those bytes and back, through Java arrays wrapped as storages, so every dtype's
 * encoding (float16's and bfloat16's bits, bool as a byte) is the storage layer's own.
 */
final class StorageBytes {
    /** PyTorch's storage class names, by dtype. */
    static final Map<DType, String> CLASS_NAMES = Map.of(
            DType.FLOAT32, "FloatStorage", DType.FLOAT64, "DoubleStorage", DType.FLOAT16, "HalfStorage",
            DType.BFLOAT16, "BFloat16Storage", DType.INT64, "LongStorage", DType.INT32, "IntStorage",
            DType.INT16, "ShortStorage", DType.INT8, "CharStorage", DType.UINT8, "ByteStorage",
            DType.BOOL, "BoolStorage");

    private StorageBytes() {
    }

    /** The dtype of a storage class name such as {@code FloatStorage}, or null for one JTorch has no dtype for. */
    static DType dtypeOf(String className) {
        for (Map.Entry<DType, String> e : CLASS_NAMES.entrySet()) {
            if (e.getValue().equals(className)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The elements of {@code t} in row-major order as bytes of the given order. */
    static byte[] encode(TensorImpl t, ByteOrder order) {
        DType dtype = t.dtype();
        int n = t.numel();
        ByteBuffer bytes = ByteBuffer.allocate(n * dtype.elementSize()).order(order);
        switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                copy(t, BufferStorage.of(a));
                bytes.asFloatBuffer().put(a);
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                copy(t, BufferStorage.of(a));
                bytes.asDoubleBuffer().put(a);
            }
            case INT64 -> {
                long[] a = new long[n];
                copy(t, BufferStorage.of(a));
                bytes.asLongBuffer().put(a);
            }
            case INT32 -> {
                int[] a = new int[n];
                copy(t, BufferStorage.of(a));
                bytes.asIntBuffer().put(a);
            }
            case INT16, FLOAT16, BFLOAT16 -> {
                short[] a = new short[n];
                copy(t, BufferStorage.of(a, dtype));
                bytes.asShortBuffer().put(a);
            }
            case INT8, UINT8, BOOL -> {
                byte[] a = new byte[n];
                copy(t, BufferStorage.of(a, dtype));
                bytes.put(a);
            }
        }
        return bytes.array();
    }

    /** Copies {@code t}'s elements in row-major order into {@code dst}, which holds exactly that many. */
    private static void copy(TensorImpl t, Storage dst) {
        StridedCopy.copyInto(new TensorImpl(dst, Layout.contiguous(t.sizes()), null), t);
    }

    /** A 1-d tensor of {@code dtype} over the decoded elements of {@code raw}. */
    static TensorImpl decode(byte[] raw, DType dtype, ByteOrder order) {
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(order);
        int size = dtype.elementSize();
        if (raw.length % size != 0) {
            throw new IllegalArgumentException("a " + CLASS_NAMES.get(dtype) + " of " + raw.length
                    + " bytes is not a whole number of " + size + "-byte elements");
        }
        int n = raw.length / size;
        Storage storage = switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                bytes.asFloatBuffer().get(a);
                yield BufferStorage.of(a);
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                bytes.asDoubleBuffer().get(a);
                yield BufferStorage.of(a);
            }
            case INT64 -> {
                long[] a = new long[n];
                bytes.asLongBuffer().get(a);
                yield BufferStorage.of(a);
            }
            case INT32 -> {
                int[] a = new int[n];
                bytes.asIntBuffer().get(a);
                yield BufferStorage.of(a);
            }
            case INT16, FLOAT16, BFLOAT16 -> {
                short[] a = new short[n];
                bytes.asShortBuffer().get(a);
                yield BufferStorage.of(a, dtype);
            }
            case INT8, UINT8, BOOL -> BufferStorage.of(raw.clone(), dtype);
        };
        return JavaArrays.wrap(storage, new int[] {n});
    }
}
