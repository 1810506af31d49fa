package jtorch.internal.ops;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import jtorch.DType;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.autograd.Grads;
import jtorch.internal.kernels.Elementwise;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.kernels.UnaryOp;
import jtorch.internal.shape.Shapes;
import jtorch.internal.tensor.TensorImpl;

/**
 * The in-place ({@code x.sin_()}) and {@code out=} ({@code torch.sin(x, out=y)}) forms of an op,
 * derived from its one out-of-place definition (forward and derivative), as PyTorch derives
 * them: the result must cast to the written tensor's dtype and have its shape (tensors here never
 * change shape, so {@code out} must be allocated with the result's shape); in place with grad, the
 * written tensor's history is rebased on the op's node; {@code out=} refuses autograd and returns
 * {@code out}.
 */
public final class Derived {
    private Derived() {
    }

    /** {@code self.op_()}: {@code op} applied to self, written back into self. */
    public static TensorImpl inPlace(TensorImpl self, UnaryOperator<TensorImpl> op) {
        return inPlace(self, op, false);
    }

    /**
     * {@code self.op_()} for an op with a vector form whose out-of-place result has self's float32
     * or float64 dtype: where no gradient is recorded, {@code op}'s kernel writes self directly
     * (no fresh result, no copy; 4M floats' {@code abs_} 2.4 ms before); otherwise {@code general},
     * the op, as {@link #inPlace(TensorImpl, UnaryOperator)} applies it.
     */
    public static TensorImpl inPlace(TensorImpl self, UnaryOp op, UnaryOperator<TensorImpl> general) {
        boolean direct = self.dtype() == DType.FLOAT32 || self.dtype() == DType.FLOAT64;
        if (!direct || Grads.needed(self)) {
            return inPlace(self, general);
        }
        Autograd.checkInplace(self);
        checkNoInternalOverlap(self);
        Elementwise.unaryInto(self, self, self.dtype(), op);
        return self;
    }

    /**
     * {@code self.op_()}; with {@code cppTypeNames} a dtype mismatch names C++ types, as PyTorch's
     * clamp family does ("... desired output type long int").
     */
    public static TensorImpl inPlace(TensorImpl self, UnaryOperator<TensorImpl> op, boolean cppTypeNames) {
        Autograd.checkInplace(self);
        boolean grad = Grads.needed(self);
        // the op's own checks (neg of bool, the clamp family's cast) come before TensorIterator's overlap
        // check, the kernel's "not implemented for" after it
        TensorImpl result;
        try {
            result = grad ? op.apply(Autograd.snapshotForInplace(self)) : GradEnabled.without(() -> op.apply(self));
        } catch (UnsupportedOperationException notImplemented) {
            checkNoInternalOverlap(self);
            throw notImplemented;
        }
        if (cppTypeNames && !DType.canCast(result.dtype(), self.dtype())) {
            throw new IllegalArgumentException("result type " + result.dtype().scalarName()
                    + " can't be cast to the desired output type " + cppName(self.dtype()));
        }
        checkNoInternalOverlap(self);
        write(self, result, "output with shape");
        if (grad) {
            Autograd.rebaseHistory(self, Autograd.gradFn(result));
        }
        return self;
    }

    /**
     * {@code self.op_(other)} for an op whose result has the operands' promoted dtype (the
     * integer and bitwise families): the cast to self's dtype is checked before the op's own
     * dtype checks, as TensorIterator does.
     */
    public static TensorImpl promotedInPlace(TensorImpl self, TensorImpl other, BinaryOperator<TensorImpl> op) {
        Autograd.checkInplace(self);
        checkNoInternalOverlap(self);
        checkBroadcast(self, other);
        checkCast(Promotion.resultType(self, other), self.dtype());
        return inPlace(self, other, op);
    }

    /** {@code self.op_(other)} for a binary op, broadcasting {@code other} to self's shape. */
    public static TensorImpl inPlace(TensorImpl self, TensorImpl other, BinaryOperator<TensorImpl> op) {
        Autograd.checkInplace(self);
        checkNoInternalOverlap(self);
        checkBroadcast(self, other);
        boolean grad = Grads.needed(self, other);
        TensorImpl result = grad ? op.apply(Autograd.snapshotForInplace(self), other)
                : GradEnabled.without(() -> op.apply(self, other));
        write(self, result, "output with shape");
        if (grad) {
            Autograd.rebaseHistory(self, Autograd.gradFn(result));
        }
        return self;
    }

    /** A ternary op ({@code addcmul}): its inputs, the result. */
    @FunctionalInterface
    public interface TernaryOp {
        TensorImpl apply(TensorImpl a, TensorImpl b, TensorImpl c);
    }

    /**
     * {@code self.op_(b, c)} for a ternary op whose result has {@code resultType}, checked in
     * PyTorch's order: autograd's in-place check, TensorIterator's overlap check, the operands'
     * broadcast shape, that it is self's, the cast to self's dtype, then the op itself.
     */
    public static TensorImpl inPlace(TensorImpl self, TensorImpl b, TensorImpl c, DType resultType, TernaryOp op) {
        Autograd.checkInplace(self);
        checkNoInternalOverlap(self);
        int[] shape = Shapes.broadcast(Shapes.broadcast(self.sizes(), b.sizes()), c.sizes());
        if (!Arrays.equals(shape, self.sizes())) {
            throw new IllegalArgumentException("output with shape " + Arrays.toString(self.sizes())
                    + " doesn't match the broadcast shape " + Arrays.toString(shape));
        }
        checkCast(resultType, self.dtype());
        boolean grad = Grads.needed(self, b, c);
        TensorImpl result = grad ? op.apply(Autograd.snapshotForInplace(self), b, c)
                : GradEnabled.without(() -> op.apply(self, b, c));
        write(self, result, "output with shape");
        if (grad) {
            Autograd.rebaseHistory(self, Autograd.gradFn(result));
        }
        return self;
    }

    /** {@code torch.op(inputs, out=out)}: the result written into {@code out}, which is returned. */
    public static TensorImpl out(TensorImpl out, Function<TensorImpl[], TensorImpl> op, TensorImpl... inputs) {
        return out(null, out, op, inputs);
    }

    /**
     * {@code torch.op(inputs, out=out)} whose autograd error names the op, as PyTorch's does
     * ({@code "mul(): functions with out=..."}); {@code name} null leaves the name out.
     */
    public static TensorImpl out(String name, TensorImpl out, Function<TensorImpl[], TensorImpl> op,
            TensorImpl... inputs) {
        TensorImpl[] all = Arrays.copyOf(inputs, inputs.length + 1);
        all[inputs.length] = out;
        if (Grads.needed(all)) {
            throw new IllegalArgumentException((name == null ? "" : name + "(): ") + "functions with out=... arguments"
                    + " don't support automatic differentiation, but one of the arguments requires grad.");
        }
        TensorImpl result = op.apply(inputs);
        write(out, result, "out= tensor of shape");
        out.storage().bumpVersion();
        return out;
    }

    /** The C++ name of a dtype's element type, as some PyTorch messages spell it ("long int"). */
    static String cppName(DType type) {
        return switch (type) {
            case INT64 -> "long int";
            case INT32 -> "int";
            case INT16 -> "short int";
            case INT8 -> "signed char";
            case UINT8 -> "unsigned char";
            case BOOL -> "bool";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case FLOAT16 -> "c10::Half";
            case BFLOAT16 -> "c10::BFloat16";
        };
    }

    /** An in-place op's operand must broadcast to self's shape; checked after the autograd and overlap checks, as TensorIterator does. */
    static void checkBroadcast(TensorImpl self, TensorImpl other) {
        int[] shape = Shapes.broadcast(self.sizes(), other.sizes());
        if (!Arrays.equals(shape, self.sizes())) {
            throw new IllegalArgumentException("output with shape " + Arrays.toString(self.sizes())
                    + " doesn't match the broadcast shape " + Arrays.toString(shape));
        }
    }

    private static void checkCast(DType result, DType target) {
        if (!DType.canCast(result, target)) {
            throw new IllegalArgumentException("result type " + result.scalarName()
                    + " can't be cast to the desired output type " + target.scalarName());
        }
    }

    /** Writes an op's result into its output, checking the shape, then the cast (TensorIterator's order). */
    private static void write(TensorImpl target, TensorImpl result, String what) {
        if (!Arrays.equals(target.sizes(), result.sizes())) {
            throw new IllegalArgumentException(what + " " + Arrays.toString(target.sizes())
                    + " doesn't match the broadcast shape " + Arrays.toString(result.sizes()));
        }
        checkCast(result.dtype(), target.dtype());
        StridedCopy.copyInto(target, result);
    }

    /**
     * PyTorch's check that an in-place op does not write one storage slot for several elements (an
     * expanded tensor); {@code fill_}, {@code zero_}, {@code masked_fill_} and index assignment skip it.
     */
    static void checkNoInternalOverlap(TensorImpl out) {
        if (out.layout().hasInternalOverlap()) {
            throw new IllegalArgumentException("unsupported operation: more than one element of the written-to tensor"
                    + " refers to a single memory location. Please clone() the tensor before performing the operation.");
        }
    }
}
