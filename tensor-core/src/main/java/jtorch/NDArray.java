package jtorch;

import jtorch.internal.format.NumpyFormat;
import jtorch.internal.interop.JavaArrays;
import jtorch.internal.interop.NumpyArray;
import jtorch.internal.tensor.TensorImpl;

/**
 * A numpy {@code ndarray} stand-in: a strided view of a flat Java primitive array, so that it can
 * share memory with tensors ({@code torch.fromNumpy(a)} and {@code tensor.numpy()} alias the same
 * array; writes through either show in the other). {@code toString()} is numpy's {@code str()},
 * {@link #repr()} numpy's {@code repr()}.
 *
 * <p>A facade like {@link Tensor}: each method is one delegate to the array's data
 * ({@code internal.interop.NumpyArray}) or to its printing ({@code internal.format.NumpyFormat}).
 * Views are new {@code NDArray} objects over the same memory, as in numpy.
 */
public final class NDArray {
    final NumpyArray impl;

    private NDArray(NumpyArray impl) {
        this.impl = impl;
    }

    static NDArray of(NumpyArray impl) {
        return new NDArray(impl);
    }

    /** What internal code receives for {@code data}: the array behind an {@code NDArray}, else {@code data} itself. */
    static Object unwrap(Object data) {
        return data instanceof NDArray ? ((NDArray) data).impl : data;
    }

    /** An element, or the facade of a sub-array. */
    private static Object wrap(Object elementOrArray) {
        return elementOrArray instanceof NumpyArray ? of((NumpyArray) elementOrArray) : elementOrArray;
    }

    // ---------------------------------------------------------------- attributes

    /** The element type, as {@code a.dtype} (prints {@code int64}). */
    public np.dtype dtype() {
        return np.dtype.of(impl.dtype());
    }

    /** The shape, as {@code a.shape} (a copy). */
    public int[] shape() {
        return impl.shape();
    }

    /** Number of dimensions, as {@code a.ndim}. */
    public int ndim() {
        return impl.layout().dim();
    }

    /** Number of elements, as {@code a.size}. */
    public int size() {
        return impl.layout().numel();
    }

    /** Strides in bytes, as {@code a.strides}. */
    public int[] strides() {
        return impl.byteStrides();
    }

    /** Bytes per element, as {@code a.itemsize}. */
    public int itemsize() {
        return impl.dtype().elementSize();
    }

    /**
     * The flat Java array holding the elements ({@code long[]} for int64, {@code double[]} for
     * float64, {@code byte[]} for bool/int8/uint8, {@code short[]} of raw bits for float16, ...),
     * shared, not copied; null when the memory is a direct NIO buffer. A view's elements sit at
     * the positions its strides give.
     */
    public Object data() {
        return impl.data();
    }

    /** The address-like start of the data, comparable with {@link Tensor#dataPtr()} ({@code a.ctypes.data}). */
    public long dataPtr() {
        return JavaArrays.dataPtr(impl);
    }

    // ---------------------------------------------------------------- views and copies

    /** {@code a.reshape(shape)}: a view when the layout allows (one size may be -1), else a copy. */
    public NDArray reshape(int... newShape) {
        return of(impl.reshape(newShape));
    }

    /** {@code a.T}: the view with the axes reversed. */
    public NDArray T() {
        return of(impl.transpose());
    }

    /** {@code a.transpose()}: the same as {@link #T()}. */
    public NDArray transpose() {
        return T();
    }

    /** {@code a.copy()}: a C-contiguous copy. */
    public NDArray copy() {
        return of(impl.astype(impl.dtype()));
    }

    /** {@code a.astype(dtype)}: a C-contiguous copy converted to {@code dtype}. */
    public NDArray astype(np.dtype type) {
        return of(impl.astype(type.torchType));
    }

    /** A new contiguous tensor with the elements copied, in {@code dtype} (null: this array's), as {@code torch.tensor(a)}. */
    TensorImpl toTensor(DType type) {
        return impl.toTensor(type);
    }

    /** A tensor over the same memory and layout (no copy): {@code torch.from_numpy(a)}. */
    Tensor asTensor() {
        return Tensor.of(impl.asTensor());
    }

    // ---------------------------------------------------------------- elements

    /**
     * {@code a[i, j]}: the element (Long, Double or Boolean) when every axis is indexed, else the
     * sub-array view ({@code a[0]} is the first row). Negative indices count from the end.
     */
    public Object get(int... index) {
        return wrap(impl.get(index));
    }

    /** {@code a[i, j] = value} (numpy's cast: a float stored in an int array truncates); a partial index fills the sub-array. */
    public void set(Number value, int... index) {
        impl.set(value, index);
    }

    /** {@code a[i, j] = True}. */
    public void set(boolean value, int... index) {
        impl.set(value, index);
    }

    /** {@code a.item()}: the only element of a one-element array. */
    public Object item() {
        return impl.item();
    }

    /** {@code a.tolist()}: nested Lists of Long, Double or Boolean; a 0-d array gives its element. */
    public Object tolist() {
        return JavaArrays.tolist(impl);
    }

    // ---------------------------------------------------------------- printing

    /** numpy's {@code repr(a)}: {@code array([[1, 2],\n       [3, 4]])}, {@code array([0.1], dtype=float32)}. */
    public String repr() {
        return NumpyFormat.repr(impl);
    }

    /** numpy's {@code str(a)}: {@code [[1 2]\n [3 4]]}. */
    @Override
    public String toString() {
        return NumpyFormat.str(impl);
    }
}
