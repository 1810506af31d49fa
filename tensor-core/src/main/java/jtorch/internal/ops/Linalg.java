package jtorch.internal.ops;

import java.util.Arrays;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.Grads;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Gemm;
import jtorch.internal.kernels.MatrixView;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

import static jtorch.internal.autograd.FormulaNode.Operand.OTHER;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;

/** Matrix products ({@code mm}, {@code bmm}, {@code dot}, {@code mv}) and {@code matmul}'s dispatch. */
public final class Linalg {
    private Linalg() {}

    /** {@code a @ b} with PyTorch's rules for 1-d, 2-d and batched operands. */
    public static TensorImpl matmul(TensorImpl a, TensorImpl b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + da + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            TensorImpl row = mm(Views.unsqueeze(a, 0), b);
            return reshaped(row, new int[] {row.sizes()[1]}, "SqueezeBackward3");
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        if (a.dtype() == b.dtype() && (da >= 3) != (db >= 3)) {
            // PyTorch folds the batch into one matrix here: an mm (mv for a 1-d operand)
            checkKernel(da == 1 || db == 1 ? "addmv_impl_cpu" : "addmm_impl_cpu_", a.dtype());
        }
        if (da == 2) {
            // as PyTorch: (b^T @ a^T)^T, made contiguous (so the result's node is CloneBackward0)
            return Conversions.contiguous(Views.transpose(matmul(Views.transpose(b, -1, -2), Views.t(a)), -1, -2));
        }
        // batched: broadcast the batch dims, fold them into one, bmm, unfold
        TensorImpl a3 = da == 1 ? Views.unsqueeze(a, 0) : a;
        TensorImpl b3 = db == 1 ? Views.unsqueeze(b, 1) : b;
        int n = a3.sizes()[a3.dim() - 2];
        int k = a3.sizes()[a3.dim() - 1];
        int k2 = b3.sizes()[b3.dim() - 2];
        int m = b3.sizes()[b3.dim() - 1];
        int[] batchA = Arrays.copyOf(a3.sizes(), a3.dim() - 2);
        int[] batchB = Arrays.copyOf(b3.sizes(), b3.dim() - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        int bsz = Shapes.numel(batch);
        int[] ea = concat(batch, n, k);
        int[] eb = concat(batch, k2, m);
        TensorImpl out = bmm(Views.reshape(Views.expand(a3, ea), bsz, n, k),
                Views.reshape(Views.expand(b3, eb), bsz, k2, m));
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
    private static TensorImpl reshaped(TensorImpl t, int[] shape, String name) {
        Layout layout = Layout.of(shape, Shapes.contiguousStrides(shape), t.offset());
        TensorImpl out = new TensorImpl(t.storage(), layout, null);
        int[] inputSizes = t.sizes();
        return FormulaNode.record(out, name, t, formula((g, in) -> Views.reshape(g, inputSizes)));
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = x;
        out[batch.length + 1] = y;
        return out;
    }

    /** PyTorch 1.13's CPU matrix kernels are not built for float16 or bool: its error naming {@code kernel}. */
    static void checkKernel(String kernel, DType type) {
        if (type == DType.FLOAT16 || type == DType.BOOL) {
            throw new UnsupportedOperationException("\"" + kernel + "\" not implemented for '" + type.scalarName()
                    + "'");
        }
    }

    private static void checkSameDtype(TensorImpl a, TensorImpl b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarName() + " but found "
                    + b.dtype().scalarName());
        }
    }

    /**
     * {@code torch.matmul(a, b, out=out)}. Two float32 or float64 matrices whose product fits
     * {@code out} as it is (same dtype and shape, contiguous, array-backed, sharing no storage with
     * the operands, no autograd) are multiplied straight into it, as PyTorch's {@code mm_out} does;
     * every other case computes the product and copies it in ({@link Derived#out}), which also
     * raises the errors.
     */
    public static TensorImpl matmulOut(TensorImpl out, TensorImpl a, TensorImpl b) {
        if (!writesInPlace(out, a, b)) {
            return Derived.out(out, in -> matmul(in[0], in[1]), a, b);
        }
        productInto(out, a, b);
        out.storage().bumpVersion();
        return out;
    }

    private static boolean writesInPlace(TensorImpl out, TensorImpl a, TensorImpl b) {
        DType type = a.dtype();
        return (type == DType.FLOAT32 || type == DType.FLOAT64) && a.dim() == 2 && b.dim() == 2
                && b.dtype() == type && out.dtype() == type && a.sizes()[1] == b.sizes()[0]
                && Arrays.equals(out.sizes(), new int[] {a.sizes()[0], b.sizes()[1]})
                && out.isContiguous() && out.storage().array() != null
                && out.storage() != a.storage() && out.storage() != b.storage() && !Grads.needed(out, a, b);
    }

    /** Computes {@code a[m x k] @ b[k x n]} into a new contiguous tensor. */
    static TensorImpl product(TensorImpl a, TensorImpl b) {
        TensorImpl out = TensorImpl.allocate(a.dtype(), new int[] {a.sizes()[0], b.sizes()[1]});
        productInto(out, a, b);
        return out;
    }

    /**
     * Writes {@code a[m x k] @ b[k x n]} into the contiguous 2-d {@code out}. float32 and float64
     * go to {@link Gemm}, which reads any 2-d layout (transposes included) in place; other dtypes
     * take an exact loop over dense copies.
     */
    private static void productInto(TensorImpl out, TensorImpl a, TensorImpl b) {
        int m = a.sizes()[0];
        int k = a.sizes()[1];
        int n = b.sizes()[1];
        if (a.dtype() == DType.FLOAT32) {
            Gemm.sgemm(m, n, k, floatMatrix(a), floatMatrix(b), floatMatrix(out), false);
            return;
        }
        if (a.dtype() == DType.FLOAT64) {
            Gemm.dgemm(m, n, k, doubleMatrix(a), doubleMatrix(b), doubleMatrix(out), false);
            return;
        }
        TensorImpl ac = a.dense();
        TensorImpl bc = b.dense();
        boolean floating = a.dtype().isFloatingPoint();
        for (int i = 0; i < m; i++) {
            Cancellation.check();
            for (int j = 0; j < n; j++) {
                int at = out.offset() + i * n + j;
                if (floating) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += ac.getDouble(i * k + p) * bc.getDouble(p * n + j);
                    }
                    out.storage().setDouble(at, s);
                } else {
                    long s = 0;
                    for (int p = 0; p < k; p++) {
                        s += ac.getLong(i * k + p) * bc.getLong(p * n + j);
                    }
                    out.storage().setLong(at, s);
                }
            }
        }
    }

    /** A 2-d float32 tensor as the matrix {@link Gemm} reads (a dense copy if its storage is no array). */
    private static MatrixView<float[]> floatMatrix(TensorImpl t) {
        TensorImpl x = t.storage().array() != null ? t : t.dense();
        return MatrixView.of((float[]) x.storage().array(), x.storage().base + x.offset(), x.strides()[0],
                x.strides()[1]);
    }

    private static MatrixView<double[]> doubleMatrix(TensorImpl t) {
        TensorImpl x = t.storage().array() != null ? t : t.dense();
        return MatrixView.of((double[]) x.storage().array(), x.storage().base + x.offset(), x.strides()[0],
                x.strides()[1]);
    }

    /** {@code mm}: 2-d matrix product. */
    public static TensorImpl mm(TensorImpl a, TensorImpl b) {
        if (a.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        if (a.sizes()[1] != b.sizes()[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a.sizes()[0] + "x"
                    + a.sizes()[1] + " and " + b.sizes()[0] + "x" + b.sizes()[1] + ")");
        }
        checkSameDtype(a, b);
        checkKernel("addmm_impl_cpu_", a.dtype());
        return FormulaNode.record(product(a, b), "MmBackward0", a, b,
                formula((g, in) -> mm(g, Views.t(in.other())), OTHER),
                formula((g, in) -> mm(Views.t(in.self()), g), SELF));
    }

    /** {@code bmm}: batched 3-d matrix product. */
    public static TensorImpl bmm(TensorImpl a, TensorImpl b) {
        if (a.dim() != 3 || b.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (a.sizes()[0] != b.sizes()[0] || a.sizes()[2] != b.sizes()[1]) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.sizes()[0] + ", " + a.sizes()[2] + "] but got: [" + b.sizes()[0] + ", " + b.sizes()[1] + "].");
        }
        checkSameDtype(a, b);
        checkKernel("bmm", a.dtype());
        int batch = a.sizes()[0];
        TensorImpl out = TensorImpl.allocate(a.dtype(), new int[] {batch, a.sizes()[1], b.sizes()[2]});
        for (int i = 0; i < batch; i++) {
            productInto(Views.selectView(out, 0, i), Views.selectView(a, 0, i), Views.selectView(b, 0, i));
        }
        return FormulaNode.record(out, "BmmBackward0", a, b,
                formula((g, in) -> bmm(g, Views.transpose(in.other(), 1, 2)), OTHER),
                formula((g, in) -> bmm(Views.transpose(in.self(), 1, 2), g), SELF));
    }

    /** {@code mv}: matrix-vector product, {@code a[n x k] @ v[k]}. */
    public static TensorImpl mv(TensorImpl a, TensorImpl v) {
        if (a.dim() == 0) {
            // PyTorch allocates the result with a.size(0) first
            throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        }
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + a.dim() + ", "
                    + v.dim());
        }
        if (a.sizes()[1] != v.sizes()[0]) {
            throw new IllegalArgumentException("size mismatch, got " + a.sizes()[0] + ", " + a.sizes()[0] + "x"
                    + a.sizes()[1] + "," + v.sizes()[0]);
        }
        TensorImpl out;
        if (a.numel() == 0) {
            // no product to compute: zeros in the promoted dtype, whatever the kernels support
            out = TensorImpl.allocate(Promotion.resultType(a, v), new int[] {a.sizes()[0]});
        } else {
            checkKernel("addmv_impl_cpu", a.dtype());
            checkSameDtype(a, v);
            TensorImpl column = product(a, asColumn(v));
            out = new TensorImpl(column.storage(), Layout.contiguous(new int[] {a.sizes()[0]}), null);
        }
        // a: the outer product grad v^T; v: a^T grad
        return FormulaNode.record(out, "MvBackward0", a, v,
                formula((g, in) -> mm(Views.unsqueeze(g, 1), Views.unsqueeze(in.other(), 0)), OTHER),
                formula((g, in) -> Views.squeeze(mm(Views.t(in.self()), Views.unsqueeze(g, 1)), 1), SELF));
    }

    /** {@code outer(self, vec2)}: {@code self.reshape(n, 1) * vec2}, as PyTorch composes it. */
    public static TensorImpl outer(TensorImpl self, TensorImpl vec2) {
        if (self.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + self.dim() + "-D");
        }
        if (vec2.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + vec2.dim() + "-D");
        }
        return Arithmetic.mul(Views.reshape(self, self.sizes()[0], 1), vec2);
    }

    /** {@code dot}: inner product of two 1-d tensors. */
    public static TensorImpl dot(TensorImpl a, TensorImpl b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                    + "D tensors");
        }
        if (a.sizes()[0] != b.sizes()[0]) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.sizes()[0]
                    + "] and src [" + b.sizes()[0] + "] to have the same number of elements, but got " + a.sizes()[0]
                    + " and " + b.sizes()[0] + " elements respectively");
        }
        checkSameDtype(a, b);
        checkKernel("dot", a.dtype());
        TensorImpl row = a.asStrided(new int[] {1, a.sizes()[0]}, new int[] {0, a.strides()[0]}, a.offset());
        TensorImpl product = product(row, asColumn(b));
        TensorImpl out = new TensorImpl(product.storage(), Layout.SCALAR, null);
        return FormulaNode.record(out, "DotBackward0", a, b,
                formula((g, in) -> Arithmetic.mul(in.other(), g), OTHER),
                formula((g, in) -> Arithmetic.mul(in.self(), g), SELF));
    }

    /** A 1-d tensor seen as an {@code n x 1} column (a view, not recorded). */
    private static TensorImpl asColumn(TensorImpl v) {
        return v.asStrided(new int[] {v.sizes()[0], 1}, new int[] {v.strides()[0], 1}, v.offset());
    }
}
