package jtorch;

import static jtorch.internal.autograd.FormulaNode.formula;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import jtorch.internal.autograd.FormulaNode;
import jtorch.internal.ops.Arithmetic;
import org.junit.jupiter.api.Test;

/** The autograd engine's observable behaviour, with PyTorch 1.13's printed text and messages. */
class AutogradTest {
    private static final String FREED = "Trying to backward through the graph a second time (or directly access saved"
            + " tensors after they have already been freed). Saved intermediate values of the graph are freed when you"
            + " call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the"
            + " graph a second time or if you need to access saved tensors after calling backward.";
    private static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute"
            + " its gradient, with torch.autograd.set_detect_anomaly(True).";

    @AfterEach
    void restoreGradMode() {
        torch.setGradEnabled(true);
    }

    private static Tensor vec(double... values) {
        return torch.tensor(values, true);
    }

    @Test
    void backward_courseCellAccumulates() {
        Tensor x1 = torch.tensor(1.0, true);
        Tensor x2 = torch.tensor(2.0, true);
        Tensor y = x1.add(torch.mul(2, x2));
        assertEquals("tensor(5., grad_fn=<AddBackward0>)", y.toString());
        assertEquals("tensor(1., requires_grad=True)", x1.toString());
        assertNull(x1.grad());
        y.backward();
        assertEquals("tensor(1.)", x1.grad().data().toString());
        assertEquals("tensor(2.)", x2.grad().data().toString());
        for (int i = 0; i < 4; i++) {
            x1.add(torch.mul(2, x2)).backward();
        }
        assertEquals("tensor(5.)", x1.grad().toString());
        assertEquals("tensor(10.)", x2.grad().toString());
        assertEquals("AddBackward0", y.gradFn().name());
    }

    @Test
    void backward_sameGraphTwiceFailsUnlessRetained() {
        Tensor x1 = torch.tensor(1.0, true);
        Tensor x2 = torch.tensor(2.0, true);
        Tensor y = x1.add(torch.mul(2, x2));
        y.backward();
        assertEquals(FREED, assertThrows(IllegalStateException.class, y::backward).getMessage());

        Tensor x = vec(1, 2, 3);
        Tensor z = x.exp().sum();
        z.backward(true);
        z.backward();
        assertEquals(FREED, assertThrows(IllegalStateException.class, z::backward).getMessage());
        Tensor w = x.mul(x).sum();
        x.setGrad(null);
        w.backward(true);
        w.backward();
        assertEquals("tensor([ 4.,  8., 12.])", x.grad().toString());
    }

    @Test
    void backward_graphWithoutSavedTensorsRunsTwice() {
        Tensor a = torch.tensor(1.0, true);
        Tensor y = a.add(a);
        y.backward();
        y.backward();
        assertEquals("tensor(4.)", a.grad().toString());
    }

    @Test
    void backward_withGradientArgument() {
        Tensor x = vec(1, 2, 3);
        x.mul(2).backward(torch.tensor(new double[] {1, 0.1, 0.01}));
        assertEquals("tensor([2.0000, 0.2000, 0.0200])", x.grad().toString());
        x.setGrad(null);
        x.mul(2).backward(torch.tensor(new double[] {1, 1, 1}, DType.FLOAT64));
        assertEquals("tensor([2., 2., 2.])", x.grad().toString());
    }

    @Test
    void backward_errors() {
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn",
                assertThrows(IllegalArgumentException.class, () -> torch.tensor(1.).backward()).getMessage());
        Tensor x = torch.ones(new int[] {2}, true);
        assertEquals("grad can be implicitly created only for scalar outputs",
                assertThrows(IllegalArgumentException.class, () -> x.mul(2).backward()).getMessage());
        Tensor x3 = vec(1, 2, 3);
        assertEquals("Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of"
                + " torch.Size([3]).", assertThrows(IllegalArgumentException.class,
                    () -> x3.mul(2).backward(torch.ones(2))).getMessage());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn",
                assertThrows(IllegalArgumentException.class, () -> x3.mul(2).sum().detach().backward()).getMessage());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn",
                assertThrows(IllegalArgumentException.class, () -> x3.toLong().sum().backward()).getMessage());
    }

    @Test
    void backward_onLeafScalar() {
        Tensor z = torch.tensor(3., true);
        z.backward();
        assertEquals("tensor(1.)", z.grad().toString());
    }

    @Test
    void grad_isNullBeforeBackwardAndDataThrowsHelpfulNpe() {
        Tensor x = vec(1, 2, 3);
        assertNull(x.grad());
        NullPointerException e = assertThrows(NullPointerException.class, () -> x.grad().data());
        assertTrue(e.getMessage() != null && e.getMessage().contains("grad()"), e.getMessage());
    }

    @Test
    void grad_accumulatesInPlaceZeroesAndResets() {
        Tensor x = vec(1, 2, 3);
        x.mul(2).sum().backward();
        Tensor g = x.grad();
        x.mul(2).sum().backward();
        assertSame(g, x.grad());
        assertEquals("tensor([4., 4., 4.])", g.toString());
        x.grad().zero_();
        x.mul(3).sum().backward();
        assertEquals("tensor([3., 3., 3.])", x.grad().toString());
        x.setGrad(null);
        x.mul(3).sum().backward();
        assertEquals("tensor([3., 3., 3.])", x.grad().toString());
        assertTrue(x.grad().isLeaf());
        assertFalse(x.grad().requiresGrad());
    }

    @Test
    void setGrad_checksShapeAndDtype() {
        Tensor x = vec(1, 2, 3);
        assertEquals("assigned grad has data of a different size",
                assertThrows(IllegalArgumentException.class, () -> x.setGrad(torch.ones(2))).getMessage());
        assertEquals("assigned grad has data of a different type", assertThrows(IllegalArgumentException.class,
                () -> x.setGrad(torch.ones(3, DType.FLOAT64))).getMessage());
        x.setGrad(torch.ones(3));
        assertEquals("tensor([1., 1., 1.])", x.grad().toString());
    }

    @Test
    void retainGrad_keepsNonLeafGradients() {
        Tensor x = vec(1, 2, 3);
        Tensor y = x.mul(2);
        y.retainGrad();
        y.sum().backward();
        assertEquals("tensor([1., 1., 1.])", y.grad().toString());
        Tensor z = x.mul(2);
        z.sum().backward();
        assertNull(z.grad());
        Tensor plain = torch.tensor(new double[] {1, 2});
        assertEquals("can't retain_grad on Tensor that has requires_grad=False",
                assertThrows(IllegalArgumentException.class, plain::retainGrad).getMessage());
    }

    @Test
    void retainGrad_followsInPlaceUpdates() {
        Tensor x = vec(1, 2, 3);
        Tensor y = x.mul(2);
        y.retainGrad();
        y.add_(1);
        y.mul(y).sum().backward();
        assertEquals("tensor([ 6., 10., 14.])", y.grad().toString());
        assertEquals("tensor([12., 20., 28.])", x.grad().toString());
    }

    @Test
    void autogradGrad_returnsWithoutAccumulating() {
        Tensor x = vec(1, 2, 3);
        assertEquals("(tensor([2., 4., 6.]),)", torch.autograd.grad(x.pow(2).sum(), x).toString());
        assertNull(x.grad());
        Tensor a = torch.tensor(2., true);
        assertEquals("(tensor(7.),)",
                torch.autograd.grad(List.of(a.mul(a), a.mul(3)), List.of(a), null, false).toString());
        assertEquals("(tensor(24.),)", torch.autograd.grad(List.of(a.mul(a).mul(a)), List.of(a),
                List.of(torch.tensor(2.)), false).toString());
        Tensor b = a.mul(a);
        assertEquals("(tensor(12.), tensor(3.))", torch.autograd.grad(b.mul(3), a, b).toString());
        assertEquals("(tensor(4.), tensor(4.))", torch.autograd.grad(a.mul(a), a, a).toString());
        assertNull(a.grad());
    }

    @Test
    void autogradGrad_errors() {
        Tensor x = vec(1, 2, 3);
        Tensor z = torch.tensor(1., true);
        assertEquals("One of the differentiated Tensors appears to not have been used in the graph. Set"
                + " allow_unused=True if this is the desired behavior.", assertThrows(IllegalStateException.class,
                    () -> torch.autograd.grad(x.mul(2).sum(), z)).getMessage());
        assertEquals("One of the differentiated Tensors does not require grad", assertThrows(
                IllegalStateException.class, () -> torch.autograd.grad(x.mul(2).sum(), torch.tensor(1.))).getMessage());
        Tensor y = x.exp().sum();
        torch.autograd.grad(y, List.of(x), true);
        torch.autograd.grad(y, x);
        assertEquals(FREED, assertThrows(IllegalStateException.class, () -> torch.autograd.grad(y, x)).getMessage());
    }

    @Test
    void detach_sharesStorageAndLeavesTheGraph() {
        Tensor x = vec(1, 2, 3);
        Tensor d = x.detach();
        assertEquals("tensor([1., 2., 3.])", d.toString());
        assertTrue(d.isLeaf());
        assertFalse(d.requiresGrad());
        d.add_(1);
        assertEquals("tensor([2., 3., 4.], requires_grad=True)", x.toString());
        d.select(0, 0).fill_(10);
        assertEquals(10.0, x.select(0, 0).item());
        assertEquals("tensor([10.,  3.,  4.])", x.data().toString());
        assertEquals("tensor([20.,  6.,  8.])", x.mul(2).detach().toString());
        assertEquals("tensor([1., 2., 3.])", vec(1, 2, 3).detach().requiresGrad_(false).toString());
    }

    @Test
    void detachInPlace_cutsNonLeavesButNotViews() {
        Tensor x = vec(1, 2);
        Tensor y = x.mul(2);
        y.detach_();
        assertEquals("tensor([2., 4.])", y.toString());
        assertTrue(y.isLeaf());
        assertFalse(y.requiresGrad());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.narrow(0, 0, 1).detach_());
        assertTrue(e.getMessage().startsWith("Can't detach views in-place. Use detach() instead."), e.getMessage());
    }

    @Test
    @SuppressWarnings("try")
    void gradMode_guardsNestAndRestore() {
        Tensor x = vec(1, 2, 3);
        Tensor y;
        try (var noGrad = torch.noGrad()) {
            y = x.mul(2);
            assertFalse(torch.isGradEnabled());
            try (var enable = torch.enableGrad()) {
                assertTrue(torch.isGradEnabled());
                assertEquals("tensor([2., 4., 6.], grad_fn=<MulBackward0>)", x.mul(2).toString());
            }
            assertFalse(torch.isGradEnabled());
        }
        assertTrue(torch.isGradEnabled());
        assertEquals("tensor([2., 4., 6.])", y.toString());
        assertFalse(y.requiresGrad());
        torch.setGradEnabled(false);
        assertFalse(x.mul(2).requiresGrad());
        torch.setGradEnabled(true);
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn",
                assertThrows(IllegalArgumentException.class, y.sum()::backward).getMessage());
    }

    @Test
    void requiresGrad_rules() {
        assertEquals("tensor([1., 2.], requires_grad=True)",
                torch.tensor(new double[] {1, 2}).requiresGrad_().toString());
        assertEquals("only Tensors of floating point dtype can require gradients", assertThrows(
                IllegalArgumentException.class, () -> torch.tensor(new long[] {1, 2}).requiresGrad_()).getMessage());
        assertEquals("only Tensors of floating point dtype can require gradients", assertThrows(
                IllegalArgumentException.class, () -> torch.tensor(new boolean[] {true}).requiresGrad_()).getMessage());
        assertEquals("Only Tensors of floating point and complex dtype can require gradients", assertThrows(
                IllegalArgumentException.class, () -> torch.tensor(new long[] {1, 2}, true)).getMessage());
        assertEquals("Only Tensors of floating point and complex dtype can require gradients", assertThrows(
                IllegalArgumentException.class, () -> torch.ones(new int[] {2}, DType.INT64, true)).getMessage());
        Tensor x = vec(1, 2, 3);
        assertEquals("you can only change requires_grad flags of leaf variables. If you want to use a computed"
                + " variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
                assertThrows(IllegalArgumentException.class, () -> x.mul(2).requiresGrad_(false)).getMessage());
        assertEquals("tensor([2., 4., 6.], grad_fn=<MulBackward0>)", x.mul(2).requiresGrad_(true).toString());
        assertTrue(torch.tensor(1.).add(torch.tensor(2., true)).requiresGrad());
        assertFalse(torch.tensor(new long[] {1, 2}).requiresGrad());
        assertEquals("tensor([1, 2, 3])", x.toLong().toString());
    }

    @Test
    @SuppressWarnings("try")
    void inplace_leafChecks() {
        Tensor x = vec(1, 2, 3);
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.",
                assertThrows(IllegalStateException.class, () -> x.add_(1)).getMessage());
        assertEquals("a view of a leaf Variable that requires grad is being used in an in-place operation.",
                assertThrows(IllegalStateException.class, () -> x.select(0, 0).fill_(5)).getMessage());
        try (var noGrad = torch.noGrad()) {
            x.add_(1);
        }
        assertEquals("tensor([2., 3., 4.], requires_grad=True)", x.toString());
        Tensor y = x.mul(1);
        y.add_(1);
        assertEquals("tensor([3., 4., 5.], grad_fn=<AddBackward0>)", y.toString());
    }

    @Test
    void inplace_versionCounterErrors() {
        Tensor x = vec(1, 2, 3);
        Tensor y = x.exp();
        y.add_(1);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace"
                + " operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at version 1; expected"
                + " version 0 instead." + HINT, assertThrows(IllegalStateException.class,
                    () -> y.sum().backward()).getMessage());

        Tensor c = x.mul(2);
        Tensor d = c.mul(c);
        c.add_(1);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace"
                + " operation: [torch.FloatTensor [3]], which is output 0 of AddBackward0, is at version 1; expected"
                + " version 0 instead." + HINT, assertThrows(IllegalStateException.class,
                    () -> d.sum().backward()).getMessage());

        Tensor a = torch.tensor(new double[] {1, 2}, true);
        Tensor z = a.mul(a);
        a.detach().add_(1);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace"
                + " operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead." + HINT,
                assertThrows(IllegalStateException.class, () -> z.sum().backward()).getMessage());

        Tensor s = torch.tensor(2., true);
        Tensor t = s.mul(1);
        Tensor u = t.mul(t);
        t.add_(1);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace"
                + " operation: [torch.FloatTensor []], which is output 0 of AddBackward0, is at version 1; expected"
                + " version 0 instead." + HINT, assertThrows(IllegalStateException.class, u::backward).getMessage());
    }

    @Test
    void inplace_throughViewRebasesBase() {
        Tensor x = vec(1, 2, 3);
        Tensor y = x.mul(1);
        Tensor v = y.narrow(0, 0, 2);
        v.mul_(3);
        assertEquals("tensor([3., 6., 3.], grad_fn=<CopySlices>)", y.toString());
        assertEquals("tensor([3., 6.], grad_fn=<AsStridedBackward0>)", v.toString());
        assertEquals("[<MulBackward0 object>, null]", y.gradFn().nextFunctions().toString());
        y.sum().backward();
        assertEquals("tensor([3., 3., 1.])", x.grad().toString());

        Tensor w = torch.tensor(5., true);
        Tensor y2 = vec(1, 2, 3).mul(1);
        y2.select(0, 1).copy_(w.mul(2));
        assertEquals("tensor([ 1., 10.,  3.], grad_fn=<CopySlices>)", y2.toString());
        y2.sum().backward();
        assertEquals("tensor(2.)", w.grad().toString());

        Tensor plain = torch.zeros(3);
        plain.narrow(0, 0, 2).add_(x.narrow(0, 0, 2));
        assertEquals("tensor([1., 2., 0.], grad_fn=<CopySlices>)", plain.toString());
    }

    @Test
    void gradFn_namesAndGraphShape() {
        Tensor x = vec(1, 2, 3);
        Node mul = x.mul(2).gradFn();
        assertEquals("MulBackward0", mul.name());
        assertEquals("<MulBackward0 object>", mul.toString());
        assertEquals(2, mul.nextFunctions().size());
        assertEquals("[<AccumulateGrad object>, null]", mul.nextFunctions().toString());
        assertNull(x.gradFn());
        assertEquals("SumBackward0", x.mul(2).sum().gradFn().name());
        assertThrows(UnsupportedOperationException.class, () -> mul.nextFunctions().add(null));
        assertEquals("RsubBackward1", x.rsub(10).gradFn().name());
        assertEquals("RsubBackward0", x.rsub(x).gradFn().name());
        assertEquals("RemainderBackward0", x.remainder(2).gradFn().name());
        assertEquals("RemainderBackward1", x.remainder(x).gradFn().name());
        assertEquals("DivBackward2", x.div(2, "floor").gradFn().name());
        assertEquals("PowBackward0", x.pow(2).gradFn().name());
        assertEquals("PowBackward1", torch.pow(2, x).gradFn().name());
        assertEquals("MulBackward0", torch.div(1, x).gradFn().name());
        assertEquals("FillBackward2", x.mul(1).fill_(2).gradFn().name());
        assertEquals("ZeroBackward0", x.mul(1).zero_().gradFn().name());
        assertEquals("SignBackward0", x.sign().gradFn().name());
        assertEquals("CopyBackwards", torch.zeros(3).copy_(x).gradFn().name());
        Tensor m = torch.ones(new int[] {2, 3}, true);
        assertEquals("PermuteBackward0", m.T().gradFn().name());
        assertEquals("TBackward0", m.t().gradFn().name());
        assertEquals("ClampMinBackward0", x.clampMin(0).gradFn().name());
        assertEquals("ClampBackward1", x.clamp(0, null).gradFn().name());
        assertEquals("ToCopyBackward0", x.toDouble().gradFn().name());
        assertEquals("MvBackward0", m.matmul(x).gradFn().name());
        assertEquals("SqueezeBackward3", torch.ones(2).matmul(m).gradFn().name());
        assertEquals("UnsafeViewBackward0", torch.ones(new int[] {2, 2, 2}, true).matmul(m).gradFn().name());
        assertEquals("UnsafeViewBackward0", torch.ones(new int[] {2, 2, 3}, true).matmul(x).gradFn().name());
        assertEquals("size mismatch, got 2, 2x3,2", assertThrows(IllegalArgumentException.class,
                () -> m.matmul(torch.ones(2))).getMessage());
    }

    @Test
    void engine_sumsGradientsMeetingAtANode() {
        Tensor x = vec(1, 2, 3);
        Tensor h = x.mul(x);
        Tensor y = h.add(h.mul(2)).add(h.exp().log());
        y.sum().backward();
        assertEquals("tensor([ 8., 16., 24.])", x.grad().toString());
    }

    @Test
    void engine_deepChainDoesNotOverflowTheStack() {
        Tensor x = torch.tensor(1.0, true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(1);
        }
        y.backward();
        assertEquals("tensor(1.)", x.grad().toString());
    }

    @Test
    void gradCheck_detectsAWrongFormula() {
        Tensor x = GradCheck.leaf(new double[] {1, 2}, 2);
        try {
            GradCheck.check("doubling", in -> {
                Tensor out = in[0].detach().mul(3);
                return Tensor.of(FormulaNode.record(out.impl, "WrongBackward", in[0].impl,
                        formula((g, i) -> Arithmetic.mul(g, 2))));
            }, x);
        } catch (AssertionError expected) {
            assertNotNull(expected.getMessage());
            return;
        }
        fail("a wrong backward formula passed the gradient check");
    }
}
