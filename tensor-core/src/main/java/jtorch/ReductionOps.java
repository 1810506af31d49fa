package jtorch;

import jtorch.internal.shape.ReducedDims;

/** Sum and mean over all or some dimensions, with their backward nodes. */
final class ReductionOps {
    private ReductionOps() {}

    /** The gradient of a reduction, broadcast back over the reduced dims of the input. */
    static Tensor expandBack(Tensor grad, int[] inputSizes, boolean[] mask, boolean keepdim) {
        Tensor g = grad;
        if (!keepdim && inputSizes.length > 0) {
            int[] shape = ReducedDims.outShape(inputSizes, mask, true);
            g = g.reshape(shape);
        }
        return g.expand(inputSizes);
    }

    /** {@code sum}: integral and bool inputs sum to int64 unless a dtype is given. */
    static final class Sum {
        private Sum() {}

        static Tensor forward(Tensor self, int[] dims, boolean keepdim, DType dtype) {
            DType out = dtype != null ? dtype : self.dtype.isFloatingPoint() ? self.dtype : DType.INT64;
            Tensor input = dtype != null && dtype != self.dtype ? self.to(dtype) : self;
            boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
            int[] shape = ReducedDims.outShape(self.sizes, mask, keepdim);
            Tensor result = Tensor.allocate(out, shape);
            int n = result.numel();
            if (out.isFloatingPoint()) {
                double[] acc = Reduce.sumDouble(input, mask);
                for (int i = 0; i < n; i++) {
                    result.storage.setDouble(i, acc[i]);
                }
            } else {
                long[] acc = Reduce.sumLong(input, mask);
                for (int i = 0; i < n; i++) {
                    result.storage.setLong(i, acc[i]);
                }
            }
            if (Grads.needed(self)) {
                result.withGradFn(new Backward(self, mask, keepdim, dims == null ? "SumBackward0" : "SumBackward1", 1));
            }
            return result;
        }

        /** Shared by sum and mean: grad expanded back (and divided by the count for mean). */
        static final class Backward extends Node {
            private final int[] inputSizes;
            private final DType inputType;
            private final boolean[] mask;
            private final boolean keepdim;
            private final String name;
            private final int divisor;

            Backward(Tensor self, boolean[] mask, boolean keepdim, String name, int divisor) {
                super(self);
                this.inputSizes = self.sizes;
                this.inputType = self.dtype;
                this.mask = mask;
                this.keepdim = keepdim;
                this.name = name;
                this.divisor = divisor;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            Tensor[] apply(Tensor grad) {
                Tensor g = divisor == 1 ? grad : grad.div(divisor);
                g = expandBack(g, inputSizes, mask, keepdim);
                return new Tensor[] {g.dtype == inputType ? g : g.to(inputType)};
            }
        }
    }

    /** {@code mean}: floating inputs only (or an explicit floating dtype). */
    static final class Mean {
        private Mean() {}

        static Tensor forward(Tensor self, int[] dims, boolean keepdim, DType dtype) {
            DType type = dtype != null ? dtype : self.dtype;
            if (!type.isFloatingPoint()) {
                throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a"
                        + " floating point or complex dtype. Got: " + type.scalarName());
            }
            boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
            int count = self.numel() / Math.max(1, ReducedDims.outCount(self.sizes, mask));
            if (self.numel() == 0) {
                count = countReduced(self.sizes, mask);
            }
            Tensor sum;
            try (GradMode ignored = GradMode.set(false)) {
                sum = Sum.forward(self, dims, keepdim, type);
            }
            int c = count;
            Tensor result = Elementwise.unary(sum, type, type, x -> x / c, null);
            if (Grads.needed(self)) {
                result.withGradFn(new Sum.Backward(self, mask, keepdim,
                        dims == null ? "MeanBackward0" : "MeanBackward1", Math.max(count, 1)));
            }
            return result;
        }

        private static int countReduced(int[] sizes, boolean[] mask) {
            int n = 1;
            for (int i = 0; i < sizes.length; i++) {
                if (mask[i]) {
                    n *= sizes[i];
                }
            }
            return n;
        }
    }
}
