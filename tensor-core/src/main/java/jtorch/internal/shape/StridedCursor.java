package jtorch.internal.shape;

/**
 * The one odometer loop: walks a shape in row-major order and keeps, for each of several
 * operands, the storage index of the current element. Operand {@code k} starts at
 * {@code offsets[k]} and moves by {@code strides[k][d]} along dimension {@code d} (0 for a
 * broadcast dimension). Only the first {@code walked} dimensions are stepped by {@link #next()},
 * so a caller can walk the outer dimensions and handle the last one as a row itself.
 *
 * <p>Invariant: after {@code j} calls of {@code next()}, {@link #at(int)} is operand {@code k}'s
 * storage index of the {@code j}-th position (row-major) of the walked dimensions. A cursor is
 * one loop's mutable state, owned by the thread running that loop.
 */
public final class StridedCursor {
    private final int[] shape;
    private final int walked;
    private final int[][] strides;
    private final int[] index;
    private final int[] counter;

    /** A cursor over all dimensions of {@code shape}. */
    public StridedCursor(int[] shape, int[] offsets, int[]... strides) {
        this(shape, shape.length, offsets, strides);
    }

    /** A cursor over the first {@code walked} dimensions of {@code shape}. */
    public StridedCursor(int[] shape, int walked, int[] offsets, int[]... strides) {
        this.shape = shape;
        this.walked = walked;
        this.strides = strides;
        this.index = offsets.clone();
        this.counter = new int[shape.length];
    }

    /** The current storage index of operand {@code k}. */
    public int at(int k) {
        return index[k];
    }

    /** Steps to the next position, carrying over the walked dimensions like an odometer. */
    public void next() {
        int last = walked - 1;
        if (last < 0) {
            return;
        }
        int[] idx = index;
        if (++counter[last] < shape[last]) {
            for (int k = 0; k < idx.length; k++) {
                idx[k] += strides[k][last];
            }
            return;
        }
        counter[last] = 0;
        for (int k = 0; k < idx.length; k++) {
            idx[k] -= strides[k][last] * (shape[last] - 1);
        }
        for (int d = last - 1; d >= 0; d--) {
            int size = shape[d];
            for (int k = 0; k < idx.length; k++) {
                idx[k] += strides[k][d];
            }
            if (++counter[d] < size) {
                return;
            }
            for (int k = 0; k < idx.length; k++) {
                idx[k] -= strides[k][d] * size;
            }
            counter[d] = 0;
        }
    }
}
