package jtorch;

import java.util.function.DoubleUnaryOperator;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.shape.Shapes;

/**
 * Statistics over dims: {@code prod}, {@code var}/{@code std}, {@code norm}, the {@code cumsum}
 * scan and the truth reductions {@code all}/{@code any}, each with its backward node (derivative
 * formulas as PyTorch's derivatives.yaml). Floating results accumulate as PyTorch's CPU kernels
 * do: var/std and cumsum in double, prod and norm sequentially in the opmath type (float for
 * float32 and narrower).
 */
final class StatsOps {
    private StatsOps() {}

    private static Tensor expandBack(Tensor grad, int[] inputSizes, boolean[] mask, boolean keepdim) {
        return ReductionOps.expandBack(grad, inputSizes, mask, keepdim);
    }

    private static int count(int[] sizes, boolean[] mask) {
        int n = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (mask[i]) {
                n *= sizes[i];
            }
        }
        return n;
    }

    private static UnsupportedOperationException notImplemented(String kernel, DType dtype) {
        return new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + dtype.scalarName() + "'");
    }

    /**
     * Rounds a double to what a tensor of {@code dtype} stores; scalars in backward formulas are
     * rounded so that {@code tensor * scalar} multiplies in the tensor's precision, as in PyTorch.
     */
    private static double round(double v, DType dtype) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    /**
     * Whether a reduction over {@code dtype} accumulates in single precision, as PyTorch's CPU
     * kernels for prod and norm do for float32, float16 and bfloat16 ({@code opmath} type float).
     */
    private static boolean singlePrecision(DType dtype) {
        return dtype != DType.FLOAT64;
    }

    /** {@code prod}: integral and bool inputs multiply to int64 unless a dtype is given. */
    static final class Prod {
        private Prod() {}

        /** {@code dim == null} reduces everything ({@code ProdBackward0}), else one dim ({@code ProdBackward1}). */
        static Tensor forward(Tensor self, Integer dim, boolean keepdim, DType dtype) {
            DType out = dtype != null ? dtype : self.dtype.isFloatingPoint() ? self.dtype : DType.INT64;
            if (out == DType.FLOAT16 || out == DType.BFLOAT16) {
                throw notImplemented("prod_cpu", out);
            }
            boolean[] mask = ReducedDims.reducedMask(self.dim(), dim == null ? null : new int[] {dim});
            Tensor result = Tensor.allocate(out, ReducedDims.outShape(self.sizes, mask, keepdim));
            Lanes lanes = Lanes.over(self, mask);
            int n = result.numel();
            for (int j = 0; j < n; j++) {
                int s = lanes.start(j);
                if (out.isFloatingPoint()) {
                    boolean single = singlePrecision(out);
                    double p = 1;
                    for (int k = 0; k < lanes.length; k++) {
                        Cancellation.checkEvery(k);
                        double x = lanes.storage.getDouble(s + k * lanes.step);
                        p = single ? (float) ((float) x * (float) p) : p * x;
                    }
                    result.storage.setDouble(j, p);
                } else {
                    long p = 1;
                    for (int k = 0; k < lanes.length; k++) {
                        Cancellation.checkEvery(k);
                        p *= lanes.storage.getLong(s + k * lanes.step);
                    }
                    result.storage.setLong(j, p);
                }
            }
            if (Grads.needed(self)) {
                Backward node = new Backward(self, dim == null ? null : Shapes.wrapDim(dim, self.dim()), mask, keepdim);
                result.withGradFn(node);
                node.result = node.saveOutput(result);
            }
            return result;
        }

        /**
         * {@code grad * result / self} when no reduced element is zero, else {@code grad} times the
         * product of the other elements of the lane (exclusive prefix times suffix products).
         */
        static final class Backward extends Node {
            /** The reduced dim, or null when all dims are reduced. */
            private final Integer dim;
            private final SavedTensor self;
            private final boolean[] mask;
            private final boolean keepdim;
            SavedTensor result;

            Backward(Tensor self, Integer dim, boolean[] mask, boolean keepdim) {
                super(self);
                this.dim = dim;
                this.self = save(self);
                this.mask = mask;
                this.keepdim = keepdim;
            }

            @Override
            public String name() {
                return dim == null ? "ProdBackward0" : "ProdBackward1";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor s = self.unpack();
                Tensor g = expandBack(grad, s.sizes, mask, keepdim);
                Tensor out;
                if (s.dim() == 0) {
                    out = grad;
                } else if (s.eq(0).any().boolValue()) {
                    out = g.mul(othersProduct(s));
                } else {
                    out = g.mul(expandBack(result.unpack(), s.sizes, mask, keepdim).div(s));
                }
                return new Tensor[] {out.dtype == s.dtype ? out : out.to(s.dtype)};
            }

            private Tensor othersProduct(Tensor s) {
                Tensor out = Tensor.allocate(s.dtype, s.sizes.clone());
                Lanes in = dim == null || s.dim() == 0 ? Lanes.over(s, mask) : Lanes.along(s, dim);
                Lanes to = dim == null || s.dim() == 0 ? Lanes.over(out, mask) : Lanes.along(out, dim);
                double[] suffix = new double[in.length + 1];
                for (int j = 0; j < in.lanes(); j++) {
                    double[] x = in.doubles(j);
                    suffix[x.length] = 1;
                    for (int k = x.length - 1; k >= 0; k--) {
                        suffix[k] = suffix[k + 1] * x[k];
                    }
                    double prefix = 1;
                    int t = to.start(j);
                    for (int k = 0; k < x.length; k++) {
                        double left = round(prefix, s.dtype);
                        double right = round(suffix[k + 1], s.dtype);
                        out.storage.setDouble(t + k * to.step, left * right);
                        prefix *= x[k];
                    }
                }
                return out;
            }
        }
    }

    /** {@code var} and {@code std} ({@code unbiased}: divide by N - 1), floating dtypes only. */
    static final class Var {
        private Var() {}

        static Tensor forward(Tensor self, int[] dims, boolean unbiased, boolean keepdim, boolean std) {
            if (!self.dtype.isFloatingPoint()) {
                throw new IllegalArgumentException("std and var only support floating point and complex dtypes");
            }
            boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
            Tensor result = Tensor.allocate(self.dtype, ReducedDims.outShape(self.sizes, mask, keepdim));
            Lanes lanes = Lanes.over(self, mask);
            int correction = unbiased ? 1 : 0;
            int n = result.numel();
            for (int j = 0; j < n; j++) {
                double[] x = lanes.doubles(j);
                double mean = 0;
                for (double v : x) {
                    mean += v;
                }
                mean /= x.length;
                double sq = 0;
                for (double v : x) {
                    sq += (v - mean) * (v - mean);
                }
                double var = sq / Math.max(0, x.length - correction);
                result.storage.setDouble(j, std ? Math.sqrt(var) : var);
            }
            if (Grads.needed(self)) {
                Backward node = new Backward(self, mask, keepdim, correction, std);
                result.withGradFn(node);
                if (std) {
                    node.result = node.saveOutput(result);
                }
            }
            return result;
        }

        /**
         * {@code VarBackward0}: {@code 2 / (N - correction) * grad * (self - mean)};
         * {@code StdBackward0} first turns the gradient into var's: {@code grad / (2 * std)}
         * (0 where std is 0).
         */
        static final class Backward extends Node {
            private final SavedTensor self;
            private final boolean[] mask;
            private final boolean keepdim;
            private final int correction;
            private final boolean std;
            SavedTensor result;

            Backward(Tensor self, boolean[] mask, boolean keepdim, int correction, boolean std) {
                super(self);
                this.self = save(self);
                this.mask = mask;
                this.keepdim = keepdim;
                this.correction = correction;
                this.std = std;
            }

            @Override
            public String name() {
                return std ? "StdBackward0" : "VarBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor s = self.unpack();
                Tensor g = grad;
                if (std) {
                    Tensor r = result.unpack();
                    g = WhereOp.forward(r.eq(0), Scalars.wrap(0), g.div(r.mul(2)));
                }
                int dof = count(s.sizes, mask) - correction;
                Tensor scaled = g.mul(round(2.0 / dof, g.dtype));
                Tensor centered = s.sub(s.mean(ExtremaOps.dimsOf(mask), true));
                Tensor out = expandBack(scaled, s.sizes, mask, keepdim).mul(centered);
                return new Tensor[] {out.dtype == s.dtype ? out : out.to(s.dtype)};
            }
        }
    }

    /** {@code norm(p, dims, keepdim)}: the vector p-norm of each lane, floating dtypes only. */
    static final class Norm {
        private Norm() {}

        static Tensor forward(Tensor self, double p, int[] dims, boolean keepdim) {
            if (!self.dtype.isFloatingPoint()) {
                throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                        + self.dtype.scalarName() + " instead.");
            }
            boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
            Tensor result = Tensor.allocate(self.dtype, ReducedDims.outShape(self.sizes, mask, keepdim));
            Lanes lanes = Lanes.over(self, mask);
            int n = result.numel();
            for (int j = 0; j < n; j++) {
                result.storage.setDouble(j, norm(lanes.doubles(j), p, singlePrecision(self.dtype)));
            }
            if (Grads.needed(self)) {
                Backward node = new Backward(self, p, mask, keepdim);
                result.withGradFn(node);
                node.result = node.saveOutput(result);
            }
            return result;
        }

        /** The p-norm of one lane, accumulated sequentially in float or double like PyTorch's kernel. */
        private static double norm(double[] x, double p, boolean single) {
            DoubleUnaryOperator r = single ? v -> (float) v : v -> v;
            double q = r.applyAsDouble(p);
            double acc = p == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : 0;
            for (double v : x) {
                double a = Math.abs(v);
                if (p == 0) {
                    acc += v != 0 ? 1 : 0;
                } else if (p == 1) {
                    acc = r.applyAsDouble(acc + a);
                } else if (p == 2) {
                    acc = r.applyAsDouble(acc + r.applyAsDouble(a * a));
                } else if (p == Double.POSITIVE_INFINITY) {
                    acc = Double.isNaN(a) || a > acc ? a : acc;
                } else if (p == Double.NEGATIVE_INFINITY) {
                    acc = Double.isNaN(a) || a < acc ? a : acc;
                } else {
                    acc = r.applyAsDouble(acc + r.applyAsDouble(Math.pow(a, q)));
                }
            }
            if (p == 2) {
                return Math.sqrt(acc);
            }
            return p == 0 || p == 1 || Double.isInfinite(p) ? acc : Math.pow(acc, r.applyAsDouble(1 / q));
        }

        /** {@code NormBackward1}: PyTorch's {@code norm_backward} for each kind of p. */
        static final class Backward extends Node {
            private final SavedTensor self;
            private final double p;
            private final boolean[] mask;
            private final boolean keepdim;
            SavedTensor result;

            Backward(Tensor self, double p, boolean[] mask, boolean keepdim) {
                super(self);
                this.self = save(self);
                this.p = p;
                this.mask = mask;
                this.keepdim = keepdim;
            }

            @Override
            public String name() {
                return "NormBackward1";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                if (p == 0) {
                    return new Tensor[] {null};
                }
                Tensor s = self.unpack();
                int[] kept = ReducedDims.outShape(s.sizes, mask, true);
                Tensor g = keepdim || s.dim() == 0 ? grad : grad.reshape(kept);
                Tensor norm = keepdim || s.dim() == 0 ? result.unpack() : result.unpack().reshape(kept);
                Tensor out;
                if (p == 1) {
                    out = s.sign().mul(g);
                } else if (p == 2) {
                    out = g.mul(zeroWhereNormIsZero(norm, s.div(norm)));
                } else if (Double.isInfinite(p)) {
                    Tensor a = s.abs();
                    Tensor hits = a.eq(norm).logicalOr(a.ne(a));
                    out = s.sign().mul(g.div(hits.sum(ExtremaOps.dimsOf(mask), true)).mul(hits));
                } else if (p < 1) {
                    Tensor scaled = s.sign().mul(WhereOp.forward(s.eq(0), Scalars.wrap(0), s.abs().pow(p - 1)));
                    out = scaled.mul(g).mul(norm.pow(1 - p));
                } else {
                    Tensor scaled = p < 2 ? s.sign().mul(s.abs().pow(p - 1)) : s.mul(s.abs().pow(p - 2));
                    out = scaled.mul(zeroWhereNormIsZero(norm, g.div(norm.pow(p - 1))));
                }
                return new Tensor[] {out.dtype == s.dtype ? out : out.to(s.dtype)};
            }

            private static Tensor zeroWhereNormIsZero(Tensor norm, Tensor t) {
                return WhereOp.forward(norm.eq(0), Scalars.wrap(0), t);
            }
        }
    }

    /** Running sums along one lane layout, {@code reverse} from the end; floating ones in double. */
    static Tensor scan(Tensor src, int dim, DType outType, boolean reverse) {
        Tensor out = Tensor.allocate(outType, src.sizes.clone());
        Lanes in = Lanes.along(src, dim);
        Lanes to = Lanes.along(out, dim);
        boolean floating = outType.isFloatingPoint();
        int len = in.length;
        for (int j = 0; j < in.lanes(); j++) {
            Cancellation.check();
            int s = in.start(j);
            int t = to.start(j);
            double accD = 0;
            long accL = 0;
            for (int i = 0; i < len; i++) {
                Cancellation.checkEvery(i);
                int k = reverse ? len - 1 - i : i;
                if (floating) {
                    accD += in.storage.getDouble(s + k * in.step);
                    out.storage.setDouble(t + k * to.step, accD);
                } else {
                    accL += in.storage.getLong(s + k * in.step);
                    out.storage.setLong(t + k * to.step, accL);
                }
            }
        }
        return out;
    }

    /** {@code cumsum(dim, dtype)}: integral and bool inputs sum to int64 unless a dtype is given. */
    static final class Cumsum {
        private Cumsum() {}

        static Tensor forward(Tensor self, int dim, DType dtype) {
            int d = Shapes.wrapDim(dim, self.dim());
            DType out = dtype != null ? dtype : self.dtype.isFloatingPoint() ? self.dtype : DType.INT64;
            if (out == DType.FLOAT16) {
                throw notImplemented("cumsum_out_cpu", out);
            }
            Tensor input = self.dtype == out ? self : self.detachAlias().to(out);
            Tensor result = scan(input, d, out, false);
            if (Grads.needed(self)) {
                result.withGradFn(new Backward(self, d));
            }
            return result;
        }

        /** {@code CumsumBackward0}: the reversed running sum of the gradient. */
        static final class Backward extends Node {
            private final int dim;
            private final DType inputType;

            Backward(Tensor self, int dim) {
                super(self);
                this.dim = dim;
                this.inputType = self.dtype;
            }

            @Override
            public String name() {
                return "CumsumBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {scan(grad, dim, inputType, true)};
            }
        }
    }

    /** {@code all} / {@code any}: bool results (uint8 for uint8 input); not differentiable. */
    static Tensor truth(Tensor self, Integer dim, boolean keepdim, boolean all) {
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dim == null ? null : new int[] {dim});
        DType outType = self.dtype == DType.UINT8 ? DType.UINT8 : DType.BOOL;
        Tensor result = Tensor.allocate(outType, ReducedDims.outShape(self.sizes, mask, keepdim));
        Lanes lanes = Lanes.over(self, mask);
        boolean floating = self.dtype.isFloatingPoint();
        int n = result.numel();
        for (int j = 0; j < n; j++) {
            int s = lanes.start(j);
            boolean acc = all;
            for (int k = 0; k < lanes.length && acc == all; k++) {
                Cancellation.checkEvery(k);
                int at = s + k * lanes.step;
                acc = floating ? lanes.storage.getDouble(at) != 0 : lanes.storage.getLong(at) != 0;
            }
            result.storage.setLong(j, acc ? 1 : 0);
        }
        return result;
    }
}
