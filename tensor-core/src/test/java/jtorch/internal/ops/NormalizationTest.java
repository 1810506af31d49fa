package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.internal.tensor.TensorImpl;
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
    void batchNorm_viewOfALargerStorage_resultHoldsOnlyItsElements() {
        TensorImpl all = TensorImpl.allocate(DType.FLOAT32, new int[] {8, 5, 3, 3});
        Random r = new Random(1);
        for (int i = 0; i < all.numel(); i++) {
            all.storage().setDouble(i, r.nextGaussian());
        }
        TensorImpl first = Views.narrow(all, 0, 0, 4);
        TensorImpl y = Normalization.batchNorm(first, null, null, null, null, true, 0.1, 1e-5);
        TensorImpl expected = Normalization.batchNorm(first.contiguousCopy(), null, null, null, null, true, 0.1, 1e-5);
        assertEquals(first.numel(), y.storage().length, "the result's storage");
        assertArrayEquals(values(expected), values(y));
    }

    /** A contiguous tensor's elements. */
    private static float[] values(TensorImpl t) {
        float[] v = new float[t.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) t.storage().getDouble(t.offset() + i);
        }
        return v;
    }

    /** The input's, weight's and bias's gradients, then cleared. */
    private static float[][] grads(nn.BatchNorm2d bn, Tensor x) {
        float[][] out = {x.grad().toFloatArray(), bn.weight().grad().toFloatArray(), bn.bias().grad().toFloatArray()};
        x.setGrad(null);
        bn.zeroGrad(true);
        return out;
    }
}
