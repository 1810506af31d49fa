package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.autograd.Grads;
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
        TensorImpl out = self.contiguousCopy();
        zeroOutside(out, diagonal, lower);
        return FormulaNode.record(out, lower ? "TrilBackward0" : "TriuBackward0", self,
                formula((g, in) -> triangle(g, diagonal, lower)));
    }

    /** {@code self.tril_(diagonal)} / {@code triu_}: zeros written where the triangle ends, into self. */
    public static TensorImpl triangleInPlace(TensorImpl self, int diagonal, boolean lower) {
        Autograd.checkInplace(self);
        TensorImpl before = Grads.needed(self) ? Autograd.snapshotForInplace(self) : null;
        zeroOutside(self, diagonal, lower);
        if (before != null) {
            Autograd.rebaseHistory(self, FormulaNode.of(lower ? "TrilBackward0" : "TriuBackward0", before,
                    formula((g, in) -> triangle(g, diagonal, lower))));
        }
        return self;
    }

    /**
     * Zeros at the elements of each matrix of {@code t} (its last two dims) outside the triangle,
     * written element by element, so an expanded {@code t} ends as PyTorch's (no overlap check:
     * a shared slot is zero if any of its elements is outside). An empty tensor of any rank is
     * left as it is; below 2 dims PyTorch 1.13's errors.
     */
    private static void zeroOutside(TensorImpl t, int diagonal, boolean lower) {
        if (t.numel() == 0) {
            return;
        }
        if (t.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as -2 but tensor has no dimensions");
        }
        Shapes.wrapDim(-2, t.dim());
        int rows = t.sizes()[t.dim() - 2];
        int cols = t.sizes()[t.dim() - 1];
        Storage s = t.storage();
        for (int k = 0; k < t.numel(); k++) {
            Cancellation.checkEvery(k);
            int j = k % cols;
            int i = k / cols % rows;
            if (lower ? j - i > diagonal : j - i < diagonal) {
                s.setDouble(t.layout().storageIndex(k), 0);
            }
        }
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
