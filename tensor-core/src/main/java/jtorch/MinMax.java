package jtorch;

import jtorch.internal.tensor.TensorImpl;

/**
 * The {@code (min, max)} pair returned by {@code torch.aminmax}: PyTorch's
 * {@code torch.return_types.aminmax} named tuple. {@code min()} and {@code max()} read the
 * fields, {@code get(0)}/{@code get(1)} (or Python's negative positions) index it like the tuple,
 * and {@code toString()} prints it as PyTorch does:
 * <pre>
 * torch.return_types.aminmax(
 * min=tensor(-6.),
 * max=tensor(5.))
 * </pre>
 */
public final class MinMax {
    private final Tensor min;
    private final Tensor max;

    private MinMax(Tensor min, Tensor max) {
        this.min = min;
        this.max = max;
    }

    /** The public form of the op's two results {@code {min, max}}. */
    static MinMax of(TensorImpl[] minMax) {
        return new MinMax(Tensor.of(minMax[0]), Tensor.of(minMax[1]));
    }

    /** The minimum, as {@code result.min}. */
    public Tensor min() {
        return min;
    }

    /** The maximum, as {@code result.max}. */
    public Tensor max() {
        return max;
    }

    /** Tuple indexing: 0 (or -2) is the minimum, 1 (or -1) the maximum, as {@code result[i]}. */
    public Tensor get(int index) {
        return switch (index) {
            case 0, -2 -> min;
            case 1, -1 -> max;
            default -> throw new IndexOutOfBoundsException("tuple index out of range");
        };
    }

    /** Python's {@code len(result)}: always 2. */
    public int size() {
        return 2;
    }

    /** The pair as a Python tuple, {@code (min, max)}. */
    public TensorList toList() {
        return TensorList.of(min, max);
    }

    /** PyTorch's {@code repr}. */
    @Override
    public String toString() {
        return "torch.return_types.aminmax(\nmin=" + min + ",\nmax=" + max + ")";
    }
}
