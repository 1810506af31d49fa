package jtorch.internal.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.torch;

/**
 * A storage of PyTorch's file format: the raw elements of one dtype in one byte order, named in
 * the pickle by its legacy class ({@code torch.FloatStorage} is float32, ...). Converts a tensor's
 * elements to those bytes and back, through Java arrays that tensors share
 * ({@code torch.fromArray}), so every dtype's encoding (float16's and bfloat16's bits, bool as a
 * byte) is the tensor library's own.
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
    static byte[] encode(Tensor t, ByteOrder order) {
        DType dtype = t.dtype();
        int n = t.numel();
        ByteBuffer bytes = ByteBuffer.allocate(n * t.elementSize()).order(order);
        Tensor flat = t.detach().reshape(-1);
        switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                torch.fromArray(a, n).copy_(flat);
                bytes.asFloatBuffer().put(a);
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                torch.fromArray(a, n).copy_(flat);
                bytes.asDoubleBuffer().put(a);
            }
            case INT64 -> {
                long[] a = new long[n];
                torch.fromArray(a, n).copy_(flat);
                bytes.asLongBuffer().put(a);
            }
            case INT32 -> {
                int[] a = new int[n];
                torch.fromArray(a, n).copy_(flat);
                bytes.asIntBuffer().put(a);
            }
            case INT16, FLOAT16, BFLOAT16 -> {
                short[] a = new short[n];
                torch.fromArray(a, dtype, n).copy_(flat);
                bytes.asShortBuffer().put(a);
            }
            case INT8, UINT8, BOOL -> {
                byte[] a = new byte[n];
                torch.fromArray(a, dtype, n).copy_(flat);
                bytes.put(a);
            }
        }
        return bytes.array();
    }

    /** A 1-d tensor of {@code dtype} over the decoded elements of {@code raw}. */
    static Tensor decode(byte[] raw, DType dtype, ByteOrder order) {
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(order);
        int size = elementSize(dtype);
        if (raw.length % size != 0) {
            throw new IllegalArgumentException("a " + CLASS_NAMES.get(dtype) + " of " + raw.length
                    + " bytes is not a whole number of " + size + "-byte elements");
        }
        int n = raw.length / size;
        return switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                bytes.asFloatBuffer().get(a);
                yield torch.fromArray(a, n);
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                bytes.asDoubleBuffer().get(a);
                yield torch.fromArray(a, n);
            }
            case INT64 -> {
                long[] a = new long[n];
                bytes.asLongBuffer().get(a);
                yield torch.fromArray(a, n);
            }
            case INT32 -> {
                int[] a = new int[n];
                bytes.asIntBuffer().get(a);
                yield torch.fromArray(a, n);
            }
            case INT16, FLOAT16, BFLOAT16 -> {
                short[] a = new short[n];
                bytes.asShortBuffer().get(a);
                yield torch.fromArray(a, dtype, n);
            }
            case INT8, UINT8, BOOL -> torch.fromArray(raw.clone(), dtype, n);
        };
    }

    static int elementSize(DType dtype) {
        return torch.empty(new int[] {0}, dtype).elementSize();
    }
}
