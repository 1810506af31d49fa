package jtorch.internal.ops;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;

/**
 * Extreme values: {@code max}/{@code min} (over everything, or along a dim with indices),
 * {@code amax}/{@code amin} and {@code argmax}/{@code argmin}, each with its backward node.
 *
 * <p>One scan rule serves them all, as in PyTorch's CPU kernels: the first extreme element wins
 * ties, and NaN counts as more extreme than any number (the first NaN wins), so NaN propagates.
 */
public final class Extrema {
    private Extrema() {}

    /** Which extreme an op looks for, with the op names used in messages and grad_fn names. */
    public enum Kind {
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

    /**
     * Position in lane {@code j} of its first extreme element (or first NaN); a contiguous float32
     * lane by {@link Kernels#firstExtreme}, which finds the same element.
     */
    static int pick(Lanes lanes, int j, Kind kind) {
        Cancellation.check();
        Storage st = lanes.storage();
        int s = lanes.start(j);
        boolean max = kind == Kind.MAX;
        if (lanes.step == 1 && st.array() instanceof float[] a) {
            return Kernels.firstExtreme(a, st.base + s, lanes.length, max);
        }
        int at = 0;
        if (lanes.dtype().isFloatingPoint()) {
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
    private static void copyElement(Lanes lanes, int j, int k, TensorImpl out, int i) {
        int src = lanes.start(j) + k * lanes.step;
        if (out.dtype().isFloatingPoint()) {
            out.storage().setDouble(i, lanes.storage().getDouble(src));
        } else {
            out.storage().setLong(i, lanes.storage().getLong(src));
        }
    }

    private static void requireElements(TensorImpl self, String op) {
        if (self.numel() == 0) {
            throw new IllegalArgumentException(op + "(): Expected reduction dim to be specified for input.numel() == 0."
                    + " Specify the reduction dim with the 'dim' argument.");
        }
    }

    private static void requireNonEmptyDim(TensorImpl self, int dim, String op) {
        if (self.dim() > 0 && self.sizes()[dim] == 0) {
            throw emptyDim(dim, op);
        }
    }

    private static IndexOutOfBoundsException emptyDim(int dim, String op) {
        return new IndexOutOfBoundsException(op + "(): Expected reduction dim " + dim + " to have non-zero size.");
    }

    private static void requireNotBool(TensorImpl self, String kernel) {
        if (self.dtype().isBool()) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for 'Bool'");
        }
    }

    /** {@code max()} / {@code min()}: the extreme of all elements; NaN propagates. */
    public static TensorImpl all(TensorImpl self, Kind kind) {
        requireElements(self, kind.op);
        Lanes lanes = Lanes.over(self, ReducedDims.reducedMask(self.dim(), null));
        TensorImpl out = TensorImpl.allocate(self.dtype(), new int[0]);
        copyElement(lanes, 0, pick(lanes, 0, kind), out, 0);
        // MaxBackward1: the gradient shared evenly by the elements equal to the result
        return FormulaNode.record(out, kind.node + "Backward1", self,
                formula((g, in) -> evenlyDistribute(g, in.self(), in.result()), SELF, RESULT));
    }

    /**
     * The gradient of a reduction to one value that several equal elements may share (full max,
     * min, median): {@code grad / count} at each element equal to {@code value} (or NaN when the
     * value is NaN), zero elsewhere.
     */
    static TensorImpl evenlyDistribute(TensorImpl grad, TensorImpl input, TensorImpl value) {
        boolean nan = Double.isNaN(value.getDouble(0));
        TensorImpl mask = nan ? Comparisons.ne(input, input) : Comparisons.eq(input, value);
        TensorImpl share = Arithmetic.div(grad, Reductions.sum(mask, null, false, null));
        return Conversions.to(Where.where(mask, share, Scalars.wrap(0)), input.dtype());
    }

    /** {@code max(dim, keepdim)} / {@code min(dim, keepdim)}: values and their int64 indices. */
    public static ValuesAndIndices alongDim(TensorImpl self, int dim, boolean keepdim, Kind kind) {
        int d = Shapes.wrapDim(dim, self.dim());
        requireNonEmptyDim(self, d, kind.op);
        boolean[] mask = ReducedDims.reducedMask(self.dim(), new int[] {d});
        int[] shape = ReducedDims.outShape(self.sizes(), mask, keepdim);
        TensorImpl values = TensorImpl.allocate(self.dtype(), shape);
        TensorImpl indices = TensorImpl.allocate(DType.INT64, shape.clone());
        Lanes lanes = Lanes.along(self, d);
        int n = values.numel();
        for (int j = 0; j < n; j++) {
            int k = pick(lanes, j, kind);
            copyElement(lanes, j, k, values, j);
            indices.storage().setLong(j, k);
        }
        recordValueSelecting(values, kind.node + "Backward0", self, d, indices);
        return new ValuesAndIndices(kind.op, values, indices);
    }

    /**
     * Records a reduction along one dim that picks one element per lane (max, min, median, ...):
     * the gradient goes to the picked element, PyTorch's {@code value_selecting_reduction_backward}.
     */
    static void recordValueSelecting(TensorImpl values, String name, TensorImpl self, int dim, TensorImpl indices) {
        int[] inputSizes = self.sizes();
        DType inputType = self.dtype();
        TensorImpl picked = indices.detachAlias();
        FormulaNode.record(values, name, self,
                formula((g, in) -> Lanes.scatterAlong(inputSizes, inputType, dim, picked, g)));
    }

    /** {@code argmax()} / {@code argmax(dim, keepdim)} and the argmin twins: int64 positions. */
    public static TensorImpl arg(TensorImpl self, Integer dim, boolean keepdim, Kind kind) {
        requireNotBool(self, kind.argOp + "_cpu");
        if (dim == null) {
            if (self.numel() == 0) {
                throw new IndexOutOfBoundsException(kind.argOp
                        + "(): Expected reduction dim to be specified for input.numel() == 0.");
            }
            Lanes lanes = Lanes.over(self, ReducedDims.reducedMask(self.dim(), null));
            int[] shape = keepdim ? ones(self.dim()) : new int[0];
            TensorImpl out = TensorImpl.allocate(DType.INT64, shape);
            out.storage().setLong(0, pick(lanes, 0, kind));
            return out;
        }
        int d = Shapes.wrapDim(dim, self.dim());
        requireNonEmptyDim(self, d, kind.argOp);
        int[] shape = ReducedDims.outShape(self.sizes(), ReducedDims.reducedMask(self.dim(), new int[] {d}), keepdim);
        TensorImpl out = TensorImpl.allocate(DType.INT64, shape);
        Lanes lanes = Lanes.along(self, d);
        int n = out.numel();
        for (int j = 0; j < n; j++) {
            out.storage().setLong(j, pick(lanes, j, kind));
        }
        return out;
    }

    private static int[] ones(int n) {
        int[] s = new int[n];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    /** {@code amax(dims, keepdim)} / {@code amin}: extremes over several dims (all when none). */
    public static TensorImpl amax(TensorImpl self, int[] dims, boolean keepdim, Kind kind) {
        if (dims == null || dims.length == 0) {
            requireElements(self, kind.aOp);
        } else {
            for (int d : dims) { // in the order given, named as given, before the duplicate check
                if (self.dim() > 0 && self.sizes()[Shapes.wrapDim(d, self.dim())] == 0) {
                    throw emptyDim(d, kind.aOp);
                }
            }
        }
        boolean[] mask = ReducedDims.reducedMask(self.dim(), dims);
        int[] shape = ReducedDims.outShape(self.sizes(), mask, keepdim);
        TensorImpl out = TensorImpl.allocate(self.dtype(), shape);
        Lanes lanes = Lanes.over(self, mask);
        int n = out.numel();
        for (int j = 0; j < n; j++) {
            copyElement(lanes, j, pick(lanes, j, kind), out, j);
        }
        // AmaxBackward0: the gradient split evenly among the tied extremes of each lane
        return FormulaNode.record(out, kind.aNode + "Backward0", self, formula((g, in) -> {
            TensorImpl s = in.self();
            int[] kept = ReducedDims.outShape(s.sizes(), mask, true);
            TensorImpl hits = Comparisons.eq(s, Views.reshape(in.result(), kept));
            return Arithmetic.mul(Arithmetic.div(Views.reshape(g, kept),
                    Reductions.sum(hits, dimsOf(mask), true, null)), hits);
        }, SELF, RESULT));
    }

    /**
     * {@code torch.aminmax(self, dim=dim, keepdim=keepdim)} ({@code dim} null: all elements): the
     * minimum and maximum, NaN propagating. PyTorch 1.13 has no derivative: both results carry a
     * {@code NotImplemented} node whose backward raises.
     */
    public static TensorImpl[] aminmax(TensorImpl self, Integer dim, boolean keepdim) {
        int[] dims = null;
        if (dim == null) {
            if (self.numel() == 0) {
                throw new IllegalArgumentException("aminmax(): cannot compute aminmax over an empty dimension as the"
                        + " operation has no identity.");
            }
        } else {
            int d = Shapes.wrapDim(dim, self.dim());
            if (self.dim() > 0 && self.sizes()[d] == 0) {
                throw new IndexOutOfBoundsException("aminmax: Expected reduction dim " + d + " to have non-zero size.");
            }
            dims = self.dim() == 0 ? new int[0] : new int[] {d};
        }
        // PyTorch 1.13's kernels: the all-elements one lacks float16, the one along a dim bfloat16 too
        if (self.dtype() == DType.FLOAT16 || dim != null && self.dtype() == DType.BFLOAT16) {
            throw new UnsupportedOperationException("\"aminmax_cpu\" not implemented for '" + self.dtype().scalarName()
                    + "'");
        }
        int[] reduce = dims;
        TensorImpl[] out = GradEnabled.without(() -> new TensorImpl[] {amax(self, reduce, keepdim, Kind.MIN),
            amax(self, reduce, keepdim, Kind.MAX)});
        FormulaNode.Derivative none = formula((g, in) -> {
            throw new IllegalStateException("derivative for aten::aminmax is not implemented");
        });
        if (self.dim() == 0 && dim != null && keepdim) {
            // the kernel treats a 0-d input as one element along dim 0
            out[0] = Views.reshape(out[0], 1);
            out[1] = Views.reshape(out[1], 1);
        }
        FormulaNode.record(out[0], "NotImplemented", self, none);
        FormulaNode.record(out[1], "NotImplemented", self, none);
        return out;
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
