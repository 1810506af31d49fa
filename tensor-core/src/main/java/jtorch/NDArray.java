package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jtorch.internal.interop.JavaArrays;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * A numpy {@code ndarray} stand-in: a strided view of a flat Java primitive array, so that it can
 * share memory with tensors ({@code torch.fromNumpy(a)} and {@code tensor.numpy()} alias the same
 * array; writes through either show in the other). {@code toString()} is numpy's {@code str()},
 * {@link #repr()} numpy's {@code repr()}.
 *
 * <p>Invariants: {@code storage} is the same {@link Storage} object a sharing tensor holds (its
 * dtype is this array's dtype); element {@code (i0, .., ik)} lives at storage index
 * {@code offset + sum(ij * strides[j])}; strides are in elements and never negative;
 * {@code shape} and {@code strides} are never mutated. bool, int8 and uint8 arrays keep one
 * {@code byte} per element and float16 arrays the raw 16-bit patterns in a {@code short[]}, as
 * tensors do.
 */
public final class NDArray {
    final Storage storage;
    final int offset;
    final int[] shape;
    /** Strides in elements (numpy's {@link #strides()} are in bytes). */
    final int[] strides;
    private final np.dtype dtype;

    NDArray(Storage storage, int offset, int[] shape, int[] strides) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
        this.dtype = np.dtype.of(storage.dtype());
    }

    /** A new C-contiguous zero-filled array. */
    static NDArray allocate(np.dtype type, int[] shape) {
        return new NDArray(Storage.allocate(type.torchType, Shapes.numel(shape)), 0, shape,
                Shapes.contiguousStrides(shape));
    }

    // ---------------------------------------------------------------- attributes

    /** The element type, as {@code a.dtype} (prints {@code int64}). */
    public np.dtype dtype() {
        return dtype;
    }

    /** The shape, as {@code a.shape} (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions, as {@code a.ndim}. */
    public int ndim() {
        return shape.length;
    }

    /** Number of elements, as {@code a.size}. */
    public int size() {
        return Shapes.numel(shape);
    }

    /** Strides in bytes, as {@code a.strides}. */
    public int[] strides() {
        int[] bytes = strides.clone();
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] *= dtype.itemsize();
        }
        return bytes;
    }

    /** Bytes per element, as {@code a.itemsize}. */
    public int itemsize() {
        return dtype.itemsize();
    }

    /**
     * The flat Java array holding the elements ({@code long[]} for int64, {@code double[]} for
     * float64, {@code byte[]} for bool/int8/uint8, {@code short[]} of raw bits for float16, ...),
     * shared, not copied; null when the memory is a direct NIO buffer. A view's elements sit at
     * the positions its strides give.
     */
    public Object data() {
        return storage.array();
    }

    /** The address-like start of the data, comparable with {@link Tensor#dataPtr()} ({@code a.ctypes.data}). */
    public long dataPtr() {
        return JavaArrays.dataPtr(asTensorImpl());
    }

    // ---------------------------------------------------------------- views and copies

    /** {@code a.reshape(shape)}: a view when the layout allows (one size may be -1), else a copy. */
    public NDArray reshape(int... newShape) {
        int[] sizes = inferShape(newShape);
        int[] viewStrides = Shapes.viewStrides(shape, strides, sizes);
        if (viewStrides != null) {
            return new NDArray(storage, offset, sizes, viewStrides);
        }
        NDArray copy = copy();
        return new NDArray(copy.storage, 0, sizes, Shapes.contiguousStrides(sizes));
    }

    private int[] inferShape(int[] requested) {
        int[] sizes = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 0) {
                if (sizes[i] != -1 || unknown >= 0) {
                    throw new IllegalArgumentException(sizes[i] == -1 ? "can only specify one unknown dimension"
                            : "negative dimensions not allowed");
                }
                unknown = i;
            } else {
                known *= sizes[i];
            }
        }
        int n = size();
        if (unknown >= 0 && known != 0 && n % known == 0) {
            sizes[unknown] = (int) (n / known);
        } else if (unknown >= 0 || known != n) {
            throw new IllegalArgumentException("cannot reshape array of size " + n + " into shape "
                    + NDArrayFormat.tuple(requested));
        }
        return sizes;
    }

    /** {@code a.T}: the view with the axes reversed. */
    public NDArray T() {
        int n = shape.length;
        int[] s = new int[n];
        int[] st = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = shape[n - 1 - i];
            st[i] = strides[n - 1 - i];
        }
        return new NDArray(storage, offset, s, st);
    }

    /** {@code a.transpose()}: the same as {@link #T()}. */
    public NDArray transpose() {
        return T();
    }

    /** {@code a.copy()}: a C-contiguous copy. */
    public NDArray copy() {
        return astype(dtype);
    }

    /** {@code a.astype(dtype)}: a C-contiguous copy converted to {@code dtype}. */
    public NDArray astype(np.dtype type) {
        TensorImpl out = toTensor(type.torchType);
        return new NDArray(out.storage(), 0, out.sizes(), out.strides());
    }

    /** A new contiguous tensor with the elements copied, in {@code dtype} (null: this array's), as {@code torch.tensor(a)}. */
    TensorImpl toTensor(DType type) {
        TensorImpl out = TensorImpl.allocate(type == null ? dtype.torchType : type, shape.clone());
        StridedCopy.copyInto(out, asTensorImpl());
        return out;
    }

    /** A tensor over the same memory and layout (no copy): {@code torch.from_numpy(a)}. */
    Tensor asTensor() {
        return Tensor.of(asTensorImpl());
    }

    private TensorImpl asTensorImpl() {
        return new TensorImpl(storage, Layout.of(shape.clone(), strides.clone(), offset), null);
    }

    /** {@code tensor.numpy()}: an array over the tensor's memory and layout; refused while it requires grad. */
    static NDArray sharing(TensorImpl t) {
        if (t.requiresGrad()) {
            throw new IllegalStateException(
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        }
        return new NDArray(t.storage(), t.offset(), t.sizes().clone(), t.strides().clone());
    }

    // ---------------------------------------------------------------- elements

    /**
     * {@code a[i, j]}: the element (Long, Double or Boolean) when every axis is indexed, else the
     * sub-array view ({@code a[0]} is the first row). Negative indices count from the end.
     */
    public Object get(int... index) {
        int pos = position(index);
        if (index.length == shape.length) {
            return element(pos);
        }
        int rest = shape.length - index.length;
        int[] s = new int[rest];
        int[] st = new int[rest];
        System.arraycopy(shape, index.length, s, 0, rest);
        System.arraycopy(strides, index.length, st, 0, rest);
        return new NDArray(storage, pos, s, st);
    }

    /** {@code a[i, j] = value} (numpy's cast: a float stored in an int array truncates); a partial index fills the sub-array. */
    public void set(Number value, int... index) {
        fillAt(index, value);
    }

    /** {@code a[i, j] = True}. */
    public void set(boolean value, int... index) {
        fillAt(index, value);
    }

    private void fillAt(int[] index, Object value) {
        Object target = get(index);
        if (target instanceof NDArray) {
            NDArray sub = (NDArray) target;
            int n = sub.size();
            for (int k = 0; k < n; k++) {
                np.store(value, storage, sub.storageIndex(k));
            }
        } else {
            np.store(value, storage, position(index));
        }
    }

    /** {@code a.item()}: the only element of a one-element array. */
    public Object item() {
        if (size() != 1) {
            throw new IllegalArgumentException("can only convert an array of size 1 to a Python scalar");
        }
        return element(storageIndex(0));
    }

    /** {@code a.tolist()}: nested Lists of Long, Double or Boolean; a 0-d array gives its element. */
    public Object tolist() {
        return shape.length == 0 ? element(offset) : tolist(0, offset);
    }

    private List<Object> tolist(int dim, int base) {
        List<Object> out = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            int pos = base + i * strides[dim];
            out.add(dim == shape.length - 1 ? element(pos) : tolist(dim + 1, pos));
        }
        return Collections.unmodifiableList(out);
    }

    private int position(int[] index) {
        if (index.length > shape.length) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + shape.length
                    + "-dimensional, but " + index.length + " were indexed");
        }
        int pos = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d];
            if (i < -shape[d] || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for axis " + d + " with size "
                        + shape[d]);
            }
            pos += (i < 0 ? i + shape[d] : i) * strides[d];
        }
        return pos;
    }

    /** Storage index of the element at row-major position {@code linear}. */
    int storageIndex(int linear) {
        int pos = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            pos += (linear % shape[d]) * strides[d];
            linear /= shape[d];
        }
        return pos;
    }

    /** The element at a storage index as a Java value of the dtype's kind. */
    Object element(int storageIndex) {
        DType t = dtype.torchType;
        if (t.isFloatingPoint()) {
            return storage.getDouble(storageIndex);
        }
        return t.isBool() ? (Object) (storage.getLong(storageIndex) != 0) : (Object) storage.getLong(storageIndex);
    }

    // ---------------------------------------------------------------- printing

    /** numpy's {@code repr(a)}: {@code array([[1, 2],\n       [3, 4]])}, {@code array([0.1], dtype=float32)}. */
    public String repr() {
        return NDArrayFormat.repr(this);
    }

    /** numpy's {@code str(a)}: {@code [[1 2]\n [3 4]]}. */
    @Override
    public String toString() {
        return NDArrayFormat.str(this);
    }
}
