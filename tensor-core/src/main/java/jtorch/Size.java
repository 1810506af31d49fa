package jtorch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jtorch.internal.shape.Shapes;

/**
 * An immutable tensor shape, PyTorch's {@code torch.Size}: a list of non-negative dimension
 * sizes that prints as {@code torch.Size([2, 3])}.
 */
public final class Size {
    private static final Size SCALAR = new Size(new int[0]);

    private final int[] dims;

    private Size(int[] dims) {
        this.dims = dims;
    }

    /** A shape with the given sizes; every size must be non-negative. */
    public static Size of(int... dims) {
        return wrap(Shapes.checkedSizes(dims));
    }

    /** Wraps an array the caller will never modify again. */
    static Size wrap(int[] dims) {
        return dims.length == 0 ? SCALAR : new Size(dims);
    }

    /** The arrays of several shapes. */
    static int[][] arrays(Size[] shapes) {
        int[][] out = new int[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            out[i] = shapes[i].dims;
        }
        return out;
    }

    /** Shapes of several size arrays, each checked as by {@link #of}. */
    static Size[] all(int[][] shapes) {
        Size[] out = new Size[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            out[i] = of(shapes[i]);
        }
        return out;
    }

    /** The size of dimension {@code i}; a negative {@code i} counts from the end. */
    public int get(int i) {
        return dims[Shapes.wrapDim(i, dims.length)];
    }

    /** Number of dimensions, as Python's {@code len(size)}. */
    public int size() {
        return dims.length;
    }

    /** Number of elements: the product of the sizes (1 for a 0-d shape). */
    public int numel() {
        return Shapes.numel(dims);
    }

    /** A copy of the sizes. */
    public int[] toArray() {
        return dims.clone();
    }

    /** The sizes as a list. */
    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>(dims.length);
        for (int d : dims) {
            list.add(d);
        }
        return list;
    }

    int[] array() {
        return dims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Size && Arrays.equals(dims, ((Size) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return "torch.Size(" + Arrays.toString(dims) + ")";
    }
}
