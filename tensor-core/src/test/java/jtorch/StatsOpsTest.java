package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** prod, std/var, norm, cumsum, all/any against PyTorch 1.13.1 (expected texts printed by real PyTorch). */
class StatsOpsTest {
    private static Tensor leaf(double[][] values) {
        return torch.tensor(values, true);
    }

    @Test
    void prod_dtypesAndEmpty() {
        assertEquals("tensor(6)",
                torch.tensor(new long[] {1, 2, 3}, torch.int32).prod().toString());
        assertEquals("tensor(0)", torch.tensor(new boolean[] {true, false}).prod().toString());
        assertEquals("tensor([6])",
                torch.tensor(new long[] {1, 2, 3}).prod(0, true).toString());
        assertEquals("tensor(6., dtype=torch.float64)",
                torch.tensor(new long[] {1, 2, 3}).prod(torch.float64).toString());
        assertEquals("tensor([1., 1.])", torch.zeros(2, 0).prod(1).toString());
        assertEquals("\"prod_cpu\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class,
                        () -> torch.tensor(new double[] {1, 2}, torch.float16).prod()).getMessage());
    }

    @Test
    void prod_backwardHandlesZeros() {
        Tensor x = leaf(new double[][] {{1, 0, 3}, {2, 2, 0}});
        x.prod(1).sum().backward();
        assertEquals("tensor([[0., 3., 0.],\n        [0., 0., 4.]])",
                x.grad().toString());
        Tensor y = leaf(new double[][] {{1, 0, 3}, {2, 2, 5}});
        Tensor p = y.prod();
        assertEquals("tensor(0., grad_fn=<ProdBackward0>)", p.toString());
        p.backward();
        assertEquals("tensor([[ 0., 60.,  0.],\n        [ 0.,  0.,  0.]])",
                y.grad().toString());
        Tensor z = leaf(new double[][] {{1.5, 2, 3}, {2, 0.5, 5}});
        Tensor q = z.prod(0, true);
        assertEquals("tensor([[ 3.,  1., 15.]], grad_fn=<ProdBackward1>)", q.toString());
        q.sum().backward();
        assertEquals("tensor([[2.0000, 0.5000, 5.0000],\n        [1.5000, 2.0000, 3.0000]])",
                z.grad().toString());
    }

    @Test
    void std_valuesAndErrors() {
        Tensor x = torch.tensor(new double[][] {{1, 2, 4}, {1, 1, 1}});
        assertEquals("tensor([[1.5275],\n        [0.0000]])", x.std(1, true, true).toString());
        assertEquals("tensor(1.4667)", x.var(0, 1).toString());
        assertEquals("tensor([0.0000, 0.2500, 2.2500])", x.var(0, false).toString());
        assertEquals("tensor(1.1055)", x.std(false).toString());
        assertEquals("tensor(nan)", torch.tensor(new double[] {1}).std().toString());
        assertEquals("tensor([nan, nan])", torch.zeros(2, 0).std(1).toString());
        assertEquals("tensor(0.7070, dtype=torch.float16)",
                torch.tensor(new double[] {1, 2}, torch.float16).std().toString());
        assertEquals("std and var only support floating point and complex dtypes",
                assertThrows(IllegalArgumentException.class, () -> torch.tensor(new boolean[] {true, false}).var())
                        .getMessage());
    }

    @Test
    void std_backwardNamesAndGradients() {
        Tensor x = leaf(new double[][] {{1, 0, 3}, {2, 2, 5}});
        Tensor s = x.std(1);
        assertEquals("tensor([1.5275, 1.7321], grad_fn=<StdBackward0>)", s.toString());
        s.sum().backward();
        assertEquals("tensor([[-0.1091, -0.4364,  0.5455],\n        [-0.2887, -0.2887,  0.5774]])",
                x.grad().toString());
        Tensor y = leaf(new double[][] {{1, 0, 3}, {2, 2, 5}});
        Tensor v = y.var();
        assertEquals("tensor(2.9667, grad_fn=<VarBackward0>)", v.toString());
        v.backward();
        assertEquals("tensor([[-0.4667, -0.8667,  0.3333],\n        [-0.0667, -0.0667,  1.1333]])",
                y.grad().toString());
        Tensor c = leaf(new double[][] {{1, 1}, {2, 3}});
        c.std(1, false, true).sum().backward();
        assertEquals("tensor([[ 0.0000,  0.0000],\n        [-0.5000,  0.5000]])",
                c.grad().toString());
    }

    @Test
    void norm_pVariantsAndGradients() {
        Tensor v = torch.tensor(new double[] {1, -2, 3});
        assertEquals("tensor(3.7417)", v.norm().toString());
        assertEquals("tensor(3.)", v.norm(Double.POSITIVE_INFINITY).toString());
        assertEquals("tensor(1.)", v.norm(Double.NEGATIVE_INFINITY).toString());
        assertEquals("tensor(3.)", v.norm(0).toString());
        assertEquals("tensor(3.3019)", v.norm(3).toString());
        assertEquals("tensor([5.0000, 2.2361])",
                torch.tensor(new double[][] {{3, 4}, {1, 2}}).norm(2, 1).toString());
        assertEquals("norm(): input dtype should be either floating point or complex. Got Long instead.",
                assertThrows(IllegalArgumentException.class, () -> torch.tensor(new long[] {1, 2}).norm()).getMessage());
        for (double p : new double[] {1, 2, 3, 0.5, Double.POSITIVE_INFINITY}) {
            Tensor x = leaf(new double[][] {{1, -2}, {3, -3}});
            x.norm(p).backward();
            assertEquals(expectedNormGrad(p), x.grad().toString(), "p=" + p);
        }
        Tensor zero = leaf(new double[][] {{0, 0}});
        zero.norm().backward();
        assertEquals("tensor([[0., 0.]])", zero.grad().toString());
        Tensor kept = leaf(new double[][] {{3, 4}});
        assertEquals("tensor([[5.]], grad_fn=<NormBackward1>)", kept.norm(2, 1, true).toString());
        Tensor count = leaf(new double[][] {{1, 0}});
        count.norm(0).backward();
        assertNull(count.grad());
    }

    private static String expectedNormGrad(double p) {
        if (p == 1) {
            return "tensor([[ 1., -1.],\n        [ 1., -1.]])";
        }
        if (p == 2) {
            return "tensor([[ 0.2085, -0.4170],\n        [ 0.6255, -0.6255]])";
        }
        if (p == 3) {
            return "tensor([[ 0.0632, -0.2526],\n        [ 0.5684, -0.5684]])";
        }
        if (p == 0.5) {
            return "tensor([[ 5.8783, -4.1566],\n        [ 3.3938, -3.3938]])";
        }
        return "tensor([[ 0.0000, -0.0000],\n        [ 0.5000, -0.5000]])";
    }

    @Test
    void cumsum_dtypesAndBackward() {
        assertEquals("tensor([[ 3,  4,  8],\n        [ 1,  6, 15]])",
                torch.tensor(new long[][] {{3, 1, 4}, {1, 5, 9}}).cumsum(1).toString());
        assertEquals("torch.int64",
                torch.tensor(new long[] {1, 2, 3}, torch.int32).cumsum(0).dtype().toString());
        assertEquals("tensor([1, 2])", torch.tensor(new boolean[] {true, true}).cumsum(0).toString());
        assertEquals("tensor([1., 3., 6.])",
                torch.tensor(new long[] {1, 2, 3}).cumsum(0, torch.float32).toString());
        assertEquals("tensor(5)", torch.tensor(5).cumsum(0).toString());
        assertEquals("tensor([], size=(2, 0))", torch.zeros(2, 0).cumsum(1).toString());
        assertEquals("\"cumsum_out_cpu\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class,
                        () -> torch.tensor(new double[] {1, 2, 3}, torch.float16).cumsum(0)).getMessage());
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.tensor(new double[] {1, 2}).cumsum(2))
                        .getMessage());
        Tensor x = leaf(new double[][] {{1, 0, 3}, {2, 2, 5}});
        Tensor c = x.cumsum(1);
        assertEquals("tensor([[1., 1., 4.],\n        [2., 4., 9.]], grad_fn=<CumsumBackward0>)", c.toString());
        c.mul(torch.tensor(new double[] {1, 2, 3})).sum().backward();
        assertEquals("tensor([[6., 5., 3.],\n        [6., 5., 3.]])",
                x.grad().toString());
    }

    @Test
    void all_anyDtypesAndDims() {
        assertEquals("tensor([ True, False])",
                torch.tensor(new long[][] {{1, 2}, {3, 0}}).all(1).toString());
        assertEquals("tensor(1, dtype=torch.uint8)",
                torch.tensor(new long[] {1, 2}, torch.uint8).all().toString());
        assertEquals("tensor(True)", torch.tensor(new double[] {1, 0}).any().toString());
        assertEquals("tensor(True)", torch.zeros(0).all().toString());
        assertEquals("tensor(False)", torch.zeros(0).any().toString());
        assertEquals("tensor([[ True, False]])",
                torch.tensor(new boolean[][] {{true, false}, {true, true}}).all(0, true).toString());
        assertEquals("tensor([True, True, True])", torch.zeros(0, 3).all(0).toString());
    }
}
