package jtorch;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;

import static jtorch.FormulaNode.Operand.RESULT;
import static jtorch.FormulaNode.Operand.SELF;
import static jtorch.FormulaNode.formula;

/**
 * Extreme values: {@code max}/{@code min} (over everything, or along a dim with indices),
 * {@code amax}/{@code amin} and {@code argmax}/{@code argmin}, each with its backward node.
 *
 * <p>One scan rule serves them all, as in PyTorch's CPU kernels: the first extreme element wins
 * ties, and NaN counts as more extreme than any number (the first NaN wins), so NaN propagates.
 */
final class ExtremaOps {
    private ExtremaOps() {}

    /** Which extreme an op looks for, with the op names used in messages and grad_fn names. */
    enum Kind {
        MAX("max", "argmax", "amax", "Max", "Amax"),
        MIN("min", "argmin", "amin", "Min", "Amin");

        final String op;
        final String argOp;
        final String aOp;
        final String node;
        final String aNode;

        Kind(String op, String argOp, String aOp, String node, String aNode) {
            this.op = op;
            this.argOp = argOp;
            this.aOp = aOp;
            this.node = node;
            this.aNode = aNode;
        }
    }

    /** Position in lane {@code j} of its first extreme element (or first NaN). */
    static int pick(Lanes lanes, int j, Kind kind) {
        Cancellation.check();
        Storage st = lanes.storage;
        int s = lanes.start(j);
        boolean max = kind == Kind.MAX;
        int at = 0;
        if (lanes.dtype.isFloatingPoint()) {
            double best = st.getDouble(s);
            for (int k = 1; k < lanes.length && !Double.isNaN(best); k++) {
                Cancellation.checkEvery(k);
                double v = st.getDouble(s + k * lanes.step);
                if (max ? !(v <= best) : !(v >= best)) {
                    best = v;
                    at = k;
                }
            }
        } else {
            long best = st.getLong(s);
            for (int k = 1; k < lanes.length; k++) {
                Cancellation.checkEvery(k);
                long v = st.getLong(s + k * lanes.step);
                if (max ? v > best : v < best) {
                    best = v;
                    at = k;
                }
            }
        }
        return at;
    }

    /** Copies element {@code k} of lane {@code j} into element {@code i} of contiguous {@code out}. */
    private static void copyElement(Lanes lanes, int j, int k, Tensor out, int i) {
        int src = lanes.start(j) + k * lanes.step;
        if (out.dtype.isFloatingPoint()) {
            out.storage.setDouble(i, lanes.storage.getDouble(src));
        } else {
            out.storage.setLong(i, lanes.storage.getLong(src));
        }
    }

    private static void requireElements(Tensor self, String op) {
        if (self.numel() == 0) {
            throw new IllegalArgumentException(op + "(): Expected reduction dim to be specified for input.numel() == 0."
                    + " Specify the reduction dim with the 'dim' argument.");
        }
    }

    private static void requireNonEmptyDim(Tensor self, int dim, String op) {
        if (self.dim() > 0 && self.sizes[dim] == 0) {
            throw new IndexOutOfBoundsException(op + "(): Expected reduction dim " + dim + " to have non-zero size.");
        }
    }

    private static void requireNotBool(Tensor self, String kernel) {
        if (self.dtype.isBool()) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for 'Bool'");
        }
    }

    /** {@code max()} / {@code min()}: the extreme of all elements; NaN propagates. */
    static final class All {
        private All() {}

        static Tensor forward(Tensor self, Kind kind) {
            requireElements(self, kind.op);
            Lanes lanes = Lanes.over(self, ReducedDims.reducedMask(self.dim(), null));
            Tensor out = Tensor.allocate(self.dtype, new int[0]);
            copyElement(lanes, 0, pick(lanes, 0, kind), out, 0);
            // MaxBackward1: the gradient shared evenly by the elements equal to the result
            return FormulaNode.record(out, kind.node + "Backward1", self,
                    formula((g, in) -> evenlyDistribute(g, in.self(), in.result()), SELF, RESULT));
        }
    }

    /**
     * The gradient of a reduction to one value that several equal elements may share (full max,
     * min, median): {@code grad / count} at each element equal to {@code value} (or NaN when the
     * value is NaN), zero elsewhere.
     */
    static Tensor evenlyDistribute(Tensor grad, Tensor input, Tensor value) {
        boolean nan = Double.isNaN(value.doubleValue());
        Tensor mask = nan ? input.ne(input) : input.eq(value);
        Tensor share = grad.div(mask.sum());
        Tensor g = WhereOp.forward(mask, share, Scalars.wrap(0));
        return g.dtype == input.dtype ? g : g.to(input.dtype);
    }

    /** {@code max(dim, keepdim)} / {@code min(dim, keepdim)}: values and their int64 indices. */
    static final class AlongDim {
        private AlongDim() {}

        static ValuesIndices forward(Tensor self, int dim, boolean keepdim, Kind kind) {
            int d = Shapes.wrapDim(dim, self.dim());
            requireNonEmptyDim(self, d, kind.op);
            boolean[] mask = ReducedDims.reducedMask(self.dim(), new int[] {d});
            int[] shape = ReducedDims.outShape(self.sizes, mask, keepdim);
            Tensor values = Tensor.allocate(self.dtype, shape);
            Tensor indices = Tensor.allocate(DType.INT64, shape.clone());
            Lanes lanes = Lanes.along(self, d);
            int n = values.numel();
            for (int j = 0; j < n; j++) {
                int k = pick(lanes, j, kind);
                copyElement(lanes, j, k, values, j);
                indices.storage.setLong(j, k);
            }
            if (Grads.needed(self)) {
                values.withGradFn(new ValueSelectingBackward(kind.node + "Backward0", self, d, indices));
            }
            return ValuesIndices.of(kind.op, values, indices);
        }
    }

    /**
     * Backward of a reduction along one dim that picks one element per lane (max, min, median,
     * sort-free selections): the gradient goes to the picked element, PyTorch's
     * {@code value_selecting_reduction_backward}.
     */
    static final class ValueSelectingBackward extends Node {
        private final String name;
        private final int[] inputSizes;
        private final DType inputType;
        private final int dim;
        private final Tensor indices;

        ValueSelectingBackward(String name, Tensor self, int dim, Tensor indices) {
            super(self);
            this.name = name;
            this.inputSizes = self.sizes;
            this.inputType = self.dtype;
            this.dim = dim;
            this.indices = indices.detachAlias();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        Tensor[] apply(Tensor grad) {
            return new Tensor[] {Lanes.scatterAlong(inputSizes, inputType, dim, indices, grad)};
        }
    }

    /** {@code argmax()} / {@code argmax(dim, keepdim)} and the argmin twins: int64 positions. */
    static final class Arg {
        private Arg() {}

        static Tensor forward(Tensor self, Integer dim, boolean keepdim, Kind kind) {
            requireNotBool(self, kind.argOp + "_cpu");
            if (dim == null) {
                if (self.numel() == 0) {
                    throw new IndexOutOfBoundsException(kind.argOp
                            + "(): Expected reduction dim to be specified for input.numel() == 0.");
                }
                Lanes lanes = Lanes.over(self, ReducedDims.reducedMask(self.dim(), null));
                int[] shape = keepdim ? ones(self.dim()) : new int[0];
                Tensor out = Tensor.allocate(DType.INT64, shape);
                out.storage.setLong(0, pick(lanes, 0, kind));
                return out;
            }
            int d = Shapes.wrapDim(dim, self.dim());
            requireNonEmptyDim(self, d, kind.argOp);
            int[] shape = ReducedDims.outShape(self.sizes, ReducedDims.reducedMask(self.dim(), new int[] {d}), keepdim);
            Tensor out = Tensor.allocate(DType.INT64, shape);
            Lanes lanes = Lanes.along(self, d);
            int n = out.numel();
            for (int j = 0; j < n; j++) {
                out.storage.setLong(j, pick(lanes, j, kind));
            }
            return out;
        }

        private static int[] ones(int n) {
            int[] s = new int[n];
            java.util.Arrays.fill(s, 1);
            return s;
        }
    }

    /** {@code amax(dims, keepdim)} / {@code amin}: extremes over several dims (all when none). */
    static final class Amax {
        private Amax() {}

        static Tensor forward(Tensor self, int[] dims, boolean keepdim, Kind kind) {
            boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
            if (dims == null || dims.length == 0) {
                requireElements(self, kind.aOp);
            } else {
                for (int d = 0; d < self.dim(); d++) {
                    if (mask[d]) {
                        requireNonEmptyDim(self, d, kind.aOp);
                    }
                }
            }
            int[] shape = ReducedDims.outShape(self.sizes, mask, keepdim);
            Tensor out = Tensor.allocate(self.dtype, shape);
            Lanes lanes = Lanes.over(self, mask);
            int n = out.numel();
            for (int j = 0; j < n; j++) {
                copyElement(lanes, j, pick(lanes, j, kind), out, j);
            }
            // AmaxBackward0: the gradient split evenly among the tied extremes of each lane
            return FormulaNode.record(out, kind.aNode + "Backward0", self, formula((g, in) -> {
                Tensor s = in.self();
                int[] kept = ReducedDims.outShape(s.sizes, mask, true);
                Tensor hits = s.eq(in.result().reshape(kept));
                return g.reshape(kept).div(hits.sum(dimsOf(mask), true)).mul(hits);
            }, SELF, RESULT));
        }
    }

    /** The indices of the flagged dims. */
    static int[] dimsOf(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] dims = new int[n];
        for (int i = 0, k = 0; i < mask.length; i++) {
            if (mask[i]) {
                dims[k++] = i;
            }
        }
        return dims;
    }
}
