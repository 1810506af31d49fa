package jtorch.internal.kernels;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;

/** Raw copies between operands of any dtype and layout, with PyTorch's casts (no autograd). */
public final class StridedCopy {
    private StridedCopy() {}

    /** Copies {@code src}, broadcast to {@code dst}'s shape, into {@code dst} with dtype casting. */
    public static void copyInto(Strided dst, Strided src) {
        if (dst.layout().numel() >= Cancellation.CHUNK) {
            Cancellation.check();
        }
        Storage d = dst.storage();
        Storage s = src.storage();
        Layout dl = dst.layout();
        Layout sl = src.layout();
        if (sl.numel() == 1 && dl.isContiguous() && fill(d, dl.offset(), dl.numel(), s.getDouble(sl.offset()))) {
            return;
        }
        boolean arrays = d.array() != null && s.array() != null && dl.sameSizes(sl);
        if (arrays && d.dtype() == s.dtype() && dl.isContiguous() && sl.isContiguous()) {
            System.arraycopy(s.array(), s.base + sl.offset(), d.array(), d.base + dl.offset(), dl.numel());
            return;
        }
        if (arrays && d.dtype() == DType.FLOAT32 && s.dtype() == DType.FLOAT32 && dl.dim() == 2 && dl.isContiguous()) {
            Kernels.copy2d((float[]) s.array(), s.base + sl.offset(), sl.stride(0), sl.stride(1), (float[]) d.array(),
                    d.base + dl.offset(), dl.size(0), dl.size(1));
            return;
        }
        DType from = s.dtype();
        DType compute = from.isFloatingPoint() ? from : DType.INT64;
        if (d.dtype().isBool() && from.isFloatingPoint()) {
            Elementwise.unaryInto(dst, src, compute, x -> x != 0 ? 1 : 0, null);
        } else if (!from.isFloatingPoint() && d.dtype().isFloatingPoint()) {
            Elementwise.unaryInto(dst, src, DType.FLOAT64, x -> x, null);
        } else {
            Elementwise.unaryInto(dst, src, compute, x -> x, x -> x);
        }
    }

    /**
     * Fills {@code n} elements of a float32 or float64 array storage from {@code offset} with
     * {@code value} cast to its dtype ({@code fill_}, {@code zero_}); false for other storages.
     */
    private static boolean fill(Storage d, int offset, int n, double value) {
        if (n == 0) {
            return true;
        }
        if (d.dtype() == DType.FLOAT32 && d.array() != null) {
            Arrays.fill((float[]) d.array(), d.base + offset, d.base + offset + n, (float) value);
            return true;
        }
        if (d.dtype() == DType.FLOAT64 && d.array() != null) {
            Arrays.fill((double[]) d.array(), d.base + offset, d.base + offset + n, value);
            return true;
        }
        return false;
    }
}
