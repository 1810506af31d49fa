package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * Copies that move or mask elements by position: {@code tril} / {@code triu} (the last two dims
 * as matrices, the elements past the {@code diagonal}-th diagonal zeroed; {@code TrilBackward0}
 * masks the gradient alike) and {@code roll} (elements shifted cyclically along dims, or over the
 * flattened tensor; {@code RollBackward0} rolls the gradient back).
 */
public final class Shifting {
    private Shifting() {
    }

    /** {@code torch.tril(self, diagonal)}: element (i, j) of each matrix kept where {@code j - i <= diagonal}. */
    public static TensorImpl tril(TensorImpl self, int diagonal) {
        return triangle(self, diagonal, true);
    }

    /** {@code torch.triu(self, diagonal)}: element (i, j) of each matrix kept where {@code j - i >= diagonal}. */
    public static TensorImpl triu(TensorImpl self, int diagonal) {
        return triangle(self, diagonal, false);
    }

    private static TensorImpl triangle(TensorImpl self, int diagonal, boolean lower) {
        // PyTorch 1.13 asks for the matrices' dims first: "Dimension out of range" below 2 dims
        Shapes.wrapDim(-2, self.dim());
        TensorImpl out = self.contiguousCopy();
        int rows = self.sizes()[self.dim() - 2];
        int cols = self.sizes()[self.dim() - 1];
        int matrices = rows * cols == 0 ? 0 : out.numel() / (rows * cols);
        Storage s = out.storage();
        for (int m = 0; m < matrices; m++) {
            Cancellation.check();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (lower ? j - i > diagonal : j - i < diagonal) {
                        s.setDouble(out.offset() + (m * rows + i) * cols + j, 0);
                    }
                }
            }
        }
        return FormulaNode.record(out, lower ? "TrilBackward0" : "TriuBackward0", self,
                formula((g, in) -> triangle(g, diagonal, lower)));
    }

    /** {@code torch.roll(self, shifts)} with no dims: over the flattened tensor, the shape kept. */
    public static TensorImpl roll(TensorImpl self, int shift) {
        TensorImpl out = GradEnabled.without(
                () -> Views.reshape(rolled(Views.reshape(self, -1), new int[] {shift}, new int[] {0}), self.sizes()));
        return FormulaNode.record(out, "RollBackward0", self, formula((g, in) -> roll(g, -shift)));
    }

    /** {@code torch.roll(self, shifts, dims)}: element {@code k} along {@code dims[i]} moves to {@code k + shifts[i]}, cyclically. */
    public static TensorImpl roll(TensorImpl self, int[] shifts, int[] dims) {
        if (shifts.length != dims.length) {
            throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        if (dims.length == 0) {
            throw new IllegalArgumentException("`shifts` required");
        }
        TensorImpl out = GradEnabled.without(() -> rolled(self, shifts, dims));
        int[] back = new int[shifts.length];
        for (int i = 0; i < shifts.length; i++) {
            back[i] = -shifts[i];
        }
        return FormulaNode.record(out, "RollBackward0", self, formula((g, in) -> roll(g, back, dims)));
    }

    /** The shifts applied one dim after another, each as the last {@code s} elements joined before the rest. */
    private static TensorImpl rolled(TensorImpl self, int[] shifts, int[] dims) {
        TensorImpl x = self;
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.wrapDim(dims[i], self.dim());
            int n = x.sizes()[d];
            int s = n == 0 ? 0 : Math.floorMod(shifts[i], n);
            x = s == 0 ? x : Joining.cat(new TensorImpl[] {Views.narrow(x, d, n - s, s), Views.narrow(x, d, 0, n - s)}, d);
        }
        return x == self ? Conversions.clone(self) : x;
    }
}
