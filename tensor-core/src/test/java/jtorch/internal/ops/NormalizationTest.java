package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.Tensor;
import jtorch.nn;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** Batch norm's backward: its three gradients share one pass of sums per incoming gradient. */
class NormalizationTest {
    @Test
    void batchNorm_gradientChangedInPlaceBetweenBackwards_sumsRecomputed() {
        torch.manualSeed(0);
        nn.BatchNorm2d bn = new nn.BatchNorm2d(6);
        Tensor x = torch.randn(3, 6, 5, 5).requiresGrad_();
        Tensor y = bn.forward(x);
        Tensor g = torch.randn(3, 6, 5, 5);
        y.backward(g, true);
        float[][] first = grads(bn, x);
        g.mul_(2);
        y.backward(g, true);
        float[][] second = grads(bn, x);
        for (int i = 0; i < first.length; i++) {
            float[] doubled = first[i].clone();
            for (int k = 0; k < doubled.length; k++) {
                doubled[k] *= 2;
            }
            assertArrayEquals(doubled, second[i], "gradient " + i + " of a doubled incoming gradient");
        }
    }

    @Test
    void batchNorm_viewOfALargerStorage_readsOnlyItsElements() {
        torch.manualSeed(1);
        Tensor all = torch.randn(8, 5, 3, 3);
        Tensor first = all.narrow(0, 0, 4);
        Tensor y = nn.functional.batchNorm(first, null, null, null, null, true, 0.1, 1e-5);
        Tensor expected = nn.functional.batchNorm(first.clone(), null, null, null, null, true, 0.1, 1e-5);
        assertArrayEquals(expected.toFloatArray(), y.toFloatArray());
        assertEquals("torch.Size([4, 5, 3, 3])", y.size().toString());
    }

    /** The input's, weight's and bias's gradients, then cleared. */
    private static float[][] grads(nn.BatchNorm2d bn, Tensor x) {
        float[][] out = {x.grad().toFloatArray(), bn.weight().grad().toFloatArray(), bn.bias().grad().toFloatArray()};
        x.setGrad(null);
        bn.zeroGrad(true);
        return out;
    }
}
