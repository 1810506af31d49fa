package jtorch;

import jtorch.internal.shape.Shapes;

import static jtorch.FormulaNode.formula;

/** Copying ops: dtype conversion, clone, {@code copy_} and {@code fill_}, with their derivative formulas. */
final class CopyOps {
    private CopyOps() {}

    /** {@code to(dtype)}; the gradient is cast back to the input dtype (by the node, see {@link FormulaNode}). */
    static final class ToCopy {
        private ToCopy() {}

        static Tensor forward(Tensor self, DType target) {
            Tensor out = Tensor.allocate(target, self.sizes.clone());
            Copy.copyInto(out, self);
            if (!target.isFloatingPoint()) {
                return out;
            }
            return FormulaNode.record(out, "ToCopyBackward0", self, formula((g, in) -> g));
        }
    }

    /** {@code clone()} and the copy made by {@code contiguous()}. */
    static final class Clone {
        private Clone() {}

        static Tensor forward(Tensor self) {
            return FormulaNode.record(self.contiguousCopy(), "CloneBackward0", self, formula((g, in) -> g));
        }
    }

    /** {@code self.copy_(src)}: self's old values get no gradient, src gets the (reduced) grad. */
    static final class CopyInPlace {
        private CopyInPlace() {}

        static Tensor forward(Tensor self, Tensor src) {
            int[] shape = Shapes.broadcast(self.sizes, src.sizes);
            if (!java.util.Arrays.equals(shape, self.sizes)) {
                throw new IllegalArgumentException(Shapes.expandError(src.sizes, self.sizes));
            }
            self.checkInplace();
            Copy.copyInto(self, src);
            if (Grads.needed(self, src)) {
                self.rebaseHistory(FormulaNode.of("CopyBackwards", self, src,
                        formula((g, in) -> torch.zerosLike(g)),
                        formula((g, in) -> g)));
            }
            return self;
        }
    }

    /** {@code fill_(value)} and {@code zero_()}: the old values get zero gradient. */
    static final class Fill {
        private Fill() {}

        static Tensor forward(Tensor self, Number value) {
            return forward(self, value, "FillBackward2");
        }

        /** {@code zero_()}, whose node PyTorch names {@code ZeroBackward0}. */
        static Tensor zero(Tensor self) {
            return forward(self, 0, "ZeroBackward0");
        }

        private static Tensor forward(Tensor self, Number value, String name) {
            self.checkInplace();
            Copy.copyInto(self, Scalars.wrap(value));
            overwritten(self, name);
            return self;
        }
    }

    /**
     * Records that {@code self} was overwritten in place by values that do not depend on its old
     * ones ({@code fill_}, {@code zero_}, the random samplers): the old values get zero gradient.
     */
    static void overwritten(Tensor self, String name) {
        if (Grads.needed(self)) {
            self.rebaseHistory(FormulaNode.of(name, self, formula((g, in) -> torch.zerosLike(g))));
        }
    }
}
