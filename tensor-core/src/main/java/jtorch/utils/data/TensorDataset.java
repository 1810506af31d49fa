package jtorch.utils.data;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.TensorList;

/**
 * {@code torch.utils.data.TensorDataset(*tensors)}: sample {@code i} is the tuple of every
 * tensor's row {@code i}. All tensors have the same size in dimension 0.
 */
public final class TensorDataset implements Dataset<TensorList> {
    private final List<Tensor> tensors;

    /** The dataset of the rows of {@code tensors}, which must agree in their first dimension. */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        }
        for (Tensor t : tensors) {
            if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("Size mismatch between tensors");
            }
        }
        this.tensors = List.of(tensors);
    }

    /** {@code dataset[index]}: {@code (t0[index], t1[index], ...)}; a negative index counts from the end. */
    @Override
    public TensorList get(int index) {
        List<Tensor> rows = new ArrayList<>();
        for (Tensor t : tensors) {
            rows.add(t.index(index));
        }
        return TensorList.of(rows.toArray(new Tensor[0]));
    }

    @Override
    public int len() {
        return tensors.get(0).size(0);
    }

    /** The {@code tensors} attribute. */
    public List<Tensor> tensors() {
        return tensors;
    }
}
