package jtorch.utils.data;

/**
 * {@code torch.utils.data.Dataset}: samples by index. A Python subclass's {@code __getitem__} and
 * {@code __len__} are {@link #get} and {@link #len}. A {@link DataLoader} batches samples that
 * are tensors or tuples of tensors ({@link jtorch.TensorList}).
 *
 * <pre>{@code
 * class Squares implements Dataset<TensorList> {
 *     public TensorList get(int i) { return TensorList.of(torch.tensor((double) i), torch.tensor((double) i * i)); }
 *     public int len() { return 10; }
 * }
 * }</pre>
 *
 * @param <T> the type of a sample
 */
public interface Dataset<T> {
    /** {@code dataset[index]}. */
    T get(int index);

    /** {@code len(dataset)}. */
    int len();
}
