package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.internal.tensor.TensorImpl;
import jtorch.nn;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * Batch norm's and layer norm's backward: gradients that share one pass of sums per incoming
 * gradient recompute them when it changes; views are read as their elements. Layer norm's forward
 * with a weight, a bias, both or neither against the installed PyTorch, bit for bit.
 */
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
        assertDoubled(first, second);
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

    @Test
    void layerNorm_gradientChangedInPlaceBetweenBackwards_sumsRecomputed() {
        torch.manualSeed(0);
        nn.LayerNorm norm = new nn.LayerNorm(5, 7);
        Tensor x = torch.randn(3, 5, 7).requiresGrad_();
        Tensor y = norm.forward(x);
        Tensor g = torch.randn(3, 5, 7);
        y.backward(g, true);
        float[][] first = grads(norm.weight(), norm.bias(), x);
        g.mul_(2);
        y.backward(g, true);
        float[][] second = grads(norm.weight(), norm.bias(), x);
        assertDoubled(first, second);
    }

    @Test
    void layerNorm_emptyBatch_weightAndBiasGradientsAreZeros() {
        nn.LayerNorm norm = new nn.LayerNorm(4);
        Tensor x = torch.randn(0, 4).requiresGrad_();
        norm.forward(x).sum().backward();
        assertArrayEquals(new float[4], norm.weight().grad().toFloatArray());
        assertArrayEquals(new float[4], norm.bias().grad().toFloatArray());
        assertEquals(0, x.grad().numel());
    }

    @Test
    void layerNorm_viewOfALargerStorage_resultHoldsOnlyItsElements() {
        TensorImpl all = gaussian(new int[] {8, 4, 6}, 2);
        TensorImpl first = Views.narrow(all, 0, 0, 3);
        TensorImpl y = Normalization.layerNorm(first, new int[] {4, 6}, null, null, 1e-5);
        TensorImpl expected = Normalization.layerNorm(first.contiguousCopy(), new int[] {4, 6}, null, null, 1e-5);
        assertEquals(first.numel(), y.storage().length, "the result's storage");
        assertArrayEquals(values(expected), values(y));
    }

    @Test
    void layerNorm_transposedInput_readInLogicalOrder() {
        TensorImpl x = Views.transpose(gaussian(new int[] {6, 5}, 3), 0, 1);
        TensorImpl w = gaussian(new int[] {6}, 4);
        TensorImpl b = gaussian(new int[] {6}, 5);
        TensorImpl y = Normalization.layerNorm(x, new int[] {6}, w, b, 1e-5);
        TensorImpl expected = Normalization.layerNorm(x.contiguousCopy(), new int[] {6}, w, b, 1e-5);
        assertArrayEquals(values(expected), values(y));
    }

    /** A float32 tensor of standard normal values. */
    private static TensorImpl gaussian(int[] sizes, long seed) {
        TensorImpl t = TensorImpl.allocate(DType.FLOAT32, sizes);
        Random r = new Random(seed);
        for (int i = 0; i < t.numel(); i++) {
            t.storage().setDouble(i, r.nextGaussian());
        }
        return t;
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
        return grads(bn.weight(), bn.bias(), x);
    }

    /** The input's, weight's and bias's gradients, then cleared. */
    private static float[][] grads(Tensor weight, Tensor bias, Tensor x) {
        float[][] out = {x.grad().toFloatArray(), weight.grad().toFloatArray(), bias.grad().toFloatArray()};
        for (Tensor t : new Tensor[] {x, weight, bias}) {
            t.setGrad(null);
        }
        return out;
    }

    @Test
    void layerNorm_weightBiasBothOrNeither_matchPyTorchBitForBit() throws Exception {
        List<JsonNode> torchOut = LivePyTorch.run(String.join("\n",
                "import json, sys, torch",
                "F = torch.nn.functional",
                "out = []",
                "for n in json.loads(sys.argv[1]):",
                "    i = torch.arange(16 * n)",
                "    x = ((i * 37) % 101 - 50).float().div(16).add((i % 7).float().mul(0.001)).reshape(16, n)",
                "    j = torch.arange(n)",
                "    w = (1 + ((j * 13) % 11 - 5) / 32).float()",
                "    b = (((j * 7) % 9 - 4) / 8).float()",
                "    for wb in ((None, None), (w, None), (None, b), (w, b)):",
                "        out += [v.hex() for v in F.layer_norm(x, (n,), *wb).flatten().tolist()]",
                "print(json.dumps(out))"), "[512, 37, 8]");
        List<String> expected = new ArrayList<>();
        torchOut.get(0).forEach(v -> expected.add(v.asText()));
        List<String> ours = new ArrayList<>();
        for (int n : new int[] {512, 37, 8}) {
            float[] v = new float[16 * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((i * 37) % 101 - 50) / 16f + (i % 7) * 0.001f;
            }
            float[] w = new float[n];
            float[] b = new float[n];
            for (int j = 0; j < n; j++) {
                w[j] = 1 + ((j * 13) % 11 - 5) / 32f;
                b[j] = ((j * 7) % 9 - 4) / 8f;
            }
            Tensor x = torch.tensor(v).view(16, n);
            Tensor[][] affine = {{null, null}, {torch.tensor(w), null}, {null, torch.tensor(b)},
                {torch.tensor(w), torch.tensor(b)}};
            for (Tensor[] wb : affine) {
                for (float f : nn.functional.layerNorm(x, new int[] {n}, wb[0], wb[1]).flatten().toFloatArray()) {
                    ours.add(PythonHex.of(f));
                }
            }
        }
        assertEquals(expected.size(), ours.size());
        int differing = 0;
        for (int i = 0; i < ours.size(); i++) {
            differing += expected.get(i).equals(ours.get(i)) ? 0 : 1;
        }
        assertEquals(0, differing, "values differing from PyTorch's");
    }

    /** Each of {@code second}'s gradients is twice {@code first}'s (a doubled incoming gradient). */
    private static void assertDoubled(float[][] first, float[][] second) {
        for (int i = 0; i < first.length; i++) {
            float[] doubled = first[i].clone();
            for (int k = 0; k < doubled.length; k++) {
                doubled[k] *= 2;
            }
            assertArrayEquals(doubled, second[i], "gradient " + i + " of a doubled incoming gradient");
        }
    }
}
