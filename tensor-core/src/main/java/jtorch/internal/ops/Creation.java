package jtorch.internal.ops;

import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.dtype.Casts;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Linspace;
import jtorch.internal.kernels.Parallel;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/** Factories with shapes and ranges: full, eye, arange, linspace. */
public final class Creation {
    private Creation() {}

    public static TensorImpl full(int[] size, Number value, DType dtype, boolean requiresGrad) {
        DType type = dtype != null ? dtype : Scalars.isIntegral(value) ? DType.INT64 : DefaultDtype.get();
        TensorImpl t = filled(TensorImpl.allocate(type, Shapes.checkedSizes(size)), value);
        return requiresGrad ? Autograd.requiresGradFactory(t, true) : t;
    }

    public static TensorImpl eye(int n, int m, DType dtype) {
        TensorImpl t = TensorImpl.allocate(dtype == null ? DefaultDtype.get() : dtype, Shapes.checkedSizes(n, m));
        for (int i = 0; i < Math.min(n, m); i++) {
            t.storage().setLong(i * m + i, 1);
        }
        return t;
    }

    public static TensorImpl arange(double start, double end, double step, boolean integral, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        DType type = dtype != null ? dtype : integral ? DType.INT64 : DefaultDtype.get();
        int n = (int) Math.ceil((end - start) / step);
        TensorImpl t = TensorImpl.allocate(type, new int[] {n});
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            if (type.isFloatingPoint()) {
                t.storage().setDouble(i, start + i * step);
            } else {
                t.storage().setLong(i, (long) (start + i * step));
            }
        }
        return t;
    }

    public static TensorImpl arange(long start, long end, long step, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        DType type = dtype != null ? dtype : DType.INT64;
        long n = (end - start + step - (step > 0 ? 1 : -1)) / step;
        TensorImpl t = TensorImpl.allocate(type, new int[] {(int) Math.max(n, 0)});
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            t.storage().setLong(i, start + i * step);
        }
        return t;
    }

    /** {@code linspace}: symmetric fill from both ends, as ATen does. */
    public static TensorImpl linspace(double start, double end, int steps, DType dtype) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        DType type = dtype != null ? dtype : DefaultDtype.get();
        TensorImpl t = TensorImpl.allocate(type, new int[] {steps});
        if (type == DType.FLOAT32 || type == DType.FLOAT64) {
            // PyTorch's own points (halves from each end, fused multiply-adds, vector pairs)
            double[] points = Linspace.points(start, end, steps, type == DType.FLOAT32, Parallel.numThreads());
            for (int i = 0; i < steps; i++) {
                Cancellation.checkEvery(i);
                t.storage().setDouble(i, points[i]);
            }
            return t;
        }
        if (steps == 1) {
            t.storage().setDouble(0, start);
        } else if (steps > 1) {
            double step = (end - start) / (steps - 1);
            int half = steps / 2;
            for (int i = 0; i < steps; i++) {
                Cancellation.checkEvery(i);
                double v = i < half ? start + step * i : end - step * (steps - i - 1);
                if (type.isFloatingPoint()) {
                    t.storage().setDouble(i, v);
                } else {
                    t.storage().setLong(i, (long) v);
                }
            }
        }
        return t;
    }

    /**
     * {@code torch.full_like(like, value)} (and zeros_like, ones_like): {@code like}'s sizes and
     * dtype in preserve_format (a transposed input gives a transposed result).
     */
    public static TensorImpl fullLike(TensorImpl like, Number value) {
        return filled(TensorImpl.allocateLike(like, like.dtype()), value);
    }

    /** Fills the new zero tensor {@code t} with {@code value} (fill_'s overflow check); returns {@code t}. */
    private static TensorImpl filled(TensorImpl t, Number value) {
        Casts.checkConvertible(value, t.dtype());
        if (value.doubleValue() != 0) {
            StridedCopy.copyInto(t, Scalars.wrap(value));
        }
        return t;
    }

    /**
     * {@code logspace(start, end, steps, base)}: {@code base} to the powers of a symmetric fill,
     * as ATen's CPU kernel: start, end and their difference in the element type, the step and
     * the powers in double ({@code base^(start + step * i)} for the first half, {@code
     * base^(end - step * (steps - i - 1))} for the rest), each point rounded (truncated for
     * integral dtypes) once.
     */
    public static TensorImpl logspace(double start, double end, int steps, double base, DType dtype) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        DType type = dtype != null ? dtype : DefaultDtype.get();
        if (steps > 1 && (type == DType.FLOAT16 || type == DType.BOOL)) {
            throw new UnsupportedOperationException("\"logspace_cpu\" not implemented for '" + type.scalarName() + "'");
        }
        TensorImpl t = TensorImpl.allocate(type, new int[] {steps});
        boolean floating = type.isFloatingPoint();
        double first = floating ? Casts.round(start, type) : (long) start;
        double last = floating ? Casts.round(end, type) : (long) end;
        double step = (floating ? Casts.round(last - first, type) : last - first) / (steps - 1);
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            Cancellation.checkEvery(i);
            double v = steps == 1 ? Math.pow(base, start)
                    : Math.pow(base, i < half ? first + step * i : last - step * (steps - i - 1));
            if (floating) {
                t.storage().setDouble(i, v);
            } else {
                t.storage().setLong(i, (long) v);
            }
        }
        return t;
    }

    /** Zeros with {@code t}'s shape and dtype. */
    public static TensorImpl zerosLike(TensorImpl t) {
        return TensorImpl.allocate(t.dtype(), t.sizes().clone());
    }
}
