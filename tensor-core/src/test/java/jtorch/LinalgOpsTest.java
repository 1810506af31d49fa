package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Matrix products against PyTorch 1.13.1 (cases recorded in golden/extra-cases.jsonl). */
class LinalgOpsTest {
    @Test
    void matmul_matrixTimesBatch_endsInCloneBackward() {
        Tensor x = torch.ones(new int[] {2, 3}, true);
        Tensor y = x.matmul(torch.arange(24.).view(2, 3, 4));
        assertEquals("CloneBackward0", y.gradFn().name());
        assertEquals("torch.Size([2, 2, 4])", y.shape().toString());
        assertEquals(true, y.isContiguous());
        y.sum().backward();
        assertEquals("tensor([[ 60.,  92., 124.],\n        [ 60.,  92., 124.]])", x.grad().toString());
        assertEquals("CloneBackward0", x.matmul(torch.ones(2, 2, 3, 4)).gradFn().name());
    }

    @Test
    void matmul_matrixTimesBatch_values() {
        Tensor a = torch.tensor(new double[][] {{1, 2}, {3, 4}}, true);
        assertEquals("tensor([[[ 4.,  7.],\n         [ 8., 15.]],\n\n        [[16., 19.],\n         [36., 43.]]],"
                + " grad_fn=<CloneBackward0>)", a.matmul(torch.arange(8.).view(2, 2, 2)).toString());
    }

    @Test
    void matmul_float16AndBool_raiseThePyTorchKernelError() {
        Tensor h = torch.ones(2, 3, torch.float16);
        Tensor v = torch.ones(3, torch.float16);
        assertMissing("dot", "Half", () -> v.matmul(v));
        assertMissing("addmv_impl_cpu", "Half", () -> h.matmul(v));
        assertMissing("addmm_impl_cpu_", "Half", () -> v.matmul(h.t()));
        assertMissing("addmm_impl_cpu_", "Half", () -> h.matmul(h.t()));
        assertMissing("addmv_impl_cpu", "Half", () -> torch.ones(new int[] {2, 2, 3}, torch.float16).matmul(v));
        assertMissing("addmm_impl_cpu_", "Half",
                () -> torch.ones(new int[] {2, 2, 3}, torch.float16).matmul(h.t()));
        assertMissing("addmv_impl_cpu", "Half", () -> v.matmul(torch.ones(new int[] {2, 3, 4}, torch.float16)));
        assertMissing("addmm_impl_cpu_", "Half", () -> h.matmul(torch.ones(new int[] {2, 3, 4}, torch.float16)));
        assertMissing("bmm", "Half", () -> torch.ones(new int[] {2, 2, 3}, torch.float16)
                .matmul(torch.ones(new int[] {2, 3, 4}, torch.float16)));
        assertMissing("addmm_impl_cpu_", "Half", () -> torch.mm(h, h.t()));
        assertMissing("addmm_impl_cpu_", "Bool", () -> torch.ones(2, 2, torch.bool).matmul(torch.ones(2, 2, torch.bool)));
        assertMissing("dot", "Bool", () -> torch.ones(2, torch.bool).dot(torch.ones(2, torch.bool)));
    }

    @Test
    void matmul_bfloat16AndInt8_compute() {
        Tensor b = torch.tensor(new double[] {1, 2, -1.5}, torch.bfloat16);
        assertEquals("tensor(7.2500, dtype=torch.bfloat16)", b.matmul(b).toString());
        assertEquals("tensor([[-54]], dtype=torch.int8)", torch.tensor(new long[][] {{100, 2}}, torch.int8)
                .matmul(torch.tensor(new long[][] {{2}, {1}}, torch.int8)).toString());
    }

    @Test
    void matmulOut_floatMatrices_writeTheSameBitsIntoOut() {
        for (DType type : new DType[] {torch.float32, torch.float64}) {
            Tensor a = torch.randn(new int[] {37, 50}, type);
            Tensor b = torch.randn(new int[] {50, 41}, type);
            Tensor out = torch.full(new int[] {37, 41}, Double.NaN, type);
            assertSame(out, torch.matmulOut(out, a, b));
            assertTrue(out.equal(a.matmul(b)));
            assertTrue(torch.matmulOut(out, a.t().contiguous().t(), b).equal(a.matmul(b)));
            Tensor empty = torch.full(new int[] {3, 4}, Double.NaN, type);
            assertTrue(torch.matmulOut(empty, torch.ones(new int[] {3, 0}, type), torch.ones(new int[] {0, 4}, type))
                    .equal(torch.zeros(new int[] {3, 4}, type)));
        }
    }

    @Test
    void matmulOut_outSavedForBackward_backwardSeesTheWrite() {
        Tensor w = torch.ones(new int[] {2, 2}, true);
        Tensor out = torch.ones(2, 2);
        Tensor y = w.mul(out);
        torch.matmulOut(out, torch.ones(2, 2), torch.ones(2, 2));
        assertTrue(assertThrows(RuntimeException.class, () -> y.sum().backward()).getMessage()
                .startsWith("one of the variables needed for gradient computation has been modified by an inplace"
                        + " operation"));
    }

    @Test
    void matmulOut_outIsAnOperandOrStrided_stillTheProduct() {
        Tensor a = torch.arange(9.).view(3, 3);
        Tensor expected = a.matmul(a);
        torch.matmulOut(a, a, a.clone());
        assertTrue(a.equal(expected));
        Tensor t = torch.zeros(3, 3).t();
        Tensor b = torch.arange(9.).view(3, 3);
        assertTrue(torch.matmulOut(t, b, b).equal(b.matmul(b)));
        assertEquals("functions with out=... arguments don't support automatic differentiation, but one of the"
                + " arguments requires grad.", assertThrows(IllegalArgumentException.class,
                () -> torch.matmulOut(torch.zeros(3, 3), torch.ones(new int[] {3, 3}, true), b)).getMessage());
    }

    private static void assertMissing(String kernel, String type, Supplier<Tensor> op) {
        assertEquals("\"" + kernel + "\" not implemented for '" + type + "'",
                assertThrows(UnsupportedOperationException.class, op::get).getMessage());
    }
}
