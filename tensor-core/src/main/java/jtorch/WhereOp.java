package jtorch;

/** {@code torch.where(condition, a, b)} with broadcasting and promotion, and its backward. */
final class WhereOp {
    private WhereOp() {}

    static Tensor forward(Tensor condition, Tensor a, Tensor b) {
        if (!condition.dtype.isBool() && condition.dtype != DType.UINT8) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with"
                    + " dtype " + condition.dtype.scalarName());
        }
        DType type = Promotion.resultType(a, b);
        int[] shape = Shapes.broadcast(Shapes.broadcast(condition.sizes, a.sizes), b.sizes);
        Tensor out = Tensor.allocate(type, shape);
        Tensor c = condition.expand(shape);
        Tensor ea = a.expand(shape);
        Tensor eb = b.expand(shape);
        int n = out.numel();
        for (int i = 0; i < n; i++) {
            boolean pick = c.getLong(i) != 0;
            Tensor src = pick ? ea : eb;
            if (type.isFloatingPoint()) {
                out.storage.setDouble(i, src.getDouble(i));
            } else {
                out.storage.setLong(i, src.getLong(i));
            }
        }
        if (Grads.needed(a, b)) {
            out.withGradFn(new Backward(condition, a, b));
        }
        return out;
    }

    static final class Backward extends Node {
        private final Tensor condition;
        private final int[] aSizes;
        private final int[] bSizes;
        private final DType aType;
        private final DType bType;

        Backward(Tensor condition, Tensor a, Tensor b) {
            super(a, b);
            this.condition = condition.detachAlias();
            this.aSizes = a.sizes;
            this.bSizes = b.sizes;
            this.aType = a.dtype;
            this.bType = b.dtype;
        }

        @Override
        public String name() {
            return "WhereBackward0";
        }

        @Override
        Tensor[] apply(Tensor grad) {
            Tensor zero = torch.zerosLike(grad);
            return new Tensor[] {
                needsGrad(0) ? Grads.reduceTo(forward(condition, grad, zero), aSizes, aType) : null,
                needsGrad(1) ? Grads.reduceTo(forward(condition, zero, grad), bSizes, bType) : null,
            };
        }
    }
}
