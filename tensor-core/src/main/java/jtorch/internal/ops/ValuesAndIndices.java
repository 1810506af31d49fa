package jtorch.internal.ops;

import jtorch.internal.tensor.TensorImpl;

/**
 * The two results of {@code max(dim)}, {@code sort}, {@code topk}, ... with the op's name, as
 * PyTorch's {@code torch.return_types}; {@code jtorch.ValuesIndices} is its public form.
 */
public final class ValuesAndIndices {
    public final String op;
    public final TensorImpl values;
    public final TensorImpl indices;

    ValuesAndIndices(String op, TensorImpl values, TensorImpl indices) {
        this.op = op;
        this.values = values;
        this.indices = indices;
    }
}
