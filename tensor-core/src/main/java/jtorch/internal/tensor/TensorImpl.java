package jtorch.internal.tensor;

import jtorch.DType;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.kernels.Strided;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;

/**
 * A tensor's data and metadata: a typed {@link Storage}, one frozen {@link Layout} into it, the
 * view base, and the autograd state ({@link AutogradMeta}); {@code jtorch.Tensor} is the public
 * facade over one of these.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every element of a non-empty layout lies inside the storage; {@link #dtype()} is the
 *       storage's dtype.</li>
 *   <li>A view shares the storage object of its base and records that base in
 *       {@link #viewBase()} (always the root base, never a view); writes through either are
 *       visible in both and bump the storage's version counter, which autograd checks for saved
 *       tensors.</li>
 *   <li>Storage, layout, dtype and view base never change; the autograd state is replaced only
 *       by the autograd layer.</li>
 *   <li>{@link #facade()} is set at most once (by the facade that wraps this tensor), so a user
 *       sees one {@code Tensor} object per tensor, e.g. for {@code x.grad()} identity.</li>
 * </ul>
 */
public final class TensorImpl implements Strided {
    private final Storage storage;
    private final Layout layout;
    private final TensorImpl viewBase;
    /** True for a 0-d tensor made from a Java number operand: it promotes like a Python scalar. */
    private boolean wrappedNumber;
    private AutogradMeta autograd;
    private Object facade;

    public TensorImpl(Storage storage, Layout layout, TensorImpl viewBase) {
        this.storage = storage;
        this.layout = layout;
        this.viewBase = viewBase;
    }

    /** A new contiguous zero-filled tensor (the sizes array becomes the tensor's). */
    public static TensorImpl allocate(DType dtype, int[] sizes) {
        return allocate(dtype, Layout.contiguous(sizes));
    }

    /** A new zero-filled tensor of {@code like}'s sizes in {@link Layout#preserveFormat()} (as {@code empty_like}). */
    public static TensorImpl allocateLike(TensorImpl like, DType dtype) {
        return allocate(dtype, like.layout.preserveFormat());
    }

    private static TensorImpl allocate(DType dtype, Layout layout) {
        if (layout.numel() >= Cancellation.CHUNK) {
            Cancellation.check(); // the JVM zeroes the new array, which cannot be interrupted
        }
        return new TensorImpl(Storage.allocate(dtype, layout.numel()), layout, null);
    }

    /** A view of this tensor's storage with other sizes, strides and offset (no autograd). */
    public TensorImpl asStrided(int[] sizes, int[] strides, int offset) {
        return new TensorImpl(storage, Layout.of(sizes, strides, offset), viewBase != null ? viewBase : this);
    }

    /**
     * A tensor sharing this one's storage and layout but no autograd state. It is not a view for
     * autograd (as {@code detach()} in PyTorch): in-place writes to it are allowed even when this
     * tensor is a leaf that requires grad, and they bump the shared version counter.
     */
    public TensorImpl detachAlias() {
        TensorImpl alias = new TensorImpl(storage, layout, null);
        alias.wrappedNumber = wrappedNumber;
        return alias;
    }

    /** A contiguous copy with no graph (e.g. for gradient buffers). */
    public TensorImpl contiguousCopy() {
        TensorImpl out = allocate(dtype(), layout.sizes().clone());
        StridedCopy.copyInto(out, this);
        return out;
    }

    /** This tensor if it is contiguous from the start of an array-backed storage, else such a copy. */
    public TensorImpl dense() {
        return layout.isContiguous() && layout.offset() + storage.base == 0 && storage.array() != null
                ? this : contiguousCopy();
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

    /** The root tensor whose storage this view shares, or null when this is not a view. */
    public TensorImpl viewBase() {
        return viewBase;
    }

    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    /** Marks a fresh 0-d tensor as a wrapped Java number. */
    public TensorImpl markWrappedNumber() {
        wrappedNumber = true;
        return this;
    }

    /** The sizes (not to be modified). */
    public int[] sizes() {
        return layout.sizes();
    }

    /** The strides (not to be modified). */
    public int[] strides() {
        return layout.strides();
    }

    public int offset() {
        return layout.offset();
    }

    public int dim() {
        return layout.dim();
    }

    public int numel() {
        return layout.numel();
    }

    public boolean isContiguous() {
        return layout.isContiguous();
    }

    /** The element at row-major position {@code linear}, as a double. */
    public double getDouble(int linear) {
        return storage.getDouble(layout.storageIndex(linear));
    }

    /** The element at row-major position {@code linear}, as a long (integral and bool dtypes). */
    public long getLong(int linear) {
        return storage.getLong(layout.storageIndex(linear));
    }

    public AutogradMeta autograd() {
        return autograd;
    }

    public void setAutograd(AutogradMeta meta) {
        this.autograd = meta;
    }

    /** Whether gradients flow to or through this tensor. */
    public boolean requiresGrad() {
        return autograd != null && autograd.requiresGrad();
    }

    /** The public object wrapping this tensor, or null before one was made. */
    public Object facade() {
        return facade;
    }

    /** Records the public object wrapping this tensor; there is only ever one. */
    public void setFacade(Object wrapper) {
        if (facade != null) {
            throw new IllegalStateException("tensor already has a facade");
        }
        this.facade = wrapper;
    }
}
