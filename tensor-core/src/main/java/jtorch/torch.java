package jtorch;

import java.util.List;

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

    private static DType defaultDtype = DType.FLOAT32;

    /** The dtype of Python-float data and float factories ({@code float32} unless changed). */
    public static DType getDefaultDtype() {
        return defaultDtype;
    }

    /** Changes the default floating dtype ({@code float32} or {@code float64}, as PyTorch allows). */
    public static void setDefaultDtype(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("only floating-point types are supported as the default type");
        }
        defaultDtype = dtype;
    }

    // ---------------------------------------------------------------- torch.tensor

    /** A 0-d int64 tensor, as {@code torch.tensor(7)}. */
    public static Tensor tensor(long value) {
        return TensorData.build(value, null);
    }

    /** A 0-d tensor of the default float dtype, as {@code torch.tensor(1.5)}. */
    public static Tensor tensor(double value) {
        return TensorData.build(value, null);
    }

    /** A 0-d bool tensor. */
    public static Tensor tensor(boolean value) {
        return TensorData.build(value, null);
    }

    /** A tensor copied from Java data: a number, a (nested) primitive array, {@code Object[]} or List. */
    public static Tensor tensor(Object data) {
        return TensorData.build(data, null);
    }

    /** A 0-d tensor of the given dtype. */
    public static Tensor tensor(long value, DType dtype) {
        return TensorData.build(value, dtype);
    }

    /** A 0-d tensor of the given dtype. */
    public static Tensor tensor(double value, DType dtype) {
        return TensorData.build(value, dtype);
    }

    /** A tensor copied from Java data, converted to {@code dtype}. */
    public static Tensor tensor(Object data, DType dtype) {
        return TensorData.build(data, dtype);
    }

    /** {@code torch.tensor(value, requires_grad=...)}. */
    public static Tensor tensor(double value, boolean requiresGrad) {
        return TensorData.build(value, null).requiresGradFactory(requiresGrad);
    }

    /** {@code torch.tensor(data, requires_grad=...)}. */
    public static Tensor tensor(Object data, boolean requiresGrad) {
        return TensorData.build(data, null).requiresGradFactory(requiresGrad);
    }

    /** {@code torch.tensor(value, dtype=..., requires_grad=...)}. */
    public static Tensor tensor(double value, DType dtype, boolean requiresGrad) {
        return TensorData.build(value, dtype).requiresGradFactory(requiresGrad);
    }

    /** {@code torch.tensor(data, dtype=..., requires_grad=...)}. */
    public static Tensor tensor(Object data, DType dtype, boolean requiresGrad) {
        return TensorData.build(data, dtype).requiresGradFactory(requiresGrad);
    }

    // ---------------------------------------------------------------- shaped factories

    /** Zeros of the given shape in the default dtype. */
    public static Tensor zeros(int... size) {
        return zeros(size, null, false);
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
        return Creation.full(size, 0, dtype == null ? defaultDtype : dtype, requiresGrad);
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
        return Creation.full(size, 1, dtype == null ? defaultDtype : dtype, requiresGrad);
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
        return Creation.full(size, value, null, false);
    }

    /** {@code torch.full(size, value, dtype=...)}. */
    public static Tensor full(int[] size, Number value, DType dtype) {
        return Creation.full(size, value, dtype, false);
    }

    /** Zeros shaped and typed like {@code t}. */
    public static Tensor zerosLike(Tensor t) {
        return Creation.full(t.sizes, 0, t.dtype, false);
    }

    /** Ones shaped and typed like {@code t}. */
    public static Tensor onesLike(Tensor t) {
        return Creation.full(t.sizes, 1, t.dtype, false);
    }

    /** A tensor of {@code value} shaped and typed like {@code t}. */
    public static Tensor fullLike(Tensor t, Number value) {
        return Creation.full(t.sizes, value, t.dtype, false);
    }

    /** {@code torch.empty_like}: zero-filled in Java. */
    public static Tensor emptyLike(Tensor t) {
        return zerosLike(t);
    }

    /** The {@code n x n} identity matrix. */
    public static Tensor eye(int n) {
        return Creation.eye(n, n, null);
    }

    /** An {@code n x m} matrix with ones on the diagonal. */
    public static Tensor eye(int n, int m) {
        return Creation.eye(n, m, null);
    }

    /** {@code torch.eye(n, m, dtype=...)}. */
    public static Tensor eye(int n, int m, DType dtype) {
        return Creation.eye(n, m, dtype);
    }

    /** {@code torch.arange(end)} for an integer end: int64 values {@code 0 .. end-1}. */
    public static Tensor arange(long end) {
        return Creation.arange(0, end, 1, null);
    }

    /** {@code torch.arange(start, end)} with integers. */
    public static Tensor arange(long start, long end) {
        return Creation.arange(start, end, 1, null);
    }

    /** {@code torch.arange(start, end, step)} with integers. */
    public static Tensor arange(long start, long end, long step) {
        return Creation.arange(start, end, step, null);
    }

    /** {@code torch.arange(end, dtype=...)}. */
    public static Tensor arange(long end, DType dtype) {
        return Creation.arange(0, end, 1, dtype);
    }

    /** {@code torch.arange(start, end, dtype=...)}. */
    public static Tensor arange(long start, long end, DType dtype) {
        return Creation.arange(start, end, 1, dtype);
    }

    /** {@code torch.arange(5.0)}: a floating end gives the default float dtype. */
    public static Tensor arange(double end) {
        return Creation.arange(0, end, 1, false, null);
    }

    /** {@code torch.arange(1.5, 4)}. */
    public static Tensor arange(double start, double end) {
        return Creation.arange(start, end, 1, false, null);
    }

    /** {@code torch.arange(0, 1, 0.1)}. */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, false, null);
    }

    /** {@code torch.arange(start, end, step, dtype=...)}. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return Creation.arange(start, end, step, false, dtype);
    }

    /** {@code steps} evenly spaced values from {@code start} to {@code end} inclusive. */
    public static Tensor linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps, null);
    }

    /** {@code torch.linspace(start, end, steps, dtype=...)}. */
    public static Tensor linspace(double start, double end, int steps, DType dtype) {
        return Creation.linspace(start, end, steps, dtype);
    }

    // ---------------------------------------------------------------- legacy typed constructors

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
        return tensor(data, defaultDtype);
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
        return Scalars.wrap(a).pow(b);
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
        return WhereOp.forward(condition, a, b);
    }

    /** {@code torch.where(condition, a, scalar)}. */
    public static Tensor where(Tensor condition, Tensor a, Number b) {
        return WhereOp.forward(condition, a, Scalars.wrap(b));
    }

    // ---------------------------------------------------------------- dtypes and shapes

    /** {@code torch.result_type(a, b)}. */
    public static DType resultType(Tensor a, Tensor b) {
        return Promotion.resultType(a, b);
    }

    /** {@code torch.result_type(a, scalar)}. */
    public static DType resultType(Tensor a, Number b) {
        return Promotion.resultType(a, Scalars.wrap(b));
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
        int[] out = new int[0];
        try {
            for (Size s : shapes) {
                out = Shapes.broadcast(out, s.array());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Shape mismatch: objects cannot be broadcast to a single shape", e);
        }
        return jtorch.Size.wrap(out);
    }

    /** {@code torch.broadcast_shapes((2, 1), (1, 3))} with shapes as int arrays. */
    public static Size broadcastShapes(int[]... shapes) {
        Size[] sizes = new Size[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            sizes[i] = jtorch.Size.of(shapes[i]);
        }
        return broadcastShapes(sizes);
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
        return GradMode.isEnabled();
    }

    /** {@code torch.set_grad_enabled(flag)}. */
    public static void setGradEnabled(boolean enabled) {
        GradMode.reset(enabled);
    }

    /** {@code torch.autograd}: functional gradients. */
    public static final class autograd {
        private autograd() {}

        /** {@code torch.autograd.grad(output, inputs)}: the gradients, nothing accumulated. */
        public static TensorList grad(Tensor output, Tensor... inputs) {
            return new TensorList(List.of(Engine.grad(new Tensor[] {output}, inputs, false)));
        }
    }
}
