package jtorch;

import jtorch.internal.shape.Shapes;

import static jtorch.FormulaNode.formula;

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
        return FormulaNode.record(out, "WhereBackward0", a, b,
                formula((g, in) -> forward(condition, g, torch.zerosLike(g))),
                formula((g, in) -> forward(condition, torch.zerosLike(g), g)));
    }
}
