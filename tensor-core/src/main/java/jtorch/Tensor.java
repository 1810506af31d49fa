package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;

/**
 * A strided view of a typed {@link Storage}, with autograd metadata: PyTorch's {@code Tensor}.
 *
 * <p>Storage/view invariants:
 * <ul>
 *   <li>{@code sizes.length == strides.length == dim()}; every size is non-negative; element
 *       {@code (i0, .., ik)} lives at storage index {@code offset + sum(ij * strides[j])}, and
 *       every such index of a non-empty tensor is inside the storage.</li>
 *   <li>A view ({@code view}, {@code transpose}, slicing, {@code expand}, ...) shares the storage
 *       object of its base and records that base in {@code viewBase} (always the root base,
 *       never a view); writes through either are visible in both, and bump the storage's
 *       version counter which autograd checks for saved tensors.</li>
 *   <li>Expanded dimensions have stride 0, so an expanded tensor must not be written in place.</li>
 *   <li>{@code sizes} and {@code strides} arrays are never mutated after construction (except by
 *       {@code set_}-like internals that replace them whole).</li>
 *   <li>Autograd: a leaf has {@code gradFn == null}; it requires grad only when
 *       {@code requiresGrad} is set, which is allowed for floating dtypes only. A non-leaf
 *       requires grad exactly when it has a {@code gradFn}.</li>
 * </ul>
 */
public final class Tensor {
    final Storage storage;
    final int offset;
    final int[] sizes;
    final int[] strides;
    final DType dtype;
    /** The root tensor whose storage this view shares, or null when this is not a view. */
    final Tensor viewBase;
    /** True for a 0-d tensor made from a Java number operand: it promotes like a Python scalar. */
    boolean wrappedNumber;

    private boolean requiresGrad;
    private Node gradFn;
    private Tensor grad;
    private AccumulateGrad accumulator;
    private boolean retainsGrad;

    Tensor(Storage storage, int offset, int[] sizes, int[] strides, Tensor viewBase) {
        this.storage = storage;
        this.offset = offset;
        this.sizes = sizes;
        this.strides = strides;
        this.dtype = storage.dtype();
        this.viewBase = viewBase;
    }

    /** A new contiguous zero-filled tensor. */
    static Tensor allocate(DType dtype, int[] sizes) {
        return new Tensor(Storage.allocate(dtype, Shapes.numel(sizes)), 0, sizes, Shapes.contiguousStrides(sizes), null);
    }

    /** A view of this tensor's storage with other sizes, strides and offset (no autograd). */
    Tensor asStrided(int[] newSizes, int[] newStrides, int newOffset) {
        return new Tensor(storage, newOffset, newSizes, newStrides, viewBase != null ? viewBase : this);
    }

    // ---------------------------------------------------------------- metadata

    /** The shape, as {@code tensor.shape}. */
    public Size shape() {
        return Size.wrap(sizes.clone());
    }

    /** The shape, as {@code tensor.size()}. */
    public Size size() {
        return shape();
    }

    /** The size of one dimension; negative dims count from the end. */
    public int size(int dim) {
        return sizes[Shapes.wrapDim(dim, sizes.length)];
    }

    /** Number of dimensions. */
    public int dim() {
        return sizes.length;
    }

    /** Number of dimensions, as {@code tensor.ndim}. */
    public int ndim() {
        return sizes.length;
    }

    /** Number of elements. */
    public int numel() {
        return Shapes.numel(sizes);
    }

    /** Python's {@code len(tensor)}: the size of dimension 0. */
    public int len() {
        if (sizes.length == 0) {
            throw new IllegalArgumentException("len() of a 0-d tensor");
        }
        return sizes[0];
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The strides in elements, one per dimension. */
    public int[] stride() {
        return strides.clone();
    }

    /** The stride of one dimension. */
    public int stride(int dim) {
        return strides[Shapes.wrapDim(dim, sizes.length)];
    }

    /** Offset of element 0 in the storage, in elements. */
    public int storageOffset() {
        return offset;
    }

    /** Bytes per element. */
    public int elementSize() {
        return dtype.elementSize();
    }

    /**
     * An address-like number for comparing where tensors start, as {@code data_ptr()}: equal for
     * tensors starting at the same storage element, and advancing by {@link #elementSize()} per
     * element.
     */
    public long dataPtr() {
        return ((long) System.identityHashCode(storage) << 24) + (long) (storage.base + offset) * dtype.elementSize();
    }

    /** Whether the elements are laid out row-major without gaps. */
    public boolean isContiguous() {
        return Shapes.isContiguous(sizes, strides);
    }

    /** The legacy type name, e.g. {@code torch.FloatTensor}. */
    public String type() {
        return dtype.tensorTypeName();
    }

    /** Converts to the dtype of a legacy type name such as {@code "torch.DoubleTensor"}. */
    public Tensor type(String typeName) {
        return to(DType.fromTensorTypeName(typeName));
    }

    // ---------------------------------------------------------------- element access

    /** Storage index of the element at row-major logical position {@code linear}. */
    final int storageIndex(int linear) {
        int off = offset;
        for (int d = sizes.length - 1; d >= 0; d--) {
            int s = sizes[d];
            off += (linear % s) * strides[d];
            linear /= s;
        }
        return off;
    }

    double getDouble(int linear) {
        return storage.getDouble(storageIndex(linear));
    }

    long getLong(int linear) {
        return storage.getLong(storageIndex(linear));
    }

    /** The value of a one-element tensor: Double, Long or Boolean by dtype, as {@code item()}. */
    public Object item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Python scalars");
        }
        if (dtype.isFloatingPoint()) {
            return getDouble(0);
        }
        if (dtype.isBool()) {
            return getLong(0) != 0;
        }
        return getLong(0);
    }

    /** Python's {@code float(tensor)}. */
    public double doubleValue() {
        Object v = item();
        return v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).doubleValue();
    }

    /** Python's {@code int(tensor)}: truncates towards zero. */
    public long longValue() {
        Object v = item();
        return v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).longValue();
    }

    /** Python's {@code bool(tensor)}. */
    public boolean boolValue() {
        if (numel() != 1) {
            throw new IllegalArgumentException("Boolean value of Tensor with more than one value is ambiguous");
        }
        return dtype.isFloatingPoint() ? getDouble(0) != 0 : getLong(0) != 0;
    }

    /** The values as nested lists ({@code tolist()}); a 0-d tensor gives its {@link #item()}. */
    public Object tolist() {
        if (sizes.length == 0) {
            return item();
        }
        return tolist(0, 0);
    }

    private List<Object> tolist(int dim, int base) {
        List<Object> out = new ArrayList<>(sizes[dim]);
        for (int i = 0; i < sizes[dim]; i++) {
            int off = base + i * strides[dim];
            if (dim == sizes.length - 1) {
                int idx = offset + off;
                out.add(dtype.isFloatingPoint() ? (Object) storage.getDouble(idx)
                        : dtype.isBool() ? (Object) (storage.getLong(idx) != 0) : (Object) storage.getLong(idx));
            } else {
                out.add(tolist(dim + 1, off));
            }
        }
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- autograd

    /** Whether gradients flow to or through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** Marks this leaf as requiring grad, as {@code requires_grad_()}. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /** Sets whether this leaf requires grad, as {@code requires_grad_(flag)}. */
    public Tensor requiresGrad_(boolean flag) {
        if (gradFn != null) {
            if (!flag) {
                throw new IllegalArgumentException("you can only change requires_grad flags of leaf variables. If you"
                        + " want to use a computed variable in a subgraph that doesn't require differentiation use"
                        + " var_no_grad = var.detach().");
            }
            return this;
        }
        if (flag && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        requiresGrad = flag;
        return this;
    }

    /** The {@code requires_grad=} argument of factories, with their (capitalised) message. */
    Tensor requiresGradFactory(boolean flag) {
        if (flag && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Only Tensors of floating point and complex dtype can require gradients");
        }
        requiresGrad = flag;
        return this;
    }

    Tensor requiresGradFactory() {
        return requiresGradFactory(true);
    }

    /**
     * A copy of this tensor's data that takes its place in the graph: in-place ops that record
     * history compute on the snapshot, then write the result back into this tensor.
     */
    Tensor snapshotForInplace() {
        Tensor copy = contiguousCopy();
        copy.gradFn = gradFn;
        copy.requiresGrad = requiresGrad;
        return copy;
    }

    /** Whether this tensor is a leaf of the graph (created by the user, not by a recorded op). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The node that computed this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /**
     * The accumulated gradient, or null before any {@code backward()} reached this tensor (as in
     * PyTorch, where {@code x.grad} is {@code None}).
     */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient, e.g. {@code x.setGrad(null)} for {@code x.grad = None}. */
    public void setGrad(Tensor newGrad) {
        if (newGrad != null) {
            if (newGrad.dtype != dtype) {
                throw new IllegalArgumentException("assigned grad has data of a different type");
            }
            if (!java.util.Arrays.equals(newGrad.sizes, sizes)) {
                throw new IllegalArgumentException("assigned grad has data of a different size");
            }
        }
        this.grad = newGrad;
    }

    void setGradUnchecked(Tensor g) {
        this.grad = g;
    }

    /** Keeps the gradient of this non-leaf tensor after backward, as {@code retain_grad()}. */
    public void retainGrad() {
        if (gradFn == null) {
            if (!requiresGrad) {
                throw new IllegalArgumentException("can't retain_grad on Tensor that has requires_grad=False");
            }
            return;
        }
        if (!retainsGrad) {
            retainsGrad = true;
            if (gradFn.retainedOutputs.isEmpty()) {
                gradFn.retainedOutputs = new ArrayList<>(1);
            }
            gradFn.retainedOutputs.add(this);
        }
    }

    void retainGradient(Tensor g) {
        if (grad == null) {
            grad = g.contiguousCopy();
        } else {
            grad.addInPlaceNoGraph(g);
        }
    }

    /** Records {@code node} as this fresh tensor's grad_fn. */
    Tensor withGradFn(Node node) {
        this.gradFn = node;
        return this;
    }

    AccumulateGrad gradAccumulator() {
        if (accumulator == null) {
            accumulator = new AccumulateGrad(this);
        }
        return accumulator;
    }

    /** Computes gradients of this scalar with respect to the leaves of its graph. */
    public void backward() {
        Engine.backward(this, null, false);
    }

    /** Backward with {@code retain_graph}. */
    public void backward(boolean retainGraph) {
        Engine.backward(this, null, retainGraph);
    }

    /** Backward from a non-scalar with the given output gradient. */
    public void backward(Tensor gradient) {
        Engine.backward(this, gradient, false);
    }

    /** Backward from a non-scalar with the given output gradient and {@code retain_graph}. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(this, gradient, retainGraph);
    }

    /** A tensor sharing this one's data but cut from the graph, as {@code detach()}. */
    public Tensor detach() {
        return detachAlias();
    }

    /** Cuts this tensor from the graph in place, as {@code detach_()}; views cannot be detached in place. */
    public Tensor detach_() {
        if (viewBase != null) {
            throw new IllegalStateException("Can't detach views in-place. Use detach() instead. If you are using"
                    + " DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True,"
                    + " gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients."
                    + " To fix this error, please refer to the Optimizer.zero_grad() function in"
                    + " torch/optim/optimizer.py as the solution.");
        }
        setHistory(null);
        requiresGrad = false;
        return this;
    }

    /** The data without autograd, as {@code tensor.data}. */
    public Tensor data() {
        return detachAlias();
    }

    /**
     * A tensor sharing this one's storage and geometry but no autograd state. It is not a view
     * for autograd (as {@code detach()} in PyTorch): in-place writes to it are allowed even when
     * this tensor is a leaf that requires grad, and they bump the shared version counter.
     */
    Tensor detachAlias() {
        Tensor alias = new Tensor(storage, offset, sizes, strides, null);
        alias.wrappedNumber = wrappedNumber;
        return alias;
    }

    /**
     * Checks that an in-place op may write this tensor, with PyTorch's errors for leaves that
     * require grad, then bumps the version counter.
     */
    void checkInplace() {
        if (GradMode.isEnabled()) {
            if (gradFn == null && requiresGrad) {
                throw new IllegalStateException(
                        "a leaf Variable that requires grad is being used in an in-place operation.");
            }
            if (viewBase != null && viewBase.gradFn == null && viewBase.requiresGrad) {
                throw new IllegalStateException(
                        "a view of a leaf Variable that requires grad is being used in an in-place operation.");
            }
        }
        storage.bumpVersion();
    }

    /**
     * Records {@code node} (whose input 0 is this tensor's value before an in-place op) as the
     * op's history. On a view the write also changes the base: the base's history becomes
     * {@code CopySlices(node)} and this view's grad_fn reads its region from it, as in PyTorch.
     */
    void rebaseHistory(Node node) {
        Tensor base = viewBase;
        if (base == null) {
            setHistory(node);
            return;
        }
        base.setHistory(new CopySlices(base, this, node));
        setHistory(new CopySlices.ViewBackward(base, this));
    }

    /** Replaces the grad_fn, moving a {@code retainGrad()} registration to the new node. */
    private void setHistory(Node node) {
        if (retainsGrad && gradFn != null && gradFn != node) {
            gradFn.retainedOutputs.remove(this);
            if (node != null) {
                if (node.retainedOutputs.isEmpty()) {
                    node.retainedOutputs = new ArrayList<>(1);
                }
                node.retainedOutputs.add(this);
            } else {
                retainsGrad = false;
            }
        }
        this.gradFn = node;
    }

    // ---------------------------------------------------------------- copies and dtype

    /** A contiguous copy with no graph, used for gradient buffers. */
    Tensor contiguousCopy() {
        Tensor out = allocate(dtype, sizes.clone());
        Copy.copyInto(out, this);
        return out;
    }

    /** {@code grad += g} without recording anything (grad mode is off in backward). */
    void addInPlaceNoGraph(Tensor g) {
        Elementwise.binaryInto(this, this, g, DType.promote(dtype, g.dtype), ArithmeticOps.ADD_D, ArithmeticOps.ADD_L);
        storage.bumpVersion();
    }

    /** This tensor if it is contiguous from the start of an array-backed storage, else such a copy. */
    Tensor dense() {
        return isContiguous() && offset + storage.base == 0 && storage.array() != null ? this : contiguousCopy();
    }

    /** Converts to another dtype (a copy unless the dtype is already right), as {@code to(dtype)}. */
    public Tensor to(DType target) {
        return target == dtype ? this : CopyOps.ToCopy.forward(this, target);
    }

    /** {@code tensor.float()}. */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /** {@code tensor.double()}. */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /** {@code tensor.half()}. */
    public Tensor toHalf() {
        return to(DType.FLOAT16);
    }

    /** {@code tensor.long()}. */
    public Tensor toLong() {
        return to(DType.INT64);
    }

    /** {@code tensor.int()}. */
    public Tensor toInt() {
        return to(DType.INT32);
    }

    /** {@code tensor.bool()}. */
    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /** A copy that records the graph, as {@code clone()}. */
    public Tensor clone() {
        return CopyOps.Clone.forward(this);
    }

    /** This tensor if contiguous, else a contiguous copy, as {@code contiguous()}. */
    public Tensor contiguous() {
        return isContiguous() ? this : CopyOps.Clone.forward(this);
    }

    /** Copies {@code src} (broadcast to this shape, cast to this dtype) into this tensor. */
    public Tensor copy_(Tensor src) {
        return CopyOps.CopyInPlace.forward(this, src);
    }

    // ---------------------------------------------------------------- views

    /** A view with another shape (one size may be -1), sharing storage, as {@code view}. */
    public Tensor view(int... shape) {
        return ViewOps.View.forward(this, shape);
    }

    /** {@code view(torch.Size)}. */
    public Tensor view(Size shape) {
        return view(shape.array());
    }

    /** A view when possible, else a copy, with another shape, as {@code reshape}. */
    public Tensor reshape(int... shape) {
        return ViewOps.Reshape.forward(this, shape);
    }

    /** Removes all dimensions of size 1. */
    public Tensor squeeze() {
        return ViewOps.Squeeze.forward(this, null);
    }

    /** Removes dimension {@code dim} if its size is 1. */
    public Tensor squeeze(int dim) {
        return ViewOps.Squeeze.forward(this, dim);
    }

    /** Inserts a dimension of size 1 at {@code dim}. */
    public Tensor unsqueeze(int dim) {
        return ViewOps.Unsqueeze.forward(this, dim);
    }

    /** Swaps two dimensions. */
    public Tensor transpose(int dim0, int dim1) {
        return ViewOps.Transpose.forward(this, dim0, dim1);
    }

    /** Transposes a tensor of at most 2 dimensions. */
    public Tensor t() {
        return ViewOps.T.forward(this);
    }

    /** All dimensions reversed, as {@code tensor.T}. */
    public Tensor T() {
        int n = sizes.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = n - 1 - i;
        }
        return permute(perm);
    }

    /** Reorders the dimensions. */
    public Tensor permute(int... dims) {
        return ViewOps.Permute.forward(this, dims);
    }

    /** Broadcasts size-1 dimensions to larger sizes without copying; -1 keeps a size. */
    public Tensor expand(int... shape) {
        return ViewOps.Expand.forward(this, shape);
    }

    /** {@code expand(other.size())}. */
    public Tensor expandAs(Tensor other) {
        return expand(other.sizes);
    }

    /** Flattens all dimensions. */
    public Tensor flatten() {
        return flatten(0, -1);
    }

    /** Flattens dimensions {@code startDim..} into one. */
    public Tensor flatten(int startDim) {
        return flatten(startDim, -1);
    }

    /** Flattens dimensions {@code startDim..endDim} into one. */
    public Tensor flatten(int startDim, int endDim) {
        return ViewOps.flatten(this, startDim, endDim);
    }

    /** The slice {@code [start, start + length)} of one dimension, as a view. */
    public Tensor narrow(int dim, int start, int length) {
        return ViewOps.Slice.narrow(this, dim, start, length);
    }

    /** The sub-tensor at {@code index} of dimension {@code dim}, as a view. */
    public Tensor select(int dim, int index) {
        return ViewOps.Select.forward(this, dim, index);
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code self + other}. */
    public Tensor add(Tensor other) {
        return ArithmeticOps.Add.forward(this, other, 1);
    }

    /** {@code self + scalar}. */
    public Tensor add(Number other) {
        return add(Scalars.wrap(other));
    }

    /** {@code self + alpha * other}. */
    public Tensor add(Tensor other, Number alpha) {
        return ArithmeticOps.Add.forward(this, other, alpha);
    }

    /** {@code self - other}. */
    public Tensor sub(Tensor other) {
        return ArithmeticOps.Sub.forward(this, other, 1);
    }

    /** {@code self - scalar}. */
    public Tensor sub(Number other) {
        return sub(Scalars.wrap(other));
    }

    /** {@code self - alpha * other}. */
    public Tensor sub(Tensor other, Number alpha) {
        return ArithmeticOps.Sub.forward(this, other, alpha);
    }

    /** {@code scalar - self}, Python's {@code scalar - tensor}. */
    public Tensor rsub(Number other) {
        return ArithmeticOps.Rsub.forward(this, Scalars.wrap(other));
    }

    /** {@code other - self}. */
    public Tensor rsub(Tensor other) {
        return ArithmeticOps.Rsub.forward(this, other);
    }

    /** {@code self * other}. */
    public Tensor mul(Tensor other) {
        return ArithmeticOps.Mul.forward(this, other);
    }

    /** {@code self * scalar}. */
    public Tensor mul(Number other) {
        return mul(Scalars.wrap(other));
    }

    /** True division {@code self / other}: integers divide to the default float dtype. */
    public Tensor div(Tensor other) {
        return ArithmeticOps.Div.forward(this, other);
    }

    /** {@code self / scalar}. */
    public Tensor div(Number other) {
        return div(Scalars.wrap(other));
    }

    /** Division with {@code rounding_mode} {@code "trunc"} or {@code "floor"} (null: true division). */
    public Tensor div(Tensor other, String roundingMode) {
        return ArithmeticOps.Div.forward(this, other, roundingMode);
    }

    /** {@code div(scalar, rounding_mode)}. */
    public Tensor div(Number other, String roundingMode) {
        return div(Scalars.wrap(other), roundingMode);
    }

    /** Python's {@code self // other}. */
    public Tensor floorDivide(Tensor other) {
        return ArithmeticOps.Div.forward(this, other, "floor");
    }

    /** Python's {@code self // scalar}. */
    public Tensor floorDivide(Number other) {
        return floorDivide(Scalars.wrap(other));
    }

    /** Python's {@code self % other}: the sign follows the divisor. */
    public Tensor remainder(Tensor other) {
        return ArithmeticOps.Remainder.forward(this, other);
    }

    /** Python's {@code self % scalar}. */
    public Tensor remainder(Number other) {
        return remainder(Scalars.wrap(other));
    }

    /** {@code -self}. */
    public Tensor neg() {
        return ArithmeticOps.Neg.forward(this);
    }

    /** {@code self ** exponent}. */
    public Tensor pow(Tensor exponent) {
        return ArithmeticOps.Pow.forward(this, exponent);
    }

    /** {@code self ** scalar}. */
    public Tensor pow(Number exponent) {
        return ArithmeticOps.Pow.forwardScalar(this, exponent);
    }

    /** {@code 1 / self}. */
    public Tensor reciprocal() {
        return PointwiseOps.reciprocal(this);
    }

    /** Elementwise {@code e^x}. */
    public Tensor exp() {
        return PointwiseOps.exp(this);
    }

    /** Elementwise natural logarithm. */
    public Tensor log() {
        return PointwiseOps.log(this);
    }

    /** Elementwise square root. */
    public Tensor sqrt() {
        return PointwiseOps.sqrt(this);
    }

    /** Elementwise absolute value. */
    public Tensor abs() {
        return PointwiseOps.abs(this);
    }

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        return PointwiseOps.relu(this);
    }

    /** {@code 1 / (1 + e^-x)}. */
    public Tensor sigmoid() {
        return PointwiseOps.sigmoid(this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return PointwiseOps.tanh(this);
    }

    /** Clamps into {@code [min, max]}; a null bound is open. */
    public Tensor clamp(Number min, Number max) {
        return PointwiseOps.clamp(this, min, max);
    }

    /** {@code clamp(min=...)}. */
    public Tensor clampMin(Number min) {
        return PointwiseOps.clampMin(this, min);
    }

    /** {@code clamp(max=...)}. */
    public Tensor clampMax(Number max) {
        return PointwiseOps.clampMax(this, max);
    }

    // ---------------------------------------------------------------- comparisons

    /** {@code self > other}. */
    public Tensor gt(Tensor other) {
        return Comparisons.compare(this, other, Comparisons.Kind.GT);
    }

    /** {@code self > scalar}. */
    public Tensor gt(Number other) {
        return gt(Scalars.wrap(other));
    }

    /** {@code self >= other}. */
    public Tensor ge(Tensor other) {
        return Comparisons.compare(this, other, Comparisons.Kind.GE);
    }

    /** {@code self >= scalar}. */
    public Tensor ge(Number other) {
        return ge(Scalars.wrap(other));
    }

    /** {@code self < other}. */
    public Tensor lt(Tensor other) {
        return Comparisons.compare(this, other, Comparisons.Kind.LT);
    }

    /** {@code self < scalar}. */
    public Tensor lt(Number other) {
        return lt(Scalars.wrap(other));
    }

    /** {@code self <= other}. */
    public Tensor le(Tensor other) {
        return Comparisons.compare(this, other, Comparisons.Kind.LE);
    }

    /** {@code self <= scalar}. */
    public Tensor le(Number other) {
        return le(Scalars.wrap(other));
    }

    /** {@code self == other}, elementwise. */
    public Tensor eq(Tensor other) {
        return Comparisons.compare(this, other, Comparisons.Kind.EQ);
    }

    /** {@code self == scalar}, elementwise. */
    public Tensor eq(Number other) {
        return eq(Scalars.wrap(other));
    }

    /** {@code self != other}, elementwise. */
    public Tensor ne(Tensor other) {
        return Comparisons.compare(this, other, Comparisons.Kind.NE);
    }

    /** {@code self != scalar}, elementwise. */
    public Tensor ne(Number other) {
        return ne(Scalars.wrap(other));
    }

    /** Elementwise logical and, as {@code torch.logical_and}. */
    public Tensor logicalAnd(Tensor other) {
        return Comparisons.logical(this, other, Comparisons.Logical.AND);
    }

    /** Elementwise logical or. */
    public Tensor logicalOr(Tensor other) {
        return Comparisons.logical(this, other, Comparisons.Logical.OR);
    }

    /** Elementwise logical xor. */
    public Tensor logicalXor(Tensor other) {
        return Comparisons.logical(this, other, Comparisons.Logical.XOR);
    }

    /** Elementwise logical not. */
    public Tensor logicalNot() {
        return Comparisons.logicalNot(this);
    }

    /** Python's {@code a & b} on integral and bool tensors. */
    public Tensor bitwiseAnd(Tensor other) {
        return Comparisons.bitwise(this, other, Comparisons.Logical.AND, "bitwise_and");
    }

    /** Python's {@code a | b}. */
    public Tensor bitwiseOr(Tensor other) {
        return Comparisons.bitwise(this, other, Comparisons.Logical.OR, "bitwise_or");
    }

    /** Python's {@code a ^ b}. */
    public Tensor bitwiseXor(Tensor other) {
        return Comparisons.bitwise(this, other, Comparisons.Logical.XOR, "bitwise_xor");
    }

    /** Python's {@code ~a}. */
    public Tensor bitwiseNot() {
        return Comparisons.bitwiseNot(this);
    }

    /** -1, 0 or 1 by sign (not differentiable: zero gradient). */
    public Tensor sign() {
        return PointwiseOps.sign(this);
    }

    // ---------------------------------------------------------------- in place

    /** {@code self += other}. */
    public Tensor add_(Tensor other) {
        return ArithmeticOps.inplace(this, other, ArithmeticOps.InplaceKind.ADD);
    }

    /** {@code self += scalar}. */
    public Tensor add_(Number other) {
        return add_(Scalars.wrap(other));
    }

    /** {@code self -= other}. */
    public Tensor sub_(Tensor other) {
        return ArithmeticOps.inplace(this, other, ArithmeticOps.InplaceKind.SUB);
    }

    /** {@code self -= scalar}. */
    public Tensor sub_(Number other) {
        return sub_(Scalars.wrap(other));
    }

    /** {@code self *= other}. */
    public Tensor mul_(Tensor other) {
        return ArithmeticOps.inplace(this, other, ArithmeticOps.InplaceKind.MUL);
    }

    /** {@code self *= scalar}. */
    public Tensor mul_(Number other) {
        return mul_(Scalars.wrap(other));
    }

    /** {@code self /= other}. */
    public Tensor div_(Tensor other) {
        return ArithmeticOps.inplace(this, other, ArithmeticOps.InplaceKind.DIV);
    }

    /** {@code self /= scalar}. */
    public Tensor div_(Number other) {
        return div_(Scalars.wrap(other));
    }

    /** Fills with zeros. */
    public Tensor zero_() {
        return CopyOps.Fill.zero(this);
    }

    /** Fills with one value. */
    public Tensor fill_(Number value) {
        return CopyOps.Fill.forward(this, value);
    }

    // ---------------------------------------------------------------- reductions and linear algebra

    /** Sum of all elements. */
    public Tensor sum() {
        return ReductionOps.Sum.forward(this, null, false, null);
    }

    /** Sum of all elements, accumulated and returned in {@code dtype}. */
    public Tensor sum(DType dtype) {
        return ReductionOps.Sum.forward(this, null, false, dtype);
    }

    /** Sum over one dimension. */
    public Tensor sum(int dim) {
        return sum(new int[] {dim}, false);
    }

    /** Sum over one dimension, keeping it as size 1 when {@code keepdim}. */
    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /** Sum over several dimensions. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return ReductionOps.Sum.forward(this, dims, keepdim, null);
    }

    /** Mean of all elements (floating dtypes only). */
    public Tensor mean() {
        return ReductionOps.Mean.forward(this, null, false, null);
    }

    /** Mean of all elements computed in {@code dtype}. */
    public Tensor mean(DType dtype) {
        return ReductionOps.Mean.forward(this, null, false, dtype);
    }

    /** Mean over one dimension. */
    public Tensor mean(int dim) {
        return mean(new int[] {dim}, false);
    }

    /** Mean over one dimension, keeping it when {@code keepdim}. */
    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    /** Mean over several dimensions. */
    public Tensor mean(int[] dims, boolean keepdim) {
        return ReductionOps.Mean.forward(this, dims, keepdim, null);
    }

    /** Matrix product with PyTorch's rules for 1-d, 2-d and batched operands ({@code @}). */
    public Tensor matmul(Tensor other) {
        return LinalgOps.matmul(this, other);
    }

    /** 2-d matrix product. */
    public Tensor mm(Tensor other) {
        return LinalgOps.Mm.forward(this, other);
    }

    /** Batched 3-d matrix product. */
    public Tensor bmm(Tensor other) {
        return LinalgOps.Bmm.forward(this, other);
    }

    /** Dot product of two 1-d tensors. */
    public Tensor dot(Tensor other) {
        return LinalgOps.Dot.forward(this, other);
    }

    // ---------------------------------------------------------------- indexing

    /** Python's {@code x[spec]} with the subscript as text: {@code x.index(":, 1")}, {@code x.index("2:8:2")}. */
    public Tensor index(String spec) {
        return Indexing.get(this, IndexSpec.parse(spec));
    }

    /**
     * Python's {@code x[i, j, ...]}: {@code int}/{@code long}, {@link Slice}, {@code Slice.NONE},
     * {@code Slice.ELLIPSIS}, a {@code Tensor} (int64 indices or bool mask), {@code int[]}/{@code long[]}
     * lists, or one item as text ({@code x.index("1:", 0)}).
     */
    public Tensor index(Object... indices) {
        return Indexing.get(this, IndexSpec.ofArguments(indices));
    }

    /**
     * Python's {@code x[index] = value}: index as text ({@code "1:3"}), one index object (a bool
     * mask, {@code int[]}, {@code Slice}, ...) or an {@code Object[]} tuple.
     */
    public Tensor indexPut_(Object index, Number value) {
        return Indexing.set(this, IndexSpec.of(index), value);
    }

    /** Python's {@code x[index] = tensor}; the value broadcasts to the indexed shape. */
    public Tensor indexPut_(Object index, Tensor value) {
        return Indexing.set(this, IndexSpec.of(index), value);
    }

    /** Python's {@code x[index] = True/False}. */
    public Tensor indexPut_(Object index, boolean value) {
        return Indexing.set(this, IndexSpec.of(index), value);
    }

    /** {@code index_put_(indices, values, accumulate)} with one index tensor (or null) per leading dimension. */
    public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) {
        return Indexing.indexPut(this, indices, values, accumulate);
    }

    /** {@code index_select(dim, index)}: the slices of {@code dim} at a vector of int64/int32 indices. */
    public Tensor indexSelect(int dim, Tensor index) {
        return IndexOps.IndexSelect.forward(this, dim, index);
    }

    /** {@code gather(dim, index)}: values picked along {@code dim} by an int64 index shaped like the result. */
    public Tensor gather(int dim, Tensor index) {
        return IndexOps.Gather.forward(this, dim, index);
    }

    /** {@code masked_fill(mask, value)}: a copy with {@code value} where the bool mask is true. */
    public Tensor maskedFill(Tensor mask, Number value) {
        return IndexOps.MaskedFill.forward(this, mask, value);
    }

    /** {@code masked_fill(mask, value)} with a 0-d tensor value. */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return IndexOps.MaskedFill.forward(this, mask, value);
    }

    /** {@code masked_fill_(mask, value)}: in place. */
    public Tensor maskedFill_(Tensor mask, Number value) {
        return IndexOps.MaskedFill.inplace(this, mask, value);
    }

    /** {@code masked_fill_(mask, value)} with a 0-d tensor value, in place. */
    public Tensor maskedFill_(Tensor mask, Tensor value) {
        return IndexOps.MaskedFill.inplace(this, mask, value);
    }

    /** {@code nonzero()}: int64 coordinates of the nonzero elements, shape {@code (n, dim)}. */
    public Tensor nonzero() {
        return IndexOps.Nonzero.forward(this);
    }

    // ---------------------------------------------------------------- reductions, sorting, joining

    /** {@code x.sum(dim=(d0, d1))}: sum over several dimensions. */
    public Tensor sum(int... dims) {
        return sum(dims, false);
    }

    /** {@code x.sum(dim, keepdim, dtype=dtype)}: sum over one dimension, accumulated in {@code dtype}. */
    public Tensor sum(int dim, boolean keepdim, DType dtype) {
        return sum(new int[] {dim}, keepdim, dtype);
    }

    /** {@code x.sum(dims, keepdim, dtype=dtype)}: sum over several dimensions in {@code dtype}. */
    public Tensor sum(int[] dims, boolean keepdim, DType dtype) {
        return ReductionOps.Sum.forward(this, dims, keepdim, dtype);
    }

    /** {@code x.mean(dim=(d0, d1))}: mean over several dimensions. */
    public Tensor mean(int... dims) {
        return mean(dims, false);
    }

    /** {@code x.mean(dim, keepdim, dtype=dtype)}: mean over one dimension computed in {@code dtype}. */
    public Tensor mean(int dim, boolean keepdim, DType dtype) {
        return mean(new int[] {dim}, keepdim, dtype);
    }

    /** {@code x.mean(dims, keepdim, dtype=dtype)}: mean over several dimensions in {@code dtype}. */
    public Tensor mean(int[] dims, boolean keepdim, DType dtype) {
        return ReductionOps.Mean.forward(this, dims, keepdim, dtype);
    }

    /** {@code x.max()}: the largest element (NaN if any element is NaN). */
    public Tensor max() {
        return ExtremaOps.All.forward(this, ExtremaOps.Kind.MAX);
    }

    /** {@code x.max(dim)}: largest values along a dimension and their indices. */
    public ValuesIndices max(int dim) {
        return max(dim, false);
    }

    /** {@code x.max(dim, keepdim)}: largest values and indices, keeping the dimension as size 1. */
    public ValuesIndices max(int dim, boolean keepdim) {
        return ExtremaOps.AlongDim.forward(this, dim, keepdim, ExtremaOps.Kind.MAX);
    }

    /** {@code x.min()}: the smallest element (NaN if any element is NaN). */
    public Tensor min() {
        return ExtremaOps.All.forward(this, ExtremaOps.Kind.MIN);
    }

    /** {@code x.min(dim)}: smallest values along a dimension and their indices. */
    public ValuesIndices min(int dim) {
        return min(dim, false);
    }

    /** {@code x.min(dim, keepdim)}: smallest values and indices, keeping the dimension as size 1. */
    public ValuesIndices min(int dim, boolean keepdim) {
        return ExtremaOps.AlongDim.forward(this, dim, keepdim, ExtremaOps.Kind.MIN);
    }

    /** {@code x.amax(dim=dims)}: largest values over the given dimensions (all when none). */
    public Tensor amax(int... dims) {
        return amax(dims, false);
    }

    /** {@code x.amax(dim, keepdim)}. */
    public Tensor amax(int dim, boolean keepdim) {
        return amax(new int[] {dim}, keepdim);
    }

    /** {@code x.amax(dims, keepdim)}; ties share the gradient evenly. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return ExtremaOps.Amax.forward(this, dims, keepdim, ExtremaOps.Kind.MAX);
    }

    /** {@code x.amin(dim=dims)}: smallest values over the given dimensions (all when none). */
    public Tensor amin(int... dims) {
        return amin(dims, false);
    }

    /** {@code x.amin(dim, keepdim)}. */
    public Tensor amin(int dim, boolean keepdim) {
        return amin(new int[] {dim}, keepdim);
    }

    /** {@code x.amin(dims, keepdim)}; ties share the gradient evenly. */
    public Tensor amin(int[] dims, boolean keepdim) {
        return ExtremaOps.Amax.forward(this, dims, keepdim, ExtremaOps.Kind.MIN);
    }

    /** {@code x.argmax()}: the flat index of the first largest element (int64). */
    public Tensor argmax() {
        return ExtremaOps.Arg.forward(this, null, false, ExtremaOps.Kind.MAX);
    }

    /** {@code x.argmax(dim)}: indices of the largest values along a dimension. */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /** {@code x.argmax(dim, keepdim)}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return ExtremaOps.Arg.forward(this, dim, keepdim, ExtremaOps.Kind.MAX);
    }

    /** {@code x.argmin()}: the flat index of the first smallest element (int64). */
    public Tensor argmin() {
        return ExtremaOps.Arg.forward(this, null, false, ExtremaOps.Kind.MIN);
    }

    /** {@code x.argmin(dim)}: indices of the smallest values along a dimension. */
    public Tensor argmin(int dim) {
        return argmin(dim, false);
    }

    /** {@code x.argmin(dim, keepdim)}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return ExtremaOps.Arg.forward(this, dim, keepdim, ExtremaOps.Kind.MIN);
    }

    /** {@code x.prod()}: product of all elements (int64 for integral and bool inputs). */
    public Tensor prod() {
        return StatsOps.Prod.forward(this, null, false, null);
    }

    /** {@code x.prod(dtype=dtype)}: product of all elements computed in {@code dtype}. */
    public Tensor prod(DType dtype) {
        return StatsOps.Prod.forward(this, null, false, dtype);
    }

    /** {@code x.prod(dim)}: product along one dimension. */
    public Tensor prod(int dim) {
        return prod(dim, false);
    }

    /** {@code x.prod(dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepdim) {
        return StatsOps.Prod.forward(this, dim, keepdim, null);
    }

    /** {@code x.prod(dim, keepdim, dtype=dtype)}. */
    public Tensor prod(int dim, boolean keepdim, DType dtype) {
        return StatsOps.Prod.forward(this, dim, keepdim, dtype);
    }

    /** {@code x.std()}: unbiased standard deviation of all elements (floating dtypes). */
    public Tensor std() {
        return std(true);
    }

    /** {@code x.std(unbiased=flag)}: {@code false} divides by N instead of N - 1. */
    public Tensor std(boolean unbiased) {
        return StatsOps.Var.forward(this, null, unbiased, false, true);
    }

    /** {@code x.std(dim)}: unbiased standard deviation along one dimension. */
    public Tensor std(int dim) {
        return std(dim, true, false);
    }

    /** {@code x.std(dim, unbiased)}. */
    public Tensor std(int dim, boolean unbiased) {
        return std(dim, unbiased, false);
    }

    /** {@code x.std(dim, unbiased, keepdim)}. */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return std(new int[] {dim}, unbiased, keepdim);
    }

    /** {@code x.std(dim=dims)}: unbiased standard deviation over several dimensions. */
    public Tensor std(int... dims) {
        return std(dims, true, false);
    }

    /** {@code x.std(dims, unbiased, keepdim)}. */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return StatsOps.Var.forward(this, dims, unbiased, keepdim, true);
    }

    /** {@code x.var()}: unbiased variance of all elements (floating dtypes). */
    public Tensor var() {
        return var(true);
    }

    /** {@code x.var(unbiased=flag)}: {@code false} divides by N instead of N - 1. */
    public Tensor var(boolean unbiased) {
        return StatsOps.Var.forward(this, null, unbiased, false, false);
    }

    /** {@code x.var(dim)}: unbiased variance along one dimension. */
    public Tensor var(int dim) {
        return var(dim, true, false);
    }

    /** {@code x.var(dim, unbiased)}. */
    public Tensor var(int dim, boolean unbiased) {
        return var(dim, unbiased, false);
    }

    /** {@code x.var(dim, unbiased, keepdim)}. */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return var(new int[] {dim}, unbiased, keepdim);
    }

    /** {@code x.var(dim=dims)}: unbiased variance over several dimensions. */
    public Tensor var(int... dims) {
        return var(dims, true, false);
    }

    /** {@code x.var(dims, unbiased, keepdim)}. */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return StatsOps.Var.forward(this, dims, unbiased, keepdim, false);
    }

    /** {@code x.norm()}: the 2-norm of all elements (floating dtypes). */
    public Tensor norm() {
        return norm(2);
    }

    /** {@code x.norm(p)}: the p-norm of all elements ({@code p} may be 0, 1, 2, infinities or any real). */
    public Tensor norm(double p) {
        return StatsOps.Norm.forward(this, p, null, false);
    }

    /** {@code x.norm(p, dim)}: p-norms along one dimension. */
    public Tensor norm(double p, int dim) {
        return norm(p, dim, false);
    }

    /** {@code x.norm(p, dim, keepdim)}. */
    public Tensor norm(double p, int dim, boolean keepdim) {
        return norm(p, new int[] {dim}, keepdim);
    }

    /** {@code x.norm(p, dims, keepdim)}: p-norms over several dimensions. */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return StatsOps.Norm.forward(this, p, dims, keepdim);
    }

    /** {@code x.cumsum(dim)}: running sums along a dimension (int64 for integral and bool inputs). */
    public Tensor cumsum(int dim) {
        return StatsOps.Cumsum.forward(this, dim, null);
    }

    /** {@code x.cumsum(dim, dtype=dtype)}. */
    public Tensor cumsum(int dim, DType dtype) {
        return StatsOps.Cumsum.forward(this, dim, dtype);
    }

    /** {@code x.all()}: whether every element is nonzero (bool; uint8 for uint8 input). */
    public Tensor all() {
        return StatsOps.truth(this, null, false, true);
    }

    /** {@code x.all(dim)}. */
    public Tensor all(int dim) {
        return all(dim, false);
    }

    /** {@code x.all(dim, keepdim)}. */
    public Tensor all(int dim, boolean keepdim) {
        return StatsOps.truth(this, dim, keepdim, true);
    }

    /** {@code x.any()}: whether some element is nonzero (bool; uint8 for uint8 input). */
    public Tensor any() {
        return StatsOps.truth(this, null, false, false);
    }

    /** {@code x.any(dim)}. */
    public Tensor any(int dim) {
        return any(dim, false);
    }

    /** {@code x.any(dim, keepdim)}. */
    public Tensor any(int dim, boolean keepdim) {
        return StatsOps.truth(this, dim, keepdim, false);
    }

    /** {@code x.median()}: the lower median of all elements (NaN if any is NaN). */
    public Tensor median() {
        return SortOps.Median.forward(this);
    }

    /** {@code x.median(dim)}: lower medians along a dimension and their indices. */
    public ValuesIndices median(int dim) {
        return median(dim, false);
    }

    /** {@code x.median(dim, keepdim)}. */
    public ValuesIndices median(int dim, boolean keepdim) {
        return SortOps.MedianDim.forward(this, dim, keepdim);
    }

    /** {@code x.sort()}: values sorted ascending along the last dimension, and their indices. */
    public ValuesIndices sort() {
        return sort(-1, false);
    }

    /** {@code x.sort(descending=flag)} along the last dimension. */
    public ValuesIndices sort(boolean descending) {
        return sort(-1, descending);
    }

    /** {@code x.sort(dim)}: ascending along {@code dim}. */
    public ValuesIndices sort(int dim) {
        return sort(dim, false);
    }

    /** {@code x.sort(dim, descending)}; NaN sorts as the largest value. */
    public ValuesIndices sort(int dim, boolean descending) {
        return SortOps.Sort.forward(this, dim, descending);
    }

    /** {@code x.argsort()}: the indices that sort the last dimension ascending. */
    public Tensor argsort() {
        return argsort(-1, false);
    }

    /** {@code x.argsort(dim)}. */
    public Tensor argsort(int dim) {
        return argsort(dim, false);
    }

    /** {@code x.argsort(dim, descending)}. */
    public Tensor argsort(int dim, boolean descending) {
        return SortOps.Sort.forward(detach(), dim, descending).indices();
    }

    /** {@code x.topk(k)}: the k largest values along the last dimension, sorted, and their indices. */
    public ValuesIndices topk(int k) {
        return topk(k, -1, true, true);
    }

    /** {@code x.topk(k, dim)}. */
    public ValuesIndices topk(int k, int dim) {
        return topk(k, dim, true, true);
    }

    /** {@code x.topk(k, dim, largest)}: {@code largest=false} gives the k smallest. */
    public ValuesIndices topk(int k, int dim, boolean largest) {
        return topk(k, dim, largest, true);
    }

    /** {@code x.topk(k, dim, largest, sorted)}. */
    public ValuesIndices topk(int k, int dim, boolean largest, boolean sorted) {
        return SortOps.Topk.forward(this, k, dim, largest, sorted);
    }

    /** {@code x.chunk(chunks)}: at most {@code chunks} equal views along dimension 0, as a tuple. */
    public TensorList chunk(int chunks) {
        return chunk(chunks, 0);
    }

    /** {@code x.chunk(chunks, dim)}. */
    public TensorList chunk(int chunks, int dim) {
        return JoinOps.chunk(this, chunks, dim);
    }

    /** {@code x.split(split_size)}: views of {@code splitSize} along dimension 0 (the last may be shorter). */
    public TensorList split(int splitSize) {
        return split(splitSize, 0);
    }

    /** {@code x.split(split_size, dim)}. */
    public TensorList split(int splitSize, int dim) {
        return JoinOps.split(this, splitSize, dim);
    }

    /** {@code x.split([sizes])}: views of the given sizes along dimension 0. */
    public TensorList split(int[] splitSizes) {
        return split(splitSizes, 0);
    }

    /** {@code x.split([sizes], dim)}. */
    public TensorList split(int[] splitSizes, int dim) {
        return JoinOps.splitWithSizes(this, splitSizes, dim);
    }

    /** {@code x.unbind()}: the slices along dimension 0, as a tuple. */
    public TensorList unbind() {
        return unbind(0);
    }

    /** {@code x.unbind(dim)}. */
    public TensorList unbind(int dim) {
        return JoinOps.unbind(this, dim);
    }

    /** {@code x.repeat(r0, r1, ...)}: tiles the tensor (extra repeats add leading dimensions). */
    public Tensor repeat(int... repeats) {
        return JoinOps.Repeat.forward(this, repeats);
    }

    // ---------------------------------------------------------------- numpy and Java arrays

    /**
     * {@code tensor.numpy()}: an {@link NDArray} over this tensor's memory, with its strides; writes
     * through either show in the other.
     */
    public NDArray numpy() {
        if (requiresGrad()) {
            throw new IllegalStateException(
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        }
        return new NDArray(storage, offset, sizes.clone(), strides.clone());
    }

    /** The elements in row-major order as a new {@code float[]} (converted from any dtype). */
    public float[] toFloatArray() {
        return JavaArrays.toFloatArray(this);
    }

    /** The elements in row-major order as a new {@code double[]}. */
    public double[] toDoubleArray() {
        return JavaArrays.toDoubleArray(this);
    }

    /** The elements in row-major order as a new {@code long[]} (floats truncate towards zero). */
    public long[] toLongArray() {
        return JavaArrays.toLongArray(this);
    }

    /** The elements in row-major order as a new {@code int[]} (floats truncate towards zero). */
    public int[] toIntArray() {
        return JavaArrays.toIntArray(this);
    }

    /**
     * A copy as a nested Java array of the dtype's primitive type, e.g. {@code float[][]} for a
     * 2-d float32 tensor ({@code short} for uint8, {@code boolean} for bool); a 0-d tensor gives
     * its boxed value.
     */
    public Object toArray() {
        return JavaArrays.toArray(this);
    }

    /** {@code tensor.uniform_()}: fills with samples from [0, 1). */
    public Tensor uniform_() {
        return RandomOps.uniformInPlace(this, 0, 1);
    }

    /** {@code tensor.uniform_(from, to)}: fills with samples from [from, to), as PyTorch's generator draws them. */
    public Tensor uniform_(double from, double to) {
        return RandomOps.uniformInPlace(this, from, to);
    }

    /** {@code tensor.normal_()}: fills with standard normal samples. */
    public Tensor normal_() {
        return RandomOps.normalInPlace(this, 0, 1);
    }

    /** {@code tensor.normal_(mean, std)}: fills with normal samples. */
    public Tensor normal_(double mean, double std) {
        return RandomOps.normalInPlace(this, mean, std);
    }

    /** {@code tensor.random_(from, to)}: fills with integers drawn uniformly from [from, to). */
    public Tensor random_(long from, long to) {
        return RandomOps.randomInPlace(this, from, to);
    }

    /** {@code tensor.random_(to)}: fills with integers drawn uniformly from [0, to). */
    public Tensor random_(long to) {
        return RandomOps.randomInPlace(this, 0, to);
    }

    // ---------------------------------------------------------------- nn functional

    /** {@code tensor.softmax(dim)}: exponentials normalised to sum to 1 along {@code dim}. */
    public Tensor softmax(int dim) {
        return NNOps.Softmax.forward(this, dim);
    }

    /** {@code tensor.log_softmax(dim)}: the logarithm of {@link #softmax}, computed stably. */
    public Tensor logSoftmax(int dim) {
        return NNOps.LogSoftmax.forward(this, dim);
    }

    // ---------------------------------------------------------------- printing

    /** PyTorch's {@code repr(tensor)}. */
    @Override
    public String toString() {
        return TensorFormatter.repr(this);
    }
}
