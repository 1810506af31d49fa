package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/** {@code torch.where(condition, a, b)} with broadcasting and promotion, and its backward. */
public final class Where {
    private Where() {}

    public static TensorImpl where(TensorImpl condition, TensorImpl a, TensorImpl b) {
        if (!condition.dtype().isBool() && condition.dtype() != DType.UINT8) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with"
                    + " dtype " + condition.dtype().scalarName());
        }
        DType type = Promotion.resultType(a, b);
        int[] shape = Shapes.broadcast(Shapes.broadcast(condition.sizes(), a.sizes()), b.sizes());
        TensorImpl out = TensorImpl.allocate(type, shape);
        TensorImpl c = Views.broadcastTo(condition, shape);
        TensorImpl ea = Views.broadcastTo(a, shape);
        TensorImpl eb = Views.broadcastTo(b, shape);
        int n = out.numel();
        for (int i = 0; i < n; i++) {
            Cancellation.checkEvery(i);
            boolean pick = c.getLong(i) != 0;
            TensorImpl src = pick ? ea : eb;
            if (type.isFloatingPoint()) {
                out.storage().setDouble(i, src.getDouble(i));
            } else {
                out.storage().setLong(i, src.getLong(i));
            }
        }
        return FormulaNode.record(out, "WhereBackward0", a, b,
                formula((g, in) -> where(condition, g, Creation.zerosLike(g))),
                formula((g, in) -> where(condition, Creation.zerosLike(g), g)));
    }
}
