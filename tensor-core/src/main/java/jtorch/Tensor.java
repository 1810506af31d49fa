package jtorch;

import java.util.List;
import java.util.function.UnaryOperator;

import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.Engine;
import jtorch.internal.format.TensorFormatter;
import jtorch.internal.interop.JavaArrays;
import jtorch.internal.interop.NumpyArray;
import jtorch.internal.kernels.Kernels.BinaryOp;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.ops.Arithmetic;
import jtorch.internal.ops.Derived;
import jtorch.internal.ops.Shifting;
import jtorch.internal.ops.BinaryMath;
import jtorch.internal.ops.Rounding;
import jtorch.internal.ops.Transcendental;
import jtorch.internal.ops.Comparisons;
import jtorch.internal.ops.Conversions;
import jtorch.internal.ops.Flip;
import jtorch.internal.ops.Cumprod;
import jtorch.internal.ops.Extrema;
import jtorch.internal.ops.Gathering;
import jtorch.internal.ops.IndexSpec;
import jtorch.internal.ops.Indexing;
import jtorch.internal.ops.IntegerMath;
import jtorch.internal.ops.Joining;
import jtorch.internal.ops.Linalg;
import jtorch.internal.ops.NNFunctional;
import jtorch.internal.ops.Pointwise;
import jtorch.internal.ops.Reductions;
import jtorch.internal.ops.Sampling;
import jtorch.internal.ops.Multinomial;
import jtorch.internal.ops.InPlaceViews;
import jtorch.internal.ops.Sorting;
import jtorch.internal.ops.Statistics;
import jtorch.internal.ops.Views;
import jtorch.internal.ops.Where;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;
import jtorch.internal.tensor.Facades;

/**
 * PyTorch's {@code Tensor}: the public facade over one {@link TensorImpl} (a strided view of a
 * typed storage with its autograd state; see there for the invariants). Every method is one
 * delegate to the internal layers, so the class reads as the table of the tensor API.
 *
 * <p>There is one {@code Tensor} object per tensor: {@link #of} returns the facade a
 * {@code TensorImpl} already has, so {@code x.grad() == x.grad()} holds. Subclasses in this
 * package (such as a future {@code nn.Parameter}) wrap a tensor of their own through the
 * constructor.
 */
public class Tensor {
    static {
        Facades.register(o -> o instanceof Tensor ? ((Tensor) o).impl : null, Tensor::of);
    }

    /** Replaced only by the in-place view ops ({@link #rebind}); otherwise fixed. */
    TensorImpl impl;
    /** Set once by {@code nn.Parameter}: the repr starts with {@code Parameter containing:}. */
    private boolean parameter;

    /** Wraps {@code impl}, which must not have a facade yet. */
    Tensor(TensorImpl impl) {
        this.impl = impl;
        impl.setFacade(this);
    }

    /** The facade of {@code impl} (made on first use), or null for null. */
    static Tensor of(TensorImpl impl) {
        if (impl == null) {
            return null;
        }
        Object facade = impl.facade();
        return facade != null ? (Tensor) facade : new Tensor(impl);
    }

    /** The tensors behind {@code tensors}, null entries kept. */
    static TensorImpl[] impls(Tensor[] tensors) {
        TensorImpl[] out = new TensorImpl[tensors.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = tensors[i] == null ? null : tensors[i].impl;
        }
        return out;
    }

    /** The tensors behind {@code tensors}, null entries kept. */
    static TensorImpl[] impls(List<Tensor> tensors) {
        return impls(tensors.toArray(new Tensor[0]));
    }

    // ---------------------------------------------------------------- metadata

    /** The shape, as {@code tensor.shape}. */
    public Size shape() {
        return Size.wrap(impl.sizes().clone());
    }

    /** The shape, as {@code tensor.size()}. */
    public Size size() {
        return shape();
    }

    /** The size of one dimension; negative dims count from the end. */
    public int size(int dim) {
        return impl.sizes()[Shapes.wrapDim(dim, impl.dim())];
    }

    /** Number of dimensions. */
    public int dim() {
        return impl.dim();
    }

    /** Number of dimensions, as {@code tensor.ndim}. */
    public int ndim() {
        return impl.dim();
    }

    /** Number of elements. */
    public int numel() {
        return impl.numel();
    }

    /** Python's {@code len(tensor)}: the size of dimension 0. */
    public int len() {
        return JavaArrays.len(impl);
    }

    /** The element type. */
    public DType dtype() {
        return impl.dtype();
    }

    /** The strides in elements, one per dimension. */
    public int[] stride() {
        return impl.strides().clone();
    }

    /** The stride of one dimension. */
    public int stride(int dim) {
        return impl.strides()[Shapes.wrapDim(dim, impl.dim())];
    }

    /** Offset of element 0 in the storage, in elements. */
    public int storageOffset() {
        return impl.offset();
    }

    /** Bytes per element. */
    public int elementSize() {
        return impl.dtype().elementSize();
    }

    /**
     * An address-like number for comparing where tensors start, as {@code data_ptr()}: equal for
     * tensors starting at the same storage element, and advancing by {@link #elementSize()} per
     * element.
     */
    public long dataPtr() {
        return JavaArrays.dataPtr(impl);
    }

    /** Whether the elements are laid out row-major without gaps. */
    public boolean isContiguous() {
        return impl.isContiguous();
    }

    /** The legacy type name, e.g. {@code torch.FloatTensor}. */
    public String type() {
        return impl.dtype().tensorTypeName();
    }

    /** Converts to the dtype of a legacy type name such as {@code "torch.DoubleTensor"}. */
    public Tensor type(String typeName) {
        return to(DType.fromTensorTypeName(typeName));
    }

    // ---------------------------------------------------------------- element access

    /** The value of a one-element tensor: Double, Long or Boolean by dtype, as {@code item()}. */
    public Object item() {
        return JavaArrays.item(impl);
    }

    /** Python's {@code float(tensor)}. */
    public double doubleValue() {
        return JavaArrays.doubleValue(impl);
    }

    /** Python's {@code int(tensor)}: truncates towards zero. */
    public long longValue() {
        return JavaArrays.longValue(impl);
    }

    /** Python's {@code bool(tensor)}. */
    public boolean boolValue() {
        return JavaArrays.boolValue(impl);
    }

    /** The values as nested lists ({@code tolist()}); a 0-d tensor gives its {@link #item()}. */
    public Object tolist() {
        return JavaArrays.tolist(impl);
    }

    // ---------------------------------------------------------------- autograd

    /** Whether gradients flow to or through this tensor. */
    public boolean requiresGrad() {
        return impl.requiresGrad();
    }

    /** Marks this leaf as requiring grad, as {@code requires_grad_()}. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /** Sets whether this leaf requires grad, as {@code requires_grad_(flag)}. */
    public Tensor requiresGrad_(boolean flag) {
        return of(Autograd.requiresGrad(impl, flag));
    }

    /** Whether this tensor is a leaf of the graph (created by the user, not by a recorded op). */
    public boolean isLeaf() {
        return Autograd.isLeaf(impl);
    }

    /** The node that computed this tensor, or null for a leaf. */
    public Node gradFn() {
        return Node.of(Autograd.gradFn(impl));
    }

    /**
     * The accumulated gradient, or null before any {@code backward()} reached this tensor (as in
     * PyTorch, where {@code x.grad} is {@code None}).
     */
    public Tensor grad() {
        return of(Autograd.grad(impl));
    }

    /** Replaces the gradient, e.g. {@code x.setGrad(null)} for {@code x.grad = None}. */
    public void setGrad(Tensor newGrad) {
        Autograd.setGrad(impl, newGrad == null ? null : newGrad.impl);
    }

    /** Keeps the gradient of this non-leaf tensor after backward, as {@code retain_grad()}. */
    public void retainGrad() {
        Autograd.retainGrad(impl);
    }

    /** Computes gradients of this scalar with respect to the leaves of its graph. */
    public void backward() {
        Engine.backward(impl, null, false);
    }

    /** Backward with {@code retain_graph}. */
    public void backward(boolean retainGraph) {
        Engine.backward(impl, null, retainGraph);
    }

    /** Backward from a non-scalar with the given output gradient. */
    public void backward(Tensor gradient) {
        Engine.backward(impl, gradient.impl, false);
    }

    /** Backward from a non-scalar with the given output gradient and {@code retain_graph}. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(impl, gradient.impl, retainGraph);
    }

    /** A tensor sharing this one's data but cut from the graph, as {@code detach()}. */
    public Tensor detach() {
        return of(impl.detachAlias());
    }

    /** Cuts this tensor from the graph in place, as {@code detach_()}; views cannot be detached in place. */
    public Tensor detach_() {
        return of(Autograd.detachInPlace(impl));
    }

    /** The data without autograd, as {@code tensor.data}. */
    public Tensor data() {
        return of(impl.detachAlias());
    }

    // ---------------------------------------------------------------- copies and dtype

    /** The {@code device} attribute: always the CPU. */
    public Device device() {
        return Device.CPU;
    }

    /** The {@code is_cpu} attribute: true. */
    public boolean isCpu() {
        return true;
    }

    /** {@code tensor.to(device)}: this tensor (it is on the CPU already), or PyTorch's error for CUDA/MPS. */
    public Tensor to(Device device) {
        return device.holding(this);
    }

    /** {@code tensor.to("cpu")}. */
    public Tensor to(String device) {
        return to(Device.of(device));
    }

    /** {@code tensor.to(device, dtype)}. */
    public Tensor to(Device device, DType target) {
        return to(device).to(target);
    }

    /** {@code tensor.cpu()}: this tensor. */
    public Tensor cpu() {
        return this;
    }

    /** Converts to another dtype (a copy unless the dtype is already right), as {@code to(dtype)}. */
    public Tensor to(DType target) {
        return of(Conversions.to(impl, target));
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
        return of(Conversions.clone(impl));
    }

    /** This tensor if contiguous, else a contiguous copy, as {@code contiguous()}. */
    public Tensor contiguous() {
        return of(Conversions.contiguous(impl));
    }

    /** Copies {@code src} (broadcast to this shape, cast to this dtype) into this tensor. */
    public Tensor copy_(Tensor src) {
        return of(Conversions.copyInPlace(impl, src.impl));
    }

    // ---------------------------------------------------------------- views

    /** A view with another shape (one size may be -1), sharing storage, as {@code view}. */
    public Tensor view(int... shape) {
        return of(Views.view(impl, shape));
    }

    /** {@code view(torch.Size)}. */
    public Tensor view(Size shape) {
        return view(shape.array());
    }

    /** A view when possible, else a copy, with another shape, as {@code reshape}. */
    public Tensor reshape(int... shape) {
        return of(Views.reshape(impl, shape));
    }

    /** Removes all dimensions of size 1. */
    public Tensor squeeze() {
        return of(Views.squeeze(impl, null));
    }

    /** Removes dimension {@code dim} if its size is 1. */
    public Tensor squeeze(int dim) {
        return of(Views.squeeze(impl, dim));
    }

    /** Inserts a dimension of size 1 at {@code dim}. */
    public Tensor unsqueeze(int dim) {
        return of(Views.unsqueeze(impl, dim));
    }

    /** Swaps two dimensions. */
    public Tensor transpose(int dim0, int dim1) {
        return of(Views.transpose(impl, dim0, dim1));
    }

    /** Transposes a tensor of at most 2 dimensions. */
    public Tensor t() {
        return of(Views.t(impl));
    }

    /** All dimensions reversed, as {@code tensor.T}. */
    public Tensor T() {
        return of(Views.reversedDims(impl));
    }

    /** Reorders the dimensions. */
    public Tensor permute(int... dims) {
        return of(Views.permute(impl, dims));
    }

    /** Broadcasts size-1 dimensions to larger sizes without copying; -1 keeps a size. */
    public Tensor expand(int... shape) {
        return of(Views.expand(impl, shape));
    }

    /** {@code expand(other.size())}. */
    public Tensor expandAs(Tensor other) {
        return of(Views.expand(impl, other.impl.sizes()));
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
        return of(Views.flatten(impl, startDim, endDim));
    }

    /** The slice {@code [start, start + length)} of one dimension, as a view. */
    public Tensor narrow(int dim, int start, int length) {
        return of(Views.narrow(impl, dim, start, length));
    }

    /** The sub-tensor at {@code index} of dimension {@code dim}, as a view. */
    public Tensor select(int dim, int index) {
        return of(Views.select(impl, dim, index));
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code self + other}. */
    public Tensor add(Tensor other) {
        return of(Arithmetic.add(impl, other.impl, 1));
    }

    /** {@code self + scalar}. */
    public Tensor add(Number other) {
        return of(Arithmetic.add(impl, Scalars.wrap(other), 1));
    }

    /** {@code self + alpha * other}. */
    public Tensor add(Tensor other, Number alpha) {
        return of(Arithmetic.add(impl, other.impl, alpha));
    }

    /** {@code self - other}. */
    public Tensor sub(Tensor other) {
        return of(Arithmetic.sub(impl, other.impl, 1));
    }

    /** {@code self - scalar}. */
    public Tensor sub(Number other) {
        return of(Arithmetic.sub(impl, Scalars.wrap(other), 1));
    }

    /** {@code self - alpha * other}. */
    public Tensor sub(Tensor other, Number alpha) {
        return of(Arithmetic.sub(impl, other.impl, alpha));
    }

    /** {@code scalar - self}, Python's {@code scalar - tensor}. */
    public Tensor rsub(Number other) {
        return of(Arithmetic.rsub(impl, Scalars.wrap(other)));
    }

    /** {@code other - self}. */
    public Tensor rsub(Tensor other) {
        return of(Arithmetic.rsub(impl, other.impl));
    }

    /** {@code self * other}. */
    public Tensor mul(Tensor other) {
        return of(Arithmetic.mul(impl, other.impl));
    }

    /** {@code self * scalar}. */
    public Tensor mul(Number other) {
        return of(Arithmetic.mul(impl, Scalars.wrap(other)));
    }

    /** True division {@code self / other}: integers divide to the default float dtype. */
    public Tensor div(Tensor other) {
        return of(Arithmetic.div(impl, other.impl));
    }

    /** {@code self / scalar}. */
    public Tensor div(Number other) {
        return of(Arithmetic.div(impl, Scalars.wrap(other)));
    }

    /** Division with {@code rounding_mode} {@code "trunc"} or {@code "floor"} (null: true division). */
    public Tensor div(Tensor other, String roundingMode) {
        return of(Arithmetic.div(impl, other.impl, roundingMode));
    }

    /** {@code div(scalar, rounding_mode)}. */
    public Tensor div(Number other, String roundingMode) {
        return of(Arithmetic.div(impl, Scalars.wrap(other), roundingMode));
    }

    /** Python's {@code self // other}. */
    public Tensor floorDivide(Tensor other) {
        return of(Arithmetic.floorDivide(impl, other.impl));
    }

    /** Python's {@code self // scalar}. */
    public Tensor floorDivide(Number other) {
        return of(Arithmetic.floorDivide(impl, Scalars.wrap(other)));
    }

    /** Python's {@code self % other}: the sign follows the divisor. */
    public Tensor remainder(Tensor other) {
        return of(Arithmetic.remainder(impl, other.impl));
    }

    /** Python's {@code self % scalar}. */
    public Tensor remainder(Number other) {
        return of(Arithmetic.remainder(impl, Scalars.wrap(other)));
    }

    // ---------------------------------------------------------------- pointwise math (issue 11)

    /** {@code x.sin()}. */
    public Tensor sin() {
        return of(Transcendental.sin(impl));
    }

    /** {@code x.sin_()}. */
    public Tensor sin_() {
        return of(Derived.inPlace(impl, UnaryOp.SIN, Transcendental::sin));
    }

    /** {@code x.cos()}. */
    public Tensor cos() {
        return of(Transcendental.cos(impl));
    }

    /** {@code x.cos_()}. */
    public Tensor cos_() {
        return of(Derived.inPlace(impl, UnaryOp.COS, Transcendental::cos));
    }

    /** {@code x.tan()}. */
    public Tensor tan() {
        return of(Transcendental.tan(impl));
    }

    /** {@code x.tan_()}. */
    public Tensor tan_() {
        return of(Derived.inPlace(impl, Transcendental::tan));
    }

    /** {@code x.asin()}. */
    public Tensor asin() {
        return of(Transcendental.asin(impl));
    }

    /** {@code x.asin_()}. */
    public Tensor asin_() {
        return of(Derived.inPlace(impl, Transcendental::asin));
    }

    /** {@code x.acos()}. */
    public Tensor acos() {
        return of(Transcendental.acos(impl));
    }

    /** {@code x.acos_()}. */
    public Tensor acos_() {
        return of(Derived.inPlace(impl, Transcendental::acos));
    }

    /** {@code x.atan()}. */
    public Tensor atan() {
        return of(Transcendental.atan(impl));
    }

    /** {@code x.atan_()}. */
    public Tensor atan_() {
        return of(Derived.inPlace(impl, UnaryOp.ATAN, Transcendental::atan));
    }

    /** {@code x.sinh()}. */
    public Tensor sinh() {
        return of(Transcendental.sinh(impl));
    }

    /** {@code x.sinh_()}. */
    public Tensor sinh_() {
        return of(Derived.inPlace(impl, Transcendental::sinh));
    }

    /** {@code x.cosh()}. */
    public Tensor cosh() {
        return of(Transcendental.cosh(impl));
    }

    /** {@code x.cosh_()}. */
    public Tensor cosh_() {
        return of(Derived.inPlace(impl, Transcendental::cosh));
    }

    /** {@code x.asinh()}. */
    public Tensor asinh() {
        return of(Transcendental.asinh(impl));
    }

    /** {@code x.asinh_()}. */
    public Tensor asinh_() {
        return of(Derived.inPlace(impl, Transcendental::asinh));
    }

    /** {@code x.acosh()}. */
    public Tensor acosh() {
        return of(Transcendental.acosh(impl));
    }

    /** {@code x.acosh_()}. */
    public Tensor acosh_() {
        return of(Derived.inPlace(impl, Transcendental::acosh));
    }

    /** {@code x.atanh()}. */
    public Tensor atanh() {
        return of(Transcendental.atanh(impl));
    }

    /** {@code x.atanh_()}. */
    public Tensor atanh_() {
        return of(Derived.inPlace(impl, Transcendental::atanh));
    }

    /** {@code x.exp2()}. */
    public Tensor exp2() {
        return of(Transcendental.exp2(impl));
    }

    /** {@code x.exp2_()}. */
    public Tensor exp2_() {
        return of(Derived.inPlace(impl, Transcendental::exp2));
    }

    /** {@code x.expm1()}. */
    public Tensor expm1() {
        return of(Transcendental.expm1(impl));
    }

    /** {@code x.expm1_()}. */
    public Tensor expm1_() {
        return of(Derived.inPlace(impl, UnaryOp.EXPM1, Transcendental::expm1));
    }

    /** {@code x.log2()}. */
    public Tensor log2() {
        return of(Transcendental.log2(impl));
    }

    /** {@code x.log2_()}. */
    public Tensor log2_() {
        return of(Derived.inPlace(impl, Transcendental::log2));
    }

    /** {@code x.log10()}. */
    public Tensor log10() {
        return of(Transcendental.log10(impl));
    }

    /** {@code x.log10_()}. */
    public Tensor log10_() {
        return of(Derived.inPlace(impl, Transcendental::log10));
    }

    /** {@code x.log1p()}. */
    public Tensor log1p() {
        return of(Transcendental.log1p(impl));
    }

    /** {@code x.log1p_()}. */
    public Tensor log1p_() {
        return of(Derived.inPlace(impl, UnaryOp.LOG1P, Transcendental::log1p));
    }

    /** {@code x.rsqrt()}. */
    public Tensor rsqrt() {
        return of(Transcendental.rsqrt(impl));
    }

    /** {@code x.rsqrt_()}. */
    public Tensor rsqrt_() {
        return of(Derived.inPlace(impl, UnaryOp.RSQRT, Transcendental::rsqrt));
    }

    /** {@code x.sinc()}. */
    public Tensor sinc() {
        return of(Transcendental.sinc(impl));
    }

    /** {@code x.sinc_()}. */
    public Tensor sinc_() {
        return of(Derived.inPlace(impl, Transcendental::sinc));
    }

    /** {@code x.erf()}. */
    public Tensor erf() {
        return of(Transcendental.erf(impl));
    }

    /** {@code x.erf_()}. */
    public Tensor erf_() {
        return of(Derived.inPlace(impl, Transcendental::erf));
    }

    /** {@code x.erfc()}. */
    public Tensor erfc() {
        return of(Transcendental.erfc(impl));
    }

    /** {@code x.erfc_()}. */
    public Tensor erfc_() {
        return of(Derived.inPlace(impl, Transcendental::erfc));
    }

    /** {@code x.erfinv()}. */
    public Tensor erfinv() {
        return of(Transcendental.erfinv(impl));
    }

    /** {@code x.erfinv_()}. */
    public Tensor erfinv_() {
        return of(Derived.inPlace(impl, Transcendental::erfinv));
    }

    /** {@code x.lgamma()}. */
    public Tensor lgamma() {
        return of(Transcendental.lgamma(impl));
    }

    /** {@code x.lgamma_()}. */
    public Tensor lgamma_() {
        return of(Derived.inPlace(impl, Transcendental::lgamma));
    }

    /** {@code x.digamma()}. */
    public Tensor digamma() {
        return of(Transcendental.digamma(impl));
    }

    /** {@code x.digamma_()}. */
    public Tensor digamma_() {
        return of(Derived.inPlace(impl, Transcendental::digamma));
    }

    /** {@code x.logit()}. */
    public Tensor logit() {
        return of(Transcendental.logit(impl));
    }

    /** {@code x.logit_()}. */
    public Tensor logit_() {
        return of(Derived.inPlace(impl, Transcendental::logit));
    }

    /** {@code x.arcsin()}. */
    public Tensor arcsin() {
        return of(Transcendental.asin(impl));
    }

    /** {@code x.arcsin_()}. */
    public Tensor arcsin_() {
        return of(Derived.inPlace(impl, Transcendental::asin));
    }

    /** {@code x.arccos()}. */
    public Tensor arccos() {
        return of(Transcendental.acos(impl));
    }

    /** {@code x.arccos_()}. */
    public Tensor arccos_() {
        return of(Derived.inPlace(impl, Transcendental::acos));
    }

    /** {@code x.arctan()}. */
    public Tensor arctan() {
        return of(Transcendental.atan(impl));
    }

    /** {@code x.arctan_()}. */
    public Tensor arctan_() {
        return of(Derived.inPlace(impl, UnaryOp.ATAN, Transcendental::atan));
    }

    /** {@code x.arcsinh()}. */
    public Tensor arcsinh() {
        return of(Transcendental.asinh(impl));
    }

    /** {@code x.arcsinh_()}. */
    public Tensor arcsinh_() {
        return of(Derived.inPlace(impl, Transcendental::asinh));
    }

    /** {@code x.arccosh()}. */
    public Tensor arccosh() {
        return of(Transcendental.acosh(impl));
    }

    /** {@code x.arccosh_()}. */
    public Tensor arccosh_() {
        return of(Derived.inPlace(impl, Transcendental::acosh));
    }

    /** {@code x.arctanh()}. */
    public Tensor arctanh() {
        return of(Transcendental.atanh(impl));
    }

    /** {@code x.arctanh_()}. */
    public Tensor arctanh_() {
        return of(Derived.inPlace(impl, Transcendental::atanh));
    }

    /** {@code x.floor()}. */
    public Tensor floor() {
        return of(Rounding.floor(impl));
    }

    /** {@code x.floor_()}. */
    public Tensor floor_() {
        return of(Derived.inPlace(impl, UnaryOp.FLOOR, Rounding::floor));
    }

    /** {@code x.ceil()}. */
    public Tensor ceil() {
        return of(Rounding.ceil(impl));
    }

    /** {@code x.ceil_()}. */
    public Tensor ceil_() {
        return of(Derived.inPlace(impl, UnaryOp.CEIL, Rounding::ceil));
    }

    /** {@code x.round()}. */
    public Tensor round() {
        return of(Rounding.round(impl));
    }

    /** {@code x.round_()}. */
    public Tensor round_() {
        return of(Derived.inPlace(impl, UnaryOp.ROUND, Rounding::round));
    }

    /** {@code x.trunc()}. */
    public Tensor trunc() {
        return of(Rounding.trunc(impl));
    }

    /** {@code x.trunc_()}. */
    public Tensor trunc_() {
        return of(Derived.inPlace(impl, UnaryOp.TRUNC, Rounding::trunc));
    }

    /** {@code x.frac()}. */
    public Tensor frac() {
        return of(Rounding.frac(impl));
    }

    /** {@code x.frac_()}. */
    public Tensor frac_() {
        return of(Derived.inPlace(impl, UnaryOp.FRAC, Rounding::frac));
    }

    /** {@code x.sgn()}. */
    public Tensor sgn() {
        return of(Rounding.sgn(impl));
    }

    /** {@code x.sgn_()}. */
    public Tensor sgn_() {
        return of(Derived.inPlace(impl, UnaryOp.SIGN, Rounding::sgn));
    }

    /** {@code x.deg2rad()}. */
    public Tensor deg2rad() {
        return of(Rounding.deg2rad(impl));
    }

    /** {@code x.deg2rad_()}. */
    public Tensor deg2rad_() {
        return of(Derived.inPlace(impl, Rounding::deg2rad));
    }

    /** {@code x.rad2deg()}. */
    public Tensor rad2deg() {
        return of(Rounding.rad2deg(impl));
    }

    /** {@code x.rad2deg_()}. */
    public Tensor rad2deg_() {
        return of(Derived.inPlace(impl, Rounding::rad2deg));
    }

    /** {@code x.fix()}. */
    public Tensor fix() {
        return of(Rounding.trunc(impl));
    }

    /** {@code x.fix_()}. */
    public Tensor fix_() {
        return of(Derived.inPlace(impl, UnaryOp.TRUNC, Rounding::trunc));
    }

    /** {@code x.signbit()}. */
    public Tensor signbit() {
        return of(Rounding.signbit(impl));
    }

    /** {@code x.isnan()}. */
    public Tensor isnan() {
        return of(Rounding.isnan(impl));
    }

    /** {@code x.isinf()}. */
    public Tensor isinf() {
        return of(Rounding.isinf(impl));
    }

    /** {@code x.isfinite()}. */
    public Tensor isfinite() {
        return of(Rounding.isfinite(impl));
    }

    /** {@code x.isposinf()}. */
    public Tensor isposinf() {
        return of(Rounding.isposinf(impl));
    }

    /** {@code x.isneginf()}. */
    public Tensor isneginf() {
        return of(Rounding.isneginf(impl));
    }

    /** {@code x.absolute()}. */
    public Tensor absolute() {
        return of(Pointwise.abs(impl));
    }

    /** {@code x.absolute_()}. */
    public Tensor absolute_() {
        return of(Derived.inPlace(impl, UnaryOp.ABS, Pointwise::abs));
    }

    /** {@code x.negative()}. */
    public Tensor negative() {
        return of(Arithmetic.neg(impl));
    }

    /** {@code x.negative_()}. */
    public Tensor negative_() {
        return of(Derived.inPlace(impl, UnaryOp.NEG, Arithmetic::neg));
    }

    /** {@code x.exp_()}. */
    public Tensor exp_() {
        return of(Derived.inPlace(impl, UnaryOp.EXP, Pointwise::exp));
    }

    /** {@code x.log_()}. */
    public Tensor log_() {
        return of(Derived.inPlace(impl, UnaryOp.LOG, Pointwise::log));
    }

    /** {@code x.sqrt_()}. */
    public Tensor sqrt_() {
        return of(Derived.inPlace(impl, UnaryOp.SQRT, Pointwise::sqrt));
    }

    /** {@code x.abs_()}. */
    public Tensor abs_() {
        return of(Derived.inPlace(impl, UnaryOp.ABS, Pointwise::abs));
    }

    /** {@code x.neg_()}. */
    public Tensor neg_() {
        return of(Derived.inPlace(impl, UnaryOp.NEG, Arithmetic::neg));
    }

    /** {@code x.relu_()}. */
    public Tensor relu_() {
        return of(Derived.inPlace(impl, UnaryOp.RELU, Pointwise::relu));
    }

    /** {@code x.sigmoid_()}. */
    public Tensor sigmoid_() {
        return of(Derived.inPlace(impl, UnaryOp.SIGMOID, Pointwise::sigmoid));
    }

    /** {@code x.tanh_()}. */
    public Tensor tanh_() {
        return of(Derived.inPlace(impl, UnaryOp.TANH, Pointwise::tanh));
    }

    /** {@code x.reciprocal_()}. */
    public Tensor reciprocal_() {
        return of(Derived.inPlace(impl, UnaryOp.RECIPROCAL, Pointwise::reciprocal));
    }

    /** {@code x.sign_()}. */
    public Tensor sign_() {
        return of(Derived.inPlace(impl, UnaryOp.SIGN, Pointwise::sign));
    }

    /** {@code x.atan2(other)}. */
    public Tensor atan2(Tensor other) {
        return of(BinaryMath.atan2(impl, other.impl));
    }

    /** {@code x.atan2_(other)}. */
    public Tensor atan2_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::atan2));
    }

    /** {@code x.arctan2(other)}. */
    public Tensor arctan2(Tensor other) {
        return of(BinaryMath.atan2(impl, other.impl));
    }

    /** {@code x.arctan2_(other)}. */
    public Tensor arctan2_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::atan2));
    }

    /** {@code x.hypot(other)}. */
    public Tensor hypot(Tensor other) {
        return of(BinaryMath.hypot(impl, other.impl));
    }

    /** {@code x.hypot_(other)}. */
    public Tensor hypot_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::hypot));
    }

    /** {@code x.maximum(other)}. */
    public Tensor maximum(Tensor other) {
        return of(BinaryMath.maximum(impl, other.impl));
    }

    /** {@code x.minimum(other)}. */
    public Tensor minimum(Tensor other) {
        return of(BinaryMath.minimum(impl, other.impl));
    }

    /** {@code x.fmax(other)}. */
    public Tensor fmax(Tensor other) {
        return of(BinaryMath.fmax(impl, other.impl));
    }

    /** {@code x.fmin(other)}. */
    public Tensor fmin(Tensor other) {
        return of(BinaryMath.fmin(impl, other.impl));
    }

    /** {@code x.fmod(other)}. */
    public Tensor fmod(Tensor other) {
        return of(BinaryMath.fmod(impl, other.impl));
    }

    /** {@code x.fmod_(other)}. */
    public Tensor fmod_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::fmod));
    }

    /** {@code x.copysign(other)}. */
    public Tensor copysign(Tensor other) {
        return of(BinaryMath.copysign(impl, other.impl));
    }

    /** {@code x.copysign_(other)}. */
    public Tensor copysign_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::copysign));
    }

    /** {@code x.logaddexp(other)}. */
    public Tensor logaddexp(Tensor other) {
        return of(BinaryMath.logaddexp(impl, other.impl));
    }

    /** {@code x.xlogy(other)}. */
    public Tensor xlogy(Tensor other) {
        return of(BinaryMath.xlogy(impl, other.impl));
    }

    /** {@code x.xlogy_(other)}. */
    public Tensor xlogy_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::xlogy));
    }

    /** {@code x.positive()}: x itself (PyTorch's error for bool). */
    public Tensor positive() {
        if (dtype() == DType.BOOL) {
            throw new IllegalArgumentException("The `+` operator, on a bool tensor is not supported.");
        }
        return this;
    }

    /** {@code x.square()}: {@code x ** 2}. */
    public Tensor square() {
        return of(Arithmetic.pow(impl, 2));
    }

    /** {@code x.square_()}. */
    public Tensor square_() {
        return of(Derived.inPlace(impl, t -> Arithmetic.pow(t, 2)));
    }

    /** {@code x.nan_to_num()}: NaN to 0, infinities to the dtype's largest finite values. */
    public Tensor nanToNum() {
        return of(Rounding.nanToNum(impl, null, null, null));
    }

    /** {@code x.nan_to_num(nan, posinf, neginf)} (a null bound keeps the default). */
    public Tensor nanToNum(Double nan, Double posinf, Double neginf) {
        return of(Rounding.nanToNum(impl, nan, posinf, neginf));
    }

    /** {@code x.nan_to_num_()}. */
    public Tensor nanToNum_() {
        return of(Derived.inPlace(impl, t -> Rounding.nanToNum(t, null, null, null)));
    }

    /** {@code x.round(decimals=d)}. */
    public Tensor round(int decimals) {
        return of(Rounding.round(impl, decimals));
    }

    /** {@code x.clamp(min=min)}: one bound. */
    public Tensor clamp(Number min) {
        return of(Pointwise.clamp(impl, min, null));
    }

    /** {@code x.clamp_(min, max)}. */
    public Tensor clamp_(Number min, Number max) {
        return of(Derived.inPlace(impl, t -> Pointwise.clamp(t, min, max), true));
    }

    /** {@code x.clamp_min_(min)}. */
    public Tensor clampMin_(Number min) {
        return of(Derived.inPlace(impl, t -> Pointwise.clampMin(t, min), true));
    }

    /** {@code x.clamp_max_(max)}. */
    public Tensor clampMax_(Number max) {
        return of(Derived.inPlace(impl, t -> Pointwise.clampMax(t, max), true));
    }

    /** {@code x.clip(min, max)}: {@code clamp}. */
    public Tensor clip(Number min, Number max) {
        return clamp(min, max);
    }

    /** {@code x.clip_(min, max)}. */
    public Tensor clip_(Number min, Number max) {
        return clamp_(min, max);
    }

    /** {@code x.lerp(end, weight)}. */
    public Tensor lerp(Tensor end, double weight) {
        return of(BinaryMath.lerp(impl, end.impl, weight));
    }

    /** {@code x.addcmul(t1, t2, value=1)}. */
    public Tensor addcmul(Tensor t1, Tensor t2) {
        return addcmul(t1, t2, 1);
    }

    /** {@code x.addcmul(t1, t2, value=value)}: {@code x + value * t1 * t2}. */
    public Tensor addcmul(Tensor t1, Tensor t2, Number value) {
        return of(BinaryMath.addcmul(impl, t1.impl, t2.impl, value));
    }

    /** {@code x.addcdiv(t1, t2, value=1)}. */
    public Tensor addcdiv(Tensor t1, Tensor t2) {
        return addcdiv(t1, t2, 1);
    }

    /** {@code x.addcdiv(t1, t2, value=value)}: {@code x + value * t1 / t2}. */
    public Tensor addcdiv(Tensor t1, Tensor t2, Number value) {
        return of(BinaryMath.addcdiv(impl, t1.impl, t2.impl, value));
    }

    /** {@code x.equal(other)}: same shape and values. */
    public boolean equal(Tensor other) {
        return BinaryMath.equal(impl, other.impl);
    }

    /** {@code x.allclose(other)} with rtol=1e-05, atol=1e-08. */
    public boolean allclose(Tensor other) {
        return BinaryMath.allclose(impl, other.impl, 1e-5, 1e-8, false);
    }

    /** {@code x.allclose(other, rtol, atol)}. */
    public boolean allclose(Tensor other, double rtol, double atol) {
        return BinaryMath.allclose(impl, other.impl, rtol, atol, false);
    }

    /** {@code x.isclose(other)} with rtol=1e-05, atol=1e-08. */
    public Tensor isclose(Tensor other) {
        return of(BinaryMath.isclose(impl, other.impl, 1e-5, 1e-8, false));
    }

    /** {@code x.isclose(other, rtol, atol)}. */
    public Tensor isclose(Tensor other, double rtol, double atol) {
        return of(BinaryMath.isclose(impl, other.impl, rtol, atol, false));
    }

    /** {@code -self}. */
    public Tensor neg() {
        return of(Arithmetic.neg(impl));
    }

    /** {@code self ** exponent}. */
    public Tensor pow(Tensor exponent) {
        return of(Arithmetic.pow(impl, exponent.impl));
    }

    /** {@code self ** scalar}. */
    public Tensor pow(Number exponent) {
        return of(Arithmetic.pow(impl, exponent));
    }

    /** {@code 1 / self}. */
    public Tensor reciprocal() {
        return of(Pointwise.reciprocal(impl));
    }

    /** Elementwise {@code e^x}. */
    public Tensor exp() {
        return of(Pointwise.exp(impl));
    }

    /** Elementwise natural logarithm. */
    public Tensor log() {
        return of(Pointwise.log(impl));
    }

    /** Elementwise square root. */
    public Tensor sqrt() {
        return of(Pointwise.sqrt(impl));
    }

    /** Elementwise absolute value. */
    public Tensor abs() {
        return of(Pointwise.abs(impl));
    }

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        return of(Pointwise.relu(impl));
    }

    /** {@code 1 / (1 + e^-x)}. */
    public Tensor sigmoid() {
        return of(Pointwise.sigmoid(impl));
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return of(Pointwise.tanh(impl));
    }

    /** Clamps into {@code [min, max]}; a null bound is open. */
    public Tensor clamp(Number min, Number max) {
        return of(Pointwise.clamp(impl, min, max));
    }

    /** {@code clamp(min=...)}. */
    public Tensor clampMin(Number min) {
        return of(Pointwise.clampMin(impl, min));
    }

    /** {@code clamp(max=...)}. */
    public Tensor clampMax(Number max) {
        return of(Pointwise.clampMax(impl, max));
    }

    // ---------------------------------------------------------------- comparisons

    /** {@code self > other}. */
    public Tensor gt(Tensor other) {
        return of(Comparisons.gt(impl, other.impl));
    }

    /** {@code self > scalar}. */
    public Tensor gt(Number other) {
        return of(Comparisons.gt(impl, Scalars.wrap(other)));
    }

    /** {@code self >= other}. */
    public Tensor ge(Tensor other) {
        return of(Comparisons.ge(impl, other.impl));
    }

    /** {@code self >= scalar}. */
    public Tensor ge(Number other) {
        return of(Comparisons.ge(impl, Scalars.wrap(other)));
    }

    /** {@code self < other}. */
    public Tensor lt(Tensor other) {
        return of(Comparisons.lt(impl, other.impl));
    }

    /** {@code self < scalar}. */
    public Tensor lt(Number other) {
        return of(Comparisons.lt(impl, Scalars.wrap(other)));
    }

    /** {@code self <= other}. */
    public Tensor le(Tensor other) {
        return of(Comparisons.le(impl, other.impl));
    }

    /** {@code self <= scalar}. */
    public Tensor le(Number other) {
        return of(Comparisons.le(impl, Scalars.wrap(other)));
    }

    /** {@code self == other}, elementwise. */
    public Tensor eq(Tensor other) {
        return of(Comparisons.eq(impl, other.impl));
    }

    /** {@code self == scalar}, elementwise. */
    public Tensor eq(Number other) {
        return of(Comparisons.eq(impl, Scalars.wrap(other)));
    }

    /** {@code self != other}, elementwise. */
    public Tensor ne(Tensor other) {
        return of(Comparisons.ne(impl, other.impl));
    }

    /** {@code self != scalar}, elementwise. */
    public Tensor ne(Number other) {
        return of(Comparisons.ne(impl, Scalars.wrap(other)));
    }

    /** Elementwise logical and, as {@code torch.logical_and}. */
    public Tensor logicalAnd(Tensor other) {
        return of(Comparisons.logicalAnd(impl, other.impl));
    }

    /** Elementwise logical or. */
    public Tensor logicalOr(Tensor other) {
        return of(Comparisons.logicalOr(impl, other.impl));
    }

    /** Elementwise logical xor. */
    public Tensor logicalXor(Tensor other) {
        return of(Comparisons.logicalXor(impl, other.impl));
    }

    /** Elementwise logical not. */
    public Tensor logicalNot() {
        return of(Comparisons.logicalNot(impl));
    }

    /** Python's {@code a & b} on integral and bool tensors. */
    public Tensor bitwiseAnd(Tensor other) {
        return of(Comparisons.bitwiseAnd(impl, other.impl));
    }

    /** Python's {@code a | b}. */
    public Tensor bitwiseOr(Tensor other) {
        return of(Comparisons.bitwiseOr(impl, other.impl));
    }

    /** Python's {@code a ^ b}. */
    public Tensor bitwiseXor(Tensor other) {
        return of(Comparisons.bitwiseXor(impl, other.impl));
    }

    /** Python's {@code ~a}. */
    public Tensor bitwiseNot() {
        return of(Comparisons.bitwiseNot(impl));
    }

    /** -1, 0 or 1 by sign (not differentiable: zero gradient). */
    public Tensor sign() {
        return of(Pointwise.sign(impl));
    }

    // ---------------------------------------------------------------- in place

    /** {@code self += other}. */
    public Tensor add_(Tensor other) {
        return of(Arithmetic.inplace(impl, other.impl, BinaryOp.ADD));
    }

    /** {@code self += scalar}. */
    public Tensor add_(Number other) {
        return of(Arithmetic.inplace(impl, Scalars.wrap(other), BinaryOp.ADD));
    }

    /** {@code self -= other}. */
    public Tensor sub_(Tensor other) {
        return of(Arithmetic.inplace(impl, other.impl, BinaryOp.SUB));
    }

    /** {@code self -= scalar}. */
    public Tensor sub_(Number other) {
        return of(Arithmetic.inplace(impl, Scalars.wrap(other), BinaryOp.SUB));
    }

    /** {@code self *= other}. */
    public Tensor mul_(Tensor other) {
        return of(Arithmetic.inplace(impl, other.impl, BinaryOp.MUL));
    }

    /** {@code self *= scalar}. */
    public Tensor mul_(Number other) {
        return of(Arithmetic.inplace(impl, Scalars.wrap(other), BinaryOp.MUL));
    }

    /** {@code self /= other}. */
    public Tensor div_(Tensor other) {
        return of(Arithmetic.inplace(impl, other.impl, BinaryOp.DIV));
    }

    /** {@code self /= scalar}. */
    public Tensor div_(Number other) {
        return of(Arithmetic.inplace(impl, Scalars.wrap(other), BinaryOp.DIV));
    }

    /** Fills with zeros. */
    public Tensor zero_() {
        return of(Conversions.zero(impl));
    }

    /** Fills with one value. */
    public Tensor fill_(Number value) {
        return of(Conversions.fill(impl, value));
    }

    // ---------------------------------------------------------------- reductions and linear algebra

    /** Sum of all elements. */
    public Tensor sum() {
        return of(Reductions.sum(impl, null, false, null));
    }

    /** Sum of all elements, accumulated and returned in {@code dtype}. */
    public Tensor sum(DType dtype) {
        return of(Reductions.sum(impl, null, false, dtype));
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
        return of(Reductions.sum(impl, dims, keepdim, null));
    }

    /** Mean of all elements (floating dtypes only). */
    public Tensor mean() {
        return of(Reductions.mean(impl, null, false, null));
    }

    /** Mean of all elements computed in {@code dtype}. */
    public Tensor mean(DType dtype) {
        return of(Reductions.mean(impl, null, false, dtype));
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
        return of(Reductions.mean(impl, dims, keepdim, null));
    }

    /** Matrix product with PyTorch's rules for 1-d, 2-d and batched operands ({@code @}). */
    public Tensor matmul(Tensor other) {
        return of(Linalg.matmul(impl, other.impl));
    }

    /** 2-d matrix product. */
    public Tensor mm(Tensor other) {
        return of(Linalg.mm(impl, other.impl));
    }

    /** Batched 3-d matrix product. */
    public Tensor bmm(Tensor other) {
        return of(Linalg.bmm(impl, other.impl));
    }

    /** Dot product of two 1-d tensors. */
    public Tensor dot(Tensor other) {
        return of(Linalg.dot(impl, other.impl));
    }

    // ---------------------------------------------------------------- indexing

    /** Python's {@code x[spec]} with the subscript as text: {@code x.index(":, 1")}, {@code x.index("2:8:2")}. */
    public Tensor index(String spec) {
        return of(Indexing.get(impl, IndexSpec.parse(spec)));
    }

    /**
     * Python's {@code x[i, j, ...]}: {@code int}/{@code long}, {@link Slice}, {@code Slice.NONE},
     * {@code Slice.ELLIPSIS}, a {@code Tensor} (int64 indices or bool mask), {@code int[]}/{@code long[]}
     * lists, or one item as text ({@code x.index("1:", 0)}).
     */
    public Tensor index(Object... indices) {
        return of(Indexing.get(impl, IndexSpec.ofArguments(indices)));
    }

    /**
     * Python's {@code x[index] = value}: index as text ({@code "1:3"}), one index object (a bool
     * mask, {@code int[]}, {@code Slice}, ...) or an {@code Object[]} tuple.
     */
    public Tensor indexPut_(Object index, Number value) {
        return of(Indexing.set(impl, IndexSpec.of(index), value));
    }

    /** Python's {@code x[index] = tensor}; the value broadcasts to the indexed shape. */
    public Tensor indexPut_(Object index, Tensor value) {
        return of(Indexing.set(impl, IndexSpec.of(index), value.impl));
    }

    /** Python's {@code x[index] = True/False}. */
    public Tensor indexPut_(Object index, boolean value) {
        return of(Indexing.set(impl, IndexSpec.of(index), value));
    }

    /** {@code index_put_(indices, values, accumulate)} with one index tensor (or null) per leading dimension. */
    public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) {
        return of(Indexing.indexPut(impl, impls(indices), values.impl, accumulate));
    }

    /** {@code index_select(dim, index)}: the slices of {@code dim} at a vector of int64/int32 indices. */
    public Tensor indexSelect(int dim, Tensor index) {
        return of(Gathering.indexSelect(impl, dim, index.impl));
    }

    /** {@code gather(dim, index)}: values picked along {@code dim} by an int64 index shaped like the result. */
    public Tensor gather(int dim, Tensor index) {
        return of(Gathering.gather(impl, dim, index.impl));
    }

    /** {@code masked_fill(mask, value)}: a copy with {@code value} where the bool mask is true. */
    public Tensor maskedFill(Tensor mask, Number value) {
        return of(Gathering.maskedFill(impl, mask.impl, value));
    }

    /** {@code masked_fill(mask, value)} with a 0-d tensor value. */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return of(Gathering.maskedFill(impl, mask.impl, value.impl));
    }

    /** {@code masked_fill_(mask, value)}: in place. */
    public Tensor maskedFill_(Tensor mask, Number value) {
        return of(Gathering.maskedFillInPlace(impl, mask.impl, value));
    }

    /** {@code masked_fill_(mask, value)} with a 0-d tensor value, in place. */
    public Tensor maskedFill_(Tensor mask, Tensor value) {
        return of(Gathering.maskedFillInPlace(impl, mask.impl, value.impl));
    }

    /** {@code nonzero()}: int64 coordinates of the nonzero elements, shape {@code (n, dim)}. */
    public Tensor nonzero() {
        return of(Gathering.nonzero(impl));
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
        return of(Reductions.sum(impl, dims, keepdim, dtype));
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
        return of(Reductions.mean(impl, dims, keepdim, dtype));
    }

    /** {@code x.max()}: the largest element (NaN if any element is NaN). */
    public Tensor max() {
        return of(Extrema.all(impl, Extrema.Kind.MAX));
    }

    /** {@code x.max(dim)}: largest values along a dimension and their indices. */
    public ValuesIndices max(int dim) {
        return max(dim, false);
    }

    /** {@code x.max(dim, keepdim)}: largest values and indices, keeping the dimension as size 1. */
    public ValuesIndices max(int dim, boolean keepdim) {
        return ValuesIndices.of(Extrema.alongDim(impl, dim, keepdim, Extrema.Kind.MAX));
    }

    /** {@code x.min()}: the smallest element (NaN if any element is NaN). */
    public Tensor min() {
        return of(Extrema.all(impl, Extrema.Kind.MIN));
    }

    /** {@code x.min(dim)}: smallest values along a dimension and their indices. */
    public ValuesIndices min(int dim) {
        return min(dim, false);
    }

    /** {@code x.min(dim, keepdim)}: smallest values and indices, keeping the dimension as size 1. */
    public ValuesIndices min(int dim, boolean keepdim) {
        return ValuesIndices.of(Extrema.alongDim(impl, dim, keepdim, Extrema.Kind.MIN));
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
        return of(Extrema.amax(impl, dims, keepdim, Extrema.Kind.MAX));
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
        return of(Extrema.amax(impl, dims, keepdim, Extrema.Kind.MIN));
    }

    /** {@code x.argmax()}: the flat index of the first largest element (int64). */
    public Tensor argmax() {
        return of(Extrema.arg(impl, null, false, Extrema.Kind.MAX));
    }

    /** {@code x.argmax(dim)}: indices of the largest values along a dimension. */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /** {@code x.argmax(dim, keepdim)}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return of(Extrema.arg(impl, dim, keepdim, Extrema.Kind.MAX));
    }

    /** {@code x.argmin()}: the flat index of the first smallest element (int64). */
    public Tensor argmin() {
        return of(Extrema.arg(impl, null, false, Extrema.Kind.MIN));
    }

    /** {@code x.argmin(dim)}: indices of the smallest values along a dimension. */
    public Tensor argmin(int dim) {
        return argmin(dim, false);
    }

    /** {@code x.argmin(dim, keepdim)}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return of(Extrema.arg(impl, dim, keepdim, Extrema.Kind.MIN));
    }

    /** {@code x.prod()}: product of all elements (int64 for integral and bool inputs). */
    public Tensor prod() {
        return of(Statistics.prod(impl, null, false, null));
    }

    /** {@code x.prod(dtype=dtype)}: product of all elements computed in {@code dtype}. */
    public Tensor prod(DType dtype) {
        return of(Statistics.prod(impl, null, false, dtype));
    }

    /** {@code x.prod(dim)}: product along one dimension. */
    public Tensor prod(int dim) {
        return prod(dim, false);
    }

    /** {@code x.prod(dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepdim) {
        return of(Statistics.prod(impl, dim, keepdim, null));
    }

    /** {@code x.prod(dim, keepdim, dtype=dtype)}. */
    public Tensor prod(int dim, boolean keepdim, DType dtype) {
        return of(Statistics.prod(impl, dim, keepdim, dtype));
    }

    /** {@code x.std()}: unbiased standard deviation of all elements (floating dtypes). */
    public Tensor std() {
        return std(true);
    }

    /** {@code x.std(unbiased=flag)}: {@code false} divides by N instead of N - 1. */
    public Tensor std(boolean unbiased) {
        return of(Statistics.var(impl, null, unbiased, false, true));
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
        return of(Statistics.var(impl, dims, unbiased, keepdim, true));
    }

    /** {@code x.var()}: unbiased variance of all elements (floating dtypes). */
    public Tensor var() {
        return var(true);
    }

    /** {@code x.var(unbiased=flag)}: {@code false} divides by N instead of N - 1. */
    public Tensor var(boolean unbiased) {
        return of(Statistics.var(impl, null, unbiased, false, false));
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
        return of(Statistics.var(impl, dims, unbiased, keepdim, false));
    }

    /** {@code x.norm()}: the 2-norm of all elements (floating dtypes). */
    public Tensor norm() {
        return norm(2);
    }

    /** {@code x.norm(p)}: the p-norm of all elements ({@code p} may be 0, 1, 2, infinities or any real). */
    public Tensor norm(double p) {
        return of(Statistics.norm(impl, p, null, false));
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
        return of(Statistics.norm(impl, p, dims, keepdim));
    }

    /** {@code x.cumsum(dim)}: running sums along a dimension (int64 for integral and bool inputs). */
    public Tensor cumsum(int dim) {
        return of(Statistics.cumsum(impl, dim, null));
    }

    /** {@code x.cumsum(dim, dtype=dtype)}. */
    public Tensor cumsum(int dim, DType dtype) {
        return of(Statistics.cumsum(impl, dim, dtype));
    }

    /** {@code x.all()}: whether every element is nonzero (bool; uint8 for uint8 input). */
    public Tensor all() {
        return of(Statistics.truth(impl, null, false, true));
    }

    /** {@code x.all(dim)}. */
    public Tensor all(int dim) {
        return all(dim, false);
    }

    /** {@code x.all(dim, keepdim)}. */
    public Tensor all(int dim, boolean keepdim) {
        return of(Statistics.truth(impl, dim, keepdim, true));
    }

    /** {@code x.any()}: whether some element is nonzero (bool; uint8 for uint8 input). */
    public Tensor any() {
        return of(Statistics.truth(impl, null, false, false));
    }

    /** {@code x.any(dim)}. */
    public Tensor any(int dim) {
        return any(dim, false);
    }

    /** {@code x.any(dim, keepdim)}. */
    public Tensor any(int dim, boolean keepdim) {
        return of(Statistics.truth(impl, dim, keepdim, false));
    }

    /** {@code x.median()}: the lower median of all elements (NaN if any is NaN). */
    public Tensor median() {
        return of(Sorting.median(impl));
    }

    /** {@code x.median(dim)}: lower medians along a dimension and their indices. */
    public ValuesIndices median(int dim) {
        return median(dim, false);
    }

    /** {@code x.median(dim, keepdim)}. */
    public ValuesIndices median(int dim, boolean keepdim) {
        return ValuesIndices.of(Sorting.medianDim(impl, dim, keepdim));
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
        return ValuesIndices.of(Sorting.sort(impl, dim, descending));
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
        return of(Sorting.sort(impl.detachAlias(), dim, descending).indices);
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
        return ValuesIndices.of(Sorting.topk(impl, k, dim, largest, sorted));
    }

    /** {@code x.chunk(chunks)}: at most {@code chunks} equal views along dimension 0, as a tuple. */
    public TensorList chunk(int chunks) {
        return chunk(chunks, 0);
    }

    /** {@code x.chunk(chunks, dim)}. */
    public TensorList chunk(int chunks, int dim) {
        return TensorList.wrap(Joining.chunk(impl, chunks, dim));
    }

    /** {@code x.split(split_size)}: views of {@code splitSize} along dimension 0 (the last may be shorter). */
    public TensorList split(int splitSize) {
        return split(splitSize, 0);
    }

    /** {@code x.split(split_size, dim)}. */
    public TensorList split(int splitSize, int dim) {
        return TensorList.wrap(Joining.split(impl, splitSize, dim));
    }

    /** {@code x.split([sizes])}: views of the given sizes along dimension 0. */
    public TensorList split(int[] splitSizes) {
        return split(splitSizes, 0);
    }

    /** {@code x.split([sizes], dim)}. */
    public TensorList split(int[] splitSizes, int dim) {
        return TensorList.wrap(Joining.splitWithSizes(impl, splitSizes, dim));
    }

    /** {@code x.unbind()}: the slices along dimension 0, as a tuple. */
    public TensorList unbind() {
        return unbind(0);
    }

    /** {@code x.unbind(dim)}. */
    public TensorList unbind(int dim) {
        return TensorList.wrap(Joining.unbind(impl, dim));
    }

    /** {@code x.repeat(r0, r1, ...)}: tiles the tensor (extra repeats add leading dimensions). */
    public Tensor repeat(int... repeats) {
        return of(Joining.repeat(impl, repeats));
    }

    // ---------------------------------------------------------------- numpy and Java arrays

    /**
     * {@code tensor.numpy()}: an {@link NDArray} over this tensor's memory, with its strides; writes
     * through either show in the other.
     */
    public NDArray numpy() {
        return NDArray.of(NumpyArray.sharing(impl));
    }

    /** The elements in row-major order as a new {@code float[]} (converted from any dtype). */
    public float[] toFloatArray() {
        return JavaArrays.toFloatArray(impl);
    }

    /** The elements in row-major order as a new {@code double[]}. */
    public double[] toDoubleArray() {
        return JavaArrays.toDoubleArray(impl);
    }

    /** The elements in row-major order as a new {@code long[]} (floats truncate towards zero). */
    public long[] toLongArray() {
        return JavaArrays.toLongArray(impl);
    }

    /** The elements in row-major order as a new {@code int[]} (floats truncate towards zero). */
    public int[] toIntArray() {
        return JavaArrays.toIntArray(impl);
    }

    /**
     * A copy as a nested Java array of the dtype's primitive type, e.g. {@code float[][]} for a
     * 2-d float32 tensor ({@code short} for uint8, {@code boolean} for bool); a 0-d tensor gives
     * its boxed value.
     */
    public Object toArray() {
        return JavaArrays.toArray(impl);
    }

    /** {@code x.bernoulli()}: 0/1 samples with x's elements as probabilities (x's dtype). */
    public Tensor bernoulli() {
        return of(Sampling.bernoulli(impl));
    }

    /** {@code x.bernoulli(p)}: 0/1 samples like x, each 1 with probability {@code p}. */
    public Tensor bernoulli(double p) {
        return of(Sampling.bernoulli(impl, p));
    }

    /** {@code x.bernoulli_()}: x filled with fair 0/1 samples ({@code p=0.5}). */
    public Tensor bernoulli_() {
        return of(Sampling.bernoulliInPlace(impl, 0.5));
    }

    /** {@code x.bernoulli_(p)}: x filled with 0/1 samples, each 1 with probability {@code p}. */
    public Tensor bernoulli_(double p) {
        return of(Sampling.bernoulliInPlace(impl, p));
    }

    /** {@code x.bernoulli_(p)} with a tensor of probabilities broadcast to x. */
    public Tensor bernoulli_(Tensor p) {
        return of(Sampling.bernoulliInPlace(impl, p.impl));
    }

    /** {@code x.multinomial(num_samples)}: indices drawn (without replacement) with x's rows as weights. */
    public Tensor multinomial(int numSamples) {
        return of(Multinomial.multinomial(impl, numSamples, false));
    }

    /** {@code x.multinomial(num_samples, replacement)}. */
    public Tensor multinomial(int numSamples, boolean replacement) {
        return of(Multinomial.multinomial(impl, numSamples, replacement));
    }

    /** {@code tensor.uniform_()}: fills with samples from [0, 1). */
    public Tensor uniform_() {
        return of(Sampling.uniformInPlace(impl, 0, 1));
    }

    /** {@code tensor.uniform_(from, to)}: fills with samples from [from, to), as PyTorch's generator draws them. */
    public Tensor uniform_(double from, double to) {
        return of(Sampling.uniformInPlace(impl, from, to));
    }

    /** {@code tensor.normal_()}: fills with standard normal samples. */
    public Tensor normal_() {
        return of(Sampling.normalInPlace(impl, 0, 1));
    }

    /** {@code tensor.normal_(mean, std)}: fills with normal samples. */
    public Tensor normal_(double mean, double std) {
        return of(Sampling.normalInPlace(impl, mean, std));
    }

    /** {@code tensor.random_()}: integers over the dtype's full range ({@code [0, 2^mantissa]} for floating dtypes). */
    public Tensor random_() {
        return of(Sampling.randomInPlace(impl, jtorch.internal.kernels.Generator.getDefault()));
    }

    /** {@code tensor.random_(generator=g)}. */
    public Tensor random_(Generator generator) {
        return of(Sampling.randomInPlace(impl, generator.impl));
    }

    /** {@code tensor.random_(from, to)}: fills with integers drawn uniformly from [from, to). */
    public Tensor random_(long from, long to) {
        return of(Sampling.randomInPlace(impl, from, to));
    }

    /** {@code tensor.random_(to)}: fills with integers drawn uniformly from [0, to). */
    public Tensor random_(long to) {
        return of(Sampling.randomInPlace(impl, 0, to));
    }

    // ---------------------------------------------------------------- aliases and in-place forms (issue 11)

    /** {@code x.divide(other)}: alias of {@link #div(Tensor)}. */
    public Tensor divide(Tensor other) {
        return div(other);
    }

    /** {@code x.divide(scalar)}. */
    public Tensor divide(Number other) {
        return div(other);
    }

    /** {@code x.divide(other, rounding_mode=...)}. */
    public Tensor divide(Tensor other, String roundingMode) {
        return div(other, roundingMode);
    }

    /** {@code x.divide(scalar, rounding_mode=...)}. */
    public Tensor divide(Number other, String roundingMode) {
        return div(other, roundingMode);
    }

    /** {@code x.divide_(other)}: alias of {@link #div_(Tensor)}. */
    public Tensor divide_(Tensor other) {
        return div_(other);
    }

    /** {@code x.divide_(scalar)}. */
    public Tensor divide_(Number other) {
        return div_(other);
    }

    /** {@code x.div_(other, rounding_mode=...)} as {@code divide_}. */
    public Tensor divide_(Tensor other, String roundingMode) {
        return roundingMode == null ? div_(other)
                : of(Derived.promotedInPlace(impl, other.impl, (a, b) -> Arithmetic.div(a, b, roundingMode)));
    }

    /** {@code x.true_divide(other)}: alias of {@link #div(Tensor)}. */
    public Tensor trueDivide(Tensor other) {
        return div(other);
    }

    /** {@code x.true_divide(scalar)}. */
    public Tensor trueDivide(Number other) {
        return div(other);
    }

    /** {@code x.true_divide_(other)}. */
    public Tensor trueDivide_(Tensor other) {
        return div_(other);
    }

    /** {@code x.true_divide_(scalar)}. */
    public Tensor trueDivide_(Number other) {
        return div_(other);
    }

    /** {@code x.multiply(other)}: alias of {@link #mul(Tensor)}. */
    public Tensor multiply(Tensor other) {
        return mul(other);
    }

    /** {@code x.multiply(scalar)}. */
    public Tensor multiply(Number other) {
        return mul(other);
    }

    /** {@code x.multiply_(other)}. */
    public Tensor multiply_(Tensor other) {
        return mul_(other);
    }

    /** {@code x.multiply_(scalar)}. */
    public Tensor multiply_(Number other) {
        return mul_(other);
    }

    /** {@code x.subtract(other)}: alias of {@link #sub(Tensor)}. */
    public Tensor subtract(Tensor other) {
        return sub(other);
    }

    /** {@code x.subtract(scalar)}. */
    public Tensor subtract(Number other) {
        return sub(other);
    }

    /** {@code x.subtract(other, alpha=alpha)}. */
    public Tensor subtract(Tensor other, Number alpha) {
        return sub(other, alpha);
    }

    /** {@code x.subtract_(other)}. */
    public Tensor subtract_(Tensor other) {
        return sub_(other);
    }

    /** {@code x.subtract_(scalar)}. */
    public Tensor subtract_(Number other) {
        return sub_(other);
    }

    /** {@code x.floor_divide_(other)}: Python's {@code x //= other}. */
    public Tensor floorDivide_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, (a, b) -> Arithmetic.div(a, b, "floor")));
    }

    /** {@code x.floor_divide_(scalar)}. */
    public Tensor floorDivide_(Number other) {
        return floorDivide_(Tensor.of(Scalars.wrap(other)));
    }

    /** {@code x.remainder_(other)}: Python's {@code x %= other}. */
    public Tensor remainder_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, Arithmetic::remainder));
    }

    /** {@code x.remainder_(scalar)}. */
    public Tensor remainder_(Number other) {
        return remainder_(Tensor.of(Scalars.wrap(other)));
    }

    /** {@code x.pow_(exponent)}: Python's {@code x **= exponent}. */
    public Tensor pow_(Tensor exponent) {
        return of(Derived.inPlace(impl, exponent.impl, Arithmetic::pow));
    }

    /** {@code x.pow_(scalar)}. */
    public Tensor pow_(Number exponent) {
        return of(Arithmetic.powInPlace(impl, exponent));
    }

    /** {@code x.lerp_(end, weight)}. */
    public Tensor lerp_(Tensor end, double weight) {
        return of(BinaryMath.lerpInPlace(impl, end.impl, weight));
    }

    /** {@code x.addcmul_(t1, t2)}: {@code x += t1 * t2}. */
    public Tensor addcmul_(Tensor t1, Tensor t2) {
        return addcmul_(t1, t2, 1);
    }

    /** {@code x.addcmul_(t1, t2, value=value)}. */
    public Tensor addcmul_(Tensor t1, Tensor t2, Number value) {
        return of(BinaryMath.addcmulInPlace(impl, t1.impl, t2.impl, value));
    }

    /** {@code x.addcdiv_(t1, t2)}: {@code x += t1 / t2}. */
    public Tensor addcdiv_(Tensor t1, Tensor t2) {
        return addcdiv_(t1, t2, 1);
    }

    /** {@code x.addcdiv_(t1, t2, value=value)}. */
    public Tensor addcdiv_(Tensor t1, Tensor t2, Number value) {
        return of(BinaryMath.addcdivInPlace(impl, t1.impl, t2.impl, value));
    }

    /** {@code x.cumsum_(dim)}: the running sums written into x. */
    public Tensor cumsum_(int dim) {
        return of(Statistics.cumsumInPlace(impl, dim));
    }

    /** {@code x.greater(other)}: alias of {@link #gt(Tensor)}. */
    public Tensor greater(Tensor other) {
        return gt(other);
    }

    /** {@code x.greater(scalar)}. */
    public Tensor greater(Number other) {
        return gt(other);
    }

    /** {@code x.greater_equal(other)}: alias of {@link #ge(Tensor)}. */
    public Tensor greaterEqual(Tensor other) {
        return ge(other);
    }

    /** {@code x.greater_equal(scalar)}. */
    public Tensor greaterEqual(Number other) {
        return ge(other);
    }

    /** {@code x.less(other)}: alias of {@link #lt(Tensor)}. */
    public Tensor less(Tensor other) {
        return lt(other);
    }

    /** {@code x.less(scalar)}. */
    public Tensor less(Number other) {
        return lt(other);
    }

    /** {@code x.less_equal(other)}: alias of {@link #le(Tensor)}. */
    public Tensor lessEqual(Tensor other) {
        return le(other);
    }

    /** {@code x.less_equal(scalar)}. */
    public Tensor lessEqual(Number other) {
        return le(other);
    }

    /** {@code x.not_equal(other)}: alias of {@link #ne(Tensor)}. */
    public Tensor notEqual(Tensor other) {
        return ne(other);
    }

    /** {@code x.not_equal(scalar)}. */
    public Tensor notEqual(Number other) {
        return ne(other);
    }

    /** {@code x.eq_(other)}: 1 where equal, else 0, in x's dtype. */
    public Tensor eq_(Tensor other) {
        return of(Comparisons.inPlace(impl, other.impl, "eq"));
    }

    /** {@code x.eq_(scalar)}. */
    public Tensor eq_(Number other) {
        return of(Comparisons.inPlace(impl, Scalars.wrap(other), "eq"));
    }

    /** {@code x.ne_(other)}. */
    public Tensor ne_(Tensor other) {
        return of(Comparisons.inPlace(impl, other.impl, "ne"));
    }

    /** {@code x.ne_(scalar)}. */
    public Tensor ne_(Number other) {
        return of(Comparisons.inPlace(impl, Scalars.wrap(other), "ne"));
    }

    /** {@code x.gt_(other)}. */
    public Tensor gt_(Tensor other) {
        return of(Comparisons.inPlace(impl, other.impl, "gt"));
    }

    /** {@code x.gt_(scalar)}. */
    public Tensor gt_(Number other) {
        return of(Comparisons.inPlace(impl, Scalars.wrap(other), "gt"));
    }

    /** {@code x.ge_(other)}. */
    public Tensor ge_(Tensor other) {
        return of(Comparisons.inPlace(impl, other.impl, "ge"));
    }

    /** {@code x.ge_(scalar)}. */
    public Tensor ge_(Number other) {
        return of(Comparisons.inPlace(impl, Scalars.wrap(other), "ge"));
    }

    /** {@code x.lt_(other)}. */
    public Tensor lt_(Tensor other) {
        return of(Comparisons.inPlace(impl, other.impl, "lt"));
    }

    /** {@code x.lt_(scalar)}. */
    public Tensor lt_(Number other) {
        return of(Comparisons.inPlace(impl, Scalars.wrap(other), "lt"));
    }

    /** {@code x.le_(other)}. */
    public Tensor le_(Tensor other) {
        return of(Comparisons.inPlace(impl, other.impl, "le"));
    }

    /** {@code x.le_(scalar)}. */
    public Tensor le_(Number other) {
        return of(Comparisons.inPlace(impl, Scalars.wrap(other), "le"));
    }

    /** {@code x.greater_(other)}: alias of {@link #gt_(Tensor)}. */
    public Tensor greater_(Tensor other) {
        return gt_(other);
    }

    /** {@code x.greater_(scalar)}. */
    public Tensor greater_(Number other) {
        return gt_(other);
    }

    /** {@code x.greater_equal_(other)}: alias of {@link #ge_(Tensor)}. */
    public Tensor greaterEqual_(Tensor other) {
        return ge_(other);
    }

    /** {@code x.greater_equal_(scalar)}. */
    public Tensor greaterEqual_(Number other) {
        return ge_(other);
    }

    /** {@code x.less_(other)}: alias of {@link #lt_(Tensor)}. */
    public Tensor less_(Tensor other) {
        return lt_(other);
    }

    /** {@code x.less_(scalar)}. */
    public Tensor less_(Number other) {
        return lt_(other);
    }

    /** {@code x.less_equal_(other)}: alias of {@link #le_(Tensor)}. */
    public Tensor lessEqual_(Tensor other) {
        return le_(other);
    }

    /** {@code x.less_equal_(scalar)}. */
    public Tensor lessEqual_(Number other) {
        return le_(other);
    }

    /** {@code x.not_equal_(other)}: alias of {@link #ne_(Tensor)}. */
    public Tensor notEqual_(Tensor other) {
        return ne_(other);
    }

    /** {@code x.not_equal_(scalar)}. */
    public Tensor notEqual_(Number other) {
        return ne_(other);
    }

    /** {@code x.logical_and_(other)}: 1 where both are nonzero, else 0, in x's dtype. */
    public Tensor logicalAnd_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, Comparisons::logicalAnd));
    }

    /** {@code x.logical_or_(other)}. */
    public Tensor logicalOr_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, Comparisons::logicalOr));
    }

    /** {@code x.logical_xor_(other)}. */
    public Tensor logicalXor_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, Comparisons::logicalXor));
    }

    /** {@code x.logical_not_()}. */
    public Tensor logicalNot_() {
        return of(Derived.inPlace(impl, Comparisons::logicalNot));
    }

    /** {@code x.bitwise_and(scalar)}: Python's {@code x & 3}. */
    public Tensor bitwiseAnd(Number other) {
        return of(Comparisons.bitwiseAnd(impl, Scalars.wrap(other)));
    }

    /** {@code x.bitwise_or(scalar)}. */
    public Tensor bitwiseOr(Number other) {
        return of(Comparisons.bitwiseOr(impl, Scalars.wrap(other)));
    }

    /** {@code x.bitwise_xor(scalar)}. */
    public Tensor bitwiseXor(Number other) {
        return of(Comparisons.bitwiseXor(impl, Scalars.wrap(other)));
    }

    /** {@code x.bitwise_and_(other)}: Python's {@code x &= other}. */
    public Tensor bitwiseAnd_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, Comparisons::bitwiseAnd));
    }

    /** {@code x.bitwise_and_(scalar)}. */
    public Tensor bitwiseAnd_(Number other) {
        return bitwiseAnd_(Tensor.of(Scalars.wrap(other)));
    }

    /** {@code x.bitwise_or_(other)}: Python's {@code x |= other}. */
    public Tensor bitwiseOr_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, Comparisons::bitwiseOr));
    }

    /** {@code x.bitwise_or_(scalar)}. */
    public Tensor bitwiseOr_(Number other) {
        return bitwiseOr_(Tensor.of(Scalars.wrap(other)));
    }

    /** {@code x.bitwise_xor_(other)}: Python's {@code x ^= other}. */
    public Tensor bitwiseXor_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, Comparisons::bitwiseXor));
    }

    /** {@code x.bitwise_xor_(scalar)}. */
    public Tensor bitwiseXor_(Number other) {
        return bitwiseXor_(Tensor.of(Scalars.wrap(other)));
    }

    /** {@code x.bitwise_not_()}. */
    public Tensor bitwiseNot_() {
        return of(Derived.inPlace(impl, Comparisons::bitwiseNot));
    }

    /** {@code x.where(condition, other)}: x where condition holds, else other. */
    public Tensor where(Tensor condition, Tensor other) {
        return of(Where.where(condition.impl, impl, other.impl));
    }

    /** {@code x.index_put(indices, values)}: a copy with {@code values} written at the indices. */
    public Tensor indexPut(Tensor[] indices, Tensor values) {
        return indexPut(indices, values, false);
    }

    /** {@code x.index_put(indices, values, accumulate)}: a copy of x, then {@code index_put_}. */
    public Tensor indexPut(Tensor[] indices, Tensor values, boolean accumulate) {
        return clone().indexPut_(indices, values, accumulate);
    }

    /** {@code x.nelement()}: alias of {@link #numel()}. */
    public int nelement() {
        return numel();
    }

    /** {@code x.is_floating_point()}. */
    public boolean isFloatingPoint() {
        return dtype().isFloatingPoint();
    }

    /** {@code x.is_signed()}: false for uint8 and bool. */
    public boolean isSigned() {
        return dtype() != DType.UINT8 && dtype() != DType.BOOL;
    }

    /** {@code x.byte()}: uint8. */
    public Tensor toByte() {
        return to(DType.UINT8);
    }

    /** {@code x.char()}: int8. */
    public Tensor toChar() {
        return to(DType.INT8);
    }

    /** {@code x.short()}: int16. */
    public Tensor toShort() {
        return to(DType.INT16);
    }

    /** {@code x.bfloat16()}. */
    public Tensor toBfloat16() {
        return to(DType.BFLOAT16);
    }

    /** {@code x.type_as(other)}: x in other's dtype. */
    public Tensor typeAs(Tensor other) {
        return to(other.dtype());
    }

    /** {@code x.view_as(other)}: {@code x.view(other.size())}. */
    public Tensor viewAs(Tensor other) {
        return view(other.impl.sizes().clone());
    }

    /** {@code x.reshape_as(other)}: {@code x.reshape(other.size())}. */
    public Tensor reshapeAs(Tensor other) {
        return reshape(other.impl.sizes().clone());
    }

    /** {@code x.swapaxes(axis0, axis1)}: alias of {@link #transpose}. */
    public Tensor swapaxes(int axis0, int axis1) {
        return transpose(axis0, axis1);
    }

    /** {@code x.swapdims(dim0, dim1)}: alias of {@link #transpose}. */
    public Tensor swapdims(int dim0, int dim1) {
        return transpose(dim0, dim1);
    }

    /**
     * {@code x.register_hook(hook)}: {@code hook} sees the gradient flowing into x during
     * backward, before x's {@code .grad} (leaf) or x's grad_fn (non-leaf) uses it, and may return a
     * replacement of the same shape and dtype, or null to keep it:
     * {@code x.registerHook(g -> g.mul(2))}, {@code x.registerHook(g -> { print(g); return null; })}.
     */
    public RemovableHandle registerHook(UnaryOperator<Tensor> hook) {
        return new RemovableHandle(Autograd.registerHook(impl, g -> {
            Tensor r = hook.apply(Tensor.of(g));
            return r == null ? null : r.impl;
        }));
    }

    /** {@code x.squeeze_()}: drops every size-1 dimension of x in place (x's data is unchanged). */
    public Tensor squeeze_() {
        return rebind(InPlaceViews.squeeze(impl, null));
    }

    /** {@code x.squeeze_(dim)}. */
    public Tensor squeeze_(int dim) {
        return rebind(InPlaceViews.squeeze(impl, dim));
    }

    /** {@code x.unsqueeze_(dim)}: a size-1 dimension inserted into x in place. */
    public Tensor unsqueeze_(int dim) {
        return rebind(InPlaceViews.unsqueeze(impl, dim));
    }

    /** {@code x.transpose_(dim0, dim1)}: x's dimensions swapped in place. */
    public Tensor transpose_(int dim0, int dim1) {
        return rebind(InPlaceViews.transpose(impl, dim0, dim1));
    }

    /** {@code x.t_()}: x (at most 2-d) transposed in place. */
    public Tensor t_() {
        return rebind(InPlaceViews.t(impl));
    }

    /**
     * Makes this facade wrap {@code moved}, the tensor an in-place view op left (its layout is
     * new, so it is a new {@code TensorImpl}); the old one keeps pointing here, so graph nodes that
     * hold it still show the user's tensor.
     */
    private Tensor rebind(TensorImpl moved) {
        impl = moved;
        moved.setFacade(this);
        return this;
    }

    /** {@code x.retains_grad}: whether {@code retainGrad()} was called on this non-leaf tensor. */
    public boolean retainsGrad() {
        return Autograd.retainsGrad(impl);
    }

    // ---------------------------------------------------------------- integer and floating-point bit ops (issue 11)

    /** {@code x.gcd(other)}. */
    public Tensor gcd(Tensor other) {
        return of(IntegerMath.gcd(impl, other.impl));
    }

    /** {@code x.gcd_(other)}. */
    public Tensor gcd_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, IntegerMath::gcd));
    }

    /** {@code x.lcm(other)}. */
    public Tensor lcm(Tensor other) {
        return of(IntegerMath.lcm(impl, other.impl));
    }

    /** {@code x.lcm_(other)}. */
    public Tensor lcm_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, IntegerMath::lcm));
    }

    /** {@code x.bitwise_left_shift(other)}. */
    public Tensor bitwiseLeftShift(Tensor other) {
        return of(IntegerMath.leftShift(impl, other.impl));
    }

    /** {@code x.bitwise_left_shift(scalar)}. */
    public Tensor bitwiseLeftShift(Number other) {
        return of(IntegerMath.leftShift(impl, Scalars.wrap(other)));
    }

    /** {@code x.bitwise_left_shift_(other)}. */
    public Tensor bitwiseLeftShift_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, IntegerMath::leftShift));
    }

    /** {@code x.bitwise_left_shift_(scalar)}. */
    public Tensor bitwiseLeftShift_(Number other) {
        return of(Derived.promotedInPlace(impl, Scalars.wrap(other), IntegerMath::leftShift));
    }

    /** {@code x.bitwise_right_shift(other)}. */
    public Tensor bitwiseRightShift(Tensor other) {
        return of(IntegerMath.rightShift(impl, other.impl));
    }

    /** {@code x.bitwise_right_shift(scalar)}. */
    public Tensor bitwiseRightShift(Number other) {
        return of(IntegerMath.rightShift(impl, Scalars.wrap(other)));
    }

    /** {@code x.bitwise_right_shift_(other)}. */
    public Tensor bitwiseRightShift_(Tensor other) {
        return of(Derived.promotedInPlace(impl, other.impl, IntegerMath::rightShift));
    }

    /** {@code x.bitwise_right_shift_(scalar)}. */
    public Tensor bitwiseRightShift_(Number other) {
        return of(Derived.promotedInPlace(impl, Scalars.wrap(other), IntegerMath::rightShift));
    }

    /** {@code x.heaviside(other)}. */
    public Tensor heaviside(Tensor other) {
        return of(BinaryMath.heaviside(impl, other.impl));
    }

    /** {@code x.heaviside_(other)}. */
    public Tensor heaviside_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::heaviside));
    }

    /** {@code x.nextafter(other)}. */
    public Tensor nextafter(Tensor other) {
        return of(BinaryMath.nextafter(impl, other.impl));
    }

    /** {@code x.nextafter_(other)}. */
    public Tensor nextafter_(Tensor other) {
        return of(Derived.inPlace(impl, other.impl, BinaryMath::nextafter));
    }

    /** {@code x.ldexp(other)}. */
    public Tensor ldexp(Tensor other) {
        return of(BinaryMath.ldexp(impl, other.impl));
    }

    /** {@code x.ldexp_(other)}. */
    public Tensor ldexp_(Tensor other) {
        return of(BinaryMath.ldexpInPlace(impl, other.impl));
    }

    /** {@code x.logaddexp2(other)}. */
    public Tensor logaddexp2(Tensor other) {
        return of(BinaryMath.logaddexp2(impl, other.impl));
    }

    /** {@code x.float_power(other)}. */
    public Tensor floatPower(Tensor other) {
        return of(BinaryMath.floatPower(impl, other.impl));
    }

    /** {@code x.float_power(scalar)}. */
    public Tensor floatPower(Number other) {
        return of(BinaryMath.floatPower(impl, Scalars.wrap(other)));
    }

    /** {@code x.float_power_(exponent)}: x must be float64. */
    public Tensor floatPower_(Tensor exponent) {
        return of(BinaryMath.floatPowerInPlace(impl, exponent.impl));
    }

    /** {@code x.float_power_(scalar)}. */
    public Tensor floatPower_(Number exponent) {
        return of(BinaryMath.floatPowerInPlace(impl, Scalars.wrap(exponent)));
    }

    // ---------------------------------------------------------------- reductions, shapes and products of the beginner tier (issue 11)

    /** {@code x.cumprod(dim)}: running products along {@code dim} (integral and bool inputs in int64). */
    public Tensor cumprod(int dim) {
        return of(Cumprod.cumprod(impl, dim, null));
    }

    /** {@code x.cumprod(dim, dtype=dtype)}. */
    public Tensor cumprod(int dim, DType dtype) {
        return of(Cumprod.cumprod(impl, dim, dtype));
    }

    /** {@code x.cumprod_(dim)}: the running products written into x. */
    public Tensor cumprod_(int dim) {
        return of(Cumprod.cumprodInPlace(impl, dim));
    }

    /** {@code x.logsumexp(dim)}: {@code log(sum(exp(x), dim))}, computed stably. */
    public Tensor logsumexp(int dim) {
        return of(Reductions.logsumexp(impl, new int[] {dim}, false));
    }

    /** {@code x.logsumexp(dim, keepdim)}. */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return of(Reductions.logsumexp(impl, new int[] {dim}, keepdim));
    }

    /** {@code x.logsumexp(dims, keepdim)} over several dims. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return of(Reductions.logsumexp(impl, dims, keepdim));
    }

    /** {@code x.count_nonzero()}: the number of nonzero elements (int64). */
    public Tensor countNonzero() {
        return of(Reductions.countNonzero(impl, null));
    }

    /** {@code x.count_nonzero(dim)} / {@code x.count_nonzero(dims)}. */
    public Tensor countNonzero(int... dims) {
        return of(Reductions.countNonzero(impl, dims));
    }

    /** {@code x.aminmax()}: the minimum and maximum of all elements. */
    public MinMax aminmax() {
        return MinMax.of(Extrema.aminmax(impl, null, false));
    }

    /** {@code x.aminmax(dim=dim)}. */
    public MinMax aminmax(int dim) {
        return MinMax.of(Extrema.aminmax(impl, dim, false));
    }

    /** {@code x.aminmax(dim=dim, keepdim=keepdim)}. */
    public MinMax aminmax(int dim, boolean keepdim) {
        return MinMax.of(Extrema.aminmax(impl, dim, keepdim));
    }

    /** {@code x.tril()}: the lower triangle of each matrix (the last two dims), the rest zero. */
    public Tensor tril() {
        return tril(0);
    }

    /** {@code x.tril(diagonal)}: element (i, j) kept where {@code j - i <= diagonal}, else zero. */
    public Tensor tril(int diagonal) {
        return of(Shifting.tril(impl, diagonal));
    }

    /** {@code x.triu()}: the upper triangle of each matrix (the last two dims), the rest zero. */
    public Tensor triu() {
        return triu(0);
    }

    /** {@code x.triu(diagonal)}: element (i, j) kept where {@code j - i >= diagonal}, else zero. */
    public Tensor triu(int diagonal) {
        return of(Shifting.triu(impl, diagonal));
    }

    /** {@code x.tril_()}. */
    public Tensor tril_() {
        return tril_(0);
    }

    /** {@code x.triu_()}. */
    public Tensor triu_() {
        return triu_(0);
    }

    /** {@code x.tril_(diagonal)}. */
    public Tensor tril_(int diagonal) {
        return of(Shifting.triangleInPlace(impl, diagonal, true));
    }

    /** {@code x.triu_(diagonal)}. */
    public Tensor triu_(int diagonal) {
        return of(Shifting.triangleInPlace(impl, diagonal, false));
    }

    /** {@code x.roll(shifts)}: the flattened elements shifted cyclically by {@code shifts}, the shape kept. */
    public Tensor roll(int shifts) {
        return of(Shifting.roll(impl, shifts));
    }

    /** {@code x.roll(shifts, dim)}: the elements shifted cyclically along {@code dim}. */
    public Tensor roll(int shifts, int dim) {
        return roll(new int[] {shifts}, new int[] {dim});
    }

    /** {@code x.roll(shifts, dims)}: shifted cyclically by {@code shifts[i]} along {@code dims[i]}. */
    public Tensor roll(int[] shifts, int[] dims) {
        return of(Shifting.roll(impl, shifts, dims));
    }

    /** {@code x.flip(dims)}: a copy with the elements in reverse order along each of {@code dims}. */
    public Tensor flip(int... dims) {
        return of(Flip.flip(impl, dims));
    }

    /** {@code x.unflatten(dim, sizes)}: dimension {@code dim} viewed as {@code sizes} (one may be -1). */
    public Tensor unflatten(int dim, int... sizes) {
        return of(Views.unflatten(impl, dim, sizes));
    }

    /** {@code x.broadcast_to(shape)}: as {@code expand(shape)}. */
    public Tensor broadcastTo(int... shape) {
        return of(Views.expand(impl, shape));
    }

    /** {@code x.masked_select(mask)}: the elements where the (broadcast) bool mask is true, as a 1-d tensor. */
    public Tensor maskedSelect(Tensor mask) {
        return of(Gathering.maskedSelect(impl, mask.impl));
    }

    /** {@code x.outer(vec2)}: the outer product of two 1-d tensors. */
    public Tensor outer(Tensor vec2) {
        return of(Linalg.outer(impl, vec2.impl));
    }

    /** {@code x.mv(vec)}: the matrix-vector product. */
    public Tensor mv(Tensor vec) {
        return of(Linalg.mv(impl, vec.impl));
    }

    // ---------------------------------------------------------------- nn functional

    /** {@code tensor.softmax(dim)}: exponentials normalised to sum to 1 along {@code dim}. */
    public Tensor softmax(int dim) {
        return of(NNFunctional.softmax(impl, dim));
    }

    /** {@code tensor.log_softmax(dim)}: the logarithm of {@link #softmax}, computed stably. */
    public Tensor logSoftmax(int dim) {
        return of(NNFunctional.logSoftmax(impl, dim));
    }

    // ---------------------------------------------------------------- printing

    /** PyTorch's {@code repr(tensor)}. */
    @Override
    public String toString() {
        return (parameter ? "Parameter containing:\n" : "") + TensorFormatter.repr(impl);
    }

    /** Marks this tensor as an {@code nn.Parameter}, which prints as {@code Parameter containing:}. */
    Tensor markParameter() {
        parameter = true;
        return this;
    }
}
