package jtorch.internal.autograd;

import static jtorch.internal.autograd.FormulaNode.Operand.OTHER;
import static jtorch.internal.autograd.FormulaNode.Operand.RESULT;
import static jtorch.internal.autograd.FormulaNode.Operand.SELF;
import static jtorch.internal.autograd.FormulaNode.formula;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jtorch.DType;
import jtorch.TestAccess;
import jtorch.Tensor;
import jtorch.internal.ops.Arithmetic;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** The derivatives.yaml-style backward node: what it saves, and how it shapes the gradients. */
class FormulaNodeTest {
    private static Tensor leaf(double... values) {
        return torch.tensor(values, true);
    }

    private static TensorImpl impl(Tensor t) {
        return TestAccess.impl(t);
    }

    /** {@code self * other} with PyTorch's mul formulas, recorded through the node under test. */
    private static Tensor mul(Tensor self, Tensor other) {
        return mul(self, impl(other));
    }

    private static Tensor mul(Tensor self, TensorImpl other) {
        TensorImpl out = GradEnabled.without(() -> Arithmetic.mul(impl(self), other));
        return TestAccess.of(FormulaNode.record(out, "MulBackward0", impl(self), other,
                formula((g, in) -> Arithmetic.mul(g, in.other()), OTHER),
                formula((g, in) -> Arithmetic.mul(g, in.self()), SELF)));
    }

    /** Records {@code out = op(x)} through the node under test. */
    private static Tensor record(Tensor out, String name, Tensor x, FormulaNode.Derivative d) {
        return TestAccess.of(FormulaNode.record(impl(out), name, impl(x), d));
    }

    @Test
    void record_noInputNeedsGradLeavesResultWithoutNode() {
        Tensor out = mul(torch.tensor(new double[] {1, 2}), torch.tensor(new double[] {3, 4}));
        assertNull(out.gradFn());
    }

    @Test
    void record_namesNodeAndComputesEachFormula() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        Tensor y = mul(a, b);
        assertEquals("MulBackward0", y.gradFn().name());
        y.sum().backward();
        assertEquals("tensor([3., 4.])", a.grad().toString());
        assertEquals("tensor([1., 2.])", b.grad().toString());
    }

    @Test
    void record_savesOnlyWhatNeededFormulasRead() {
        // only self needs a gradient, so only other is saved: modifying self in place is harmless
        Tensor a = leaf(1, 2);
        Tensor b = torch.tensor(new double[] {3, 4});
        Tensor y = mul(a, b);
        boolean previous = GradEnabled.set(false);
        try {
            a.detach().add_(torch.tensor(1.0));
        } finally {
            GradEnabled.set(previous);
        }
        assertDoesNotThrow(() -> y.sum().backward());
        assertEquals("tensor([3., 4.])", a.grad().toString());
    }

    @Test
    void apply_savedTensorFreedAfterBackward() {
        Tensor x = leaf(2);
        Tensor y = mul(x, Scalars.wrap(2)).sum();
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"));
    }

    @Test
    void apply_formulaReadingNothingMayRunAgain() {
        Tensor x = leaf(1, 2);
        Tensor y = record(x.detach().add(1), "AddBackward0", x, formula((g, in) -> g)).sum();
        y.backward();
        y.backward();
        assertEquals("tensor([2., 2.])", x.grad().toString());
    }

    @Test
    void apply_readsResultSavedAfterAttaching() {
        Tensor x = leaf(0, 1);
        Tensor out = record(x.detach().exp(), "ExpBackward0", x,
                formula((g, in) -> Arithmetic.mul(g, in.result()), RESULT));
        assertTrue(Autograd.gradFn(impl(out)) instanceof FormulaNode);
        out.sum().backward();
        assertEquals(x.detach().exp().toString(), x.grad().toString());
    }

    @Test
    void apply_sumsBroadcastDimsAndCastsToInputDtype() {
        Tensor a = torch.ones(2, 3).requiresGrad_(true);
        Tensor b = torch.tensor(new double[] {1, 2, 3}, DType.FLOAT64).requiresGrad_(true);
        TensorImpl out = GradEnabled.without(() -> Arithmetic.add(impl(a), impl(b)));
        TestAccess.of(FormulaNode.record(out, "AddBackward0", impl(a), impl(b), formula((g, in) -> g),
                formula((g, in) -> g))).sum().backward();
        assertEquals("tensor([[1., 1., 1.],\n        [1., 1., 1.]])", a.grad().toString());
        assertEquals("tensor([2., 2., 2.], dtype=torch.float64)", b.grad().toString());
    }
}
