package jtorch.internal.shape;

import java.util.Arrays;

/**
 * Where a tensor's elements sit in its storage: sizes, strides (in elements) and the offset of
 * element 0. A frozen value: element {@code (i0, .., ik)} lives at storage index
 * {@code offset + sum(ij * strides[j])}.
 *
 * <p>Invariants: {@code sizes.length == strides.length}; every size is non-negative; the arrays
 * are owned by the layout (factories take arrays the caller will not touch again) and are never
 * modified, so {@link #sizes()} and {@link #strides()} hand them out without copying and
 * callers must not write to them. Expanded (broadcast) dimensions have stride 0.
 */
public final class Layout {
    private static final int[] NONE = new int[0];
    /** The layout of a 0-d tensor at offset 0. */
    public static final Layout SCALAR = new Layout(NONE, NONE, 0);

    private final int[] sizes;
    private final int[] strides;
    private final int offset;
    private final int numel;
    private final boolean contiguous;

    private Layout(int[] sizes, int[] strides, int offset) {
        this.sizes = sizes;
        this.strides = strides;
        this.offset = offset;
        this.numel = Shapes.numel(sizes);
        this.contiguous = Shapes.isContiguous(sizes, strides);
    }

    /** A row-major layout of {@code sizes} starting at offset 0 (the array becomes the layout's). */
    public static Layout contiguous(int[] sizes) {
        return sizes.length == 0 ? SCALAR : new Layout(sizes, Shapes.contiguousStrides(sizes), 0);
    }

    /** A strided layout (the arrays become the layout's). */
    public static Layout of(int[] sizes, int[] strides, int offset) {
        if (sizes.length != strides.length) {
            throw new IllegalArgumentException("mismatch in length of strides and shape");
        }
        return new Layout(sizes, strides, offset);
    }

    /** The sizes; the caller must not modify the array. */
    public int[] sizes() {
        return sizes;
    }

    /** The strides; the caller must not modify the array. */
    public int[] strides() {
        return strides;
    }

    public int size(int dim) {
        return sizes[dim];
    }

    public int stride(int dim) {
        return strides[dim];
    }

    public int offset() {
        return offset;
    }

    public int dim() {
        return sizes.length;
    }

    public int numel() {
        return numel;
    }

    /** Whether the elements are laid out row-major without gaps (size-1 dims may have any stride). */
    public boolean isContiguous() {
        return contiguous;
    }

    /**
     * PyTorch's {@code has_internal_overlap}: a non-contiguous layout with a stride-0 dimension of
     * size above 1 (an expanded tensor) has elements that share one storage slot.
     */
    public boolean hasInternalOverlap() {
        if (contiguous) {
            return false;
        }
        for (int d = 0; d < sizes.length; d++) {
            if (strides[d] == 0 && sizes[d] > 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * PyTorch's {@code is_non_overlapping_and_dense}: the elements fill {@code numel} consecutive
     * storage slots in some order of the dims (a transposed or permuted contiguous tensor).
     */
    public boolean isNonOverlappingAndDense() {
        if (contiguous) {
            return true;
        }
        Integer[] dims = new Integer[sizes.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i;
        }
        // by stride, size-0/1 dims last (they may have any stride)
        Arrays.sort(dims, (a, b) -> sizes[a] < 2 ? (sizes[b] < 2 ? 0 : 1) : sizes[b] < 2 ? -1
                : Integer.compare(strides[a], strides[b]));
        long required = 1;
        for (int d : dims) {
            if (sizes[d] < 2) {
                return true;
            }
            if (strides[d] != required) {
                return false;
            }
            required *= sizes[d];
        }
        return true;
    }

    /**
     * The layout of a new tensor made "like" this one (PyTorch's {@code preserve_format}, the
     * default of {@code clone()}, {@code to()} and the {@code *_like} factories): the same strides
     * at offset 0 when {@link #isNonOverlappingAndDense()} and not contiguous, else row-major.
     */
    public Layout preserveFormat() {
        return !contiguous && isNonOverlappingAndDense() ? new Layout(sizes, strides, 0) : contiguous(sizes.clone());
    }

    /** Whether the sizes equal {@code other}'s. */
    public boolean sameSizes(Layout other) {
        return Arrays.equals(sizes, other.sizes);
    }

    /** Whether the sizes equal {@code shape}. */
    public boolean hasSizes(int[] shape) {
        return Arrays.equals(sizes, shape);
    }

    /** Storage index of the element at row-major logical position {@code linear}. */
    public int storageIndex(int linear) {
        int off = offset;
        for (int d = sizes.length - 1; d >= 0; d--) {
            int s = sizes[d];
            off += (linear % s) * strides[d];
            linear /= s;
        }
        return off;
    }

    /** Strides that read this layout broadcast to the larger {@code target} shape (0 on broadcast dims). */
    public int[] stridesFor(int[] target) {
        return Shapes.expandStrides(sizes, strides, target);
    }

    /**
     * The number of storage elements from {@link #offset()} up to and including the last element,
     * i.e. the smallest storage that holds this layout starting at offset 0 (0 when empty).
     */
    public int extent() {
        int last = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == 0) {
                return 0;
            }
            last += (sizes[i] - 1) * strides[i];
        }
        return last + 1;
    }

    @Override
    public String toString() {
        return "Layout(sizes=" + Arrays.toString(sizes) + ", strides=" + Arrays.toString(strides) + ", offset="
                + offset + ")";
    }
}
