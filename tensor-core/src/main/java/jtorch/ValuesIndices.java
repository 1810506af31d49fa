package jtorch;

import java.util.Objects;

import jtorch.internal.ops.ValuesAndIndices;

/**
 * The {@code (values, indices)} pair returned by {@code max(dim)}, {@code min(dim)}, {@code sort},
 * {@code topk} and {@code median(dim)}: PyTorch's {@code torch.return_types.<op>} named tuple.
 *
 * <p>{@code values()} and {@code indices()} read the fields, {@code get(0)}/{@code get(1)} (or
 * Python's negative positions) index it like the tuple, and {@code toString()} prints it as
 * PyTorch does:
 * <pre>
 * torch.return_types.max(
 * values=tensor([3., 6.]),
 * indices=tensor([2, 2]))
 * </pre>
 */
public final class ValuesIndices {
    private final String op;
    private final Tensor values;
    private final Tensor indices;

    private ValuesIndices(String op, Tensor values, Tensor indices) {
        this.op = op;
        this.values = values;
        this.indices = indices;
    }

    /** The result of op {@code op} (e.g. {@code "max"}); both tensors must have the same shape. */
    /** The public form of an op's two results. */
    static ValuesIndices of(ValuesAndIndices r) {
        return of(r.op, Tensor.of(r.values), Tensor.of(r.indices));
    }

    static ValuesIndices of(String op, Tensor values, Tensor indices) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(indices, "indices");
        if (!values.shape().equals(indices.shape())) {
            throw new IllegalArgumentException("values of shape " + values.shape()
                    + " and indices of shape " + indices.shape() + " must have the same shape");
        }
        return new ValuesIndices(op, values, indices);
    }

    /** The selected (or sorted) values, as {@code result.values}. */
    public Tensor values() {
        return values;
    }

    /** The int64 positions of the values along the reduced dimension, as {@code result.indices}. */
    public Tensor indices() {
        return indices;
    }

    /** Tuple indexing: 0 (or -2) is the values, 1 (or -1) the indices, as {@code result[i]}. */
    public Tensor get(int index) {
        switch (index) {
            case 0:
            case -2:
                return values;
            case 1:
            case -1:
                return indices;
            default:
                throw new IndexOutOfBoundsException("tuple index out of range");
        }
    }

    /** Python's {@code len(result)}: always 2. */
    public int size() {
        return 2;
    }

    /** The op that produced this pair, e.g. {@code "topk"}. */
    public String op() {
        return op;
    }

    /** The pair as a Python tuple, {@code (values, indices)}. */
    public TensorList toList() {
        return TensorList.of(values, indices);
    }

    /** PyTorch's {@code repr}: {@code torch.return_types.max(\nvalues=...,\nindices=...)}. */
    @Override
    public String toString() {
        return "torch.return_types." + op + "(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
