package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        if (newGrad != null && !newGrad.shape().equals(shape())) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
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

    /** Cuts this tensor from the graph in place, as {@code detach_()}. */
    public Tensor detach_() {
        gradFn = null;
        requiresGrad = false;
        return this;
    }

    /** The data without autograd, as {@code tensor.data}. */
    public Tensor data() {
        return detachAlias();
    }

    Tensor detachAlias() {
        return new Tensor(storage, offset, sizes, strides, viewBase != null ? viewBase : this);
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
            if (viewBase != null && viewBase.gradFn == null && viewBase.requiresGrad && gradFn == null) {
                throw new IllegalStateException(
                        "a view of a leaf Variable that requires grad is being used in an in-place operation.");
            }
        }
        storage.bumpVersion();
    }

    /** Replaces the grad_fn after an in-place op recorded in the graph. */
    void rebaseHistory(Node node) {
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
        return n == 2 ? t() : permute(perm);
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
        return PointwiseOps.Reciprocal.forward(this);
    }

    /** Elementwise {@code e^x}. */
    public Tensor exp() {
        return PointwiseOps.Exp.forward(this);
    }

    /** Elementwise natural logarithm. */
    public Tensor log() {
        return PointwiseOps.Log.forward(this);
    }

    /** Elementwise square root. */
    public Tensor sqrt() {
        return PointwiseOps.Sqrt.forward(this);
    }

    /** Elementwise absolute value. */
    public Tensor abs() {
        return PointwiseOps.Abs.forward(this);
    }

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        return PointwiseOps.Relu.forward(this);
    }

    /** {@code 1 / (1 + e^-x)}. */
    public Tensor sigmoid() {
        return PointwiseOps.Sigmoid.forward(this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return PointwiseOps.Tanh.forward(this);
    }

    /** Clamps into {@code [min, max]}; a null bound is open. */
    public Tensor clamp(Number min, Number max) {
        return PointwiseOps.Clamp.forward(this, min, max);
    }

    /** {@code clamp(min=...)}. */
    public Tensor clampMin(Number min) {
        return clamp(min, null);
    }

    /** {@code clamp(max=...)}. */
    public Tensor clampMax(Number max) {
        return clamp(null, max);
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
        return fill_(0);
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

    // ---------------------------------------------------------------- printing

    /** PyTorch's {@code repr(tensor)}. */
    @Override
    public String toString() {
        return TensorFormatter.repr(this);
    }
}
