package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code torch.flip(self, dims)}: a copy with the order of the elements reversed along each of
 * {@code dims} (read through a view with negated strides, then copied); {@code FlipBackward0}
 * flips the gradient back.
 */
public final class Flip {
    private Flip() {
    }

    public static TensorImpl flip(TensorImpl self, int... dims) {
        int n = self.dim();
        boolean[] flipped = new boolean[Math.max(n, 1)];
        for (int d : dims) {
            int w = Shapes.wrapDim(d, n);
            if (flipped[w]) {
                throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
            }
            flipped[w] = true;
        }
        TensorImpl out = TensorImpl.allocate(self.dtype(), self.sizes().clone());
        if (self.numel() > 0) {
            int[] strides = self.strides().clone();
            int offset = self.offset();
            for (int d = 0; d < n; d++) {
                if (flipped[d]) {
                    offset += (self.sizes()[d] - 1) * strides[d];
                    strides[d] = -strides[d];
                }
            }
            StridedCopy.copyInto(out, self.asStrided(self.sizes().clone(), strides, offset));
        }
        int[] reversed = dims.clone();
        return FormulaNode.record(out, "FlipBackward0", self, formula((g, in) -> flip(g, reversed)));
    }
}
