package jtorch;

import java.util.Collections;
import java.util.EnumSet;

/**
 * The backward node of an op with one or two inputs ({@code self}, {@code other}), written like
 * an entry of PyTorch's derivatives.yaml: the grad_fn name and one formula per input, giving that
 * input's gradient from the incoming gradient and the tensors the formula reads. For example
 * {@code mul}:
 *
 * <pre>{@code
 * return FormulaNode.record(out, "MulBackward0", self, other,
 *         formula((g, in) -> g.mul(in.other()), OTHER),
 *         formula((g, in) -> g.mul(in.self()), SELF));
 * }</pre>
 *
 * <p>Invariants: a tensor is saved (as a {@link SavedTensor}) exactly when the formula of an
 * input that needs a gradient reads it, as PyTorch's generated nodes do; so the node of
 * {@code 2 * x} keeps the scalar and a second backward through it fails, while
 * {@code AddBackward0} keeps nothing and may run again. Formulas reach saved tensors only through
 * {@link #self()}, {@link #other()} and {@link #result()}; anything else they use is captured when
 * the op runs (dims, scalars, shapes, detached index tensors). Each gradient a formula returns is
 * summed over the dimensions its input was broadcast along and cast to the input's dtype, as
 * PyTorch's engine does with each input's metadata.
 */
final class FormulaNode extends Node {
    /** A tensor a formula may read: an input, or the op's result. */
    enum Operand { SELF, OTHER, RESULT }

    /** The gradient of one input, from the incoming gradient and the node's saved tensors. */
    @FunctionalInterface
    interface Formula {
        Tensor apply(Tensor grad, FormulaNode in);
    }

    /** A formula with the operands it reads, which decide what the node saves. */
    static final class Derivative {
        private final Formula formula;
        private final EnumSet<Operand> reads;

        private Derivative(Formula formula, EnumSet<Operand> reads) {
            this.formula = formula;
            this.reads = reads;
        }
    }

    /** A derivative formula that reads {@code reads} (nothing else may be unpacked in it). */
    static Derivative formula(Formula formula, Operand... reads) {
        EnumSet<Operand> set = EnumSet.noneOf(Operand.class);
        Collections.addAll(set, reads);
        return new Derivative(formula, set);
    }

    private final String name;
    private final Derivative[] derivatives;
    private final int[][] inputSizes;
    private final DType[] inputTypes;
    private final SavedTensor self;
    private final SavedTensor other;
    private final boolean readsResult;
    private SavedTensor result;

    private FormulaNode(String name, Tensor[] inputs, Derivative[] derivatives) {
        super(inputs);
        this.name = name;
        this.derivatives = derivatives;
        this.inputSizes = new int[inputs.length][];
        this.inputTypes = new DType[inputs.length];
        EnumSet<Operand> reads = EnumSet.noneOf(Operand.class);
        for (int i = 0; i < inputs.length; i++) {
            if (needsGrad(i)) {
                inputSizes[i] = inputs[i].sizes;
                inputTypes[i] = inputs[i].dtype;
                reads.addAll(derivatives[i].reads);
            }
        }
        this.self = reads.contains(Operand.SELF) ? save(inputs[0]) : null;
        this.other = reads.contains(Operand.OTHER) ? save(inputs[1]) : null;
        this.readsResult = reads.contains(Operand.RESULT);
    }

    /** The node of a one-input op, for a caller that attaches it itself (an in-place op's rebase). */
    static FormulaNode of(String name, Tensor self, Derivative forSelf) {
        return new FormulaNode(name, new Tensor[] {self}, new Derivative[] {forSelf});
    }

    /** The node of a two-input op ({@code other} may be null: no gradient), attached by the caller. */
    static FormulaNode of(String name, Tensor self, Tensor other, Derivative forSelf, Derivative forOther) {
        return new FormulaNode(name, new Tensor[] {self, other}, new Derivative[] {forSelf, forOther});
    }

    /** Records {@code out = op(self)} when self needs a gradient; returns {@code out}. */
    static Tensor record(Tensor out, String name, Tensor self, Derivative forSelf) {
        if (Grads.needed(self)) {
            of(name, self, forSelf).attachTo(out);
        }
        return out;
    }

    /** Records {@code out = op(self, other)} when an input needs a gradient; returns {@code out}. */
    static Tensor record(Tensor out, String name, Tensor self, Tensor other, Derivative forSelf,
                         Derivative forOther) {
        if (Grads.needed(self, other)) {
            of(name, self, other, forSelf, forOther).attachTo(out);
        }
        return out;
    }

    private void attachTo(Tensor out) {
        out.withGradFn(this);
        if (readsResult) {
            result = saveOutput(out);
        }
    }

    /** The saved {@code self} input. */
    Tensor self() {
        return self.unpack();
    }

    /** The saved {@code other} input. */
    Tensor other() {
        return other.unpack();
    }

    /** The saved result of the op. */
    Tensor result() {
        return result.unpack();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    Tensor[] apply(Tensor grad) {
        Tensor[] grads = new Tensor[derivatives.length];
        for (int i = 0; i < grads.length; i++) {
            if (needsGrad(i)) {
                grads[i] = Grads.reduceTo(derivatives[i].formula.apply(grad, this), inputSizes[i], inputTypes[i]);
            }
        }
        return grads;
    }
}
