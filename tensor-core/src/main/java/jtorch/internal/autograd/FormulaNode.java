package jtorch.internal.autograd;

import jtorch.DType;
import jtorch.internal.tensor.TensorImpl;

/**
 * The backward node of an op, written like an entry of PyTorch's derivatives.yaml: the grad_fn
 * name and one formula per input, giving that input's gradient from the incoming gradient and
 * the tensors the formula reads. For example {@code mul}:
 *
 * <pre>{@code
 * return FormulaNode.record(out, "MulBackward0", self, other,
 *         formula((g, in) -> mul(g, in.other()), OTHER),
 *         formula((g, in) -> mul(g, in.self()), SELF));
 * }</pre>
 *
 * <p>Every op records its history this way, with any number of inputs ({@code cat} has one per
 * tensor); the only other nodes are the structural ones of the autograd layer itself
 * ({@link AccumulateGrad}, {@link CopySlices}).
 *
 * <p>Invariants: a tensor is saved (as a {@link SavedTensor}) exactly when the formula of an
 * input that needs a gradient reads it, as PyTorch's generated nodes do; so the node of
 * {@code 2 * x} keeps the scalar and a second backward through it fails, while
 * {@code AddBackward0} keeps nothing and may run again. Formulas reach saved tensors only through
 * {@link #self()}, {@link #other()}, {@link #input(int)} and {@link #result()}; anything else they use is captured when
 * the op runs (dims, scalars, shapes, detached index tensors). A formula is called only for an
 * input that needs a gradient, and may return null for "no gradient" ({@code norm} with p = 0).
 * Each gradient it returns is summed over the dimensions its input
 * was broadcast along and cast to the input's dtype, as PyTorch's engine does with each input's
 * metadata. Formulas run with grad mode off.
 */
public final class FormulaNode extends Node {
    /** A tensor a formula may read: an input (by position) or the op's result. */
    public static final class Operand {
        /** The first input. */
        public static final Operand SELF = new Operand(0);
        /** The second input. */
        public static final Operand OTHER = new Operand(1);
        /** The op's result. */
        public static final Operand RESULT = new Operand(-1);

        private final int input;

        private Operand(int input) {
            this.input = input;
        }

        /** Input {@code i} (0-based). */
        public static Operand input(int i) {
            return i == 0 ? SELF : i == 1 ? OTHER : new Operand(i);
        }
    }

    /** The gradient of one input, from the incoming gradient and the node's saved tensors. */
    @FunctionalInterface
    public interface Formula {
        TensorImpl apply(TensorImpl grad, FormulaNode in);
    }

    /** A formula with the operands it reads, which decide what the node saves. */
    public static final class Derivative {
        private final Formula formula;
        private final Operand[] reads;

        private Derivative(Formula formula, Operand[] reads) {
            this.formula = formula;
            this.reads = reads;
        }
    }

    private static final Operand[] READS_NOTHING = {};

    /** A derivative formula that reads {@code reads} (nothing else may be unpacked in it). */
    public static Derivative formula(Formula formula, Operand... reads) {
        return new Derivative(formula, reads);
    }

    /** A derivative formula that reads no saved tensor (without a fresh empty varargs array per op). */
    public static Derivative formula(Formula formula) {
        return new Derivative(formula, READS_NOTHING);
    }

    private final String name;
    private final Derivative[] derivatives;
    private final int[][] inputSizes;
    private final DType[] inputTypes;
    /** The inputs' saved tensors by position (null where no needed formula reads them). */
    private final SavedTensor[] saved;
    private final boolean readsResult;
    private SavedTensor result;

    private FormulaNode(String name, TensorImpl[] inputs, Derivative[] derivatives) {
        super(inputs);
        this.name = name;
        this.derivatives = derivatives;
        this.inputSizes = new int[inputs.length][];
        this.inputTypes = new DType[inputs.length];
        boolean[] read = new boolean[inputs.length];
        boolean readsOutput = false;
        for (int i = 0; i < inputs.length; i++) {
            if (needsGrad(i)) {
                inputSizes[i] = inputs[i].sizes();
                inputTypes[i] = inputs[i].dtype();
                for (Operand o : derivatives[i].reads) {
                    if (o.input < 0) {
                        readsOutput = true;
                    } else {
                        read[o.input] = true;
                    }
                }
            }
        }
        this.saved = new SavedTensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (read[i]) {
                saved[i] = save(inputs[i]);
            }
        }
        this.readsResult = readsOutput;
    }

    /** The node of a one-input op, for a caller that attaches it itself (an in-place op's rebase). */
    public static FormulaNode of(String name, TensorImpl self, Derivative forSelf) {
        return new FormulaNode(name, new TensorImpl[] {self}, new Derivative[] {forSelf});
    }

    /** The node of a two-input op ({@code other} may be null: no gradient), attached by the caller. */
    public static FormulaNode of(String name, TensorImpl self, TensorImpl other, Derivative forSelf,
                                 Derivative forOther) {
        return new FormulaNode(name, new TensorImpl[] {self, other}, new Derivative[] {forSelf, forOther});
    }

    /**
     * Records {@code out = op(self)} when self needs a gradient; returns {@code out}. A view of a
     * tensor that requires grad (the result shares its storage) made while grad mode is off
     * becomes a no_grad view ({@link Autograd#markNoGradView}).
     */
    public static TensorImpl record(TensorImpl out, String name, TensorImpl self, Derivative forSelf) {
        if (Grads.needed(self)) {
            of(name, self, forSelf).attachTo(out);
        } else if (out != self && out.storage() == self.storage() && self.requiresGrad()) {
            Autograd.markNoGradView(out, self);
        }
        return out;
    }

    /** Records {@code out = op(self, other)} when an input needs a gradient; returns {@code out}. */
    public static TensorImpl record(TensorImpl out, String name, TensorImpl self, TensorImpl other,
                                    Derivative forSelf, Derivative forOther) {
        if (Grads.needed(self, other)) {
            of(name, self, other, forSelf, forOther).attachTo(out);
        }
        return out;
    }

    /** Records {@code out = op(inputs...)} with one derivative per input; returns {@code out}. */
    public static TensorImpl record(TensorImpl out, String name, TensorImpl[] inputs, Derivative[] derivatives) {
        if (Grads.needed(inputs)) {
            new FormulaNode(name, inputs, derivatives).attachTo(out);
        }
        return out;
    }

    private void attachTo(TensorImpl out) {
        Autograd.setGradFn(out, this);
        if (readsResult) {
            result = saveOutput(out);
        }
    }

    /** The saved first input. */
    public TensorImpl self() {
        return saved[0].unpack();
    }

    /** The saved second input. */
    public TensorImpl other() {
        return saved[1].unpack();
    }

    /** The saved input {@code i}. */
    public TensorImpl input(int i) {
        return saved[i].unpack();
    }

    /** The saved result of the op. */
    public TensorImpl result() {
        return result.unpack();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    TensorImpl[] apply(TensorImpl grad) {
        TensorImpl[] grads = new TensorImpl[derivatives.length];
        for (int i = 0; i < grads.length; i++) {
            if (needsGrad(i)) {
                TensorImpl g = derivatives[i].formula.apply(grad, this);
                grads[i] = g == null ? null : Grads.reduceTo(g, inputSizes[i], inputTypes[i]);
            }
        }
        return grads;
    }
}
