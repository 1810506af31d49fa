package jtorch.internal.interop;

import jtorch.DType;
import jtorch.internal.format.PythonTuple;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.kernels.Strided;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.TensorImpl;

/**
 * The data of a numpy {@code ndarray} stand-in ({@code jtorch.NDArray} is its facade): a strided
 * view of a typed storage, so that it can share memory with tensors ({@code torch.from_numpy(a)}
 * and {@code tensor.numpy()} alias the same storage; writes through either show in the other).
 *
 * <p>Invariants: {@code storage} is the same {@link Storage} object a sharing tensor holds, and
 * its dtype is the array's dtype (never bfloat16, which numpy lacks); the layout is frozen, its
 * strides in elements and never negative. bool, int8 and uint8 arrays keep one {@code byte} per
 * element and float16 arrays the raw 16-bit patterns in a {@code short[]}, as tensors do.
 */
public final class NumpyArray implements Strided {
    private final Storage storage;
    private final Layout layout;

    NumpyArray(Storage storage, Layout layout) {
        if (storage.dtype() == DType.BFLOAT16) {
            throw new IllegalArgumentException("Got unsupported ScalarType " + DType.BFLOAT16.scalarName());
        }
        this.storage = storage;
        this.layout = layout;
    }

    /** A new C-contiguous zero-filled array. */
    static NumpyArray allocate(DType type, int[] shape) {
        return new NumpyArray(Storage.allocate(type, Shapes.numel(shape)), Layout.contiguous(shape.clone()));
    }

    /** {@code tensor.numpy()}: an array over the tensor's memory and layout; refused while it requires grad. */
    public static NumpyArray sharing(TensorImpl t) {
        if (t.requiresGrad()) {
            throw new IllegalStateException(
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        }
        return new NumpyArray(t.storage(), t.layout());
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    public DType dtype() {
        return storage.dtype();
    }

    /** {@code a.shape} (a copy). */
    public int[] shape() {
        return layout.sizes().clone();
    }

    /** {@code a.strides}: in bytes. */
    public int[] byteStrides() {
        int[] bytes = layout.strides().clone();
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] *= dtype().elementSize();
        }
        return bytes;
    }

    /** The flat Java array holding the elements, shared; null when the memory is a direct NIO buffer. */
    public Object data() {
        return storage.array();
    }

    // ---------------------------------------------------------------- views and copies

    /** {@code a.reshape(shape)}: a view when the layout allows (one size may be -1), else a copy. */
    public NumpyArray reshape(int[] newShape) {
        int[] sizes = inferShape(newShape);
        int[] viewStrides = Shapes.viewStrides(layout.sizes(), layout.strides(), sizes);
        if (viewStrides != null) {
            return new NumpyArray(storage, Layout.of(sizes, viewStrides, layout.offset()));
        }
        return new NumpyArray(astype(dtype()).storage, Layout.contiguous(sizes));
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
        int n = layout.numel();
        if (unknown >= 0 && known != 0 && n % known == 0) {
            sizes[unknown] = (int) (n / known);
        } else if (unknown >= 0 || known != n) {
            throw new IllegalArgumentException("cannot reshape array of size " + n + " into shape "
                    + PythonTuple.of(requested));
        }
        return sizes;
    }

    /** {@code a.T}: the view with the axes reversed. */
    public NumpyArray transpose() {
        int n = layout.dim();
        int[] s = new int[n];
        int[] st = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = layout.size(n - 1 - i);
            st[i] = layout.stride(n - 1 - i);
        }
        return new NumpyArray(storage, Layout.of(s, st, layout.offset()));
    }

    /** {@code a.astype(dtype)}: a C-contiguous copy converted to {@code type} with numpy's casts. */
    public NumpyArray astype(DType type) {
        TensorImpl out = toTensor(type);
        return new NumpyArray(out.storage(), out.layout());
    }

    /** A new contiguous tensor with the elements copied, in {@code type} (null: this array's), as {@code torch.tensor(a)}. */
    public TensorImpl toTensor(DType type) {
        TensorImpl out = TensorImpl.allocate(type == null ? dtype() : type, shape());
        StridedCopy.copyInto(out, this);
        return out;
    }

    /** A tensor over the same memory and layout (no copy): {@code torch.from_numpy(a)}. */
    public TensorImpl asTensor() {
        return new TensorImpl(storage, layout, null);
    }

    // ---------------------------------------------------------------- elements

    /**
     * {@code a[i, j]}: the element (Long, Double or Boolean) when every axis is indexed, else the
     * sub-array view ({@code a[0]} is the first row). Negative indices count from the end.
     */
    public Object get(int[] index) {
        int pos = position(index);
        int dims = layout.dim();
        if (index.length == dims) {
            return storage.element(pos);
        }
        int rest = dims - index.length;
        int[] s = new int[rest];
        int[] st = new int[rest];
        System.arraycopy(layout.sizes(), index.length, s, 0, rest);
        System.arraycopy(layout.strides(), index.length, st, 0, rest);
        return new NumpyArray(storage, Layout.of(s, st, pos));
    }

    /** {@code a[i, j] = value} (a Number or Boolean, numpy's casts); a partial index fills the sub-array. */
    public void set(Object value, int[] index) {
        Object target = get(index);
        if (target instanceof NumpyArray sub) {
            int n = sub.layout.numel();
            for (int k = 0; k < n; k++) {
                NumpyData.store(value, storage, sub.layout.storageIndex(k));
            }
        } else {
            NumpyData.store(value, storage, position(index));
        }
    }

    /** {@code a.item()}: the only element of a one-element array. */
    public Object item() {
        if (layout.numel() != 1) {
            throw new IllegalArgumentException("can only convert an array of size 1 to a Python scalar");
        }
        return storage.element(layout.storageIndex(0));
    }

    private int position(int[] index) {
        if (index.length > layout.dim()) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + layout.dim()
                    + "-dimensional, but " + index.length + " were indexed");
        }
        int pos = layout.offset();
        for (int d = 0; d < index.length; d++) {
            int i = index[d];
            int size = layout.size(d);
            if (i < -size || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for axis " + d + " with size "
                        + size);
            }
            pos += (i < 0 ? i + size : i) * layout.stride(d);
        }
        return pos;
    }
}
