package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.UnaryOperator;
import jtorch.internal.kernels.Kernels;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import org.junit.jupiter.api.Test;

/**
 * Pointwise ops against PyTorch 1.13.1: printed results (cases recorded in golden/extra-cases.jsonl),
 * sigmoid, tanh and tanh's gradient bit for bit against the installed PyTorch, and the float32 vector and strided loops of
 * clamp, sqrt and abs on special values.
 */
class PointwiseOpsTest {
    private static Tensor vec(double... values) {
        return torch.tensor(values);
    }

    @Test
    void clampMin_recordsClampMinBackward() {
        Tensor x = torch.tensor(new double[] {1, -1, 0}, true);
        Tensor y = x.clampMin(0);
        assertEquals("tensor([1., 0., 0.], grad_fn=<ClampMinBackward0>)", y.toString());
        y.sum().backward();
        assertEquals("tensor([1., 0., 1.])", x.grad().toString());
    }

    @Test
    void clampMax_recordsClampMaxBackward() {
        Tensor x = torch.tensor(new double[] {1, -1, 0}, true);
        Tensor y = x.clampMax(0);
        assertEquals("tensor([ 0., -1.,  0.], grad_fn=<ClampMaxBackward0>)", y.toString());
        y.sum().backward();
        assertEquals("tensor([0., 1., 1.])", x.grad().toString());
    }

    @Test
    void clamp_withOneBoundStaysClampBackward1() {
        Tensor x = torch.tensor(new double[] {1, -1}, true);
        assertEquals("ClampBackward1", x.clamp(0, null).gradFn().name());
        assertEquals("ClampBackward1", x.clamp(null, 0).gradFn().name());
        assertEquals("ClampBackward1", torch.clamp(x, 0, 1).gradFn().name());
    }

    @Test
    void sign_nanAndNegativeZeroGiveZero() {
        assertEquals("tensor([-1.,  0.,  1.,  0.])", vec(-2.5, 0, 3, Double.NaN).sign().toString());
        assertEquals("tensor([0., 1.])", vec(-0.0, 1).sign().toString());
        assertEquals("tensor([-1,  0,  1])", torch.tensor(new long[] {-5, 0, 7}).sign().toString());
    }

    @Test
    void unaryOps_float16_raisePyTorchsMissingKernelError() {
        Tensor h = torch.tensor(new double[] {1, 2, -1.5}, torch.float16);
        assertMissing("exp_vml_cpu", h, Tensor::exp);
        assertMissing("log_vml_cpu", h, Tensor::log);
        assertMissing("sqrt_vml_cpu", h, Tensor::sqrt);
        assertMissing("sigmoid_cpu", h, Tensor::sigmoid);
        assertMissing("tanh_vml_cpu", h, Tensor::tanh);
        assertMissing("clamp_min_cpu", h, Tensor::relu);
        assertMissing("clamp_scalar_cpu", h, t -> t.clamp(0, 1));
        assertMissing("clamp_min_cpu", h, t -> t.clamp(0, null));
        assertMissing("clamp_min_cpu", h, t -> t.clampMin(0));
        assertMissing("clamp_max_scalar_cpu", h, t -> t.clampMax(0));
    }

    @Test
    void unaryOps_bfloat16AndHalfPow_stillCompute() {
        Tensor b = torch.tensor(new double[] {1, 2, -1.5}, torch.bfloat16);
        assertEquals("tensor([2.7188, 7.3750, 0.2227], dtype=torch.bfloat16)", b.exp().toString());
        assertEquals("tensor([1., 2., 0.], dtype=torch.bfloat16)", b.relu().toString());
        Tensor h = torch.tensor(new double[] {1, 2, -1.5}, torch.float16);
        assertEquals("tensor([1.0000, 1.4141, 1.2246], dtype=torch.float16)", h.abs().pow(0.5).toString());
        assertEquals("tensor([ 1.0000,  0.5000, -0.6665], dtype=torch.float16)", h.reciprocal().toString());
    }

    private static void assertMissing(String kernel, Tensor t, UnaryOperator<Tensor> op) {
        assertEquals("\"" + kernel + "\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class, () -> op.apply(t)).getMessage());
    }

    @Test
    void clamp_signedZerosAndNan_keepTheInputAsATen() throws InterruptedException {
        torch.backends.awaitVectorKernels(120_000);
        // PyTorch 1.13: a zero equal to a bound keeps its sign, NaN stays (vector lanes and tail alike)
        double nan = Double.NaN;
        double[] pattern = {-0.0, 0.0, nan, -1, 2, 0.0, -0.0, 5};
        double[][] expected = {
            {-0.0, 0.0, nan, 0.0, 2, 0.0, -0.0, 5},
            {-0.0, 0.0, nan, -1, -0.0, 0.0, -0.0, -0.0},
            {-0.0, 0.0, nan, -0.0, 0.0, 0.0, -0.0, 0.0},
        };
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = pattern[i % 8];
        }
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor t = torch.tensor(x, type);
            // contiguous, and a transposed view (the strided loop)
            for (Tensor in : new Tensor[] {t, t.view(8, 5).t()}) {
                Tensor[] results = {in.clamp(0, null), in.clamp(null, -0.0), in.clamp(-0.0, 0.0)};
                for (int k = 0; k < results.length; k++) {
                    double[] got = results[k].contiguous().toDoubleArray();
                    double[] source = in.contiguous().toDoubleArray();
                    for (int i = 0; i < got.length; i++) {
                        double want = expected[k][indexIn(pattern, source[i])];
                        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got[i]),
                                type + " case " + k + " element " + i + " of " + source[i]);
                    }
                }
            }
        }
    }

    /** The first position of {@code v} in {@code pattern}, bit for bit (so -0.0 and 0.0 differ). */
    private static int indexIn(double[] pattern, double v) {
        for (int i = 0; i < pattern.length; i++) {
            if (Double.doubleToRawLongBits(pattern[i]) == Double.doubleToRawLongBits(v)) {
                return i;
            }
        }
        throw new AssertionError(v);
    }

    @Test
    void sigmoid_float32_matchesPyTorchsVectorCodeBitForBit() throws Exception {
        // 65536 values (whole vectors on one thread: PyTorch's vector code throughout), -128 to 128 in steps of 1/256
        torch.backends.awaitVectorKernels(120_000);
        List<JsonNode> torchOut = LivePyTorch.run(
                String.join("\n",
                        "import json, torch",
                        "torch.set_num_threads(1)",
                        "x = (torch.arange(65536) - 32768).float().div(256)",
                        "print(json.dumps([v.hex() for v in x.sigmoid().tolist()]))"));
        float[] x = new float[65536];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 32768) / 256f;
        }
        int saved = torch.getNumThreads();
        torch.setNumThreads(1);
        try {
            float[] ours = torch.tensor(x).sigmoid().toFloatArray();
            int differing = 0;
            for (int i = 0; i < ours.length; i++) {
                differing += torchOut.get(0).get(i).asText().equals(PythonHex.of(ours[i])) ? 0 : 1;
            }
            assertEquals(0, differing, "values differing from PyTorch's");
        } finally {
            torch.setNumThreads(saved);
        }
    }

    /**
     * float32 values from every 16411th bit pattern of [0, 9) (denormals to past tanh's saturation
     * at 8.66), every third negated, and special values; the same in the Python script.
     */
    private static final String TANH_INPUTS_PY = String.join("\n",
            "bits = torch.arange(0, 0x41100000, 16411, dtype=torch.int32)",
            "x = bits.view(torch.float32).clone()",
            "x[::3] = -x[::3]",
            "x = torch.cat([x, torch.tensor([float('nan'), float('inf'), -float('inf'), -0.0, 8.664339742, 8.664339,"
                    + " -8.6643405, 1e-45, 88.7, -104.0, 0.5])])");

    private static float[] tanhInputs() {
        int count = (0x41100000 + 16410) / 16411;
        float[] x = new float[count + 11];
        for (int i = 0; i < count; i++) {
            float v = Float.intBitsToFloat(i * 16411);
            x[i] = i % 3 == 0 ? -v : v;
        }
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 8.664339742f, 8.664339f,
            -8.6643405f, 1e-45f, 88.7f, -104f, 0.5f};
        System.arraycopy(specials, 0, x, count, specials.length);
        return x;
    }

    private static int differing(JsonNode expected, float[] ours) {
        assertEquals(expected.size(), ours.length, "length");
        int differing = 0;
        for (int i = 0; i < ours.length; i++) {
            differing += expected.get(i).asText().equals(PythonHex.of(ours[i])) ? 0 : 1;
        }
        return differing;
    }

    @Test
    void tanh_float32_matchesPyTorchBitForBit() throws Exception {
        torch.backends.awaitVectorKernels(120_000);
        JsonNode expected = LivePyTorch.run(String.join("\n", "import json, torch", TANH_INPUTS_PY,
                "print(json.dumps([v.hex() for v in x.tanh().tolist()]))")).get(0);
        float[] x = tanhInputs();
        int saved = torch.getNumThreads();
        try {
            for (int threads : new int[] {1, 2}) {
                torch.setNumThreads(threads);
                Tensor t = torch.tensor(x);
                // the vector loop (with a tail) and, through a transposed view, the strided loop
                assertEquals(0, differing(expected, t.tanh().toFloatArray()), "contiguous, threads " + threads);
                Tensor strided = t.view(x.length / 2, 2).t().tanh().t().contiguous().view(x.length);
                assertEquals(0, differing(expected, strided.toFloatArray()), "strided, threads " + threads);
            }
        } finally {
            torch.setNumThreads(saved);
        }
    }

    @Test
    void tanhBackward_float32DenseAndExpandedGradients_matchPyTorchsFusedFormulaBitForBit() throws Exception {
        // grad * (1 - result^2) with the difference one fused multiply-add: rounded three times, ~30 % differ
        torch.backends.awaitVectorKernels(120_000);
        List<JsonNode> lines = LivePyTorch.run(String.join("\n", "import json, torch", TANH_INPUTS_PY,
                "x = x[x.isfinite()].requires_grad_()",
                "g = (torch.arange(len(x)) % 13 - 6).float() / 8",
                "x.tanh().backward(g)",
                "print(json.dumps([v.hex() for v in x.grad.tolist()]))",
                "x.grad = None",
                "x.tanh().sum().backward()",
                "print(json.dumps([v.hex() for v in x.grad.tolist()]))"));
        JsonNode expected = lines.get(0);
        float[] all = tanhInputs();
        float[] x = new float[all.length - 3];
        float[] g = new float[x.length];
        for (int i = 0, k = 0; i < all.length; i++) {
            if (Float.isFinite(all[i])) {
                g[k] = (k % 13 - 6) / 8f;
                x[k++] = all[i];
            }
        }
        assertEquals(x.length, expected.size(), "finite inputs");
        Tensor leaf = torch.tensor(x).requiresGrad_();
        leaf.tanh().backward(torch.tensor(g));
        assertEquals(0, differing(expected, leaf.grad().toFloatArray()), "a dense gradient");
        // a sum's gradient: one value expanded
        leaf.setGrad(null);
        leaf.tanh().sum().backward();
        assertEquals(0, differing(lines.get(1), leaf.grad().toFloatArray()), "an expanded gradient");
    }

    @Test
    void tanhBackward_float64_fusesTheDifferenceAsPyTorch() throws Exception {
        // PyTorch's own tanh_backward on the same results and gradients
        JsonNode expected = LivePyTorch.run(String.join("\n", "import json, torch",
                "i = torch.arange(4001, dtype=torch.float64)",
                "y = (i - 2000) / 2000 * 0.999",
                "g = (i % 13 - 6) / 3",
                "print(json.dumps([v.hex() for v in torch.ops.aten.tanh_backward(g, y).tolist()]))")).get(0);
        int differing = 0;
        for (int i = 0; i < expected.size(); i++) {
            double y = (i - 2000) / 2000.0 * 0.999;
            double g = (i % 13 - 6) / 3.0;
            differing += expected.get(i).asText().equals(PythonHex.of(Kernels.tanhGrad(g, y))) ? 0 : 1;
        }
        assertEquals(0, differing);
    }

    @Test
    void sqrtAndAbs_float32VectorAndStridedLoops_roundedRootsAndClearedSigns() throws InterruptedException {
        torch.backends.awaitVectorKernels(120_000);
        float[] specials = {-0f, 0f, Float.NaN, Float.intBitsToFloat(0xffc01234), -1f, 2f, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1e-40f, 3f, 0.1f, -7.5f, 1e30f};
        float[] x = new float[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = specials[i % specials.length] * (i < 16 ? 1 : i);
        }
        Tensor t = torch.tensor(x);
        // contiguous (vector lanes and a tail) and a transposed view (the strided loop)
        for (Tensor in : new Tensor[] {t.narrow(0, 0, 61), t.view(8, 8).t()}) {
            float[] source = in.contiguous().toFloatArray();
            float[] roots = in.sqrt().contiguous().toFloatArray();
            float[] magnitudes = in.abs().contiguous().toFloatArray();
            for (int i = 0; i < source.length; i++) {
                assertEquals(Float.floatToRawIntBits((float) Math.sqrt(source[i])), Float.floatToRawIntBits(roots[i]),
                        "sqrt of " + source[i]);
                // the sign bit cleared, a NaN's too (PyTorch's fabs and vector abs)
                assertEquals(Float.floatToRawIntBits(source[i]) & Integer.MAX_VALUE,
                        Float.floatToRawIntBits(magnitudes[i]), "abs of " + source[i]);
            }
        }
    }
}
