package jtorch;

/** Copying ops: dtype conversion, clone, {@code copy_} and {@code fill_}, with their backward nodes. */
final class CopyOps {
    private CopyOps() {}

    /** {@code to(dtype)}; the gradient is cast back to the input dtype. */
    static final class ToCopy {
        private ToCopy() {}

        static Tensor forward(Tensor self, DType target) {
            Tensor out = Tensor.allocate(target, self.sizes.clone());
            Copy.copyInto(out, self);
            if (target.isFloatingPoint() && Grads.needed(self)) {
                out.withGradFn(new Backward(self));
            }
            return out;
        }

        static final class Backward extends Node {
            private final DType inputType;

            Backward(Tensor self) {
                super(self);
                this.inputType = self.dtype;
            }

            @Override
            public String name() {
                return "ToCopyBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad.to(inputType)};
            }
        }
    }

    /** {@code clone()} and the copy made by {@code contiguous()}. */
    static final class Clone {
        private Clone() {}

        static Tensor forward(Tensor self) {
            Tensor out = self.contiguousCopy();
            if (Grads.needed(self)) {
                out.withGradFn(new Backward(self));
            }
            return out;
        }

        static final class Backward extends Node {
            Backward(Tensor self) {
                super(self);
            }

            @Override
            public String name() {
                return "CloneBackward0";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {grad};
            }
        }
    }

    /** {@code self.copy_(src)}: self's old values get no gradient, src gets the (reduced) grad. */
    static final class CopyInPlace {
        private CopyInPlace() {}

        static Tensor forward(Tensor self, Tensor src) {
            int[] shape = Shapes.broadcast(self.sizes, src.sizes);
            if (!java.util.Arrays.equals(shape, self.sizes)) {
                throw new IllegalArgumentException(Views.expandError(src.sizes, self.sizes));
            }
            self.checkInplace();
            Copy.copyInto(self, src);
            if (Grads.needed(self, src)) {
                self.rebaseHistory(new Backward(self, src));
            }
            return self;
        }

        static final class Backward extends Node {
            private final int[] srcSizes;
            private final DType srcType;

            Backward(Tensor self, Tensor src) {
                super(self, src);
                this.srcSizes = src.sizes;
                this.srcType = src.dtype;
            }

            @Override
            public String name() {
                return "CopyBackwards";
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {
                    needsGrad(0) ? torch.zerosLike(grad) : null,
                    needsGrad(1) ? Grads.reduceTo(grad, srcSizes, srcType) : null,
                };
            }
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
            if (Grads.needed(self)) {
                self.rebaseHistory(new Backward(self, name));
            }
            return self;
        }

        static final class Backward extends Node {
            private final String name;

            Backward(Tensor self, String name) {
                super(self);
                this.name = name;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            Tensor[] apply(Tensor grad) {
                return new Tensor[] {torch.zerosLike(grad)};
            }
        }
    }
}
