package jtorch;

import java.util.List;
import java.util.function.BooleanSupplier;

import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.Engine;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.dtype.DefaultDtype;
import jtorch.internal.interop.JavaArrays;

import jtorch.internal.kernels.Kernels;
import jtorch.internal.kernels.Parallel;
import jtorch.internal.kernels.WarmUpTurn;
import jtorch.internal.ops.Arithmetic;
import jtorch.internal.ops.Comparisons;
import jtorch.internal.ops.Linalg;
import jtorch.internal.ops.Pointwise;
import jtorch.internal.ops.Derived;
import jtorch.internal.ops.BinaryMath;
import jtorch.internal.ops.Rounding;
import jtorch.internal.ops.Transcendental;
import jtorch.internal.ops.Creation;
import jtorch.internal.ops.Views;
import jtorch.internal.ops.Statistics;
import jtorch.internal.ops.Reductions;
import jtorch.internal.ops.Gathering;
import jtorch.internal.ops.Cumprod;
import jtorch.internal.ops.IntegerMath;
import jtorch.internal.ops.Joining;
import jtorch.internal.ops.NNFunctional;
import jtorch.internal.ops.OutVariants;
import jtorch.internal.ops.Promotion;
import jtorch.internal.interop.TorchSerialization;
import jtorch.internal.ops.Sampling;
import jtorch.internal.ops.TensorData;
import jtorch.internal.ops.Where;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.BufferStorage;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * The {@code torch} namespace: dtypes, tensor factories and functional ops, named as in PyTorch
 * (camelCased), so that {@code torch.tensor(1.0, torch.float32)} reads like the original.
 *
 * <p>Java keywords cannot name dtype aliases, so {@code torch.float} is {@code torch.float_}
 * (likewise {@code double_}, {@code long_}, {@code int_}, {@code short_}).
 */
@SuppressWarnings({"checkstyle:TypeName", "java:S101"})
public final class torch {
    private torch() {}

    public static final DType float32 = DType.FLOAT32;
    public static final DType float64 = DType.FLOAT64;
    public static final DType float16 = DType.FLOAT16;
    public static final DType bfloat16 = DType.BFLOAT16;
    public static final DType int8 = DType.INT8;
    public static final DType uint8 = DType.UINT8;
    public static final DType int16 = DType.INT16;
    public static final DType int32 = DType.INT32;
    public static final DType int64 = DType.INT64;
    public static final DType bool = DType.BOOL;
    /** {@code torch.float}. */
    public static final DType float_ = DType.FLOAT32;
    /** {@code torch.double}. */
    public static final DType double_ = DType.FLOAT64;
    /** {@code torch.half}. */
    public static final DType half = DType.FLOAT16;
    /** {@code torch.long}. */
    public static final DType long_ = DType.INT64;
    /** {@code torch.int}. */
    public static final DType int_ = DType.INT32;
    /** {@code torch.short}. */
    public static final DType short_ = DType.INT16;

    /** The dtype of Python-float data and float factories ({@code float32} unless changed). */
    public static DType getDefaultDtype() {
        return DefaultDtype.get();
    }

    /** Changes the default floating dtype ({@code float32} or {@code float64}, as PyTorch allows). */
    public static void setDefaultDtype(DType dtype) {
        DefaultDtype.set(dtype);
    }

    // ---------------------------------------------------------------- torch.tensor

    /** A 0-d int64 tensor, as {@code torch.tensor(7)}. */
    public static Tensor tensor(long value) {
        return Tensor.of(build(value, null));
    }

    /** A 0-d tensor of the default float dtype, as {@code torch.tensor(1.5)}. */
    public static Tensor tensor(double value) {
        return Tensor.of(build(value, null));
    }

    /** A 0-d bool tensor. */
    public static Tensor tensor(boolean value) {
        return Tensor.of(build(value, null));
    }

    /** A tensor copied from Java data: a number, a (nested) primitive array, {@code Object[]} or List. */
    public static Tensor tensor(Object data) {
        return Tensor.of(build(data, null));
    }

    /** A 0-d tensor of the given dtype. */
    public static Tensor tensor(long value, DType dtype) {
        return Tensor.of(build(value, dtype));
    }

    /** A 0-d tensor of the given dtype. */
    public static Tensor tensor(double value, DType dtype) {
        return Tensor.of(build(value, dtype));
    }

    /** A tensor copied from Java data, converted to {@code dtype}. */
    public static Tensor tensor(Object data, DType dtype) {
        return Tensor.of(build(data, dtype));
    }

    /** {@code torch.tensor(value, requires_grad=...)}. */
    public static Tensor tensor(double value, boolean requiresGrad) {
        return Tensor.of(Autograd.requiresGradFactory(build(value, null), requiresGrad));
    }

    /** {@code torch.tensor(data, requires_grad=...)}. */
    public static Tensor tensor(Object data, boolean requiresGrad) {
        return Tensor.of(Autograd.requiresGradFactory(build(data, null), requiresGrad));
    }

    /** {@code torch.tensor(value, dtype=..., requires_grad=...)}. */
    public static Tensor tensor(double value, DType dtype, boolean requiresGrad) {
        return Tensor.of(Autograd.requiresGradFactory(build(value, dtype), requiresGrad));
    }

    /** {@code torch.tensor(data, dtype=..., requires_grad=...)}. */
    public static Tensor tensor(Object data, DType dtype, boolean requiresGrad) {
        return Tensor.of(Autograd.requiresGradFactory(build(data, dtype), requiresGrad));
    }

    /** The data of {@code torch.tensor(...)}: a numpy array is converted, anything else built element by element. */
    private static TensorImpl build(Object data, DType dtype) {
        return data instanceof NDArray ? ((NDArray) data).toTensor(dtype) : TensorData.build(data, dtype);
    }

    // ---------------------------------------------------------------- shaped factories

    /** Zeros of the given shape in the default dtype. */
    public static Tensor zeros(int... size) {
        return zeros(size, null, false);
    }

    /** {@code torch.zeros(size, device=device)}: tensors live on the CPU; another device is PyTorch's error. */
    public static Tensor zeros(int[] size, Device device) {
        return zeros(size).to(device);
    }

    /** {@code torch.zeros(size, device="cpu")}. */
    public static Tensor zeros(int[] size, String device) {
        return zeros(size, Device.of(device));
    }

    /** {@code torch.ones(size, device=device)}. */
    public static Tensor ones(int[] size, Device device) {
        return ones(size).to(device);
    }

    /** {@code torch.ones(size, device="cpu")}. */
    public static Tensor ones(int[] size, String device) {
        return ones(size, Device.of(device));
    }

    /** {@code torch.empty(size, device=device)}. */
    public static Tensor empty(int[] size, Device device) {
        return empty(size).to(device);
    }

    /** {@code torch.empty(size, device="cpu")}. */
    public static Tensor empty(int[] size, String device) {
        return empty(size, Device.of(device));
    }

    /** {@code torch.rand(size, device=device)}. */
    public static Tensor rand(int[] size, Device device) {
        return rand(size).to(device);
    }

    /** {@code torch.rand(size, device="cpu")}. */
    public static Tensor rand(int[] size, String device) {
        return rand(size, Device.of(device));
    }

    /** {@code torch.randn(size, device=device)}. */
    public static Tensor randn(int[] size, Device device) {
        return randn(size).to(device);
    }

    /** {@code torch.randn(size, device="cpu")}. */
    public static Tensor randn(int[] size, String device) {
        return randn(size, Device.of(device));
    }

    /** {@code torch.tensor(data, device=device)}. */
    public static Tensor tensor(Object data, Device device) {
        return tensor(data).to(device);
    }

    /** {@code torch.eye(n, m, requires_grad=requiresGrad)}. */
    public static Tensor eye(int n, int m, boolean requiresGrad) {
        return eye(n, m).requiresGrad_(requiresGrad);
    }

    /** {@code torch.eye(n, m, dtype=dtype, requires_grad=requiresGrad)}. */
    public static Tensor eye(int n, int m, DType dtype, boolean requiresGrad) {
        return eye(n, m, dtype).requiresGrad_(requiresGrad);
    }

    /** {@code torch.zeros(size, dtype=...)}. */
    public static Tensor zeros(int[] size, DType dtype) {
        return zeros(size, dtype, false);
    }

    /** {@code torch.zeros(size, requires_grad=...)}. */
    public static Tensor zeros(int[] size, boolean requiresGrad) {
        return zeros(size, null, requiresGrad);
    }

    /** {@code torch.zeros(size, dtype=..., requires_grad=...)}. */
    public static Tensor zeros(int[] size, DType dtype, boolean requiresGrad) {
        return Tensor.of(Creation.full(size, 0, dtype == null ? DefaultDtype.get() : dtype, requiresGrad));
    }

    /** {@code torch.zeros(n, dtype=...)}. */
    public static Tensor zeros(int d0, DType dtype) {
        return zeros(new int[] {d0}, dtype);
    }

    /** {@code torch.zeros(a, b, dtype=...)}. */
    public static Tensor zeros(int d0, int d1, DType dtype) {
        return zeros(new int[] {d0, d1}, dtype);
    }

    /** {@code torch.zeros(a, b, c, dtype=...)}. */
    public static Tensor zeros(int d0, int d1, int d2, DType dtype) {
        return zeros(new int[] {d0, d1, d2}, dtype);
    }

    /** {@code torch.zeros(torch.Size)}. */
    public static Tensor zeros(Size size) {
        return zeros(size.array());
    }

    /** Ones of the given shape in the default dtype. */
    public static Tensor ones(int... size) {
        return ones(size, null, false);
    }

    /** {@code torch.ones(size, dtype=...)}. */
    public static Tensor ones(int[] size, DType dtype) {
        return ones(size, dtype, false);
    }

    /** {@code torch.ones(size, requires_grad=...)}. */
    public static Tensor ones(int[] size, boolean requiresGrad) {
        return ones(size, null, requiresGrad);
    }

    /** {@code torch.ones(size, dtype=..., requires_grad=...)}. */
    public static Tensor ones(int[] size, DType dtype, boolean requiresGrad) {
        return Tensor.of(Creation.full(size, 1, dtype == null ? DefaultDtype.get() : dtype, requiresGrad));
    }

    /** {@code torch.ones(n, dtype=...)}. */
    public static Tensor ones(int d0, DType dtype) {
        return ones(new int[] {d0}, dtype);
    }

    /** {@code torch.ones(a, b, dtype=...)}. */
    public static Tensor ones(int d0, int d1, DType dtype) {
        return ones(new int[] {d0, d1}, dtype);
    }

    /** {@code torch.ones(a, b, c, dtype=...)}. */
    public static Tensor ones(int d0, int d1, int d2, DType dtype) {
        return ones(new int[] {d0, d1, d2}, dtype);
    }

    /** {@code torch.ones(torch.Size)}. */
    public static Tensor ones(Size size) {
        return ones(size.array());
    }

    /**
     * {@code torch.empty(size)}: PyTorch leaves the memory uninitialised; Java tensors always
     * start zero-filled.
     */
    public static Tensor empty(int... size) {
        return zeros(size);
    }

    /** {@code torch.empty(size, dtype=...)}. */
    public static Tensor empty(int[] size, DType dtype) {
        return zeros(size, dtype);
    }

    /** {@code torch.empty(n, dtype=...)}. */
    public static Tensor empty(int d0, DType dtype) {
        return zeros(new int[] {d0}, dtype);
    }

    /** {@code torch.empty(a, b, dtype=...)}. */
    public static Tensor empty(int d0, int d1, DType dtype) {
        return zeros(new int[] {d0, d1}, dtype);
    }

    /** {@code torch.full(size, value)}: the dtype follows the value (bool, int64 or default float). */
    public static Tensor full(int[] size, Number value) {
        return Tensor.of(Creation.full(size, value, null, false));
    }

    /** {@code torch.full(size, value, dtype=...)}. */
    public static Tensor full(int[] size, Number value, DType dtype) {
        return Tensor.of(Creation.full(size, value, dtype, false));
    }

    /** Zeros shaped and typed like {@code t}. */
    public static Tensor zerosLike(Tensor t) {
        return Tensor.of(Creation.fullLike(t.impl, 0));
    }

    /** Ones shaped and typed like {@code t}. */
    public static Tensor onesLike(Tensor t) {
        return Tensor.of(Creation.fullLike(t.impl, 1));
    }

    /** A tensor of {@code value} shaped and typed like {@code t}. */
    public static Tensor fullLike(Tensor t, Number value) {
        return Tensor.of(Creation.fullLike(t.impl, value));
    }

    /** {@code torch.empty_like}: zero-filled in Java. */
    public static Tensor emptyLike(Tensor t) {
        return zerosLike(t);
    }

    /** The {@code n x n} identity matrix. */
    public static Tensor eye(int n) {
        return Tensor.of(Creation.eye(n, n, null));
    }

    /** An {@code n x m} matrix with ones on the diagonal. */
    public static Tensor eye(int n, int m) {
        return Tensor.of(Creation.eye(n, m, null));
    }

    /** {@code torch.eye(n, m, dtype=...)}. */
    public static Tensor eye(int n, int m, DType dtype) {
        return Tensor.of(Creation.eye(n, m, dtype));
    }

    /** {@code torch.arange(end)} for an integer end: int64 values {@code 0 .. end-1}. */
    public static Tensor arange(long end) {
        return Tensor.of(Creation.arange(0, end, 1, null));
    }

    /** {@code torch.arange(start, end)} with integers. */
    public static Tensor arange(long start, long end) {
        return Tensor.of(Creation.arange(start, end, 1, null));
    }

    /** {@code torch.arange(start, end, step)} with integers. */
    public static Tensor arange(long start, long end, long step) {
        return Tensor.of(Creation.arange(start, end, step, null));
    }

    /** {@code torch.arange(end, dtype=...)}. */
    public static Tensor arange(long end, DType dtype) {
        return Tensor.of(Creation.arange(0, end, 1, dtype));
    }

    /** {@code torch.arange(start, end, dtype=...)}. */
    public static Tensor arange(long start, long end, DType dtype) {
        return Tensor.of(Creation.arange(start, end, 1, dtype));
    }

    /** {@code torch.arange(5.0)}: a floating end gives the default float dtype. */
    public static Tensor arange(double end) {
        return Tensor.of(Creation.arange(0, end, 1, false, null));
    }

    /** {@code torch.arange(1.5, 4)}. */
    public static Tensor arange(double start, double end) {
        return Tensor.of(Creation.arange(start, end, 1, false, null));
    }

    /** {@code torch.arange(0, 1, 0.1)}. */
    public static Tensor arange(double start, double end, double step) {
        return Tensor.of(Creation.arange(start, end, step, false, null));
    }

    /** {@code torch.arange(start, end, step, dtype=...)}. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return Tensor.of(Creation.arange(start, end, step, false, dtype));
    }

    /** {@code steps} evenly spaced values from {@code start} to {@code end} inclusive. */
    public static Tensor linspace(double start, double end, int steps) {
        return Tensor.of(Creation.linspace(start, end, steps, null));
    }

    /** {@code torch.linspace(start, end, steps, dtype=...)}. */
    public static Tensor linspace(double start, double end, int steps, DType dtype) {
        return Tensor.of(Creation.linspace(start, end, steps, dtype));
    }

    /** {@code torch.bernoulli(p)}: 0/1 samples, each 1 with the probability in p (p's dtype). */
    public static Tensor bernoulli(Tensor p) {
        return p.bernoulli();
    }

    /** {@code torch.bernoulli(x, p)}: 0/1 samples like x, each 1 with probability {@code p}. */
    public static Tensor bernoulli(Tensor x, double p) {
        return x.bernoulli(p);
    }

    /** {@code torch.multinomial(input, num_samples)}: int64 indices drawn without replacement, weights in input's rows. */
    public static Tensor multinomial(Tensor input, int numSamples) {
        return input.multinomial(numSamples);
    }

    /** {@code torch.multinomial(input, num_samples, replacement)}. */
    public static Tensor multinomial(Tensor input, int numSamples, boolean replacement) {
        return input.multinomial(numSamples, replacement);
    }

    /** {@code torch.bernoulli(p, out=out)}. */
    public static Tensor bernoulliOut(Tensor out, Tensor p) {
        return Tensor.of(Derived.out(out.impl, in -> Sampling.bernoulli(in[0]), p.impl));
    }

    /** {@code torch.logspace(start, end, steps)}: {@code 10 ** torch.linspace(start, end, steps)}, as PyTorch computes it. */
    public static Tensor logspace(double start, double end, int steps) {
        return Tensor.of(Creation.logspace(start, end, steps, 10, null));
    }

    /** {@code torch.logspace(start, end, steps, dtype=...)}. */
    public static Tensor logspace(double start, double end, int steps, DType dtype) {
        return Tensor.of(Creation.logspace(start, end, steps, 10, dtype));
    }

    /** {@code torch.logspace(start, end, steps, base)}. */
    public static Tensor logspace(double start, double end, int steps, double base) {
        return Tensor.of(Creation.logspace(start, end, steps, base, null));
    }

    /** {@code torch.logspace(start, end, steps, base, dtype=...)}. */
    public static Tensor logspace(double start, double end, int steps, double base, DType dtype) {
        return Tensor.of(Creation.logspace(start, end, steps, base, dtype));
    }

    // ---------------------------------------------------------------- legacy typed constructors

    /** The legacy type {@code torch.FloatTensor}, for {@code x.type(torch.FloatTensor)}. */
    public static final String FloatTensor = DType.FLOAT32.tensorTypeName();
    /** The legacy type {@code torch.DoubleTensor}. */
    public static final String DoubleTensor = DType.FLOAT64.tensorTypeName();
    /** The legacy type {@code torch.IntTensor}. */
    public static final String IntTensor = DType.INT32.tensorTypeName();
    /** The legacy type {@code torch.LongTensor}. */
    public static final String LongTensor = DType.INT64.tensorTypeName();
    /** The legacy type {@code torch.ByteTensor}. */
    public static final String ByteTensor = DType.UINT8.tensorTypeName();
    /** The legacy type {@code torch.BoolTensor}. */
    public static final String BoolTensor = DType.BOOL.tensorTypeName();

    /** {@code torch.FloatTensor()}: an empty float32 tensor. */
    public static Tensor FloatTensor() {
        return zeros(new int[] {0}, DType.FLOAT32);
    }

    /** {@code torch.FloatTensor(n)}: uninitialised in PyTorch, zeros here. */
    public static Tensor FloatTensor(int d0) {
        return zeros(new int[] {d0}, DType.FLOAT32);
    }

    /** {@code torch.FloatTensor(a, b)}. */
    public static Tensor FloatTensor(int d0, int d1) {
        return zeros(new int[] {d0, d1}, DType.FLOAT32);
    }

    /** {@code torch.FloatTensor(a, b, c)}. */
    public static Tensor FloatTensor(int d0, int d1, int d2) {
        return zeros(new int[] {d0, d1, d2}, DType.FLOAT32);
    }

    /** {@code torch.FloatTensor(data)}. */
    public static Tensor FloatTensor(Object data) {
        return tensor(data, DType.FLOAT32);
    }

    /** {@code torch.Tensor(data)}: the default dtype. */
    public static Tensor Tensor(Object data) {
        return tensor(data, DefaultDtype.get());
    }

    /** {@code torch.DoubleTensor(data)}. */
    public static Tensor DoubleTensor(Object data) {
        return tensor(data, DType.FLOAT64);
    }

    /** {@code torch.DoubleTensor(n)}. */
    public static Tensor DoubleTensor(int d0) {
        return zeros(new int[] {d0}, DType.FLOAT64);
    }

    /** {@code torch.IntTensor(n)}: uninitialised in PyTorch, zeros here. */
    public static Tensor IntTensor(int d0) {
        return zeros(new int[] {d0}, DType.INT32);
    }

    /** {@code torch.IntTensor(a, b)}. */
    public static Tensor IntTensor(int d0, int d1) {
        return zeros(new int[] {d0, d1}, DType.INT32);
    }

    /** {@code torch.IntTensor([1, 2, 3, 4])}. */
    public static Tensor IntTensor(int[] data) {
        return tensor(data, DType.INT32);
    }

    /** {@code torch.IntTensor(data)} from other Java data (floats truncate towards zero). */
    public static Tensor IntTensor(Object data) {
        return tensor(data, DType.INT32);
    }

    /** {@code torch.LongTensor(n)}. */
    public static Tensor LongTensor(int d0) {
        return zeros(new int[] {d0}, DType.INT64);
    }

    /** {@code torch.LongTensor(data)}. */
    public static Tensor LongTensor(long[] data) {
        return tensor(data, DType.INT64);
    }

    /** {@code torch.LongTensor(data)}. */
    public static Tensor LongTensor(Object data) {
        return tensor(data, DType.INT64);
    }

    /** {@code torch.ByteTensor(data)}. */
    public static Tensor ByteTensor(Object data) {
        return tensor(data, DType.UINT8);
    }

    /** {@code torch.BoolTensor(data)}. */
    public static Tensor BoolTensor(Object data) {
        return tensor(data, DType.BOOL);
    }

    // ---------------------------------------------------------------- functional ops

    /** {@code torch.add(a, b)}. */
    public static Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** {@code torch.add(a, b, alpha=...)}. */
    public static Tensor add(Tensor a, Tensor b, Number alpha) {
        return a.add(b, alpha);
    }

    /** {@code torch.add(a, 1)}. */
    public static Tensor add(Tensor a, Number b) {
        return a.add(b);
    }

    /** Python's {@code 1 + a}. */
    public static Tensor add(Number a, Tensor b) {
        return b.add(a);
    }

    /** {@code torch.sub(a, b)}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /** {@code torch.sub(a, 1)}. */
    public static Tensor sub(Tensor a, Number b) {
        return a.sub(b);
    }

    /** Python's {@code 10 - a} ({@code RsubBackward1}). */
    public static Tensor sub(Number a, Tensor b) {
        return b.rsub(a);
    }

    /** {@code torch.rsub(a, b)}: {@code b - a}. */
    public static Tensor rsub(Tensor a, Number b) {
        return a.rsub(b);
    }

    /** {@code torch.mul(a, b)}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /** {@code torch.mul(a, 2)}. */
    public static Tensor mul(Tensor a, Number b) {
        return a.mul(b);
    }

    /** Python's {@code 2 * a}. */
    public static Tensor mul(Number a, Tensor b) {
        return b.mul(a);
    }

    /** {@code torch.div(a, b)}. */
    public static Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.div(a, 2)}. */
    public static Tensor div(Tensor a, Number b) {
        return a.div(b);
    }

    /** Python's {@code 1 / a}: {@code a.reciprocal() * 1}, as PyTorch computes it. */
    public static Tensor div(Number a, Tensor b) {
        return b.reciprocal().mul(a);
    }

    /** {@code torch.div(a, b, rounding_mode=...)}. */
    public static Tensor div(Tensor a, Tensor b, String roundingMode) {
        return a.div(b, roundingMode);
    }

    /** {@code torch.div(a, 2, rounding_mode=...)}. */
    public static Tensor div(Tensor a, Number b, String roundingMode) {
        return a.div(b, roundingMode);
    }

    /** {@code torch.pow(a, b)}. */
    public static Tensor pow(Tensor a, Tensor b) {
        return a.pow(b);
    }

    /** {@code torch.pow(a, 2)}. */
    public static Tensor pow(Tensor a, Number b) {
        return a.pow(b);
    }

    /** Python's {@code 2 ** a} ({@code PowBackward1}). */
    public static Tensor pow(Number a, Tensor b) {
        return Tensor.of(Arithmetic.rpow(a, b.impl));
    }

    // ---------------------------------------------------------------- pointwise math (issue 11)

    /** {@code torch.sin(x)}. */
    public static Tensor sin(Tensor x) {
        return x.sin();
    }

    /** {@code torch.sin_(x)}. */
    public static Tensor sin_(Tensor x) {
        return x.sin_();
    }

    /** {@code torch.sin(x, out=out)}. */
    public static Tensor sinOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.sin(in[0]), x.impl));
    }

    /** {@code torch.cos(x)}. */
    public static Tensor cos(Tensor x) {
        return x.cos();
    }

    /** {@code torch.cos_(x)}. */
    public static Tensor cos_(Tensor x) {
        return x.cos_();
    }

    /** {@code torch.cos(x, out=out)}. */
    public static Tensor cosOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.cos(in[0]), x.impl));
    }

    /** {@code torch.tan(x)}. */
    public static Tensor tan(Tensor x) {
        return x.tan();
    }

    /** {@code torch.tan_(x)}. */
    public static Tensor tan_(Tensor x) {
        return x.tan_();
    }

    /** {@code torch.tan(x, out=out)}. */
    public static Tensor tanOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.tan(in[0]), x.impl));
    }

    /** {@code torch.asin(x)}. */
    public static Tensor asin(Tensor x) {
        return x.asin();
    }

    /** {@code torch.asin_(x)}. */
    public static Tensor asin_(Tensor x) {
        return x.asin_();
    }

    /** {@code torch.asin(x, out=out)}. */
    public static Tensor asinOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.asin(in[0]), x.impl));
    }

    /** {@code torch.acos(x)}. */
    public static Tensor acos(Tensor x) {
        return x.acos();
    }

    /** {@code torch.acos_(x)}. */
    public static Tensor acos_(Tensor x) {
        return x.acos_();
    }

    /** {@code torch.acos(x, out=out)}. */
    public static Tensor acosOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.acos(in[0]), x.impl));
    }

    /** {@code torch.atan(x)}. */
    public static Tensor atan(Tensor x) {
        return x.atan();
    }

    /** {@code torch.atan_(x)}. */
    public static Tensor atan_(Tensor x) {
        return x.atan_();
    }

    /** {@code torch.atan(x, out=out)}. */
    public static Tensor atanOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.atan(in[0]), x.impl));
    }

    /** {@code torch.sinh(x)}. */
    public static Tensor sinh(Tensor x) {
        return x.sinh();
    }

    /** {@code torch.sinh_(x)}. */
    public static Tensor sinh_(Tensor x) {
        return x.sinh_();
    }

    /** {@code torch.sinh(x, out=out)}. */
    public static Tensor sinhOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.sinh(in[0]), x.impl));
    }

    /** {@code torch.cosh(x)}. */
    public static Tensor cosh(Tensor x) {
        return x.cosh();
    }

    /** {@code torch.cosh_(x)}. */
    public static Tensor cosh_(Tensor x) {
        return x.cosh_();
    }

    /** {@code torch.cosh(x, out=out)}. */
    public static Tensor coshOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.cosh(in[0]), x.impl));
    }

    /** {@code torch.asinh(x)}. */
    public static Tensor asinh(Tensor x) {
        return x.asinh();
    }

    /** {@code torch.asinh_(x)}. */
    public static Tensor asinh_(Tensor x) {
        return x.asinh_();
    }

    /** {@code torch.asinh(x, out=out)}. */
    public static Tensor asinhOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.asinh(in[0]), x.impl));
    }

    /** {@code torch.acosh(x)}. */
    public static Tensor acosh(Tensor x) {
        return x.acosh();
    }

    /** {@code torch.acosh_(x)}. */
    public static Tensor acosh_(Tensor x) {
        return x.acosh_();
    }

    /** {@code torch.acosh(x, out=out)}. */
    public static Tensor acoshOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.acosh(in[0]), x.impl));
    }

    /** {@code torch.atanh(x)}. */
    public static Tensor atanh(Tensor x) {
        return x.atanh();
    }

    /** {@code torch.atanh_(x)}. */
    public static Tensor atanh_(Tensor x) {
        return x.atanh_();
    }

    /** {@code torch.atanh(x, out=out)}. */
    public static Tensor atanhOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.atanh(in[0]), x.impl));
    }

    /** {@code torch.exp2(x)}. */
    public static Tensor exp2(Tensor x) {
        return x.exp2();
    }

    /** {@code torch.exp2_(x)}. */
    public static Tensor exp2_(Tensor x) {
        return x.exp2_();
    }

    /** {@code torch.exp2(x, out=out)}. */
    public static Tensor exp2Out(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.exp2(in[0]), x.impl));
    }

    /** {@code torch.expm1(x)}. */
    public static Tensor expm1(Tensor x) {
        return x.expm1();
    }

    /** {@code torch.expm1_(x)}. */
    public static Tensor expm1_(Tensor x) {
        return x.expm1_();
    }

    /** {@code torch.expm1(x, out=out)}. */
    public static Tensor expm1Out(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.expm1(in[0]), x.impl));
    }

    /** {@code torch.log2(x)}. */
    public static Tensor log2(Tensor x) {
        return x.log2();
    }

    /** {@code torch.log2_(x)}. */
    public static Tensor log2_(Tensor x) {
        return x.log2_();
    }

    /** {@code torch.log2(x, out=out)}. */
    public static Tensor log2Out(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.log2(in[0]), x.impl));
    }

    /** {@code torch.log10(x)}. */
    public static Tensor log10(Tensor x) {
        return x.log10();
    }

    /** {@code torch.log10_(x)}. */
    public static Tensor log10_(Tensor x) {
        return x.log10_();
    }

    /** {@code torch.log10(x, out=out)}. */
    public static Tensor log10Out(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.log10(in[0]), x.impl));
    }

    /** {@code torch.log1p(x)}. */
    public static Tensor log1p(Tensor x) {
        return x.log1p();
    }

    /** {@code torch.log1p_(x)}. */
    public static Tensor log1p_(Tensor x) {
        return x.log1p_();
    }

    /** {@code torch.log1p(x, out=out)}. */
    public static Tensor log1pOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.log1p(in[0]), x.impl));
    }

    /** {@code torch.rsqrt(x)}. */
    public static Tensor rsqrt(Tensor x) {
        return x.rsqrt();
    }

    /** {@code torch.rsqrt_(x)}. */
    public static Tensor rsqrt_(Tensor x) {
        return x.rsqrt_();
    }

    /** {@code torch.rsqrt(x, out=out)}. */
    public static Tensor rsqrtOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.rsqrt(in[0]), x.impl));
    }

    /** {@code torch.sinc(x)}. */
    public static Tensor sinc(Tensor x) {
        return x.sinc();
    }

    /** {@code torch.sinc_(x)}. */
    public static Tensor sinc_(Tensor x) {
        return x.sinc_();
    }

    /** {@code torch.sinc(x, out=out)}. */
    public static Tensor sincOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.sinc(in[0]), x.impl));
    }

    /** {@code torch.erf(x)}. */
    public static Tensor erf(Tensor x) {
        return x.erf();
    }

    /** {@code torch.erf_(x)}. */
    public static Tensor erf_(Tensor x) {
        return x.erf_();
    }

    /** {@code torch.erf(x, out=out)}. */
    public static Tensor erfOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.erf(in[0]), x.impl));
    }

    /** {@code torch.erfc(x)}. */
    public static Tensor erfc(Tensor x) {
        return x.erfc();
    }

    /** {@code torch.erfc_(x)}. */
    public static Tensor erfc_(Tensor x) {
        return x.erfc_();
    }

    /** {@code torch.erfc(x, out=out)}. */
    public static Tensor erfcOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.erfc(in[0]), x.impl));
    }

    /** {@code torch.erfinv(x)}. */
    public static Tensor erfinv(Tensor x) {
        return x.erfinv();
    }

    /** {@code torch.erfinv(x, out=out)}. */
    public static Tensor erfinvOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.erfinv(in[0]), x.impl));
    }

    /** {@code torch.lgamma(x)}. */
    public static Tensor lgamma(Tensor x) {
        return x.lgamma();
    }

    /** {@code torch.lgamma(x, out=out)}. */
    public static Tensor lgammaOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.lgamma(in[0]), x.impl));
    }

    /** {@code torch.digamma(x)}. */
    public static Tensor digamma(Tensor x) {
        return x.digamma();
    }

    /** {@code torch.digamma(x, out=out)}. */
    public static Tensor digammaOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.digamma(in[0]), x.impl));
    }

    /** {@code torch.logit(x)}. */
    public static Tensor logit(Tensor x) {
        return x.logit();
    }

    /** {@code torch.logit_(x)}. */
    public static Tensor logit_(Tensor x) {
        return x.logit_();
    }

    /** {@code torch.logit(x, out=out)}. */
    public static Tensor logitOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.logit(in[0]), x.impl));
    }

    /** {@code torch.arcsin(x)}. */
    public static Tensor arcsin(Tensor x) {
        return x.arcsin();
    }

    /** {@code torch.arcsin_(x)}. */
    public static Tensor arcsin_(Tensor x) {
        return x.arcsin_();
    }

    /** {@code torch.arcsin(x, out=out)}. */
    public static Tensor arcsinOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.asin(in[0]), x.impl));
    }

    /** {@code torch.arccos(x)}. */
    public static Tensor arccos(Tensor x) {
        return x.arccos();
    }

    /** {@code torch.arccos_(x)}. */
    public static Tensor arccos_(Tensor x) {
        return x.arccos_();
    }

    /** {@code torch.arccos(x, out=out)}. */
    public static Tensor arccosOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.acos(in[0]), x.impl));
    }

    /** {@code torch.arctan(x)}. */
    public static Tensor arctan(Tensor x) {
        return x.arctan();
    }

    /** {@code torch.arctan_(x)}. */
    public static Tensor arctan_(Tensor x) {
        return x.arctan_();
    }

    /** {@code torch.arctan(x, out=out)}. */
    public static Tensor arctanOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.atan(in[0]), x.impl));
    }

    /** {@code torch.arcsinh(x)}. */
    public static Tensor arcsinh(Tensor x) {
        return x.arcsinh();
    }

    /** {@code torch.arcsinh_(x)}. */
    public static Tensor arcsinh_(Tensor x) {
        return x.arcsinh_();
    }

    /** {@code torch.arcsinh(x, out=out)}. */
    public static Tensor arcsinhOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.asinh(in[0]), x.impl));
    }

    /** {@code torch.arccosh(x)}. */
    public static Tensor arccosh(Tensor x) {
        return x.arccosh();
    }

    /** {@code torch.arccosh_(x)}. */
    public static Tensor arccosh_(Tensor x) {
        return x.arccosh_();
    }

    /** {@code torch.arccosh(x, out=out)}. */
    public static Tensor arccoshOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.acosh(in[0]), x.impl));
    }

    /** {@code torch.arctanh(x)}. */
    public static Tensor arctanh(Tensor x) {
        return x.arctanh();
    }

    /** {@code torch.arctanh_(x)}. */
    public static Tensor arctanh_(Tensor x) {
        return x.arctanh_();
    }

    /** {@code torch.arctanh(x, out=out)}. */
    public static Tensor arctanhOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Transcendental.atanh(in[0]), x.impl));
    }

    /** {@code torch.floor(x)}. */
    public static Tensor floor(Tensor x) {
        return x.floor();
    }

    /** {@code torch.floor_(x)}. */
    public static Tensor floor_(Tensor x) {
        return x.floor_();
    }

    /** {@code torch.floor(x, out=out)}. */
    public static Tensor floorOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.floor(in[0]), x.impl));
    }

    /** {@code torch.ceil(x)}. */
    public static Tensor ceil(Tensor x) {
        return x.ceil();
    }

    /** {@code torch.ceil_(x)}. */
    public static Tensor ceil_(Tensor x) {
        return x.ceil_();
    }

    /** {@code torch.ceil(x, out=out)}. */
    public static Tensor ceilOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.ceil(in[0]), x.impl));
    }

    /** {@code torch.round(x)}. */
    public static Tensor round(Tensor x) {
        return x.round();
    }

    /** {@code torch.round_(x)}. */
    public static Tensor round_(Tensor x) {
        return x.round_();
    }

    /** {@code torch.round(x, out=out)}. */
    public static Tensor roundOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.round(in[0]), x.impl));
    }

    /** {@code torch.trunc(x)}. */
    public static Tensor trunc(Tensor x) {
        return x.trunc();
    }

    /** {@code torch.trunc_(x)}. */
    public static Tensor trunc_(Tensor x) {
        return x.trunc_();
    }

    /** {@code torch.trunc(x, out=out)}. */
    public static Tensor truncOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.trunc(in[0]), x.impl));
    }

    /** {@code torch.frac(x)}. */
    public static Tensor frac(Tensor x) {
        return x.frac();
    }

    /** {@code torch.frac_(x)}. */
    public static Tensor frac_(Tensor x) {
        return x.frac_();
    }

    /** {@code torch.frac(x, out=out)}. */
    public static Tensor fracOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.frac(in[0]), x.impl));
    }

    /** {@code torch.sgn(x)}. */
    public static Tensor sgn(Tensor x) {
        return x.sgn();
    }

    /** {@code torch.sgn(x, out=out)}. */
    public static Tensor sgnOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.sgn(in[0]), x.impl));
    }

    /** {@code torch.deg2rad(x)}. */
    public static Tensor deg2rad(Tensor x) {
        return x.deg2rad();
    }

    /** {@code torch.deg2rad_(x)}. */
    public static Tensor deg2rad_(Tensor x) {
        return x.deg2rad_();
    }

    /** {@code torch.deg2rad(x, out=out)}. */
    public static Tensor deg2radOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.deg2rad(in[0]), x.impl));
    }

    /** {@code torch.rad2deg(x)}. */
    public static Tensor rad2deg(Tensor x) {
        return x.rad2deg();
    }

    /** {@code torch.rad2deg_(x)}. */
    public static Tensor rad2deg_(Tensor x) {
        return x.rad2deg_();
    }

    /** {@code torch.rad2deg(x, out=out)}. */
    public static Tensor rad2degOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.rad2deg(in[0]), x.impl));
    }

    /** {@code torch.fix(x)}. */
    public static Tensor fix(Tensor x) {
        return x.fix();
    }

    /** {@code torch.fix_(x)}. */
    public static Tensor fix_(Tensor x) {
        return x.fix_();
    }

    /** {@code torch.fix(x, out=out)}. */
    public static Tensor fixOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.trunc(in[0]), x.impl));
    }

    /** {@code torch.signbit(x)}. */
    public static Tensor signbit(Tensor x) {
        return x.signbit();
    }

    /** {@code torch.signbit(x, out=out)}. */
    public static Tensor signbitOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.signbit(in[0]), x.impl));
    }

    /** {@code torch.isnan(x)}. */
    public static Tensor isnan(Tensor x) {
        return x.isnan();
    }

    /** {@code torch.isnan(x, out=out)}. */
    public static Tensor isnanOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.isnan(in[0]), x.impl));
    }

    /** {@code torch.isinf(x)}. */
    public static Tensor isinf(Tensor x) {
        return x.isinf();
    }

    /** {@code torch.isinf(x, out=out)}. */
    public static Tensor isinfOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.isinf(in[0]), x.impl));
    }

    /** {@code torch.isfinite(x)}. */
    public static Tensor isfinite(Tensor x) {
        return x.isfinite();
    }

    /** {@code torch.isfinite(x, out=out)}. */
    public static Tensor isfiniteOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.isfinite(in[0]), x.impl));
    }

    /** {@code torch.isposinf(x)}. */
    public static Tensor isposinf(Tensor x) {
        return x.isposinf();
    }

    /** {@code torch.isposinf(x, out=out)}. */
    public static Tensor isposinfOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.isposinf(in[0]), x.impl));
    }

    /** {@code torch.isneginf(x)}. */
    public static Tensor isneginf(Tensor x) {
        return x.isneginf();
    }

    /** {@code torch.isneginf(x, out=out)}. */
    public static Tensor isneginfOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Rounding.isneginf(in[0]), x.impl));
    }

    /** {@code torch.absolute(x)}. */
    public static Tensor absolute(Tensor x) {
        return x.absolute();
    }

    /** {@code torch.absolute(x, out=out)}. */
    public static Tensor absoluteOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Pointwise.abs(in[0]), x.impl));
    }

    /** {@code torch.negative(x)}. */
    public static Tensor negative(Tensor x) {
        return x.negative();
    }

    /** {@code torch.negative_(x)}. */
    public static Tensor negative_(Tensor x) {
        return x.negative_();
    }

    /** {@code torch.negative(x, out=out)}. */
    public static Tensor negativeOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Arithmetic.neg(in[0]), x.impl));
    }

    /** {@code torch.exp_(x)}. */
    public static Tensor exp_(Tensor x) {
        return x.exp_();
    }

    /** {@code torch.log_(x)}. */
    public static Tensor log_(Tensor x) {
        return x.log_();
    }

    /** {@code torch.sqrt_(x)}. */
    public static Tensor sqrt_(Tensor x) {
        return x.sqrt_();
    }

    /** {@code torch.abs_(x)}. */
    public static Tensor abs_(Tensor x) {
        return x.abs_();
    }

    /** {@code torch.neg_(x)}. */
    public static Tensor neg_(Tensor x) {
        return x.neg_();
    }

    /** {@code torch.relu_(x)}. */
    public static Tensor relu_(Tensor x) {
        return x.relu_();
    }

    /** {@code torch.sigmoid_(x)}. */
    public static Tensor sigmoid_(Tensor x) {
        return x.sigmoid_();
    }

    /** {@code torch.tanh_(x)}. */
    public static Tensor tanh_(Tensor x) {
        return x.tanh_();
    }

    /** {@code torch.reciprocal_(x)}. */
    public static Tensor reciprocal_(Tensor x) {
        return x.reciprocal_();
    }

    /** {@code torch.atan2(a, b)}. */
    public static Tensor atan2(Tensor a, Tensor b) {
        return a.atan2(b);
    }

    /** {@code torch.atan2(a, b, out=out)}. */
    public static Tensor atan2Out(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.atan2(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.arctan2(a, b)}. */
    public static Tensor arctan2(Tensor a, Tensor b) {
        return a.arctan2(b);
    }

    /** {@code torch.arctan2(a, b, out=out)}. */
    public static Tensor arctan2Out(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.atan2(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.hypot(a, b)}. */
    public static Tensor hypot(Tensor a, Tensor b) {
        return a.hypot(b);
    }

    /** {@code torch.hypot(a, b, out=out)}. */
    public static Tensor hypotOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.hypot(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.maximum(a, b)}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    /** {@code torch.maximum(a, b, out=out)}. */
    public static Tensor maximumOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.maximum(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.minimum(a, b)}. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    /** {@code torch.minimum(a, b, out=out)}. */
    public static Tensor minimumOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.minimum(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.fmax(a, b)}. */
    public static Tensor fmax(Tensor a, Tensor b) {
        return a.fmax(b);
    }

    /** {@code torch.fmax(a, b, out=out)}. */
    public static Tensor fmaxOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.fmax(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.fmin(a, b)}. */
    public static Tensor fmin(Tensor a, Tensor b) {
        return a.fmin(b);
    }

    /** {@code torch.fmin(a, b, out=out)}. */
    public static Tensor fminOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.fmin(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.fmod(a, b)}. */
    public static Tensor fmod(Tensor a, Tensor b) {
        return a.fmod(b);
    }

    /** {@code torch.fmod(a, b, out=out)}. */
    public static Tensor fmodOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.fmod(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.copysign(a, b)}. */
    public static Tensor copysign(Tensor a, Tensor b) {
        return a.copysign(b);
    }

    /** {@code torch.copysign(a, b, out=out)}. */
    public static Tensor copysignOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.copysign(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.logaddexp(a, b)}. */
    public static Tensor logaddexp(Tensor a, Tensor b) {
        return a.logaddexp(b);
    }

    /** {@code torch.logaddexp(a, b, out=out)}. */
    public static Tensor logaddexpOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.logaddexp(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.xlogy(a, b)}. */
    public static Tensor xlogy(Tensor a, Tensor b) {
        return a.xlogy(b);
    }

    /** {@code torch.xlogy(a, b, out=out)}. */
    public static Tensor xlogyOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.xlogy(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.reciprocal(x)}. */
    public static Tensor reciprocal(Tensor x) {
        return x.reciprocal();
    }

    /** {@code torch.sign(x)}. */
    public static Tensor sign(Tensor x) {
        return x.sign();
    }

    /** {@code torch.positive(x)}. */
    public static Tensor positive(Tensor x) {
        return x.positive();
    }

    /** {@code torch.square(x)}. */
    public static Tensor square(Tensor x) {
        return x.square();
    }

    /** {@code torch.square(x, out=out)}. */
    public static Tensor squareOut(Tensor out, Tensor x) {
        return Tensor.of(Derived.out(out.impl, in -> Arithmetic.pow(in[0], 2), x.impl));
    }

    /** {@code torch.square_(x)}. */
    public static Tensor square_(Tensor x) {
        return x.square_();
    }

    /** {@code torch.nan_to_num(x)}. */
    public static Tensor nanToNum(Tensor x) {
        return x.nanToNum();
    }

    /** {@code torch.nan_to_num(x, nan, posinf, neginf)}. */
    public static Tensor nanToNum(Tensor x, Double nan, Double posinf, Double neginf) {
        return x.nanToNum(nan, posinf, neginf);
    }

    /** {@code torch.nan_to_num_(x)}. */
    public static Tensor nanToNum_(Tensor x) {
        return x.nanToNum_();
    }

    /** {@code torch.round(x, decimals=d)}. */
    public static Tensor round(Tensor x, int decimals) {
        return x.round(decimals);
    }

    /** {@code torch.clamp(x, min=min)}: one bound. */
    public static Tensor clamp(Tensor x, Number min) {
        return x.clamp(min);
    }

    /** {@code torch.clamp_(x, min, max)}. */
    public static Tensor clamp_(Tensor x, Number min, Number max) {
        return x.clamp_(min, max);
    }

    /** {@code torch.clamp_min(x, min)}. */
    public static Tensor clampMin(Tensor x, Number min) {
        return x.clampMin(min);
    }

    /** {@code torch.clamp_min_(x, min)}. */
    public static Tensor clampMin_(Tensor x, Number min) {
        return x.clampMin_(min);
    }

    /** {@code torch.clamp_max(x, max)}. */
    public static Tensor clampMax(Tensor x, Number max) {
        return x.clampMax(max);
    }

    /** {@code torch.clamp_max_(x, max)}. */
    public static Tensor clampMax_(Tensor x, Number max) {
        return x.clampMax_(max);
    }

    /** {@code torch.clip(x, min, max)}. */
    public static Tensor clip(Tensor x, Number min, Number max) {
        return x.clip(min, max);
    }

    /** {@code torch.clip_(x, min, max)}. */
    public static Tensor clip_(Tensor x, Number min, Number max) {
        return x.clip_(min, max);
    }

    /** {@code torch.lerp(start, end, weight)}. */
    public static Tensor lerp(Tensor start, Tensor end, double weight) {
        return start.lerp(end, weight);
    }

    /** {@code torch.addcmul(x, t1, t2)}. */
    public static Tensor addcmul(Tensor x, Tensor t1, Tensor t2) {
        return x.addcmul(t1, t2);
    }

    /** {@code torch.addcmul(x, t1, t2, value=value)}. */
    public static Tensor addcmul(Tensor x, Tensor t1, Tensor t2, Number value) {
        return x.addcmul(t1, t2, value);
    }

    /** {@code torch.addcdiv(x, t1, t2)}. */
    public static Tensor addcdiv(Tensor x, Tensor t1, Tensor t2) {
        return x.addcdiv(t1, t2);
    }

    /** {@code torch.addcdiv(x, t1, t2, value=value)}. */
    public static Tensor addcdiv(Tensor x, Tensor t1, Tensor t2, Number value) {
        return x.addcdiv(t1, t2, value);
    }

    /** {@code torch.equal(a, b)}. */
    public static boolean equal(Tensor a, Tensor b) {
        return a.equal(b);
    }

    /** {@code torch.allclose(a, b)}. */
    public static boolean allclose(Tensor a, Tensor b) {
        return a.allclose(b);
    }

    /** {@code torch.allclose(a, b, rtol, atol)}. */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        return a.allclose(b, rtol, atol);
    }

    /** {@code torch.isclose(a, b)}. */
    public static Tensor isclose(Tensor a, Tensor b) {
        return a.isclose(b);
    }

    /** {@code torch.isclose(a, b, rtol, atol)}. */
    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol) {
        return a.isclose(b, rtol, atol);
    }

    /** {@code torch.matmul(a, b, out=out)}. */
    public static Tensor matmulOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Linalg.matmulOut(out.impl, a.impl, b.impl));
    }

    /** {@code torch.neg(a)}. */
    public static Tensor neg(Tensor a) {
        return a.neg();
    }

    /** {@code torch.exp(a)}. */
    public static Tensor exp(Tensor a) {
        return a.exp();
    }

    /** {@code torch.log(a)}. */
    public static Tensor log(Tensor a) {
        return a.log();
    }

    /** {@code torch.sqrt(a)}. */
    public static Tensor sqrt(Tensor a) {
        return a.sqrt();
    }

    /** {@code torch.abs(a)}. */
    public static Tensor abs(Tensor a) {
        return a.abs();
    }

    /** {@code torch.relu(a)}. */
    public static Tensor relu(Tensor a) {
        return a.relu();
    }

    /** {@code torch.sigmoid(a)}. */
    public static Tensor sigmoid(Tensor a) {
        return a.sigmoid();
    }

    /** {@code torch.tanh(a)}. */
    public static Tensor tanh(Tensor a) {
        return a.tanh();
    }

    /** {@code torch.clamp(a, min, max)}; a null bound is open. */
    public static Tensor clamp(Tensor a, Number min, Number max) {
        return a.clamp(min, max);
    }

    /** {@code torch.matmul(a, b)}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return a.matmul(b);
    }

    /** {@code torch.mm(a, b)}. */
    public static Tensor mm(Tensor a, Tensor b) {
        return a.mm(b);
    }

    /** {@code torch.bmm(a, b)}. */
    public static Tensor bmm(Tensor a, Tensor b) {
        return a.bmm(b);
    }

    /** {@code torch.dot(a, b)}. */
    public static Tensor dot(Tensor a, Tensor b) {
        return a.dot(b);
    }

    /** {@code torch.sum(a)}. */
    public static Tensor sum(Tensor a) {
        return a.sum();
    }

    /** {@code torch.sum(a, dim)}. */
    public static Tensor sum(Tensor a, int dim) {
        return a.sum(dim);
    }

    /** {@code torch.mean(a)}. */
    public static Tensor mean(Tensor a) {
        return a.mean();
    }

    /** {@code torch.mean(a, dim)}. */
    public static Tensor mean(Tensor a, int dim) {
        return a.mean(dim);
    }

    /** {@code torch.where(condition, a, b)}: elements of {@code a} where true, else of {@code b}. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Tensor.of(Where.where(condition.impl, a.impl, b.impl));
    }

    /** {@code torch.where(condition, a, scalar)}. */
    public static Tensor where(Tensor condition, Tensor a, Number b) {
        return Tensor.of(Where.where(condition.impl, a.impl, Scalars.wrap(b)));
    }

    // ---------------------------------------------------------------- out= variants

    /** {@code torch.add(a, b, out=out)}, as C++'s {@code torch::add_out(out, a, b)}. */
    public static Tensor addOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(OutVariants.addOut(out.impl, a.impl, b.impl));
    }

    /** {@code torch.mul(a, b, out=out)}. */
    public static Tensor mulOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(OutVariants.mulOut(out.impl, a.impl, b.impl));
    }

    /** {@code torch.exp(a, out=out)}. */
    public static Tensor expOut(Tensor out, Tensor a) {
        return Tensor.of(OutVariants.expOut(out.impl, a.impl));
    }

    /** {@code torch.clamp(a, min=0.0, out=out)}, i.e. relu into {@code out}. */
    public static Tensor reluOut(Tensor out, Tensor a) {
        return Tensor.of(OutVariants.reluOut(out.impl, a.impl));
    }

    // ---------------------------------------------------------------- threads

    /** {@code torch.backends}: which accelerated kernels this JVM runs. */
    public static final class backends {
        private backends() {}

        /** Whether the Vector API kernels can run ({@code --add-modules jdk.incubator.vector}). */
        public static boolean vectorAvailable() {
            return Kernels.VECTOR;
        }

        /**
         * Waits until the Vector API kernels are JIT-compiled and in use (they warm up on a
         * background thread; plain loops serve meanwhile), at most {@code millis}; benchmarks call
         * this before measuring. Returns whether they are in use.
         */
        public static boolean awaitVectorKernels(long millis) throws InterruptedException {
            return Kernels.awaitVector(millis);
        }

        /**
         * JTorch only: the background warm-up of the vector kernels runs its rounds only while
         * {@code busy} is false, 0.3 s of waiting in all at most (after which it runs regardless,
         * at a low OS priority where the platform allows); a notebook kernel passes "a cell runs,
         * or one has just ended", so that the first cells after its start do not share the cores
         * with the warm-up.
         */
        public static void yieldWarmUpTo(BooleanSupplier busy) {
            WarmUpTurn.yieldTo(busy);
        }

        /** {@code torch.backends.mps}: Apple's GPU back end, never present in JTorch. */
        public static final class mps {
            private mps() {}

            /** {@code torch.backends.mps.is_available()}: false. */
            public static boolean isAvailable() {
                return false;
            }

            /** {@code torch.backends.mps.is_built()}: false. */
            public static boolean isBuilt() {
                return false;
            }
        }
    }

    /** {@code torch.cuda}: JTorch computes on the CPU only. */
    public static final class cuda {
        private cuda() {}

        /** {@code torch.cuda.is_available()}: false. */
        public static boolean isAvailable() {
            return false;
        }

        /** {@code torch.cuda.device_count()}: 0. */
        public static int deviceCount() {
            return 0;
        }
    }

    /** {@code torch.device("cpu")}, {@code torch.device("cuda:0")}. */
    public static Device device(String spec) {
        return Device.of(spec);
    }

    /** {@code torch.device(type, index)}. */
    public static Device device(String type, int index) {
        return Device.of(type, index);
    }

    /**
     * {@code torch.save(obj, path)} in PyTorch's own file format (a zip of a pickle and raw
     * storages): tensors, state dicts ({@link OrderedDict}), maps, lists, numbers and strings;
     * PyTorch 1.13 loads the file with identical values.
     */
    public static void save(Object obj, String path) {
        TorchSerialization.save(obj, java.nio.file.Path.of(path));
    }

    /** {@code torch.save(obj, path)}. */
    public static void save(Object obj, java.nio.file.Path path) {
        TorchSerialization.save(obj, path);
    }

    /**
     * {@code torch.load(path)}: what torch.save wrote, here or in PyTorch (tensors on the CPU); typed
     * as the caller's variable: {@code model.loadStateDict(torch.load("model.pth"))}.
     */
    @SuppressWarnings("unchecked")
    public static <T> T load(String path) {
        return (T) TorchSerialization.load(java.nio.file.Path.of(path));
    }

    /** {@code torch.load(path)}. */
    @SuppressWarnings("unchecked")
    public static <T> T load(java.nio.file.Path path) {
        return (T) TorchSerialization.load(path);
    }

    /** {@code torch.set_num_threads(n)}: threads (the caller included) one op may use. */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    /** {@code torch.get_num_threads()}. */
    public static int getNumThreads() {
        return Parallel.numThreads();
    }

    // ---------------------------------------------------------------- indexing

    /** {@code torch.index_select(input, dim, index)}. */
    public static Tensor indexSelect(Tensor input, int dim, Tensor index) {
        return input.indexSelect(dim, index);
    }

    /** {@code torch.gather(input, dim, index)}. */
    public static Tensor gather(Tensor input, int dim, Tensor index) {
        return input.gather(dim, index);
    }

    /** {@code torch.masked_fill(input, mask, value)}. */
    public static Tensor maskedFill(Tensor input, Tensor mask, Number value) {
        return input.maskedFill(mask, value);
    }

    /** {@code torch.masked_fill(input, mask, value)} with a 0-d tensor value. */
    public static Tensor maskedFill(Tensor input, Tensor mask, Tensor value) {
        return input.maskedFill(mask, value);
    }

    /** {@code torch.nonzero(input)}. */
    public static Tensor nonzero(Tensor input) {
        return input.nonzero();
    }

    // ---------------------------------------------------------------- reductions, sorting, joining

    /** {@code torch.sum(input, dims, keepdim)}. */
    public static Tensor sum(Tensor input, int[] dims, boolean keepdim) {
        return input.sum(dims, keepdim);
    }

    /** {@code torch.sum(input, dim, keepdim)}. */
    public static Tensor sum(Tensor input, int dim, boolean keepdim) {
        return input.sum(dim, keepdim);
    }

    /** {@code torch.sum(input, dtype=dtype)}. */
    public static Tensor sum(Tensor input, DType dtype) {
        return input.sum(dtype);
    }

    /** {@code torch.mean(input, dims, keepdim)}. */
    public static Tensor mean(Tensor input, int[] dims, boolean keepdim) {
        return input.mean(dims, keepdim);
    }

    /** {@code torch.mean(input, dim, keepdim)}. */
    public static Tensor mean(Tensor input, int dim, boolean keepdim) {
        return input.mean(dim, keepdim);
    }

    /** {@code torch.max(input)}: the largest element. */
    public static Tensor max(Tensor input) {
        return input.max();
    }

    /** {@code torch.max(input, dim)}: largest values along a dimension and their indices. */
    public static ValuesIndices max(Tensor input, int dim) {
        return input.max(dim);
    }

    /** {@code torch.max(input, dim, keepdim)}. */
    public static ValuesIndices max(Tensor input, int dim, boolean keepdim) {
        return input.max(dim, keepdim);
    }

    /** {@code torch.min(input)}: the smallest element. */
    public static Tensor min(Tensor input) {
        return input.min();
    }

    /** {@code torch.min(input, dim)}: smallest values along a dimension and their indices. */
    public static ValuesIndices min(Tensor input, int dim) {
        return input.min(dim);
    }

    /** {@code torch.min(input, dim, keepdim)}. */
    public static ValuesIndices min(Tensor input, int dim, boolean keepdim) {
        return input.min(dim, keepdim);
    }

    /** {@code torch.amax(input, dims)}. */
    public static Tensor amax(Tensor input, int... dims) {
        return input.amax(dims);
    }

    /** {@code torch.amin(input, dims)}. */
    public static Tensor amin(Tensor input, int... dims) {
        return input.amin(dims);
    }

    /** {@code torch.argmax(input)}. */
    public static Tensor argmax(Tensor input) {
        return input.argmax();
    }

    /** {@code torch.argmax(input, dim)}. */
    public static Tensor argmax(Tensor input, int dim) {
        return input.argmax(dim);
    }

    /** {@code torch.argmax(input, dim, keepdim)}. */
    public static Tensor argmax(Tensor input, int dim, boolean keepdim) {
        return input.argmax(dim, keepdim);
    }

    /** {@code torch.argmin(input)}. */
    public static Tensor argmin(Tensor input) {
        return input.argmin();
    }

    /** {@code torch.argmin(input, dim)}. */
    public static Tensor argmin(Tensor input, int dim) {
        return input.argmin(dim);
    }

    /** {@code torch.argmin(input, dim, keepdim)}. */
    public static Tensor argmin(Tensor input, int dim, boolean keepdim) {
        return input.argmin(dim, keepdim);
    }

    /** {@code torch.prod(input)}. */
    public static Tensor prod(Tensor input) {
        return input.prod();
    }

    /** {@code torch.prod(input, dim)}. */
    public static Tensor prod(Tensor input, int dim) {
        return input.prod(dim);
    }

    /** {@code torch.std(input)}. */
    public static Tensor std(Tensor input) {
        return input.std();
    }

    /** {@code torch.std(input, dim)}. */
    public static Tensor std(Tensor input, int dim) {
        return input.std(dim);
    }

    /** {@code torch.var(input)}. */
    public static Tensor var(Tensor input) {
        return input.var();
    }

    /** {@code torch.var(input, dim)}. */
    public static Tensor var(Tensor input, int dim) {
        return input.var(dim);
    }

    /** {@code torch.norm(input)}: the 2-norm of all elements. */
    public static Tensor norm(Tensor input) {
        return input.norm();
    }

    /** {@code torch.norm(input, p)}. */
    public static Tensor norm(Tensor input, double p) {
        return input.norm(p);
    }

    /** {@code torch.cumsum(input, dim)}. */
    public static Tensor cumsum(Tensor input, int dim) {
        return input.cumsum(dim);
    }

    /** {@code torch.all(input)}. */
    public static Tensor all(Tensor input) {
        return input.all();
    }

    /** {@code torch.any(input)}. */
    public static Tensor any(Tensor input) {
        return input.any();
    }

    /** {@code torch.median(input)}. */
    public static Tensor median(Tensor input) {
        return input.median();
    }

    /** {@code torch.median(input, dim)}. */
    public static ValuesIndices median(Tensor input, int dim) {
        return input.median(dim);
    }

    /** {@code torch.sort(input)}. */
    public static ValuesIndices sort(Tensor input) {
        return input.sort();
    }

    /** {@code torch.sort(input, dim, descending)}. */
    public static ValuesIndices sort(Tensor input, int dim, boolean descending) {
        return input.sort(dim, descending);
    }

    /** {@code torch.argsort(input, dim, descending)}. */
    public static Tensor argsort(Tensor input, int dim, boolean descending) {
        return input.argsort(dim, descending);
    }

    /** {@code torch.topk(input, k)}. */
    public static ValuesIndices topk(Tensor input, int k) {
        return input.topk(k);
    }

    /** {@code torch.topk(input, k, dim, largest, sorted)}. */
    public static ValuesIndices topk(Tensor input, int k, int dim, boolean largest, boolean sorted) {
        return input.topk(k, dim, largest, sorted);
    }

    /** {@code torch.cat(tensors)}: joins tensors along dimension 0 (dtypes promote). */
    public static Tensor cat(List<Tensor> tensors) {
        return cat(tensors, 0);
    }

    /** {@code torch.cat(tensors, dim)}; legacy empty 1-d tensors are skipped. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Tensor.of(Joining.cat(Tensor.impls(tensors), dim));
    }

    /** {@code torch.cat((a, b, ...))} along dimension 0. */
    public static Tensor cat(Tensor... tensors) {
        return cat(java.util.Arrays.asList(tensors), 0);
    }

    /** {@code torch.stack(tensors)}: joins equal-shaped tensors along a new dimension 0. */
    public static Tensor stack(List<Tensor> tensors) {
        return stack(tensors, 0);
    }

    /** {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Tensor.of(Joining.stack(Tensor.impls(tensors), dim));
    }

    /** {@code torch.stack((a, b, ...))} along a new dimension 0. */
    public static Tensor stack(Tensor... tensors) {
        return stack(java.util.Arrays.asList(tensors), 0);
    }

    /** {@code torch.chunk(input, chunks, dim)}. */
    public static TensorList chunk(Tensor input, int chunks, int dim) {
        return input.chunk(chunks, dim);
    }

    /** {@code torch.split(input, split_size, dim)}. */
    public static TensorList split(Tensor input, int splitSize, int dim) {
        return input.split(splitSize, dim);
    }

    /** {@code torch.unbind(input, dim)}. */
    public static TensorList unbind(Tensor input, int dim) {
        return input.unbind(dim);
    }

    // ---------------------------------------------------------------- numpy, Java arrays and random

    /** {@code torch.from_numpy(a)}: a tensor sharing the array's memory and strides. */
    public static Tensor fromNumpy(NDArray array) {
        return array.asTensor();
    }

    /** {@code torch.as_tensor(a)}: shares the array's memory (no copy). */
    public static Tensor asTensor(NDArray array) {
        return array.asTensor();
    }

    /** {@code torch.as_tensor(a, dtype=...)}: shares when the dtype already matches, else converts. */
    public static Tensor asTensor(NDArray array, DType dtype) {
        return array.asTensor().to(dtype);
    }

    /** {@code torch.as_tensor(t)}: the tensor itself. */
    public static Tensor asTensor(Tensor t) {
        return t;
    }

    /** {@code torch.as_tensor(data)} for Java data: a new tensor, as {@code torch.tensor(data)}. */
    public static Tensor asTensor(Object data) {
        return data instanceof NDArray ? asTensor((NDArray) data) : tensor(data);
    }

    /** A float32 tensor over {@code data} itself (writes show in the array); shape defaults to 1-d, one size may be -1. */
    public static Tensor fromArray(float[] data, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data), shape));
    }

    /** A float64 tensor over {@code data} itself. */
    public static Tensor fromArray(double[] data, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data), shape));
    }

    /** An int64 tensor over {@code data} itself. */
    public static Tensor fromArray(long[] data, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data), shape));
    }

    /** An int32 tensor over {@code data} itself. */
    public static Tensor fromArray(int[] data, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data), shape));
    }

    /** An int16 tensor over {@code data} itself. */
    public static Tensor fromArray(short[] data, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data, DType.INT16), shape));
    }

    /** A tensor over {@code data} itself as int16, or as raw float16/bfloat16 bit patterns. */
    public static Tensor fromArray(short[] data, DType dtype, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data, dtype), shape));
    }

    /** An int8 tensor over {@code data} itself. */
    public static Tensor fromArray(byte[] data, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data, DType.INT8), shape));
    }

    /** A tensor over {@code data} itself as int8, uint8 or bool. */
    public static Tensor fromArray(byte[] data, DType dtype, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(data, dtype), shape));
    }

    /** A float32 tensor over the buffer's elements from its position to its limit (heap or direct), shared. */
    public static Tensor fromBuffer(java.nio.FloatBuffer buffer, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer), shape));
    }

    /** A float64 tensor over the buffer's remaining elements, shared. */
    public static Tensor fromBuffer(java.nio.DoubleBuffer buffer, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer), shape));
    }

    /** An int64 tensor over the buffer's remaining elements, shared. */
    public static Tensor fromBuffer(java.nio.LongBuffer buffer, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer), shape));
    }

    /** An int32 tensor over the buffer's remaining elements, shared. */
    public static Tensor fromBuffer(java.nio.IntBuffer buffer, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer), shape));
    }

    /** An int16 tensor over the buffer's remaining elements, shared. */
    public static Tensor fromBuffer(java.nio.ShortBuffer buffer, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer), shape));
    }

    /** A uint8 tensor over the buffer's remaining bytes, shared, as {@code torch.frombuffer(buf, dtype=torch.uint8)}. */
    public static Tensor fromBuffer(java.nio.ByteBuffer buffer, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer, DType.UINT8), shape));
    }

    /**
     * {@code torch.frombuffer(buf, dtype=...)}: the remaining bytes as int8/uint8/bool, or read as
     * wider elements in the buffer's byte order, shared.
     */
    public static Tensor fromBuffer(java.nio.ByteBuffer buffer, DType dtype, int... shape) {
        return Tensor.of(JavaArrays.wrap(BufferStorage.of(buffer, dtype), shape));
    }

    /** {@code torch.manual_seed(seed)}: reseeds the default generator (PyTorch's mt19937 seeding). */
    public static void manualSeed(long seed) {
        jtorch.internal.kernels.Generator.getDefault().manualSeed(seed);
    }

    /** {@code torch.initial_seed()}: the seed of the default generator. */
    public static long initialSeed() {
        return jtorch.internal.kernels.Generator.getDefault().initialSeed();
    }

    /** {@code torch.seed()}: reseeds the default generator non-deterministically and returns the seed. */
    public static long seed() {
        return jtorch.internal.kernels.Generator.getDefault().seedRandomly();
    }

    /** {@code torch.rand(2, 3)}: uniform samples from [0, 1) in the default dtype. */
    public static Tensor rand(int... size) {
        return Tensor.of(Sampling.rand(size, null, false));
    }

    /** {@code torch.rand(size, dtype=...)}. */
    public static Tensor rand(int[] size, DType dtype) {
        return Tensor.of(Sampling.rand(size, dtype, false));
    }

    /** {@code torch.rand(size, requires_grad=...)}. */
    public static Tensor rand(int[] size, boolean requiresGrad) {
        return Tensor.of(Sampling.rand(size, null, requiresGrad));
    }

    /** {@code torch.rand(size, dtype=..., requires_grad=...)}. */
    public static Tensor rand(int[] size, DType dtype, boolean requiresGrad) {
        return Tensor.of(Sampling.rand(size, dtype, requiresGrad));
    }

    /** {@code torch.rand(n, dtype=...)}. */
    public static Tensor rand(int d0, DType dtype) {
        return Tensor.of(Sampling.rand(new int[] {d0}, dtype, false));
    }

    /** {@code torch.rand(a, b, dtype=...)}. */
    public static Tensor rand(int d0, int d1, DType dtype) {
        return Tensor.of(Sampling.rand(new int[] {d0, d1}, dtype, false));
    }

    /** {@code torch.rand(torch.Size)}. */
    public static Tensor rand(Size size) {
        return Tensor.of(Sampling.rand(size.array(), null, false));
    }

    /** {@code torch.randn(2, 3)}: standard normal samples in the default dtype. */
    public static Tensor randn(int... size) {
        return Tensor.of(Sampling.randn(size, null, false));
    }

    /** {@code torch.randn(size, dtype=...)}. */
    public static Tensor randn(int[] size, DType dtype) {
        return Tensor.of(Sampling.randn(size, dtype, false));
    }

    /** {@code torch.randn(size, requires_grad=...)}. */
    public static Tensor randn(int[] size, boolean requiresGrad) {
        return Tensor.of(Sampling.randn(size, null, requiresGrad));
    }

    /** {@code torch.randn(size, dtype=..., requires_grad=...)}. */
    public static Tensor randn(int[] size, DType dtype, boolean requiresGrad) {
        return Tensor.of(Sampling.randn(size, dtype, requiresGrad));
    }

    /** {@code torch.randn(n, dtype=...)}. */
    public static Tensor randn(int d0, DType dtype) {
        return Tensor.of(Sampling.randn(new int[] {d0}, dtype, false));
    }

    /** {@code torch.randn(a, b, dtype=...)}. */
    public static Tensor randn(int d0, int d1, DType dtype) {
        return Tensor.of(Sampling.randn(new int[] {d0, d1}, dtype, false));
    }

    /** {@code torch.randn(torch.Size)}. */
    public static Tensor randn(Size size) {
        return Tensor.of(Sampling.randn(size.array(), null, false));
    }

    /** {@code torch.randint(high, size)}: int64 values drawn uniformly from [0, high). */
    public static Tensor randint(long high, int[] size) {
        return Tensor.of(Sampling.randint(0, high, size, null));
    }

    /** {@code torch.randint(low, high, size)}: int64 values drawn uniformly from [low, high). */
    public static Tensor randint(long low, long high, int[] size) {
        return Tensor.of(Sampling.randint(low, high, size, null));
    }

    /** {@code torch.randint(low, high, size, dtype=...)}. */
    public static Tensor randint(long low, long high, int[] size, DType dtype) {
        return Tensor.of(Sampling.randint(low, high, size, dtype));
    }

    /** {@code torch.rand_like(t)}: uniform samples shaped and typed like {@code t}. */
    public static Tensor randLike(Tensor t) {
        return Tensor.of(Sampling.randLike(t.impl, null));
    }

    /** {@code torch.rand_like(t, dtype=...)}. */
    public static Tensor randLike(Tensor t, DType dtype) {
        return Tensor.of(Sampling.randLike(t.impl, dtype));
    }

    /** {@code torch.randn_like(t)}: normal samples shaped and typed like {@code t}. */
    public static Tensor randnLike(Tensor t) {
        return Tensor.of(Sampling.randnLike(t.impl, null));
    }

    /** {@code torch.randn_like(t, dtype=...)}. */
    public static Tensor randnLike(Tensor t, DType dtype) {
        return Tensor.of(Sampling.randnLike(t.impl, dtype));
    }

    /** {@code torch.randint_like(t, high)}. */
    public static Tensor randintLike(Tensor t, long high) {
        return Tensor.of(Sampling.randintLike(t.impl, 0, high));
    }

    /** {@code torch.randint_like(t, low, high)}. */
    public static Tensor randintLike(Tensor t, long low, long high) {
        return Tensor.of(Sampling.randintLike(t.impl, low, high));
    }

    /** {@code torch.randperm(n)}: a random permutation of {@code 0 .. n-1} (int64). */
    public static Tensor randperm(int n) {
        return Tensor.of(Sampling.randperm(n, null));
    }

    /** {@code torch.randperm(n, generator=g)}. */
    public static Tensor randperm(int n, Generator generator) {
        return Tensor.of(Sampling.randperm(n, null, generator.impl));
    }

    /** {@code torch.Generator()}: a new generator with PyTorch's default seed. */
    public static Generator Generator() {
        return new Generator();
    }

    /** {@code torch.randperm(n, dtype=...)}. */
    public static Tensor randperm(int n, DType dtype) {
        return Tensor.of(Sampling.randperm(n, dtype));
    }

    /** {@code torch.normal(mean, std)} with tensors (broadcast): one sample per element; no autograd. */
    public static Tensor normal(Tensor mean, Tensor std) {
        return Tensor.of(Sampling.normal(mean.impl, std.impl));
    }

    /** {@code torch.normal(mean, std)} with a tensor of means. */
    public static Tensor normal(Tensor mean, double std) {
        return Tensor.of(Sampling.normal(mean.impl, std));
    }

    /** {@code torch.normal(mean, std)} with a tensor of standard deviations. */
    public static Tensor normal(double mean, Tensor std) {
        return Tensor.of(Sampling.normal(mean, std.impl));
    }

    /** {@code torch.normal(mean, std, size)}: samples in the default dtype. */
    public static Tensor normal(double mean, double std, int... size) {
        return Tensor.of(Sampling.normal(mean, std, size));
    }

    // ---------------------------------------------------------------- nn functional

    /** {@code torch.softmax(input, dim)}. */
    public static Tensor softmax(Tensor input, int dim) {
        return Tensor.of(NNFunctional.softmax(input.impl, dim));
    }

    /** {@code torch.log_softmax(input, dim)}. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return Tensor.of(NNFunctional.logSoftmax(input.impl, dim));
    }

    // ---------------------------------------------------------------- dtypes and shapes

    /** {@code torch.result_type(a, b)}. */
    public static DType resultType(Tensor a, Tensor b) {
        return Promotion.resultType(a.impl, b.impl);
    }

    /** {@code torch.result_type(a, scalar)}. */
    public static DType resultType(Tensor a, Number b) {
        return Promotion.resultType(a.impl, Scalars.wrap(b));
    }

    /** {@code torch.promote_types(a, b)}. */
    public static DType promoteTypes(DType a, DType b) {
        return DType.promote(a, b);
    }

    /** {@code torch.can_cast(from, to)}. */
    public static boolean canCast(DType from, DType to) {
        return DType.canCast(from, to);
    }

    /** {@code torch.Size([..])}. */
    public static Size Size(int... dims) {
        return jtorch.Size.of(dims);
    }

    /** {@code torch.broadcast_shapes(...)}. */
    public static Size broadcastShapes(Size... shapes) {
        return jtorch.Size.wrap(Shapes.broadcastAll(jtorch.Size.arrays(shapes)));
    }

    /** {@code torch.broadcast_shapes((2, 1), (1, 3))} with shapes as int arrays. */
    public static Size broadcastShapes(int[]... shapes) {
        return broadcastShapes(jtorch.Size.all(shapes));
    }

    // ---------------------------------------------------------------- printing

    /** {@code torch.set_printoptions(...)}: e.g. {@code torch.setPrintoptions(PrintOptions.defaults().precision(2))}. */
    public static void setPrintoptions(PrintOptions options) {
        PrintOptions.setCurrent(options);
    }

    /** {@code torch.set_printoptions(profile=...)}: {@code "default"}, {@code "short"} or {@code "full"}. */
    public static void setPrintoptions(String profile) {
        PrintOptions.setCurrent(PrintOptions.profile(profile));
    }

    /** The print options in force. */
    public static PrintOptions getPrintoptions() {
        return PrintOptions.current();
    }

    // ---------------------------------------------------------------- function forms of Tensor methods (issue 11)

    /** {@code torch.clone(x)}. */
    public static Tensor clone(Tensor x) {
        return x.clone();
    }

    /** {@code torch.detach(x)}. */
    public static Tensor detach(Tensor x) {
        return x.detach();
    }

    /** {@code torch.numel(x)}. */
    public static int numel(Tensor x) {
        return x.numel();
    }

    /** {@code torch.is_tensor(obj)}: whether obj is a tensor. */
    public static boolean isTensor(Object obj) {
        return obj instanceof Tensor;
    }

    /** {@code torch.is_floating_point(x)}. */
    public static boolean isFloatingPoint(Tensor x) {
        return x.isFloatingPoint();
    }

    /** {@code torch.reshape(x, shape)}. */
    public static Tensor reshape(Tensor x, int... shape) {
        return x.reshape(shape);
    }

    /** {@code torch.squeeze(x)}: without its size-1 dimensions. */
    public static Tensor squeeze(Tensor x) {
        return x.squeeze();
    }

    /** {@code torch.squeeze(x, dim)}. */
    public static Tensor squeeze(Tensor x, int dim) {
        return x.squeeze(dim);
    }

    /** {@code torch.unsqueeze(x, dim)}. */
    public static Tensor unsqueeze(Tensor x, int dim) {
        return x.unsqueeze(dim);
    }

    /** {@code torch.flatten(x)}. */
    public static Tensor flatten(Tensor x) {
        return x.flatten();
    }

    /** {@code torch.flatten(x, start_dim)}. */
    public static Tensor flatten(Tensor x, int startDim) {
        return x.flatten(startDim);
    }

    /** {@code torch.flatten(x, start_dim, end_dim)}. */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        return x.flatten(startDim, endDim);
    }

    /** {@code torch.permute(x, dims)}. */
    public static Tensor permute(Tensor x, int... dims) {
        return x.permute(dims);
    }

    /** {@code torch.transpose(x, dim0, dim1)}. */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        return x.transpose(dim0, dim1);
    }

    /** {@code torch.swapaxes(x, axis0, axis1)}. */
    public static Tensor swapaxes(Tensor x, int axis0, int axis1) {
        return x.swapaxes(axis0, axis1);
    }

    /** {@code torch.swapdims(x, dim0, dim1)}. */
    public static Tensor swapdims(Tensor x, int dim0, int dim1) {
        return x.swapdims(dim0, dim1);
    }

    /** {@code torch.t(x)}. */
    public static Tensor t(Tensor x) {
        return x.t();
    }

    /** {@code torch.narrow(x, dim, start, length)}. */
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        return x.narrow(dim, start, length);
    }

    /** {@code torch.select(x, dim, index)}. */
    public static Tensor select(Tensor x, int dim, int index) {
        return x.select(dim, index);
    }

    /** {@code torch.concat(tensors, dim)}: alias of {@link #cat(List, int)}. */
    public static Tensor concat(List<Tensor> tensors, int dim) {
        return cat(tensors, dim);
    }

    /** {@code torch.concat(tensors)}. */
    public static Tensor concat(List<Tensor> tensors) {
        return cat(tensors, 0);
    }

    /** {@code torch.dropout(x, p, train)}: as {@code nn.functional.dropout(x, p, train)}. */
    public static Tensor dropout(Tensor x, double p, boolean train) {
        return nn.functional.dropout(x, p, train);
    }

    /** {@code torch.divide(a, b)}. */
    public static Tensor divide(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.divide(a, scalar)}. */
    public static Tensor divide(Tensor a, Number b) {
        return a.div(b);
    }

    /** {@code torch.divide(a, b, rounding_mode=...)}. */
    public static Tensor divide(Tensor a, Tensor b, String roundingMode) {
        return a.div(b, roundingMode);
    }

    /** {@code torch.divide(a, b, out=out)}. */
    public static Tensor divideOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Arithmetic.div(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.true_divide(a, b)}. */
    public static Tensor trueDivide(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.true_divide(a, scalar)}. */
    public static Tensor trueDivide(Tensor a, Number b) {
        return a.div(b);
    }

    /** {@code torch.true_divide(a, b, out=out)}. */
    public static Tensor trueDivideOut(Tensor out, Tensor a, Tensor b) {
        return divideOut(out, a, b);
    }

    /** {@code torch.floor_divide(a, b)}: Python's {@code a // b}. */
    public static Tensor floorDivide(Tensor a, Tensor b) {
        return a.floorDivide(b);
    }

    /** {@code torch.floor_divide(a, scalar)}. */
    public static Tensor floorDivide(Tensor a, Number b) {
        return a.floorDivide(b);
    }

    /** {@code torch.floor_divide(a, b, out=out)}. */
    public static Tensor floorDivideOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Arithmetic.div(in[0], in[1], "floor"), a.impl, b.impl));
    }

    /** {@code torch.remainder(a, b)}: Python's {@code a % b}. */
    public static Tensor remainder(Tensor a, Tensor b) {
        return a.remainder(b);
    }

    /** {@code torch.remainder(a, scalar)}. */
    public static Tensor remainder(Tensor a, Number b) {
        return a.remainder(b);
    }

    /** {@code torch.remainder(scalar, b)}: Python's {@code 2 % b}. */
    public static Tensor remainder(Number a, Tensor b) {
        return Tensor.of(Arithmetic.remainder(Scalars.wrap(a), b.impl));
    }

    /** {@code torch.remainder(a, b, out=out)}. */
    public static Tensor remainderOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Arithmetic.remainder(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.multiply(a, b)}. */
    public static Tensor multiply(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /** {@code torch.multiply(a, scalar)}. */
    public static Tensor multiply(Tensor a, Number b) {
        return a.mul(b);
    }

    /** {@code torch.multiply(a, b, out=out)}. */
    public static Tensor multiplyOut(Tensor out, Tensor a, Tensor b) {
        return mulOut(out, a, b);
    }

    /** {@code torch.subtract(a, b)}. */
    public static Tensor subtract(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /** {@code torch.subtract(a, scalar)}. */
    public static Tensor subtract(Tensor a, Number b) {
        return a.sub(b);
    }

    /** {@code torch.subtract(a, b, alpha=alpha)}. */
    public static Tensor subtract(Tensor a, Tensor b, Number alpha) {
        return a.sub(b, alpha);
    }

    /** {@code torch.subtract(a, b, out=out)}. */
    public static Tensor subtractOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Arithmetic.sub(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.xlogy_(a, b)}. */
    public static Tensor xlogy_(Tensor a, Tensor b) {
        return a.xlogy_(b);
    }

    /** {@code torch.eq(a, b)}. */
    public static Tensor eq(Tensor a, Tensor b) {
        return a.eq(b);
    }

    /** {@code torch.eq(a, scalar)}. */
    public static Tensor eq(Tensor a, Number b) {
        return a.eq(b);
    }

    /** {@code torch.eq(a, b, out=out)}. */
    public static Tensor eqOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.eq(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.ne(a, b)}. */
    public static Tensor ne(Tensor a, Tensor b) {
        return a.ne(b);
    }

    /** {@code torch.ne(a, scalar)}. */
    public static Tensor ne(Tensor a, Number b) {
        return a.ne(b);
    }

    /** {@code torch.ne(a, b, out=out)}. */
    public static Tensor neOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.ne(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.gt(a, b)}. */
    public static Tensor gt(Tensor a, Tensor b) {
        return a.gt(b);
    }

    /** {@code torch.gt(a, scalar)}. */
    public static Tensor gt(Tensor a, Number b) {
        return a.gt(b);
    }

    /** {@code torch.gt(a, b, out=out)}. */
    public static Tensor gtOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.gt(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.ge(a, b)}. */
    public static Tensor ge(Tensor a, Tensor b) {
        return a.ge(b);
    }

    /** {@code torch.ge(a, scalar)}. */
    public static Tensor ge(Tensor a, Number b) {
        return a.ge(b);
    }

    /** {@code torch.ge(a, b, out=out)}. */
    public static Tensor geOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.ge(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.lt(a, b)}. */
    public static Tensor lt(Tensor a, Tensor b) {
        return a.lt(b);
    }

    /** {@code torch.lt(a, scalar)}. */
    public static Tensor lt(Tensor a, Number b) {
        return a.lt(b);
    }

    /** {@code torch.lt(a, b, out=out)}. */
    public static Tensor ltOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.lt(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.le(a, b)}. */
    public static Tensor le(Tensor a, Tensor b) {
        return a.le(b);
    }

    /** {@code torch.le(a, scalar)}. */
    public static Tensor le(Tensor a, Number b) {
        return a.le(b);
    }

    /** {@code torch.le(a, b, out=out)}. */
    public static Tensor leOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.le(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.greater(a, b)}: alias of {@link #gt(Tensor, Tensor)}. */
    public static Tensor greater(Tensor a, Tensor b) {
        return a.gt(b);
    }

    /** {@code torch.greater(a, scalar)}. */
    public static Tensor greater(Tensor a, Number b) {
        return a.gt(b);
    }

    /** {@code torch.greater(a, b, out=out)}. */
    public static Tensor greaterOut(Tensor out, Tensor a, Tensor b) {
        return gtOut(out, a, b);
    }

    /** {@code torch.greater_equal(a, b)}: alias of {@link #ge(Tensor, Tensor)}. */
    public static Tensor greaterEqual(Tensor a, Tensor b) {
        return a.ge(b);
    }

    /** {@code torch.greater_equal(a, scalar)}. */
    public static Tensor greaterEqual(Tensor a, Number b) {
        return a.ge(b);
    }

    /** {@code torch.greater_equal(a, b, out=out)}. */
    public static Tensor greaterEqualOut(Tensor out, Tensor a, Tensor b) {
        return geOut(out, a, b);
    }

    /** {@code torch.less(a, b)}: alias of {@link #lt(Tensor, Tensor)}. */
    public static Tensor less(Tensor a, Tensor b) {
        return a.lt(b);
    }

    /** {@code torch.less(a, scalar)}. */
    public static Tensor less(Tensor a, Number b) {
        return a.lt(b);
    }

    /** {@code torch.less(a, b, out=out)}. */
    public static Tensor lessOut(Tensor out, Tensor a, Tensor b) {
        return ltOut(out, a, b);
    }

    /** {@code torch.less_equal(a, b)}: alias of {@link #le(Tensor, Tensor)}. */
    public static Tensor lessEqual(Tensor a, Tensor b) {
        return a.le(b);
    }

    /** {@code torch.less_equal(a, scalar)}. */
    public static Tensor lessEqual(Tensor a, Number b) {
        return a.le(b);
    }

    /** {@code torch.less_equal(a, b, out=out)}. */
    public static Tensor lessEqualOut(Tensor out, Tensor a, Tensor b) {
        return leOut(out, a, b);
    }

    /** {@code torch.not_equal(a, b)}: alias of {@link #ne(Tensor, Tensor)}. */
    public static Tensor notEqual(Tensor a, Tensor b) {
        return a.ne(b);
    }

    /** {@code torch.not_equal(a, scalar)}. */
    public static Tensor notEqual(Tensor a, Number b) {
        return a.ne(b);
    }

    /** {@code torch.not_equal(a, b, out=out)}. */
    public static Tensor notEqualOut(Tensor out, Tensor a, Tensor b) {
        return neOut(out, a, b);
    }

    /** {@code torch.logical_and(a, b)}. */
    public static Tensor logicalAnd(Tensor a, Tensor b) {
        return a.logicalAnd(b);
    }

    /** {@code torch.logical_and(a, b, out=out)}: out keeps its dtype (0/1). */
    public static Tensor logicalAndOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.logicalAnd(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.logical_or(a, b)}. */
    public static Tensor logicalOr(Tensor a, Tensor b) {
        return a.logicalOr(b);
    }

    /** {@code torch.logical_or(a, b, out=out)}. */
    public static Tensor logicalOrOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.logicalOr(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.logical_xor(a, b)}. */
    public static Tensor logicalXor(Tensor a, Tensor b) {
        return a.logicalXor(b);
    }

    /** {@code torch.logical_xor(a, b, out=out)}. */
    public static Tensor logicalXorOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.logicalXor(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.logical_not(a)}. */
    public static Tensor logicalNot(Tensor a) {
        return a.logicalNot();
    }

    /** {@code torch.logical_not(a, out=out)}. */
    public static Tensor logicalNotOut(Tensor out, Tensor a) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.logicalNot(in[0]), a.impl));
    }

    /** {@code torch.bitwise_and(a, b)}: Python's {@code a & b}. */
    public static Tensor bitwiseAnd(Tensor a, Tensor b) {
        return a.bitwiseAnd(b);
    }

    /** {@code torch.bitwise_and(a, scalar)}. */
    public static Tensor bitwiseAnd(Tensor a, Number b) {
        return a.bitwiseAnd(b);
    }

    /** {@code torch.bitwise_and(a, b, out=out)}. */
    public static Tensor bitwiseAndOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.bitwiseAnd(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.bitwise_or(a, b)}: Python's {@code a | b}. */
    public static Tensor bitwiseOr(Tensor a, Tensor b) {
        return a.bitwiseOr(b);
    }

    /** {@code torch.bitwise_or(a, scalar)}. */
    public static Tensor bitwiseOr(Tensor a, Number b) {
        return a.bitwiseOr(b);
    }

    /** {@code torch.bitwise_or(a, b, out=out)}. */
    public static Tensor bitwiseOrOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.bitwiseOr(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.bitwise_xor(a, b)}: Python's {@code a ^ b}. */
    public static Tensor bitwiseXor(Tensor a, Tensor b) {
        return a.bitwiseXor(b);
    }

    /** {@code torch.bitwise_xor(a, scalar)}. */
    public static Tensor bitwiseXor(Tensor a, Number b) {
        return a.bitwiseXor(b);
    }

    /** {@code torch.bitwise_xor(a, b, out=out)}. */
    public static Tensor bitwiseXorOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.bitwiseXor(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.bitwise_not(a)}: Python's {@code ~a}. */
    public static Tensor bitwiseNot(Tensor a) {
        return a.bitwiseNot();
    }

    /** {@code torch.bitwise_not(a, out=out)}. */
    public static Tensor bitwiseNotOut(Tensor out, Tensor a) {
        return Tensor.of(Derived.out(out.impl, in -> Comparisons.bitwiseNot(in[0]), a.impl));
    }

    // ---------------------------------------------------------------- integer and floating-point bit ops (issue 11)

    /** {@code torch.gcd(a, b)}. */
    public static Tensor gcd(Tensor a, Tensor b) {
        return a.gcd(b);
    }

    /** {@code torch.gcd(a, b, out=out)}. */
    public static Tensor gcdOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> IntegerMath.gcd(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.gcd_(a, b)}. */
    public static Tensor gcd_(Tensor a, Tensor b) {
        return a.gcd_(b);
    }

    /** {@code torch.lcm(a, b)}. */
    public static Tensor lcm(Tensor a, Tensor b) {
        return a.lcm(b);
    }

    /** {@code torch.lcm(a, b, out=out)}. */
    public static Tensor lcmOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> IntegerMath.lcm(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.lcm_(a, b)}. */
    public static Tensor lcm_(Tensor a, Tensor b) {
        return a.lcm_(b);
    }

    /** {@code torch.bitwise_left_shift(a, b)}. */
    public static Tensor bitwiseLeftShift(Tensor a, Tensor b) {
        return a.bitwiseLeftShift(b);
    }

    /** {@code torch.bitwise_left_shift(a, scalar)}. */
    public static Tensor bitwiseLeftShift(Tensor a, Number b) {
        return a.bitwiseLeftShift(b);
    }

    /** {@code torch.bitwise_left_shift(scalar, b)}. */
    public static Tensor bitwiseLeftShift(Number a, Tensor b) {
        return Tensor.of(IntegerMath.leftShift(Scalars.wrap(a), b.impl));
    }

    /** {@code torch.bitwise_left_shift(a, b, out=out)}. */
    public static Tensor bitwiseLeftShiftOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> IntegerMath.leftShift(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.bitwise_right_shift(a, b)}. */
    public static Tensor bitwiseRightShift(Tensor a, Tensor b) {
        return a.bitwiseRightShift(b);
    }

    /** {@code torch.bitwise_right_shift(a, scalar)}. */
    public static Tensor bitwiseRightShift(Tensor a, Number b) {
        return a.bitwiseRightShift(b);
    }

    /** {@code torch.bitwise_right_shift(scalar, b)}. */
    public static Tensor bitwiseRightShift(Number a, Tensor b) {
        return Tensor.of(IntegerMath.rightShift(Scalars.wrap(a), b.impl));
    }

    /** {@code torch.bitwise_right_shift(a, b, out=out)}. */
    public static Tensor bitwiseRightShiftOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> IntegerMath.rightShift(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.heaviside(a, b)}. */
    public static Tensor heaviside(Tensor a, Tensor b) {
        return a.heaviside(b);
    }

    /** {@code torch.heaviside(a, b, out=out)}. */
    public static Tensor heavisideOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.heaviside(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.nextafter(a, b)}. */
    public static Tensor nextafter(Tensor a, Tensor b) {
        return a.nextafter(b);
    }

    /** {@code torch.nextafter(a, b, out=out)}. */
    public static Tensor nextafterOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.nextafter(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.ldexp(a, b)}. */
    public static Tensor ldexp(Tensor a, Tensor b) {
        return a.ldexp(b);
    }

    /** {@code torch.ldexp(a, b, out=out)}. */
    public static Tensor ldexpOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.ldexp(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.ldexp_(a, b)}. */
    public static Tensor ldexp_(Tensor a, Tensor b) {
        return a.ldexp_(b);
    }

    /** {@code torch.logaddexp2(a, b)}. */
    public static Tensor logaddexp2(Tensor a, Tensor b) {
        return a.logaddexp2(b);
    }

    /** {@code torch.logaddexp2(a, b, out=out)}. */
    public static Tensor logaddexp2Out(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.logaddexp2(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.float_power(a, b)}. */
    public static Tensor floatPower(Tensor a, Tensor b) {
        return a.floatPower(b);
    }

    /** {@code torch.float_power(a, scalar)}. */
    public static Tensor floatPower(Tensor a, Number b) {
        return a.floatPower(b);
    }

    /** {@code torch.float_power(scalar, b)}. */
    public static Tensor floatPower(Number a, Tensor b) {
        return Tensor.of(BinaryMath.floatPower(Scalars.wrap(a), b.impl));
    }

    /** {@code torch.float_power(a, b, out=out)}. */
    public static Tensor floatPowerOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> BinaryMath.floatPower(in[0], in[1]), a.impl, b.impl));
    }

    // ---------------------------------------------------------------- reductions, shapes and products of the beginner tier (issue 11)

    /** {@code torch.cumprod(x, dim)}. */
    public static Tensor cumprod(Tensor x, int dim) {
        return x.cumprod(dim);
    }

    /** {@code torch.cumprod(x, dim, dtype=dtype)}. */
    public static Tensor cumprod(Tensor x, int dim, DType dtype) {
        return x.cumprod(dim, dtype);
    }

    /** {@code torch.cumprod(x, dim, out=out)}. */
    public static Tensor cumprodOut(Tensor out, Tensor x, int dim) {
        return Tensor.of(Derived.out(out.impl, in -> Cumprod.cumprod(in[0], dim, null), x.impl));
    }

    /** {@code torch.logsumexp(x, dim)}. */
    public static Tensor logsumexp(Tensor x, int dim) {
        return x.logsumexp(dim);
    }

    /** {@code torch.logsumexp(x, dim, keepdim)}. */
    public static Tensor logsumexp(Tensor x, int dim, boolean keepdim) {
        return x.logsumexp(dim, keepdim);
    }

    /** {@code torch.logsumexp(x, dims, keepdim)}. */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        return x.logsumexp(dims, keepdim);
    }

    /** {@code torch.logsumexp(x, dim, out=out)}. */
    public static Tensor logsumexpOut(Tensor out, Tensor x, int dim) {
        return Tensor.of(Derived.out(out.impl, in -> Reductions.logsumexp(in[0], new int[] {dim}, false), x.impl));
    }

    /** {@code torch.count_nonzero(x)}. */
    public static Tensor countNonzero(Tensor x) {
        return x.countNonzero();
    }

    /** {@code torch.count_nonzero(x, dims)}. */
    public static Tensor countNonzero(Tensor x, int... dims) {
        return x.countNonzero(dims);
    }

    /** {@code torch.aminmax(x)}: {@code (min, max)} of all elements. */
    public static MinMax aminmax(Tensor x) {
        return x.aminmax();
    }

    /** {@code torch.aminmax(x, dim=dim)}. */
    public static MinMax aminmax(Tensor x, int dim) {
        return x.aminmax(dim);
    }

    /** {@code torch.aminmax(x, dim=dim, keepdim=keepdim)}. */
    public static MinMax aminmax(Tensor x, int dim, boolean keepdim) {
        return x.aminmax(dim, keepdim);
    }

    /** {@code torch.std_mean(x)}: {@code (std, mean)} of all elements (unbiased). */
    public static TensorList stdMean(Tensor x) {
        return TensorList.wrap(Statistics.varMean(x.impl, null, true, false, true));
    }

    /** {@code torch.std_mean(x, unbiased)}. */
    public static TensorList stdMean(Tensor x, boolean unbiased) {
        return TensorList.wrap(Statistics.varMean(x.impl, null, unbiased, false, true));
    }

    /** {@code torch.std_mean(x, dim)}. */
    public static TensorList stdMean(Tensor x, int dim) {
        return stdMean(x, new int[] {dim}, true, false);
    }

    /** {@code torch.std_mean(x, dim, unbiased, keepdim)}. */
    public static TensorList stdMean(Tensor x, int dim, boolean unbiased, boolean keepdim) {
        return stdMean(x, new int[] {dim}, unbiased, keepdim);
    }

    /** {@code torch.std_mean(x, dims, unbiased, keepdim)}. */
    public static TensorList stdMean(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        return TensorList.wrap(Statistics.varMean(x.impl, dims, unbiased, keepdim, true));
    }

    /** {@code torch.var_mean(x)}: {@code (var, mean)} of all elements (unbiased). */
    public static TensorList varMean(Tensor x) {
        return TensorList.wrap(Statistics.varMean(x.impl, null, true, false, false));
    }

    /** {@code torch.var_mean(x, unbiased)}. */
    public static TensorList varMean(Tensor x, boolean unbiased) {
        return TensorList.wrap(Statistics.varMean(x.impl, null, unbiased, false, false));
    }

    /** {@code torch.var_mean(x, dim)}. */
    public static TensorList varMean(Tensor x, int dim) {
        return varMean(x, new int[] {dim}, true, false);
    }

    /** {@code torch.var_mean(x, dim, unbiased, keepdim)}. */
    public static TensorList varMean(Tensor x, int dim, boolean unbiased, boolean keepdim) {
        return varMean(x, new int[] {dim}, unbiased, keepdim);
    }

    /** {@code torch.var_mean(x, dims, unbiased, keepdim)}. */
    public static TensorList varMean(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        return TensorList.wrap(Statistics.varMean(x.impl, dims, unbiased, keepdim, false));
    }

    /** {@code torch.tril(x)}. */
    public static Tensor tril(Tensor x) {
        return x.tril();
    }

    /** {@code torch.tril(x, diagonal)}. */
    public static Tensor tril(Tensor x, int diagonal) {
        return x.tril(diagonal);
    }

    /** {@code torch.triu(x)}. */
    public static Tensor triu(Tensor x) {
        return x.triu();
    }

    /** {@code torch.triu(x, diagonal)}. */
    public static Tensor triu(Tensor x, int diagonal) {
        return x.triu(diagonal);
    }

    /** {@code torch.roll(x, shifts)}: over the flattened tensor. */
    public static Tensor roll(Tensor x, int shifts) {
        return x.roll(shifts);
    }

    /** {@code torch.roll(x, shifts, dim)}. */
    public static Tensor roll(Tensor x, int shifts, int dim) {
        return x.roll(shifts, dim);
    }

    /** {@code torch.roll(x, shifts, dims)}. */
    public static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        return x.roll(shifts, dims);
    }

    /** {@code torch.flip(x, dims)}. */
    public static Tensor flip(Tensor x, int... dims) {
        return x.flip(dims);
    }

    /** {@code torch.unflatten(x, dim, sizes)}. */
    public static Tensor unflatten(Tensor x, int dim, int... sizes) {
        return x.unflatten(dim, sizes);
    }

    /** {@code torch.broadcast_to(x, shape)}. */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        return x.broadcastTo(shape);
    }

    /** {@code torch.broadcast_tensors(tensors...)}: each expanded to their common shape. */
    public static TensorList broadcastTensors(Tensor... tensors) {
        return TensorList.wrap(Views.broadcastTensors(Tensor.impls(tensors)));
    }

    /** {@code torch.hstack(tensors)}: joined along dim 1 (dim 0 for 1-d tensors). */
    public static Tensor hstack(List<Tensor> tensors) {
        return Tensor.of(Joining.hstack(Tensor.impls(tensors)));
    }

    /** {@code torch.hstack(tensors, out=out)}. */
    public static Tensor hstackOut(Tensor out, List<Tensor> tensors) {
        return Tensor.of(Derived.out(out.impl, Joining::hstack, Tensor.impls(tensors)));
    }

    /** {@code torch.vstack(tensors)}: joined along dim 0, 1-d tensors as rows. */
    public static Tensor vstack(List<Tensor> tensors) {
        return Tensor.of(Joining.vstack(Tensor.impls(tensors)));
    }

    /** {@code torch.vstack(tensors, out=out)}. */
    public static Tensor vstackOut(Tensor out, List<Tensor> tensors) {
        return Tensor.of(Derived.out(out.impl, Joining::vstack, Tensor.impls(tensors)));
    }

    /** {@code torch.masked_select(x, mask)}. */
    public static Tensor maskedSelect(Tensor x, Tensor mask) {
        return x.maskedSelect(mask);
    }

    /** {@code torch.masked_select(x, mask, out=out)}. */
    public static Tensor maskedSelectOut(Tensor out, Tensor x, Tensor mask) {
        return Tensor.of(Derived.out(out.impl, in -> Gathering.maskedSelect(in[0], in[1]), x.impl, mask.impl));
    }

    /** {@code torch.outer(a, b)}: the outer product of two 1-d tensors. */
    public static Tensor outer(Tensor a, Tensor b) {
        return a.outer(b);
    }

    /** {@code torch.outer(a, b, out=out)}. */
    public static Tensor outerOut(Tensor out, Tensor a, Tensor b) {
        return Tensor.of(Derived.out(out.impl, in -> Linalg.outer(in[0], in[1]), a.impl, b.impl));
    }

    /** {@code torch.mv(matrix, vec)}. */
    public static Tensor mv(Tensor matrix, Tensor vec) {
        return matrix.mv(vec);
    }

    /** {@code torch.mv(matrix, vec, out=out)}. */
    public static Tensor mvOut(Tensor out, Tensor matrix, Tensor vec) {
        return Tensor.of(Derived.out(out.impl, in -> Linalg.mv(in[0], in[1]), matrix.impl, vec.impl));
    }

    // ---------------------------------------------------------------- grad mode

    /** {@code with torch.no_grad():} as {@code try (var g = torch.noGrad()) { ... }}. */
    public static GradMode noGrad() {
        return GradMode.set(false);
    }

    /** {@code with torch.enable_grad():}. */
    public static GradMode enableGrad() {
        return GradMode.set(true);
    }

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradEnabled.isEnabled();
    }

    /** {@code torch.set_grad_enabled(flag)}. */
    public static void setGradEnabled(boolean enabled) {
        GradEnabled.set(enabled);
    }

    /** {@code torch.autograd}: functional gradients. */
    public static final class autograd {
        private autograd() {}

        /** {@code torch.autograd.grad(output, inputs)}: the gradients, nothing accumulated. */
        public static TensorList grad(Tensor output, Tensor... inputs) {
            return TensorList.wrap(Engine.grad(new TensorImpl[] {output.impl}, null, Tensor.impls(inputs), false));
        }

        /** {@code torch.autograd.grad(output, inputs, retain_graph=...)}. */
        public static TensorList grad(Tensor output, List<Tensor> inputs, boolean retainGraph) {
            return TensorList.wrap(Engine.grad(new TensorImpl[] {output.impl}, null, Tensor.impls(inputs),
                    retainGraph));
        }

        /**
         * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph)}; {@code gradOutputs}
         * may be null (every output then has one element).
         */
        public static TensorList grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                boolean retainGraph) {
            return TensorList.wrap(Engine.grad(Tensor.impls(outputs),
                    gradOutputs == null ? null : Tensor.impls(gradOutputs), Tensor.impls(inputs), retainGraph));
        }
    }
}
