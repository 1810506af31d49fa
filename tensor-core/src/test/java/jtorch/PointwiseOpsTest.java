package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.UnaryOperator;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import org.junit.jupiter.api.Test;

/**
 * Pointwise ops against PyTorch 1.13.1: printed results (cases recorded in golden/extra-cases.jsonl),
 * sigmoid bit for bit against the installed PyTorch, and the float32 vector and strided loops of
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
