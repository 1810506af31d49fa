package jtorch;

import jtorch.internal.kernels.Kernels;

/** Raw copies between tensors of any dtype and layout (no autograd). */
final class Copy {
    private Copy() {}

    /** Copies {@code src}, broadcast to {@code dst}'s shape, into {@code dst} with dtype casting. */
    static void copyInto(Tensor dst, Tensor src) {
        if (dst.dtype == src.dtype && dst.isContiguous() && src.isContiguous()
                && java.util.Arrays.equals(dst.sizes, src.sizes) && dst.storage.array() != null
                && src.storage.array() != null) {
            System.arraycopy(src.storage.array(), src.storage.base + src.offset,
                    dst.storage.array(), dst.storage.base + dst.offset, dst.numel());
            return;
        }
        if (dst.dtype == DType.FLOAT32 && src.dtype == DType.FLOAT32 && dst.dim() == 2 && dst.isContiguous()
                && java.util.Arrays.equals(dst.sizes, src.sizes) && dst.storage.array() != null
                && src.storage.array() != null) {
            Kernels.copy2d((float[]) src.storage.array(), src.storage.base + src.offset, src.strides[0],
                    src.strides[1], (float[]) dst.storage.array(), dst.storage.base + dst.offset, dst.sizes[0],
                    dst.sizes[1]);
            return;
        }
        DType compute = src.dtype.isFloatingPoint() ? src.dtype : DType.INT64;
        if (dst.dtype.isBool() && src.dtype.isFloatingPoint()) {
            Elementwise.unaryInto(dst, src, compute, x -> x != 0 ? 1 : 0, null);
        } else if (!src.dtype.isFloatingPoint() && dst.dtype.isFloatingPoint()) {
            Elementwise.unaryInto(dst, src, DType.FLOAT64, x -> x, null);
        } else {
            Elementwise.unaryInto(dst, src, compute, x -> x, x -> x);
        }
    }
}
