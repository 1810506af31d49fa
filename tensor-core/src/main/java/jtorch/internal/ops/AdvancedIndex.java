package jtorch.internal.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jtorch.DType;
import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.shape.Shapes;
import jtorch.internal.shape.StridedCursor;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * PyTorch's {@code AdvancedIndex}: for {@code self[indices]} (one optional index tensor per
 * leading dimension), the shape of the result and the storage index in {@code self} of each
 * result element, row-major.
 *
 * <p>As ATen's {@code make_info}: bool/uint8 masks become one int64 index per mask dimension
 * (their nonzero coordinates), the index tensors broadcast together, and when the indexed
 * dimensions are not adjacent they move to the front of the result.
 */
public final class AdvancedIndex {
    /** The int64 indices after mask expansion (null for a dimension taken whole). */
    final List<TensorImpl> indices;
    final int[] resultSizes;
    /** Storage index in {@code self} of each result element, row-major. */
    final int[] positions;
    /** An index out of bounds, raised when the index is used (after the value's shape check, as ATen). */
    private final IndexOutOfBoundsException outOfBounds;

    private AdvancedIndex(List<TensorImpl> indices, int[] resultSizes, int[] positions,
                          IndexOutOfBoundsException outOfBounds) {
        this.indices = indices;
        this.resultSizes = resultSizes;
        this.positions = positions;
        this.outOfBounds = outOfBounds;
    }

    public static AdvancedIndex of(TensorImpl self, List<TensorImpl> orig) {
        if (orig.size() > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim() + " (got "
                    + orig.size() + ")");
        }
        for (TensorImpl t : orig) {
            if (t != null && t.dtype() != DType.INT64 && t.dtype() != DType.UINT8 && !t.dtype().isBool()) {
                throw new IndexOutOfBoundsException("tensors used as indices must be long, byte or bool tensors");
            }
        }
        List<TensorImpl> indices = expandMasks(self, orig);
        int[] shape = broadcastIndices(indices);
        if (shape == null) {
            throw new IllegalArgumentException("advanced indexing needs at least one index tensor, got none");
        }
        while (indices.size() < self.dim()) {
            indices.add(null);
        }
        int n = self.dim();
        int[] order = order(indices);
        int[] sizes = new int[n];
        int[] strides = new int[n];
        List<TensorImpl> ordered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sizes[i] = self.sizes()[order[i]];
            strides[i] = self.strides()[order[i]];
            ordered.add(indices.get(order[i]));
        }
        int first = 0;
        while (ordered.get(first) == null) {
            first++;
        }
        int count = 0;
        while (first + count < n && ordered.get(first + count) != null) {
            count++;
        }
        int[] pre = Arrays.copyOfRange(sizes, 0, first);
        int[] post = Arrays.copyOfRange(sizes, first + count, n);
        int[] resultSizes = concat(pre, shape, post);
        int total = Shapes.numel(resultSizes);
        int[] positions = new int[total];
        IndexOutOfBoundsException outOfBounds = null;
        try {
            fillPositions(self, positions, pre, post, shape, ordered.subList(first, first + count),
                    Arrays.copyOfRange(sizes, first, first + count), strides, first);
        } catch (IndexOutOfBoundsException e) {
            outOfBounds = e;
        }
        return new AdvancedIndex(Collections.unmodifiableList(indices), resultSizes, positions, outOfBounds);
    }

    /**
     * Storage index of each result element: offsets of the dims before the indexed ones, of the
     * indexed positions, and of the dims after, combined row-major. {@code strides} are in result
     * dim order, the indexed dims starting at {@code first}.
     */
    private static void fillPositions(TensorImpl self, int[] positions, int[] pre, int[] post, int[] shape,
                                      List<TensorImpl> idx, int[] idxSizes, int[] strides, int first) {
        int count = idx.size();
        if (positions.length > 0) {
            int[] picked = pickedOffsets(idx, shape, idxSizes, Arrays.copyOfRange(strides, first, first + count));
            int[] preOff = offsets(pre, Arrays.copyOfRange(strides, 0, first));
            int[] postOff = offsets(post, Arrays.copyOfRange(strides, first + count, strides.length));
            int k = 0;
            for (int a : preOff) {
                for (int p : picked) {
                    Cancellation.check();
                    for (int b : postOff) {
                        positions[k++] = self.offset() + a + p + b;
                    }
                }
            }
        }
    }

    /** {@code self[indices]} as a new contiguous tensor. */
    public TensorImpl gather(TensorImpl self) {
        if (outOfBounds != null) {
            throw outOfBounds;
        }
        return readAt(self, positions, resultSizes);
    }

    /** ATen's checks before a put: values broadcast to the result, then every index in bounds. */
    public void checkValues(TensorImpl values) {
        if (!broadcastsTo(values.sizes(), resultSizes)) {
            throw new IllegalArgumentException("shape mismatch: value tensor of shape "
                    + Arrays.toString(values.sizes()) + " cannot be broadcast to indexing result of shape "
                    + Arrays.toString(resultSizes));
        }
        if (outOfBounds != null) {
            throw outOfBounds;
        }
    }

    /** {@code self[indices] = values} (or {@code +=} when accumulating); values broadcast to the result. */
    public void put(TensorImpl self, TensorImpl values, boolean accumulate) {
        checkValues(values);
        writeAt(self, positions, Views.broadcastTo(values, resultSizes.clone()), accumulate);
    }

    private static boolean broadcastsTo(int[] sizes, int[] target) {
        int off = target.length - sizes.length;
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != 1 && sizes[i] != target[i + off]) {
                return false;
            }
        }
        return true;
    }

    /** Bool/uint8 masks become the int64 coordinates of their true elements, one index per mask dim. */
    private static List<TensorImpl> expandMasks(TensorImpl self, List<TensorImpl> orig) {
        List<TensorImpl> result = new ArrayList<>();
        for (TensorImpl index : orig) {
            if (index == null || index.dtype() == DType.INT64) {
                result.add(index);
                continue;
            }
            for (int j = 0; j < index.dim(); j++) {
                int srcIdx = result.size() + j;
                if (index.sizes()[j] != self.sizes()[Shapes.wrapDim(srcIdx, self.dim())]) {
                    throw new IndexOutOfBoundsException("The shape of the mask " + Arrays.toString(index.sizes())
                            + " at index " + j + " does not match the shape of the indexed tensor "
                            + Arrays.toString(self.sizes()) + " at index " + srcIdx);
                }
            }
            TensorImpl nonzero = Gathering.nonzero(index);
            for (int j = 0; j < index.dim(); j++) {
                result.add(Views.selectView(nonzero, 1, j));
            }
        }
        return result;
    }

    private static int[] broadcastIndices(List<TensorImpl> indices) {
        int[] shape = null;
        try {
            for (TensorImpl t : indices) {
                if (t != null) {
                    shape = shape == null ? t.sizes() : Shapes.broadcast(shape, t.sizes());
                }
            }
        } catch (IllegalArgumentException e) {
            StringBuilder shapes = new StringBuilder();
            for (TensorImpl t : indices) {
                if (t != null) {
                    shapes.append(shapes.length() == 0 ? "" : ", ").append(Arrays.toString(t.sizes()));
                }
            }
            throw new IndexOutOfBoundsException(
                    "shape mismatch: indexing tensors could not be broadcast together with shapes " + shapes);
        }
        return shape;
    }

    /** Identity when the indexed dims are adjacent; else indexed dims first (ATen's transposeToFront). */
    private static int[] order(List<TensorImpl> indices) {
        int n = indices.size();
        int[] order = new int[n];
        int state = 0;
        boolean contiguous = true;
        for (TensorImpl t : indices) {
            if (state == 0 && t != null) {
                state = 1;
            } else if (state == 1 && t == null) {
                state = 2;
            } else if (state == 2 && t != null) {
                contiguous = false;
            }
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (contiguous || indices.get(i) != null) {
                order[k++] = i;
            }
        }
        for (int i = 0; !contiguous && i < n; i++) {
            if (indices.get(i) == null) {
                order[k++] = i;
            }
        }
        return order;
    }

    /** For each position of the broadcast index shape, the storage offset the indices pick. */
    private static int[] pickedOffsets(List<TensorImpl> idx, int[] shape, int[] sizes, int[] strides) {
        int count = Shapes.numel(shape);
        int[] picked = new int[count];
        for (int j = 0; j < idx.size(); j++) {
            TensorImpl t = idx.get(j);
            TensorImpl e = Views.broadcastTo(t, shape);
            boolean direct = e.isContiguous();
            int size = sizes[j];
            for (int p = 0; p < count; p++) {
                long v = direct ? e.storage().getLong(e.offset() + p) : e.getLong(p);
                if (v < -size || v >= size) {
                    throw new IndexOutOfBoundsException("index " + v + " is out of bounds for dimension " + j
                            + " with size " + size);
                }
                picked[p] += (int) (v < 0 ? v + size : v) * strides[j];
            }
        }
        return picked;
    }

    /** Storage offsets of every element of a shape with the given strides, row-major. */
    private static int[] offsets(int[] sizes, int[] strides) {
        int[] out = new int[Shapes.numel(sizes)];
        StridedCursor c = new StridedCursor(sizes, new int[] {0}, strides);
        for (int k = 0; k < out.length; k++, c.next()) {
            out[k] = c.at(0);
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b, int[] c) {
        int[] out = new int[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    /** A new contiguous tensor of {@code sizes} whose element i is self's storage element {@code positions[i]}. */
    static TensorImpl readAt(TensorImpl self, int[] positions, int[] sizes) {
        TensorImpl out = TensorImpl.allocate(self.dtype(), sizes.clone());
        Storage src = self.storage();
        Storage dst = out.storage();
        if (self.dtype().isFloatingPoint()) {
            for (int i = 0; i < positions.length; i++) {
                Cancellation.checkEvery(i);
                dst.setDouble(i, src.getDouble(positions[i]));
            }
        } else {
            for (int i = 0; i < positions.length; i++) {
                Cancellation.checkEvery(i);
                dst.setLong(i, src.getLong(positions[i]));
            }
        }
        return out;
    }

    /** Stores element i of {@code values} (row-major) at self's storage element {@code positions[i]}, or adds it. */
    static void writeAt(TensorImpl self, int[] positions, TensorImpl values, boolean accumulate) {
        Storage dst = self.storage();
        if (self.dtype().isFloatingPoint()) {
            for (int i = 0; i < positions.length; i++) {
                Cancellation.checkEvery(i);
                int at = positions[i];
                double x = values.getDouble(i);
                dst.setDouble(at, accumulate ? dst.getDouble(at) + x : x);
            }
        } else {
            for (int i = 0; i < positions.length; i++) {
                int at = positions[i];
                long x = values.getLong(i);
                dst.setLong(at, Casts.wrap(accumulate ? dst.getLong(at) + x : x, self.dtype()));
            }
        }
    }
}
