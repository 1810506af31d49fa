package jtorch;

import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Kernels;
import jtorch.internal.shape.Shapes;

import static jtorch.FormulaNode.Operand.OTHER;
import static jtorch.FormulaNode.Operand.SELF;
import static jtorch.FormulaNode.formula;

/** Matrix products ({@code mm}, {@code bmm}, {@code dot}, {@code mv}) and {@code matmul}'s dispatch. */
final class LinalgOps {
    private LinalgOps() {}

    /** {@code a @ b} with PyTorch's rules for 1-d, 2-d and batched operands. */
    static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + da + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return Dot.forward(a, b);
        }
        if (da == 2 && db == 1) {
            return Mv.forward(a, b);
        }
        if (da == 1 && db == 2) {
            Tensor row = Mm.forward(a.unsqueeze(0), b);
            return reshaped(row, new int[] {row.sizes[1]}, "SqueezeBackward3");
        }
        if (da == 2 && db == 2) {
            return Mm.forward(a, b);
        }
        if (a.dtype == b.dtype && (da >= 3) != (db >= 3)) {
            // PyTorch folds the batch into one matrix here: an mm (mv for a 1-d operand)
            checkKernel(da == 1 || db == 1 ? "addmv_impl_cpu" : "addmm_impl_cpu_", a.dtype);
        }
        if (da == 2) {
            // as PyTorch: (b^T @ a^T)^T, made contiguous (so the result's node is CloneBackward0)
            return matmul(b.transpose(-1, -2), a.t()).transpose(-1, -2).contiguous();
        }
        // batched: broadcast the batch dims, fold them into one, bmm, unfold
        Tensor a3 = da == 1 ? a.unsqueeze(0) : a;
        Tensor b3 = db == 1 ? b.unsqueeze(1) : b;
        int n = a3.size(-2);
        int k = a3.size(-1);
        int k2 = b3.size(-2);
        int m = b3.size(-1);
        int[] batchA = java.util.Arrays.copyOf(a3.sizes, a3.dim() - 2);
        int[] batchB = java.util.Arrays.copyOf(b3.sizes, b3.dim() - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        int bsz = Shapes.numel(batch);
        int[] ea = concat(batch, n, k);
        int[] eb = concat(batch, k2, m);
        Tensor out = Bmm.forward(a3.expand(ea).reshape(bsz, n, k), b3.expand(eb).reshape(bsz, k2, m));
        int[] shape = concat(batch, n, m);
        if (da == 1) {
            shape = dropDim(shape, shape.length - 2);
        }
        if (db == 1) {
            shape = dropDim(shape, shape.length - 1);
        }
        return reshaped(out, shape, "UnsafeViewBackward0");
    }

    private static int[] dropDim(int[] shape, int dim) {
        int[] out = new int[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, dim);
        System.arraycopy(shape, dim + 1, out, dim, out.length - dim);
        return out;
    }

    /**
     * The fresh contiguous product {@code t} with another shape, not a view (as ATen's
     * {@code _unsafe_view} / in-place {@code squeeze_}), its node named as PyTorch's matmul names it.
     */
    private static Tensor reshaped(Tensor t, int[] shape, String name) {
        Tensor out = new Tensor(t.storage, t.offset, shape, Shapes.contiguousStrides(shape), null);
        if (Grads.needed(t)) {
            out.withGradFn(new ViewOps.ReshapeBackward(name, t));
        }
        return out;
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] out = java.util.Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = x;
        out[batch.length + 1] = y;
        return out;
    }

    /** PyTorch 1.13's CPU matrix kernels are not built for float16 or bool: its error naming {@code kernel}. */
    static void checkKernel(String kernel, DType type) {
        if (type == DType.FLOAT16 || type == DType.BOOL) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + type.scalarName() + "'");
        }
    }

    private static void checkSameDtype(Tensor a, Tensor b) {
        if (a.dtype != b.dtype) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype.scalarName() + " but found "
                    + b.dtype.scalarName());
        }
    }

    /** Computes {@code a[m x k] @ b[k x n]} into a new contiguous tensor. */
    static Tensor product(Tensor a, Tensor b) {
        int m = a.sizes[0];
        int k = a.sizes[1];
        int n = b.sizes[1];
        Tensor out = Tensor.allocate(a.dtype, new int[] {m, n});
        Tensor ac = a.dense();
        if (a.dtype == DType.FLOAT32) {
            // B is packed anyway, so any 2-d layout of an array-backed B is read in place
            Tensor bs = b.storage.array() != null ? b : b.dense();
            Kernels.matmulFloat((float[]) ac.storage.array(), (float[]) bs.storage.array(),
                    bs.storage.base + bs.offset, bs.strides[0], bs.strides[1], (float[]) out.storage.array(), m, k, n);
            return out;
        }
        Tensor bc = b.dense();
        if (a.dtype == DType.FLOAT64) {
            Kernels.matmulDouble((double[]) ac.storage.array(), (double[]) bc.storage.array(),
                    (double[]) out.storage.array(), m, k, n);
        } else {
            for (int i = 0; i < m; i++) {
                Cancellation.check();
                for (int j = 0; j < n; j++) {
                    if (a.dtype.isFloatingPoint()) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            s += ac.getDouble(i * k + p) * bc.getDouble(p * n + j);
                        }
                        out.storage.setDouble(i * n + j, s);
                    } else {
                        long s = 0;
                        for (int p = 0; p < k; p++) {
                            s += ac.getLong(i * k + p) * bc.getLong(p * n + j);
                        }
                        out.storage.setLong(i * n + j, s);
                    }
                }
            }
        }
        return out;
    }

    /** {@code mm}: 2-d matrix product. */
    static final class Mm {
        private Mm() {}

        static Tensor forward(Tensor a, Tensor b) {
            if (a.dim() != 2) {
                throw new IllegalArgumentException("self must be a matrix");
            }
            if (b.dim() != 2) {
                throw new IllegalArgumentException("mat2 must be a matrix");
            }
            if (a.sizes[1] != b.sizes[0]) {
                throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a.sizes[0] + "x"
                        + a.sizes[1] + " and " + b.sizes[0] + "x" + b.sizes[1] + ")");
            }
            checkSameDtype(a, b);
            checkKernel("addmm_impl_cpu_", a.dtype);
            return FormulaNode.record(product(a, b), "MmBackward0", a, b,
                    formula((g, in) -> g.mm(in.other().t()), OTHER),
                    formula((g, in) -> in.self().t().mm(g), SELF));
        }
    }

    /** {@code bmm}: batched 3-d matrix product. */
    static final class Bmm {
        private Bmm() {}

        static Tensor forward(Tensor a, Tensor b) {
            if (a.dim() != 3 || b.dim() != 3) {
                throw new IllegalArgumentException("batch1 must be a 3D tensor");
            }
            if (a.sizes[0] != b.sizes[0] || a.sizes[2] != b.sizes[1]) {
                throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                        + a.sizes[0] + ", " + a.sizes[2] + "] but got: [" + b.sizes[0] + ", " + b.sizes[1] + "].");
            }
            checkSameDtype(a, b);
            checkKernel("bmm", a.dtype);
            int batch = a.sizes[0];
            Tensor out = Tensor.allocate(a.dtype, new int[] {batch, a.sizes[1], b.sizes[2]});
            try (GradMode ignored = GradMode.set(false)) {
                for (int i = 0; i < batch; i++) {
                    Copy.copyInto(out.select(0, i), product(a.select(0, i), b.select(0, i)));
                }
            }
            return FormulaNode.record(out, "BmmBackward0", a, b,
                    formula((g, in) -> g.bmm(in.other().transpose(1, 2)), OTHER),
                    formula((g, in) -> in.self().transpose(1, 2).bmm(g), SELF));
        }
    }

    /** {@code mv}: matrix-vector product, {@code a[n x k] @ v[k]}. */
    static final class Mv {
        private Mv() {}

        static Tensor forward(Tensor a, Tensor v) {
            if (a.dim() != 2 || v.dim() != 1) {
                throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + a.dim() + ", "
                        + v.dim());
            }
            if (a.sizes[1] != v.sizes[0]) {
                throw new IllegalArgumentException("size mismatch, got " + a.sizes[0] + ", " + a.sizes[0] + "x"
                        + a.sizes[1] + "," + v.sizes[0]);
            }
            checkSameDtype(a, v);
            checkKernel("addmv_impl_cpu", a.dtype);
            Tensor column = product(a, v.asStrided(new int[] {v.sizes[0], 1}, new int[] {v.strides[0], 1}, v.offset));
            Tensor out = new Tensor(column.storage, 0, new int[] {a.sizes[0]}, new int[] {1}, null);
            // a: the outer product grad v^T; v: a^T grad
            return FormulaNode.record(out, "MvBackward0", a, v,
                    formula((g, in) -> g.unsqueeze(1).mm(in.other().unsqueeze(0)), OTHER),
                    formula((g, in) -> in.self().t().mm(g.unsqueeze(1)).squeeze(1), SELF));
        }
    }

    /** {@code dot}: inner product of two 1-d tensors. */
    static final class Dot {
        private Dot() {}

        static Tensor forward(Tensor a, Tensor b) {
            if (a.dim() != 1 || b.dim() != 1) {
                throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                        + "D tensors");
            }
            if (a.sizes[0] != b.sizes[0]) {
                throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.sizes[0]
                        + "] and src [" + b.sizes[0] + "] to have the same number of elements, but got " + a.sizes[0]
                        + " and " + b.sizes[0] + " elements respectively");
            }
            checkSameDtype(a, b);
            checkKernel("dot", a.dtype);
            Tensor out;
            try (GradMode ignored = GradMode.set(false)) {
                out = product(a.unsqueeze(0), b.unsqueeze(1)).reshape();
            }
            out = new Tensor(out.storage, 0, new int[0], new int[0], null);
            return FormulaNode.record(out, "DotBackward0", a, b,
                    formula((g, in) -> in.other().mul(g), OTHER),
                    formula((g, in) -> in.self().mul(g), SELF));
        }
    }
}
