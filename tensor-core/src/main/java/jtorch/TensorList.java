package jtorch;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.StringJoiner;

import jtorch.internal.tensor.TensorImpl;

/**
 * An immutable list of tensors that prints as a Python tuple, e.g. the result of {@code chunk},
 * {@code split} or {@code torch.autograd.grad}: {@code (tensor([0, 1]), tensor([2, 3]))}; or, made
 * by {@link #listOf}, as a Python list (a DataLoader's batch): {@code [tensor(...), tensor(...)]}.
 */
public final class TensorList extends AbstractList<Tensor> implements RandomAccess {
    private final Tensor[] items;
    private final boolean list;

    TensorList(List<Tensor> items) {
        this(items, false);
    }

    private TensorList(List<Tensor> items, boolean list) {
        this.items = items.toArray(new Tensor[0]);
        this.list = list;
    }

    /** The public tuple of an op's results. */
    static TensorList wrap(TensorImpl[] items) {
        Tensor[] tensors = new Tensor[items.length];
        for (int i = 0; i < items.length; i++) {
            tensors[i] = Tensor.of(items[i]);
        }
        return of(tensors);
    }

    /** A tuple of the given tensors (null entries print as {@code None}). */
    public static TensorList of(Tensor... items) {
        return new TensorList(java.util.Arrays.asList(items));
    }

    /** A Python list of the given tensors: prints as {@code [tensor(...), ...]}. */
    public static TensorList listOf(Tensor... items) {
        return new TensorList(java.util.Arrays.asList(items), true);
    }

    @Override
    public Tensor get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public String toString() {
        StringJoiner j = list ? new StringJoiner(", ", "[", "]")
                : new StringJoiner(", ", "(", items.length == 1 ? ",)" : ")");
        for (Tensor t : items) {
            j.add(t == null ? "None" : t.toString());
        }
        return j.toString();
    }
}
