package jtorch.utils.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import jtorch.Generator;
import jtorch.Tensor;
import jtorch.TensorList;
import jtorch.torch;

/**
 * {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last, generator)} in the
 * calling thread: iterating it yields batches of {@code batchSize} samples, the last one shorter
 * unless {@code dropLast}. Samples that are tensors are stacked into one tensor; samples that are
 * tuples ({@link TensorList}) into a list of stacked tensors, as PyTorch's default collate does.
 *
 * <p>Random state is drawn exactly as PyTorch 1.13 draws it, so that after
 * {@code torch.manualSeed(s)} the batches (and every later random number) are PyTorch's: each new
 * iteration first draws a base seed ({@code random_()} of an int64 scalar) from the loader's
 * generator or the default one; with {@code shuffle}, its first batch then draws the sampler's seed
 * from the default generator (without a loader generator) and takes
 * {@code randperm(len(dataset))} from a generator seeded with it (or from the loader's generator).
 *
 * @param <T> the type of a sample, and of a batch: {@link Tensor} or {@link TensorList}
 */
public final class DataLoader<T> implements Iterable<T> {
    private final Dataset<T> dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;

    /** {@code DataLoader(dataset)}: batches of one, in order. */
    public DataLoader(Dataset<T> dataset) {
        this(dataset, 1, false, false, null);
    }

    /** {@code DataLoader(dataset, batch_size=batchSize)}. */
    public DataLoader(Dataset<T> dataset, int batchSize) {
        this(dataset, batchSize, false, false, null);
    }

    /** {@code DataLoader(dataset, batch_size=batchSize, shuffle=shuffle)}. */
    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, false, null);
    }

    /** {@code DataLoader(dataset, batch_size, shuffle, drop_last=dropLast)}. */
    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle, boolean dropLast) {
        this(dataset, batchSize, shuffle, dropLast, null);
    }

    /** {@code DataLoader(dataset, batch_size, shuffle, drop_last, generator=generator)}; a null generator is the default one. */
    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle, boolean dropLast, Generator generator) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader needs a dataset, got null");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size="
                    + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.generator = generator;
    }

    /** {@code len(loader)}: the number of batches. */
    public int len() {
        int n = dataset.len();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The {@code dataset} attribute. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** The {@code batch_size} attribute. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public Iterator<T> iterator() {
        drawSeed(generator); // PyTorch's _base_seed, drawn even in order and without workers
        return new Batches();
    }

    /** One pass over the dataset. */
    private final class Batches implements Iterator<T> {
        private int[] order;
        private int next;
        private int produced;

        @Override
        public boolean hasNext() {
            return produced < len();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the DataLoader has no more batches");
            }
            if (order == null) {
                order = order();
            }
            List<T> samples = new ArrayList<>();
            for (int k = 0; k < batchSize && next < order.length; k++) {
                samples.add(dataset.get(order[next++]));
            }
            produced++;
            return collate(samples);
        }
    }

    /** The sample order of one pass: in order, or PyTorch's RandomSampler permutation. */
    private int[] order() {
        int n = dataset.len();
        if (!shuffle) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        Generator g = generator;
        if (g == null) {
            g = new Generator();
            g.manualSeed(drawSeed(null));
        }
        return torch.randperm(n, g).toIntArray();
    }

    /** {@code torch.empty((), dtype=torch.int64).random_(generator=g).item()}. */
    private static long drawSeed(Generator g) {
        Tensor seed = torch.empty(new int[0], torch.int64);
        return (g == null ? seed.random_() : seed.random_(g)).longValue();
    }

    /** PyTorch's default collate for tensors and tuples of tensors. */
    @SuppressWarnings("unchecked")
    private T collate(List<T> samples) {
        T first = samples.get(0);
        if (first instanceof Tensor) {
            return (T) torch.stack((List<Tensor>) samples);
        }
        if (first instanceof TensorList tuple) {
            Tensor[] fields = new Tensor[tuple.size()];
            for (int f = 0; f < fields.length; f++) {
                List<Tensor> column = new ArrayList<>();
                for (T sample : samples) {
                    column.add(((TensorList) sample).get(f));
                }
                fields[f] = torch.stack(column);
            }
            return (T) TensorList.listOf(fields);
        }
        throw new IllegalArgumentException("DataLoader cannot batch samples of type " + first.getClass().getName()
                + ": its dataset must return a Tensor or a TensorList (a tuple of tensors)");
    }
}
