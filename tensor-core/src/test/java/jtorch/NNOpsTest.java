package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Softmax, log-softmax and MSE kernels against PyTorch 1.13.1's printed results. */
class NNOpsTest {
    @Test
    void logSoftmaxBackward_float32LastDim_sameBitsAsTheComposedFormula() throws InterruptedException {
        torch.backends.awaitVectorKernels(120_000); // both sides then use the same exp kernel
        torch.manualSeed(3);
        for (int[] shape : new int[][] {{64, 10}, {3, 37}, {1, 1}}) {
            Tensor x = torch.randn(shape).mul(4).requiresGrad_(true);
            Tensor g = torch.randn(shape);
            Tensor y = x.logSoftmax(1);
            y.backward(g);
            Tensor composed = g.sub(y.detach().exp().mul(g.sum(1, true)));
            assertEquals(true, torch.equal(composed, x.grad()), java.util.Arrays.toString(shape));
        }
    }

    @Test
    void logSoftmax_roundsLikePyTorchsFloatKernel() {
        assertEquals("tensor([-1.0000e+01, -4.5418e-05])", torch.tensor(new double[] {0, 10}).logSoftmax(0).toString());
        assertEquals("tensor([[-2.0000e+01, -1.2373e-04],\n        [-1.1000e+01, -1.5000e+01],\n"
                + "        [-1.6689e-05, -9.0001e+00]])",
                torch.tensor(new double[][] {{0, 10}, {9, -5}, {20, 1}}).logSoftmax(0).toString());
        assertEquals("tensor([-4.2243, -3.8910, -3.5577, -3.2243, -2.8910, -2.5577, -2.2243, -1.8910,\n"
                + "        -1.5577, -1.2243])", torch.arange(10.).div(3).logSoftmax(0).toString());
    }

    @Test
    void softmax_manyValues_matchPyTorch() {
        assertEquals("tensor([4.2951e-04, 8.1160e-04, 1.5336e-03, 2.8979e-03, 5.4758e-03, 1.0347e-02,\n"
                + "        1.9552e-02, 3.6945e-02, 6.9811e-02, 1.3192e-01, 2.4927e-01, 4.7101e-01])",
                torch.linspace(-3, 4, 12).softmax(0).toString());
        assertEquals("tensor([0.2637, 0.7148, 0.0216], dtype=torch.bfloat16)",
                torch.tensor(new double[] {1, 2, -1.5}, torch.bfloat16).softmax(0).toString());
    }

    @Test
    void softmax_float16OrIntegral_raisePyTorchsKernelError() {
        Tensor h = torch.ones(2, 2, torch.float16);
        assertEquals("\"softmax_lastdim_kernel_impl\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class, () -> h.softmax(1)).getMessage());
        assertEquals("\"log_softmax_lastdim_kernel_impl\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class, () -> h.logSoftmax(-1)).getMessage());
        assertEquals("\"softmax_kernel_impl\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class, () -> h.logSoftmax(0)).getMessage());
        assertEquals("\"softmax_kernel_impl\" not implemented for 'Long'",
                assertThrows(UnsupportedOperationException.class,
                        () -> torch.ones(2, 2, torch.int64).logSoftmax(0)).getMessage());
    }

    @Test
    void mseLoss_integralOrBfloat16_raisePyTorchsKernelError() {
        assertEquals("\"mse_cpu\" not implemented for 'Long'", assertThrows(UnsupportedOperationException.class,
                () -> nn.functional.mseLoss(torch.tensor(new long[] {1, 2}), torch.tensor(new long[] {1, 3})))
                .getMessage());
        Tensor b = torch.ones(2, torch.bfloat16);
        assertEquals("\"mse_cpu\" not implemented for 'BFloat16'",
                assertThrows(UnsupportedOperationException.class, () -> nn.functional.mseLoss(b, b)).getMessage());
        assertEquals("tensor(0.)", nn.functional.mseLoss(b, torch.ones(2)).toString());
    }
}
