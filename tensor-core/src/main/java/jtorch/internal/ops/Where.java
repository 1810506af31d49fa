package jtorch.internal.ops;

import static jtorch.internal.autograd.FormulaNode.formula;

import jtorch.DType;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.MaskSelect;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code torch.where(condition, a, b)} with broadcasting and promotion, and its backward; also the
 * element selection {@code masked_fill} shares. Each output element is its source's element
 * converted through {@code double} (floating outputs) or {@code long}; the dense path
 * ({@link MaskSelect}) takes operands already of the output's dtype, or one element converted so.
 */
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
        if (!selectDense(c, operand(a, ea, type), operand(b, eb, type), out)) {
            int n = out.numel();
            for (int i = 0; i < n; i++) {
                Cancellation.checkEvery(i);
                storeElement(c.getLong(i) != 0 ? ea : eb, i, out.storage(), i);
            }
        }
        return FormulaNode.record(out, "WhereBackward0", a, b,
                formula((g, in) -> where(condition, g, Creation.zerosLike(g))),
                formula((g, in) -> where(condition, Creation.zerosLike(g), g)));
    }

    /** Element {@code i} (row-major) of {@code src} stored at storage index {@code at} of {@code dst}, converted. */
    static void storeElement(TensorImpl src, int i, Storage dst, int at) {
        if (dst.dtype().isFloatingPoint()) {
            dst.setDouble(at, src.getDouble(i));
        } else {
            dst.setLong(at, src.getLong(i));
        }
    }

    /**
     * {@code x} (broadcast to the output: {@code e}) as a dense operand of {@code type}: one
     * element converted as {@link #storeElement} does, read with stride 0, when {@code x} has one;
     * else {@code e}'s own array when it is contiguous and of {@code type}; else null.
     */
    static MaskSelect.Operand operand(TensorImpl x, TensorImpl e, DType type) {
        if (x.numel() == 1) {
            TensorImpl one = TensorImpl.allocate(type, new int[0]);
            storeElement(x, 0, one.storage(), 0);
            return new MaskSelect.Operand(one.storage().array(), one.storage().base, 0);
        }
        Object array = e.storage().array();
        return e.isContiguous() && e.dtype() == type && array != null
                ? new MaskSelect.Operand(array, e.storage().base + e.offset(), 1) : null;
    }

    /**
     * {@code out = c ? a : b} by {@link MaskSelect} when the condition (of the output's shape) is
     * a contiguous byte array, both operands are dense and the output a contiguous array of a kind
     * it takes; false, with nothing written, otherwise.
     */
    static boolean selectDense(TensorImpl c, MaskSelect.Operand a, MaskSelect.Operand b, TensorImpl out) {
        Object y = out.storage().array();
        if (a == null || b == null || !c.isContiguous() || !out.isContiguous() || !MaskSelect.takes(y)
                || !(c.storage().array() instanceof byte[] cond)) {
            return false;
        }
        MaskSelect.select(cond, c.storage().base + c.offset(), a, b, y, out.storage().base + out.offset(),
                out.numel());
        return true;
    }
}
