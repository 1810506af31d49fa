package jtorch;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.Parallel;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;

/**
 * Loops that apply a scalar function over strided, broadcast operands. Floating computations run
 * in {@code double} and integral ones in {@code long}; results are stored with the output dtype's
 * cast. Contiguous float32/float64 operands of equal shape take a direct array loop.
 * No autograd here: callers in the op classes record the graph.
 */
final class Elementwise {
    private Elementwise() {}

    /** {@code out = f(a)} elementwise, computing in {@code compute}'s domain. */
    static Tensor unary(Tensor a, DType compute, DType outType, DoubleUnaryOperator f, LongUnaryOperator g) {
        return unary(a, compute, outType, f, g, null);
    }

    /** As {@link #unary}, with a vectorised kernel for contiguous float32 operands. */
    static Tensor unary(Tensor a, DType compute, DType outType, DoubleUnaryOperator f, LongUnaryOperator g,
                        Kernels.UnaryOp fast) {
        Tensor out = Tensor.allocate(outType, a.sizes.clone());
        unaryInto(out, a, compute, f, g, fast);
        return out;
    }

    static void unaryInto(Tensor out, Tensor a, DType compute, DoubleUnaryOperator f, LongUnaryOperator g) {
        unaryInto(out, a, compute, f, g, null);
    }

    static void unaryInto(Tensor out, Tensor a, DType compute, DoubleUnaryOperator f, LongUnaryOperator g,
                          Kernels.UnaryOp fast) {
        int n = out.numel();
        boolean dense = a.dtype == DType.FLOAT32 && out.dtype == DType.FLOAT32 && a.isContiguous()
                && out.isContiguous() && java.util.Arrays.equals(a.sizes, out.sizes)
                && a.storage.array() != null && out.storage.array() != null;
        if (fast != null && dense) {
            float[] x = (float[]) a.storage.array();
            float[] y = (float[]) out.storage.array();
            int xo = a.storage.base + a.offset;
            int yo = out.storage.base + out.offset;
            if (n <= Cancellation.CHUNK) {
                Kernels.unary(fast, x, xo, y, yo, n);
                return;
            }
            Parallel.forRange(chunks(n), n, (from, to) -> {
                for (int c = from; c < to; c++) {
                    Cancellation.check();
                    int s = c * Cancellation.CHUNK;
                    Kernels.unary(fast, x, xo + s, y, yo + s, Math.min(Cancellation.CHUNK, n - s));
                }
            });
            return;
        }
        if (compute.isFloatingPoint() && dense) {
            float[] x = (float[]) a.storage.array();
            float[] y = (float[]) out.storage.array();
            int xo = a.storage.base + a.offset;
            int yo = out.storage.base + out.offset;
            for (int i = 0; i < n; i++) {
                Cancellation.checkEvery(i);
                y[yo + i] = (float) f.applyAsDouble(x[xo + i]);
            }
            return;
        }
        int[] shape = out.sizes;
        int nd = shape.length;
        int[] sa = Shapes.expandStrides(a.sizes, a.strides, shape);
        int[] so = out.strides;
        int[] idx = new int[nd];
        int oa = a.offset;
        int oo = out.offset;
        boolean floating = compute.isFloatingPoint();
        Storage in = a.storage;
        Storage st = out.storage;
        for (int k = 0; k < n; k++) {
            Cancellation.checkEvery(k);
            if (floating) {
                st.setDouble(oo, f.applyAsDouble(in.getDouble(oa)));
            } else {
                st.setLong(oo, g.applyAsLong(in.getLong(oa)));
            }
            for (int d = nd - 1; d >= 0; d--) {
                oa += sa[d];
                oo += so[d];
                if (++idx[d] < shape[d]) {
                    break;
                }
                oa -= sa[d] * shape[d];
                oo -= so[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /** {@code out = f(a, b)} with broadcasting; the output has the broadcast shape. */
    static Tensor binary(Tensor a, Tensor b, DType compute, DType outType,
                         DoubleBinaryOperator f, LongBinaryOperator g) {
        return binary(a, b, compute, outType, f, g, null);
    }

    /** As {@link #binary}, with a vectorised kernel for float32 operands. */
    static Tensor binary(Tensor a, Tensor b, DType compute, DType outType,
                         DoubleBinaryOperator f, LongBinaryOperator g, Kernels.BinaryOp fast) {
        int[] shape = Shapes.broadcast(a.sizes, b.sizes);
        Tensor out = Tensor.allocate(outType, shape);
        binaryInto(out, a, b, compute, f, g, fast);
        return out;
    }

    static void binaryInto(Tensor out, Tensor a, Tensor b, DType compute,
                           DoubleBinaryOperator f, LongBinaryOperator g) {
        binaryInto(out, a, b, compute, f, g, null);
    }

    private static int chunks(int n) {
        return (n + Cancellation.CHUNK - 1) / Cancellation.CHUNK;
    }

    /**
     * The float32 row path: the last dimension is walked by a vector kernel (input strides 0 or
     * 1 there), the outer dimensions by offsets computed per row; rows are split over threads.
     */
    private static boolean floatRows(Tensor out, Tensor a, Tensor b, Kernels.BinaryOp op) {
        if (out.dtype != DType.FLOAT32 || a.dtype != DType.FLOAT32 || b.dtype != DType.FLOAT32
                || !out.isContiguous() || a.storage.array() == null || b.storage.array() == null
                || out.storage.array() == null) {
            return false;
        }
        int n = out.numel();
        float[] x = (float[]) a.storage.array();
        float[] y = (float[]) b.storage.array();
        float[] z = (float[]) out.storage.array();
        int xb = a.storage.base;
        int yb = b.storage.base;
        int zo = out.storage.base + out.offset;
        if (a.isContiguous() && b.isContiguous() && java.util.Arrays.equals(a.sizes, out.sizes)
                && java.util.Arrays.equals(b.sizes, out.sizes)) {
            int xo = xb + a.offset;
            int yo = yb + b.offset;
            if (n <= Cancellation.CHUNK) {
                Kernels.binary(op, x, xo, 1, y, yo, 1, z, zo, n);
                return true;
            }
            Parallel.forRange(chunks(n), n, (from, to) -> {
                for (int c = from; c < to; c++) {
                    Cancellation.check();
                    int s = c * Cancellation.CHUNK;
                    Kernels.binary(op, x, xo + s, 1, y, yo + s, 1, z, zo + s, Math.min(Cancellation.CHUNK, n - s));
                }
            });
            return true;
        }
        int[] shape = out.sizes;
        int nd = shape.length;
        int[] sa = Shapes.expandStrides(a.sizes, a.strides, shape);
        int[] sb = Shapes.expandStrides(b.sizes, b.strides, shape);
        int inner = nd == 0 ? 1 : shape[nd - 1];
        int ia = nd == 0 ? 0 : sa[nd - 1];
        int ib = nd == 0 ? 0 : sb[nd - 1];
        if ((ia != 0 && ia != 1) || (ib != 0 && ib != 1) || inner == 0) {
            return false;
        }
        int rows = n / inner;
        Parallel.forRange(rows, n, (from, to) -> {
            for (int r = from; r < to; r++) {
                if ((r & 63) == 0) {
                    Cancellation.check();
                }
                int rem = r;
                int oa = a.offset;
                int ob = b.offset;
                for (int d = nd - 2; d >= 0; d--) {
                    int i = rem % shape[d];
                    rem /= shape[d];
                    oa += i * sa[d];
                    ob += i * sb[d];
                }
                Kernels.binary(op, x, xb + oa, ia, y, yb + ob, ib, z, zo + r * inner, inner);
            }
        });
        return true;
    }

    /**
     * {@code out = f(a, b)} where {@code a} and {@code b} broadcast to {@code out}'s shape; {@code out}
     * may alias {@code a} (in-place ops).
     */
    static void binaryInto(Tensor out, Tensor a, Tensor b, DType compute,
                           DoubleBinaryOperator f, LongBinaryOperator g, Kernels.BinaryOp fast) {
        int n = out.numel();
        if (n == 0) {
            return;
        }
        if (fast != null && compute == DType.FLOAT32 && floatRows(out, a, b, fast)) {
            return;
        }
        if (compute.isFloatingPoint() && fastFloat(out, a, b)) {
            float[] x = (float[]) a.storage.array();
            float[] y = (float[]) b.storage.array();
            float[] z = (float[]) out.storage.array();
            int xo = a.storage.base + a.offset;
            int yo = b.storage.base + b.offset;
            int zo = out.storage.base + out.offset;
            for (int i = 0; i < n; i++) {
                Cancellation.checkEvery(i);
                z[zo + i] = (float) f.applyAsDouble(x[xo + i], y[yo + i]);
            }
            return;
        }
        int[] shape = out.sizes;
        int nd = shape.length;
        int[] sa = Shapes.expandStrides(a.sizes, a.strides, shape);
        int[] sb = Shapes.expandStrides(b.sizes, b.strides, shape);
        int[] so = out.strides;
        int[] idx = new int[nd];
        int oa = a.offset;
        int ob = b.offset;
        int oo = out.offset;
        boolean floating = compute.isFloatingPoint();
        // float32/half/bfloat16 ops run in float: operands (e.g. a double scalar) round to float first
        boolean single = floating && compute != DType.FLOAT64;
        Storage ia = a.storage;
        Storage ib = b.storage;
        Storage st = out.storage;
        for (int k = 0; k < n; k++) {
            Cancellation.checkEvery(k);
            if (single) {
                st.setDouble(oo, f.applyAsDouble(Casts.round(ia.getDouble(oa), compute), Casts.round(ib.getDouble(ob), compute)));
            } else if (floating) {
                st.setDouble(oo, f.applyAsDouble(ia.getDouble(oa), ib.getDouble(ob)));
            } else {
                st.setLong(oo, g.applyAsLong(ia.getLong(oa), ib.getLong(ob)));
            }
            for (int d = nd - 1; d >= 0; d--) {
                oa += sa[d];
                ob += sb[d];
                oo += so[d];
                if (++idx[d] < shape[d]) {
                    break;
                }
                oa -= sa[d] * shape[d];
                ob -= sb[d] * shape[d];
                oo -= so[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    private static boolean fastFloat(Tensor out, Tensor a, Tensor b) {
        return out.dtype == DType.FLOAT32 && a.dtype == DType.FLOAT32 && b.dtype == DType.FLOAT32
                && java.util.Arrays.equals(a.sizes, out.sizes) && java.util.Arrays.equals(b.sizes, out.sizes)
                && a.isContiguous() && b.isContiguous() && out.isContiguous()
                && a.storage.array() != null && b.storage.array() != null && out.storage.array() != null;
    }
}
