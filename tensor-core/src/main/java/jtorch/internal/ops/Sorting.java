package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.CppSort;
import jtorch.internal.shape.ReducedDims;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * Order statistics along a dim: {@code sort}, {@code topk} and {@code median}, with their backward
 * nodes. NaN orders above every number (last ascending, first descending), and ties come out in
 * the order PyTorch's CPU kernels (libstdc++'s algorithms, see {@link CppSort}) leave them.
 */
public final class Sorting {
    private Sorting() {}

    /** The order of one lane's elements (ids are positions in the lane), NaN greatest. */
    static CppSort.Less order(Lanes lanes, int j, boolean descending) {
        if (lanes.dtype().isFloatingPoint()) {
            double[] v = lanes.doubles(j);
            return descending
                    ? (x, y) -> Double.isNaN(v[x]) && !Double.isNaN(v[y]) || v[x] > v[y]
                    : (x, y) -> !Double.isNaN(v[x]) && Double.isNaN(v[y]) || v[x] < v[y];
        }
        long[] w = lanes.longs(j);
        return descending ? (x, y) -> w[x] > w[y] : (x, y) -> w[x] < w[y];
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /**
     * Writes the elements {@code picked[0..count)} of input lane {@code j} and their positions to
     * lane {@code j} of {@code values} and {@code indices} (contiguous, same shape).
     */
    private static void write(Lanes in, int j, int[] picked, int count, Lanes out, TensorImpl values,
                              TensorImpl indices) {
        int s = in.start(j);
        int t = out.start(j);
        for (int p = 0; p < count; p++) {
            copy(in, s + picked[p] * in.step, values, t + p * out.step);
            indices.storage().setLong(t + p * out.step, picked[p]);
        }
    }

    /** Copies one element from a lane's storage into a tensor's storage of the same dtype. */
    private static void copy(Lanes in, int src, TensorImpl to, int dst) {
        if (to.dtype().isFloatingPoint()) {
            to.storage().setDouble(dst, in.storage().getDouble(src));
        } else {
            to.storage().setLong(dst, in.storage().getLong(src));
        }
    }

    private static void requireKernel(TensorImpl self, String kernel, DType... unsupported) {
        for (DType d : unsupported) {
            if (self.dtype() == d) {
                throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + d.scalarName()
                        + "'");
            }
        }
    }

    /** {@code sort(dim, descending)}: sorted values and where they came from. */
    public static ValuesAndIndices sort(TensorImpl self, int dim, boolean descending) {
        int d = Shapes.wrapDim(dim, self.dim());
        TensorImpl values = TensorImpl.allocate(self.dtype(), self.sizes().clone());
        TensorImpl indices = TensorImpl.allocate(DType.INT64, self.sizes().clone());
        Lanes lanes = Lanes.along(self, d);
        Lanes out = Lanes.along(values, d);
        for (int j = 0; j < lanes.lanes(); j++) {
            Cancellation.check();
            int[] ids = identity(lanes.length);
            CppSort.sort(ids, 0, ids.length, order(lanes, j, descending));
            write(lanes, j, ids, ids.length, out, values, indices);
        }
        Extrema.recordValueSelecting(values, "SortBackward0", self, d, indices);
        return new ValuesAndIndices("sort", values, indices);
    }

    /** {@code topk(k, dim, largest, sorted)}: the k largest (or smallest) values and their indices. */
    public static ValuesAndIndices topk(TensorImpl self, int k, int dim, boolean largest, boolean sorted) {
        requireKernel(self, "topk_cpu", DType.BOOL, DType.FLOAT16);
        int d = Shapes.wrapDim(dim, self.dim());
        int size = self.dim() > 0 ? self.sizes()[d] : 1;
        if (k < 0 || k > size) {
            throw new IllegalArgumentException("selected index k out of range");
        }
        int[] shape = self.sizes().clone();
        if (shape.length > 0) {
            shape[d] = k;
        }
        TensorImpl values = TensorImpl.allocate(self.dtype(), shape);
        TensorImpl indices = TensorImpl.allocate(DType.INT64, shape.clone());
        Lanes lanes = Lanes.along(self, d);
        Lanes out = Lanes.along(values, d);
        int count = self.dim() > 0 ? k : 1;
        for (int j = 0; j < lanes.lanes() && count > 0; j++) {
            Cancellation.check();
            int n = lanes.length;
            int[] ids = identity(n);
            CppSort.Less less = order(lanes, j, largest);
            if ((long) count * 64 <= n) {
                CppSort.partialSort(ids, 0, count, n, less);
            } else {
                CppSort.nthElement(ids, 0, count - 1, n, less);
                if (sorted) {
                    CppSort.sort(ids, 0, count - 1, less);
                }
            }
            write(lanes, j, ids, count, out, values, indices);
        }
        Extrema.recordValueSelecting(values, "TopkBackward0", self, d, indices);
        return new ValuesAndIndices("topk", values, indices);
    }

    /** {@code median()}: the lower median of all elements (NaN if any is NaN, or if empty). */
    public static TensorImpl median(TensorImpl self) {
        requireKernel(self, "median_cpu", DType.BOOL, DType.FLOAT16);
        TensorImpl out = TensorImpl.allocate(self.dtype(), new int[0]);
        int n = self.numel();
        if (n == 0) {
            out.storage().setDouble(0, Double.NaN);
        } else {
            Lanes lanes = Lanes.over(self, ReducedDims.reducedMask(self.dim(), null));
            copy(lanes, lanes.start(0) + medianPosition(lanes, 0, false) * lanes.step, out, 0);
        }
        // MedianBackward0: the gradient shared by the elements equal to the median
        return FormulaNode.record(out, "MedianBackward0", self,
                formula((g, in) -> Extrema.evenlyDistribute(g, in.self(), in.result()), SELF, RESULT));
    }

    /**
     * The lane position of the median: the first NaN if any, else the element of rank
     * {@code (n - 1) / 2}, ties ranked by position when {@code byPosition} (as
     * {@code median(dim)} does, so its index is well defined).
     */
    static int medianPosition(Lanes lanes, int j, boolean byPosition) {
        int n = lanes.length;
        CppSort.Less less;
        if (lanes.dtype().isFloatingPoint()) {
            double[] v = lanes.doubles(j);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[i])) {
                    return i;
                }
            }
            less = byPosition ? (x, y) -> v[x] < v[y] || v[x] == v[y] && x < y : (x, y) -> v[x] < v[y];
        } else {
            long[] w = lanes.longs(j);
            less = byPosition ? (x, y) -> w[x] < w[y] || w[x] == w[y] && x < y : (x, y) -> w[x] < w[y];
        }
        int[] ids = identity(n);
        int nth = (n - 1) / 2;
        CppSort.nthElement(ids, 0, nth, n, less);
        return ids[nth];
    }

    /** {@code median(dim, keepdim)}: lower medians along a dim with their indices. */
    public static ValuesAndIndices medianDim(TensorImpl self, int dim, boolean keepdim) {
        requireKernel(self, "median_out", DType.BOOL, DType.FLOAT16);
        int d = Shapes.wrapDim(dim, self.dim());
        if (self.dim() > 0 && self.sizes()[d] == 0) {
            throw new IndexOutOfBoundsException("median(): Expected reduction dim " + d + " to have non-zero size.");
        }
        int[] shape = ReducedDims.outShape(self.sizes(), ReducedDims.reducedMask(self.dim(), new int[] {d}), keepdim);
        TensorImpl values = TensorImpl.allocate(self.dtype(), shape);
        TensorImpl indices = TensorImpl.allocate(DType.INT64, shape.clone());
        Lanes lanes = Lanes.along(self, d);
        for (int j = 0; j < lanes.lanes(); j++) {
            int at = medianPosition(lanes, j, true);
            copy(lanes, lanes.start(j) + at * lanes.step, values, j);
            indices.storage().setLong(j, at);
        }
        Extrema.recordValueSelecting(values, "MedianBackward1", self, d, indices);
        return new ValuesAndIndices("median", values, indices);
    }
}
