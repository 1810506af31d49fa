package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** cat/stack/split/chunk/unbind/repeat against PyTorch 1.13.1 (expected texts printed by real PyTorch). */
class JoinOpsTest {
    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void cat_promotesAndSkipsLegacyEmpty() {
        assertEquals("tensor([1, 2])",
                torch.cat(torch.tensor(new boolean[] {true}), torch.tensor(new long[] {2})).toString());
        assertEquals("tensor([1, 2], dtype=torch.int16)",
                torch.cat(List.of(torch.tensor(new long[] {1}, torch.int8), torch.tensor(new long[] {2}, torch.uint8)))
                        .toString());
        assertEquals("tensor([[0., 0.],\n        [0., 0.]])",
                torch.cat(List.of(torch.zeros(0), torch.zeros(2, 2)), 1).toString());
        assertEquals("tensor([])",
                torch.cat(List.of(torch.zeros(new int[] {0}, torch.int64), torch.zeros(0))).toString());
        assertEquals("tensor([0., 0.], dtype=torch.float64)",
                torch.cat(List.of(torch.zeros(new int[] {0}, torch.float64), torch.zeros(2))).toString());
        Tensor x = torch.arange(6).view(2, 3);
        assertEquals("tensor([[0, 1, 2, 0, 1, 2],\n        [3, 4, 5, 3, 4, 5]])", torch.cat(List.of(x, x.t().t()), -1).toString());
        assertEquals("tensor([[1, 2, 0, 1, 2],\n        [4, 5, 3, 4, 5]])",
                torch.cat(List.of(x.narrow(1, 1, 2), x), 1).toString());
    }

    @Test
    void cat_errors() {
        assertEquals("Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.",
                message(IllegalArgumentException.class, () -> torch.cat(List.of(torch.zeros(2, 2), torch.zeros(3, 3)), 1)));
        assertEquals("torch.cat(): expected a non-empty list of Tensors", message(IllegalArgumentException.class, () -> torch.cat(List.of())));
        assertEquals("zero-dimensional tensor (at position 1) cannot be concatenated",
                message(IllegalArgumentException.class, () -> torch.cat(torch.zeros(2), torch.tensor(2.))));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                message(IndexOutOfBoundsException.class, () -> torch.cat(List.of(torch.zeros(2, 2), torch.zeros(2, 2)), -3)));
    }

    @Test
    void cat_backwardCastsToEachInputsDtype() {
        Tensor x = torch.tensor(new double[] {1, 2, 3}, true);
        Tensor c = torch.cat(List.of(torch.tensor(new long[] {1, 2}), x));
        assertEquals("tensor([1., 2., 1., 2., 3.], grad_fn=<CatBackward0>)", c.toString());
        c.pow(2).sum().backward();
        assertEquals("tensor([2., 4., 6.])",
                x.grad().toString());
        Tensor y = torch.tensor(new double[] {1, 2, 3}, torch.float64, true);
        Tensor d = torch.cat(List.of(torch.zeros(2), y, torch.zeros(0)));
        assertEquals("tensor([0., 0., 1., 2., 3.], dtype=torch.float64, grad_fn=<CatBackward0>)",
                d.toString());
        d.mul(torch.arange(5)).sum().backward();
        assertEquals("tensor([2., 3., 4.], dtype=torch.float64)",
                y.grad().toString());
    }

    @Test
    void stack_dimsPromotionAndErrors() {
        assertEquals("tensor([[1.0000],\n        [2.5000]])",
                torch.stack(torch.tensor(new long[] {1}), torch.tensor(new double[] {2.5})).toString());
        Tensor a = torch.arange(6).view(2, 3);
        assertEquals("tensor([[[ 0,  0],\n         [ 1, 10],\n         [ 2, 20]],\n\n        [[ 3, 30],\n         [ 4, 40],\n         [ 5, 50]]])", torch.stack(List.of(a, a.mul(10)), 2).toString());
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                message(IndexOutOfBoundsException.class, () -> torch.stack(List.of(torch.zeros(2), torch.zeros(2)), -3)));
        assertEquals("stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [3, 2] at entry 1",
                message(IllegalArgumentException.class, () -> torch.stack(torch.zeros(2, 3), torch.zeros(3, 2))));
        Tensor x = torch.tensor(new double[][] {{1, 2}, {3, 4}}, true);
        torch.stack(List.of(x, x.mul(3)), 1).mul(torch.arange(4).view(2, 2, 1)).sum().backward();
        assertEquals("tensor([[ 3.,  3.],\n        [11., 11.]])",
                x.grad().toString());
    }

    @Test
    void split_chunkUnbindPiecesAndErrors() {
        Tensor v = torch.arange(6).view(2, 3);
        assertEquals("(tensor([[0, 1],\n        [3, 4]]), tensor([[2],\n        [5]]))", v.chunk(2, 1).toString());
        assertEquals("(tensor([0, 1]), tensor([2, 3]), tensor([4, 5]))", torch.arange(6).chunk(4).toString());
        assertEquals("(tensor([]), tensor([]))", torch.zeros(0).chunk(2).toString());
        assertEquals("(tensor([0, 1]), tensor([2, 3, 4]))", torch.arange(5).split(new int[] {2, 3}).toString());
        assertEquals("(tensor([0, 3]), tensor([1, 4]), tensor([2, 5]))", v.unbind(1).toString());
        assertEquals("(tensor([0, 1]),)", torch.arange(2).split(5).toString());
        assertEquals("chunk expects `chunks` to be greater than 0, got: 0", message(IllegalArgumentException.class, () -> torch.arange(5).chunk(0)));
        assertEquals("chunk expects at least a 1-dimensional tensor", message(IllegalArgumentException.class, () -> torch.tensor(5).chunk(2)));
        assertEquals("split_size can only be 0 if dimension size is 0, but got dimension size of 5", message(IllegalArgumentException.class, () -> torch.arange(5).split(0)));
        assertEquals("split expects split_size be non-negative, but got split_size=-1", message(IllegalArgumentException.class, () -> torch.arange(5).split(-1)));
        assertEquals("split_with_sizes expects split_sizes to sum exactly to 5 (input tensor's size at dimension -1), but got split_sizes=[2, 2]",
                message(IllegalArgumentException.class, () -> torch.arange(5).split(new int[] {2, 2}, -1)));
        assertEquals("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=[-1, 6]",
                message(IllegalArgumentException.class, () -> torch.arange(5).split(new int[] {-1, 6})));
        assertEquals("Dimension specified as 0 but tensor has no dimensions", message(IndexOutOfBoundsException.class, () -> torch.tensor(5).unbind()));
    }

    @Test
    void split_piecesAreViewsWithGradFns() {
        Tensor base = torch.arange(6);
        base.chunk(3).get(1).fill_(-1);
        assertEquals("tensor([ 0,  1, -1, -1,  4,  5])", base.toString());
        Tensor x = torch.tensor(new double[] {1, 2, 3}, true);
        assertEquals("(tensor([1., 2.], grad_fn=<SplitBackward0>), tensor([3.], grad_fn=<SplitBackward0>))", x.chunk(2).toString());
        assertEquals("(tensor([1.], grad_fn=<SplitWithSizesBackward0>), tensor([2., 3.], grad_fn=<SplitWithSizesBackward0>))", x.split(new int[] {1, 2}).toString());
        assertEquals("(tensor(1., grad_fn=<UnbindBackward0>), tensor(2., grad_fn=<UnbindBackward0>), tensor(3., grad_fn=<UnbindBackward0>))", x.unbind().toString());
        TensorList parts = x.split(2);
        parts.get(0).mul(2).sum().add(parts.get(1).mul(5).sum()).backward();
        assertEquals("tensor([2., 2., 5.])",
                x.grad().toString());
        Tensor y = torch.tensor(new double[][] {{1, 2}, {3, 4}}, true);
        TensorList rows = y.unbind(1);
        rows.get(1).mul(torch.tensor(new double[] {10, 20})).sum().backward();
        assertEquals("tensor([[ 0., 10.],\n        [ 0., 20.]])",
                y.grad().toString());
    }

    @Test
    void repeat_tilesAndSumsGradient() {
        assertEquals("tensor([[[1, 2, 1, 2, 1, 2]],\n\n        [[1, 2, 1, 2, 1, 2]]])", torch.tensor(new long[] {1, 2}).repeat(2, 1, 3).toString());
        assertEquals("tensor([[7, 7],\n        [7, 7]])", torch.tensor(7).repeat(2, 2).toString());
        assertEquals("tensor([], size=(0, 4), dtype=torch.int64)", torch.tensor(new long[] {1, 2}).repeat(0, 2).toString());
        assertEquals("tensor([[0, 3, 0, 3],\n        [1, 4, 1, 4],\n        [2, 5, 2, 5]])", torch.arange(6).view(2, 3).t().repeat(1, 2).toString());
        assertEquals("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
                message(IllegalArgumentException.class, () -> torch.tensor(new long[][] {{1, 2}}).repeat(2)));
        assertEquals("Trying to create tensor with negative dimension -2: [-2]",
                message(IllegalArgumentException.class, () -> torch.tensor(new long[] {1, 2}).repeat(-1)));
        Tensor x = torch.tensor(new double[][] {{1, 2}, {3, 4}}, true);
        Tensor r = x.repeat(2, 1, 3);
        assertEquals("tensor([[[1., 2., 1., 2., 1., 2.],\n         [3., 4., 3., 4., 3., 4.]],\n\n        [[1., 2., 1., 2., 1., 2.],\n         [3., 4., 3., 4., 3., 4.]]], grad_fn=<RepeatBackward0>)", r.toString());
        r.mul(torch.arange(24.).view(2, 2, 6)).sum().backward();
        assertEquals("tensor([[48., 54.],\n        [84., 90.]])",
                x.grad().toString());
    }
}
