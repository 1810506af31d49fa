package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** max/min/amax/amin/argmax/argmin against PyTorch 1.13.1 (expected texts printed by real PyTorch). */
class ExtremaOpsTest {
    private static final double NAN = Double.NaN;

    private static Tensor grid() {
        return torch.tensor(new double[][] {{1, 5, 3}, {4, 2, 6}}, true);
    }

    @Test
    void max_allPropagatesNan() {
        assertEquals("tensor(nan)", torch.tensor(new double[] {1, NAN, 3}).max().toString());
        assertEquals("tensor(nan)", torch.tensor(new double[] {2, NAN}).min().toString());
        assertEquals("tensor(True)", torch.tensor(new boolean[] {true, false}).max().toString());
        assertEquals("tensor(1, dtype=torch.int8)",
                torch.tensor(new long[] {3, 1, 2}, torch.int8).min().toString());
    }

    @Test
    void max_dimPicksFirstOfTiesAndFirstNan() {
        assertEquals("torch.return_types.max(\nvalues=tensor(5),\nindices=tensor(0))", torch.tensor(new long[] {5, 1, 5}).max(0).toString());
        assertEquals("torch.return_types.min(\nvalues=tensor(1.),\nindices=tensor(0))", torch.tensor(new double[] {1, 5, 1}).min(0).toString());
        assertEquals("torch.return_types.max(\nvalues=tensor(nan),\nindices=tensor(1))",
                torch.tensor(new double[] {5, NAN, 5, NAN}).max(0).toString());
        assertEquals("tensor([1, 0])",
                torch.tensor(new double[][] {{2, NAN}, {1, 2}}).argmin(1).toString());
    }

    @Test
    void max_keepdimAndZeroDim() {
        Tensor x = torch.tensor(new double[][] {{3, 1}, {2, 4}});
        assertEquals("torch.return_types.max(\nvalues=tensor([[3.],\n        [4.]]),\nindices=tensor([[0],\n        [1]]))", x.max(1, true).toString());
        assertEquals("torch.return_types.min(\nvalues=tensor([2., 1.]),\nindices=tensor([1, 0]))", x.min(-2).toString());
        assertEquals("torch.return_types.max(\nvalues=tensor(3.),\nindices=tensor(0))", torch.tensor(3.).max(0).toString());
        assertEquals("torch.return_types.max(\nvalues=tensor([]),\nindices=tensor([], dtype=torch.int64))", torch.zeros(0, 3).max(1).toString());
    }

    @Test
    void argmax_flatAndAlongDims() {
        Tensor n = torch.tensor(new long[][] {{5, 2}, {5, 9}});
        assertEquals("tensor(3)", n.argmax().toString());
        assertEquals("tensor([[0, 1]])", n.argmax(0, true).toString());
        assertEquals("tensor([1, 0])", n.argmin(1).toString());
        assertEquals("tensor(1)",
                torch.tensor(new double[] {5, NAN, 5, NAN}).argmax().toString());
        assertEquals("tensor(0)", torch.tensor(3.).argmax(0).toString());
    }

    @Test
    void amax_severalDimsAndKeepdim() {
        Tensor x = torch.tensor(new double[][] {{1, 2}, {3, 4}});
        assertEquals("tensor([[4.]])",
                x.amax(new int[] {0, 1}, true).toString());
        assertEquals("tensor([1., 3.])", x.amin(1).toString());
        assertEquals("tensor(4.)", x.amax().toString());
        assertEquals("tensor([nan, 1.])",
                torch.tensor(new double[][] {{2, NAN}, {1, 2}}).amin(1).toString());
    }

    @Test
    void max_emptyInputErrors() {
        assertEquals("min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
                assertThrows(IllegalArgumentException.class, () -> torch.zeros(0).min()).getMessage());
        assertEquals("max(): Expected reduction dim 0 to have non-zero size.",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.zeros(0, 3).max(0)).getMessage());
        assertEquals("argmin(): Expected reduction dim to be specified for input.numel() == 0.",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.zeros(0).argmin()).getMessage());
        assertEquals("argmax(): Expected reduction dim 0 to have non-zero size.",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.zeros(0, 3).argmax(0)).getMessage());
        assertEquals("amax(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
                assertThrows(IllegalArgumentException.class, () -> torch.zeros(0, 3).amax()).getMessage());
        assertEquals("amax(): Expected reduction dim 0 to have non-zero size.",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.zeros(0, 3).amax(0)).getMessage());
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.tensor(3.).max(1)).getMessage());
        assertEquals("dim 0 appears multiple times in the list of dims",
                assertThrows(IllegalArgumentException.class, () -> torch.tensor(new double[][] {{1, 2}}).amax(0, 0))
                        .getMessage());
    }

    @Test
    void argmax_boolIsNotImplemented() {
        Tensor b = torch.tensor(new boolean[] {true, false});
        assertEquals("\"argmax_cpu\" not implemented for 'Bool'",
                assertThrows(UnsupportedOperationException.class, b::argmax).getMessage());
        assertEquals("\"argmin_cpu\" not implemented for 'Bool'",
                assertThrows(UnsupportedOperationException.class, () -> b.argmin(0)).getMessage());
        assertEquals("torch.return_types.min(\nvalues=tensor(False),\nindices=tensor(1))", b.min(0).toString());
    }

    @Test
    void max_gradFnNames() {
        Tensor x = grid();
        assertEquals("tensor(6., grad_fn=<MaxBackward1>)", x.max().toString());
        assertEquals("tensor(1., grad_fn=<MinBackward1>)", x.min().toString());
        assertEquals("torch.return_types.max(\nvalues=tensor([5., 6.], grad_fn=<MaxBackward0>),\nindices=tensor([1, 2]))", x.max(1).toString());
        assertEquals("torch.return_types.min(\nvalues=tensor([1., 2., 3.], grad_fn=<MinBackward0>),\nindices=tensor([0, 1, 0]))", x.min(0).toString());
        assertEquals("tensor([5., 6.], grad_fn=<AmaxBackward0>)", x.amax(1).toString());
        assertEquals("tensor([1., 2., 3.], grad_fn=<AminBackward0>)", x.amin(0).toString());
        assertEquals("tensor(5)", x.argmax().toString());
    }

    @Test
    void max_backwardSplitsTiesForFullButNotForDim() {
        Tensor x = torch.tensor(new double[] {1, 3, 3}, true);
        x.max().backward();
        assertEquals("tensor([0.0000, 0.5000, 0.5000])", x.grad().toString());
        Tensor y = torch.tensor(new double[][] {{1, 3, 3}, {2, 2, 0}}, true);
        y.max(1).values().sum().backward();
        assertEquals("tensor([[0., 1., 0.],\n        [1., 0., 0.]])",
                y.grad().toString());
        Tensor z = torch.tensor(new double[][] {{1, 3, 3}, {2, 2, 0}}, true);
        z.amax(1).sum().backward();
        assertEquals("tensor([[0.0000, 0.5000, 0.5000],\n        [0.5000, 0.5000, 0.0000]])",
                z.grad().toString());
        Tensor w = torch.tensor(new double[][] {{1, 3, 3}, {2, 2, 0}}, true);
        w.min(0, true).values().mul(torch.tensor(new double[] {1, 2, 3})).sum().backward();
        assertEquals("tensor([[1., 0., 0.],\n        [0., 2., 3.]])",
                w.grad().toString());
    }
}
