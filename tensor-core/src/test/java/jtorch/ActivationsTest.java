package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import org.junit.jupiter.api.Test;

/**
 * The activations that are ops of their own (gelu, leaky_relu): their grad_fn names, errors and
 * module reprs, and their float32 values and gradients against the installed PyTorch (live),
 * bit for bit where {@code Activations}' comment says so.
 */
class ActivationsTest {
    /** Values from -8 to 8 in steps of 1/4096, then specials: the same in Java and in {@link #PY_INPUT}. */
    private static final int GRID = 65536;
    private static final float[] SPECIALS = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        1e-40f, -1e-40f, 3e38f, -3e38f, 13.2f, -13.2f, 9.3f, -9.3f, 1e-20f, -1e-20f, 0.5f};
    private static final String PY_INPUT = String.join("\n",
            "import json, sys, torch, torch.nn.functional as F",
            "x = torch.cat([(torch.arange(" + GRID + ") - " + GRID / 2 + ").float().div(4096), torch.tensor(["
                    + "0., -0., float('inf'), float('-inf'), float('nan'), 1e-40, -1e-40, 3e38, -3e38, 13.2, -13.2,"
                    + " 9.3, -9.3, 1e-20, -1e-20, 0.5])])",
            "g = ((torch.arange(x.numel()) % 7) - 3).float() * 0.37",
            "hexes = lambda t: [v.hex() for v in t.reshape(-1).tolist()]",
            "def run(f, x, g):",
            "    x = x.clone().requires_grad_()",
            "    y = f(x)",
            "    y.backward(g)",
            "    return hexes(y.detach()) + hexes(x.grad)");

    /** What the lines print, one JSON value, run in the installed PyTorch after {@link #PY_INPUT}. */
    private static JsonNode pyTorch(String... lines) throws Exception {
        return LivePyTorch.run(PY_INPUT + "\n" + String.join("\n", lines)).get(0);
    }

    private static float[] input() {
        float[] x = new float[GRID + SPECIALS.length];
        for (int i = 0; i < GRID; i++) {
            x[i] = (i - GRID / 2) / 4096f;
        }
        System.arraycopy(SPECIALS, 0, x, GRID, SPECIALS.length);
        return x;
    }

    private static float[] gradient(int n) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (i % 7 - 3) * 0.37f;
        }
        return g;
    }

    /** {@code f}'s values then the gradient {@code g} takes back through it, as Python's {@code float.hex()}. */
    private static List<String> run(UnaryOperator<Tensor> f, Tensor x, float[] g) {
        Tensor leaf = x.detach().clone().requiresGrad_();
        Tensor y = f.apply(leaf);
        y.backward(torch.tensor(g).view(x.shape()));
        List<String> out = new ArrayList<>();
        for (float v : y.detach().contiguous().toFloatArray()) {
            out.add(PythonHex.of(v));
        }
        for (float v : leaf.grad().contiguous().toFloatArray()) {
            out.add(PythonHex.of(v));
        }
        return out;
    }

    private static int differing(JsonNode expected, List<String> ours) {
        assertEquals(expected.size(), ours.size());
        return differing(expected, ours, 0, ours.size());
    }

    /** How many of entries {@code [from, to)} differ. */
    private static int differing(JsonNode expected, List<String> ours, int from, int to) {
        int differing = 0;
        for (int i = from; i < to; i++) {
            differing += expected.get(i).asText().equals(ours.get(i)) ? 0 : 1;
        }
        return differing;
    }

    @Test
    void gelu_float32Contiguous_matchesPyTorchsOneDnnKernelBitForBit() throws Exception {
        torch.backends.awaitVectorKernels(120_000);
        // the whole grid on 1 and 2 threads (the vector loop and its tail), every length 2..70 of its start
        // (tails of every size, and the scalar loop), and the gradient of a sum (one expanded value)
        JsonNode torchOut = pyTorch(
                "out = []",
                "for threads in (1, 2):",
                "    torch.set_num_threads(threads)",
                "    out += run(F.gelu, x, g)",
                "for n in range(2, 71):",
                "    out += run(F.gelu, x[" + (GRID / 2 - 35) + ":][:n], g[:n])",
                "xs = x.clone().requires_grad_()",
                "F.gelu(xs).sum().backward()",
                "out += hexes(xs.grad)",
                "print(json.dumps(out))");
        float[] x = input();
        int saved = torch.getNumThreads();
        List<String> ours = new ArrayList<>();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                torch.setNumThreads(threads);
                ours.addAll(run(nn.functional::gelu, torch.tensor(x), gradient(x.length)));
            }
        } finally {
            torch.setNumThreads(saved);
        }
        for (int n = 2; n <= 70; n++) {
            Tensor part = torch.tensor(x).narrow(0, GRID / 2 - 35, n);
            ours.addAll(run(nn.functional::gelu, part, gradient(n)));
        }
        Tensor xs = torch.tensor(x).requiresGrad_();
        nn.functional.gelu(xs).sum().backward();
        for (float v : xs.grad().toFloatArray()) {
            ours.add(PythonHex.of(v));
        }
        assertEquals(0, differing(torchOut, ours), "values differing from PyTorch's");
    }

    @Test
    void gelu_float32SingleElementsAndStrided_takeAtensScalarFormulaBitForBit() throws Exception {
        // PyTorch's scalar formula with glibc's erff and expf
        JsonNode torchOut = pyTorch(
                "xs = x[" + (GRID / 2 - 12000) + ":" + (GRID / 2 + 12000) + ":40]",
                "out = []",
                "for v, w in zip(xs[:300], g[:300]):",
                "    out += run(F.gelu, v.reshape(()), w.reshape(()))",
                "out += run(F.gelu, xs, g[:xs.numel()])",
                "print(json.dumps(out))");
        Tensor xs = torch.tensor(input()).index("" + (GRID / 2 - 12000) + ":" + (GRID / 2 + 12000) + ":40");
        float[] g = gradient(xs.numel());
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ours.addAll(run(nn.functional::gelu, xs.select(0, i), new float[] {g[i]}));
        }
        ours.addAll(run(nn.functional::gelu, xs, g));
        // (the oneDNN kernel on these inputs differs from ATen's formula in about 40% of them)
        assertEquals(0, differing(torchOut, ours), "values differing from PyTorch's");
    }

    @Test
    void geluTanh_float32_vectorBlocksBitForBitSingleElementsClose() throws Exception {
        torch.backends.awaitVectorKernels(120_000);
        // the grid (whole blocks of 16 on one thread: SLEEF's tanhf, bit for bit) and single elements
        // (ATen's scalar formula with glibc's tanhf, which SLEEF's misses by an ulp now and then)
        JsonNode torchOut = pyTorch(
                "torch.set_num_threads(1)",
                "f = lambda t: F.gelu(t, approximate='tanh')",
                "out = run(f, x, g)",
                "for v, w in zip(x[::300], g[::300]):",
                "    out += run(f, v.reshape(()), w.reshape(()))",
                "print(json.dumps(out))");
        float[] x = input();
        float[] g = gradient(x.length);
        UnaryOperator<Tensor> f = t -> nn.functional.gelu(t, "tanh");
        List<String> ours = new ArrayList<>(run(f, torch.tensor(x), g));
        int grid = ours.size();
        for (int i = 0; i < x.length; i += 300) {
            ours.addAll(run(f, torch.tensor(x).select(0, i), new float[] {g[i]}));
        }
        assertEquals(torchOut.size(), ours.size());
        assertEquals(0, differing(torchOut, ours, 0, grid), "grid values differing from PyTorch's");
        int singles = differing(torchOut, ours, grid, ours.size());
        assertTrue(singles < (ours.size() - grid) / 20, singles + " of " + (ours.size() - grid) + " differ");
        for (int i = grid; i < ours.size(); i++) {
            double theirs = Double.parseDouble(hexToDecimal(torchOut.get(i).asText()));
            double mine = Double.parseDouble(hexToDecimal(ours.get(i)));
            // a tanh an ulp apart, grown where 1 + tanh cancels
            assertTrue(Double.compare(theirs, mine) == 0 || Math.abs(theirs - mine) <= 1e-5 * Math.max(1, Math.abs(theirs)),
                    i + ": " + torchOut.get(i) + " vs " + ours.get(i));
        }
    }

    /** Python's {@code float.hex()} as Java parses it. */
    private static String hexToDecimal(String hex) {
        return hex.equals("nan") ? "NaN" : hex.equals("inf") ? "Infinity" : hex.equals("-inf") ? "-Infinity" : hex;
    }

    @Test
    void leakyRelu_float32_matchesPyTorchBitForBit() throws Exception {
        torch.backends.awaitVectorKernels(120_000);
        JsonNode torchOut = pyTorch(
                "out = run(F.leaky_relu, x, g) + run(lambda t: F.leaky_relu(t, 0.3), x, g)",
                "out += run(lambda t: F.leaky_relu(t, 0.3), x[5:40:3], g[:12])",
                "print(json.dumps(out))");
        Tensor x = torch.tensor(input());
        float[] g = gradient(x.numel());
        List<String> ours = new ArrayList<>(run(nn.functional::leakyRelu, x, g));
        ours.addAll(run(t -> nn.functional.leakyRelu(t, 0.3), x, g));
        ours.addAll(run(t -> nn.functional.leakyRelu(t, 0.3), x.index("5:40:3"), Arrays.copyOf(g, 12)));
        assertEquals(0, differing(torchOut, ours), "values differing from PyTorch's");
    }

    @Test
    void geluAndLeakyRelu_recordPyTorchsNodes() {
        Tensor x = torch.tensor(new double[] {1, -2, 0}).to(torch.float32).requiresGrad_();
        assertEquals("tensor([ 0.8413, -0.0455,  0.0000], grad_fn=<GeluBackward0>)", nn.functional.gelu(x).toString());
        assertEquals("tensor([ 0.8412, -0.0454,  0.0000], grad_fn=<GeluBackward0>)",
                nn.functional.gelu(x, "tanh").toString());
        assertEquals("tensor([ 1.0000, -0.0200,  0.0000], grad_fn=<LeakyReluBackward0>)",
                nn.functional.leakyRelu(x).toString());
        assertEquals("tensor([ 1.0000, -0.4000,  0.0000], grad_fn=<LeakyReluBackward0>)",
                new nn.LeakyReLU(0.2).forward(x).toString());
        assertEquals("tensor([ 0.8413, -0.0455,  0.0000], grad_fn=<GeluBackward0>)", new nn.GELU().forward(x).toString());
    }

    @Test
    void gelu_specialValues_asPyTorch() {
        Tensor x = torch.tensor(new double[] {-0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -20})
                .to(torch.float32);
        assertEquals("tensor([0., nan, nan, inf, 0.])", nn.functional.gelu(x).toString());
        assertEquals("tensor([-0.0000,     nan,    -inf,     inf, -0.2000])", nn.functional.leakyRelu(x).toString());
    }

    @Test
    void geluAndLeakyRelu_withoutKernel_raisePyTorchsError() {
        Tensor longs = torch.tensor(new long[] {1, -2});
        Tensor halves = torch.tensor(new double[] {1, -2}, torch.float16);
        assertEquals("\"GeluKernelImpl\" not implemented for 'Long'",
                assertThrows(UnsupportedOperationException.class, () -> nn.functional.gelu(longs)).getMessage());
        assertEquals("\"GeluKernelImpl\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class, () -> nn.functional.gelu(halves, "tanh")).getMessage());
        assertEquals("\"leaky_relu_cpu\" not implemented for 'Long'",
                assertThrows(UnsupportedOperationException.class, () -> nn.functional.leakyRelu(longs)).getMessage());
        assertEquals("approximate argument must be either none or tanh.",
                assertThrows(IllegalArgumentException.class, () -> nn.functional.gelu(halves, "foo")).getMessage());
    }

    @Test
    void gelu_moduleRepr_namesTheApproximation() {
        assertEquals("GELU(approximate='none')", new nn.GELU().toString());
        assertEquals("GELU(approximate='tanh')", new nn.GELU("tanh").toString());
    }

    @Test
    void siluHardtanhEluSoftplus_float32_matchPyTorchsVectorCodeBitForBit() throws Exception {
        torch.backends.awaitVectorKernels(120_000);
        // the grid and its specials fill whole vectors (65552 = 16 * 4097): on one thread PyTorch's
        // vector code throughout; every value and gradient exact (softplus with SLEEF's log1pf too)
        JsonNode torchOut = pyTorch(
                "torch.set_num_threads(1)",
                "fs = [F.silu, F.hardtanh, lambda t: F.hardtanh(t, -2.5, 0.75), F.relu6, F.elu,",
                "      lambda t: F.elu(t, 0.5), F.softplus, lambda t: F.softplus(t, 2, 10)]",
                "print(json.dumps([run(f, x, g) for f in fs]))");
        List<UnaryOperator<Tensor>> fs = List.of(nn.functional::silu, nn.functional::hardtanh,
                t -> nn.functional.hardtanh(t, -2.5, 0.75), nn.functional::relu6, nn.functional::elu,
                t -> nn.functional.elu(t, 0.5), nn.functional::softplus, t -> nn.functional.softplus(t, 2, 10));
        float[] x = input();
        float[] g = gradient(x.length);
        int saved = torch.getNumThreads();
        try {
            torch.setNumThreads(1);
            for (int k = 0; k < fs.size(); k++) {
                List<String> ours = run(fs.get(k), torch.tensor(x), g);
                JsonNode expected = torchOut.get(k);
                for (int i = 0; i < ours.size(); i++) {
                    assertEquals(expected.get(i).asText(), ours.get(i), "function " + k + " entry " + i);
                }
            }
        } finally {
            torch.setNumThreads(saved);
        }
    }

    @Test
    void activations_recordPyTorchsNodesAndPrintTheirModules() {
        Tensor x = torch.tensor(new double[] {-2, -1, 0, 0.5, 1, 6, 7}).to(torch.float32).requiresGrad_();
        assertEquals("tensor([-0.2384, -0.2689,  0.0000,  0.3112,  0.7311,  5.9852,  6.9936],\n"
                + "       grad_fn=<SiluBackward0>)", new nn.SiLU().forward(x).toString());
        assertEquals("tensor([-1.0000, -1.0000,  0.0000,  0.5000,  1.0000,  1.0000,  1.0000],\n"
                + "       grad_fn=<HardtanhBackward0>)", new nn.Hardtanh().forward(x).toString());
        assertEquals("tensor([0.0000, 0.0000, 0.0000, 0.5000, 1.0000, 6.0000, 6.0000],\n"
                + "       grad_fn=<HardtanhBackward0>)", new nn.ReLU6().forward(x).toString());
        assertEquals("tensor([-0.8647, -0.6321,  0.0000,  0.5000,  1.0000,  6.0000,  7.0000],\n"
                + "       grad_fn=<EluBackward0>)", new nn.ELU().forward(x).toString());
        Tensor y = new nn.Softplus().forward(x);
        assertEquals("tensor([0.1269, 0.3133, 0.6931, 0.9741, 1.3133, 6.0025, 7.0009],\n"
                + "       grad_fn=<SoftplusBackward0>)", y.toString());
        nn.functional.relu6(x).backward(torch.ones(7));
        // 0 at the bounds, unlike clamp's gradient
        assertEquals("tensor([0., 0., 0., 1., 1., 0., 0.])", x.grad().toString());
        assertEquals("Hardtanh(min_val=-1.0, max_val=1.0)", new nn.Hardtanh().toString());
        assertEquals("Hardtanh(min_val=-2, max_val=2)", new nn.Hardtanh(-2, 2).toString());
        assertEquals("ReLU6()", new nn.ReLU6().toString());
        assertEquals("SiLU()", new nn.SiLU().toString());
        assertEquals("ELU(alpha=1.0)", new nn.ELU().toString());
        assertEquals("Softplus(beta=1, threshold=20)", new nn.Softplus().toString());
        assertEquals("Softplus(beta=2.5, threshold=20.0)", new nn.Softplus(2.5, 20.0).toString());
    }

    @Test
    void activations_withoutKernel_raisePyTorchsError() {
        Tensor longs = torch.tensor(new long[] {1, 2});
        assertEquals("\"silu_cpu\" not implemented for 'Long'",
                assertThrows(UnsupportedOperationException.class, () -> nn.functional.silu(longs)).getMessage());
        assertEquals("\"elu_cpu\" not implemented for 'Half'", assertThrows(UnsupportedOperationException.class,
                () -> nn.functional.elu(longs.to(torch.float16))).getMessage());
        assertEquals("\"softplus_cpu\" not implemented for 'Bool'", assertThrows(UnsupportedOperationException.class,
                () -> nn.functional.softplus(longs.gt(0))).getMessage());
        assertEquals("Bool inputs not supported for hardtanh", assertThrows(IllegalArgumentException.class,
                () -> nn.functional.relu6(longs.gt(0))).getMessage());
        assertEquals("\"clamp_scalar_cpu\" not implemented for 'Half'", assertThrows(UnsupportedOperationException.class,
                () -> nn.functional.hardtanh(longs.to(torch.float16))).getMessage());
        // an integral input stays integral
        assertEquals("tensor([1, 1])", nn.functional.hardtanh(longs).toString());
        assertEquals("tensor([1, 2])", nn.functional.relu6(longs).toString());
    }

    @Test
    void gelu_bfloat16_oneDnnWhenContiguousElseAtensSteps() throws Exception {
        // contiguous: oneDNN's float steps rounded once; a transpose: ATen's formula rounded to bfloat16 step by step
        // (the gradient given contiguous: PyTorch 1.13's oneDNN backward misreads a strided one)
        JsonNode torchOut = pyTorch(
                "xb = x[" + (GRID / 2 - 4096 * 5) + ":" + (GRID / 2 + 4096 * 5) + ":40].bfloat16().view(64, 16)",
                "gb = g[:1024].bfloat16().view(16, 64)",
                "print(json.dumps(run(F.gelu, xb, gb.t().contiguous()) + run(F.gelu, xb.t(), gb)))");
        Tensor xb = torch.tensor(input()).index((GRID / 2 - 4096 * 5) + ":" + (GRID / 2 + 4096 * 5) + ":40")
                .to(torch.bfloat16).view(64, 16);
        Tensor gb = torch.tensor(Arrays.copyOf(gradient(GRID), 1024)).to(torch.bfloat16).view(16, 64);
        List<String> ours = new ArrayList<>();
        for (Tensor[] xg : new Tensor[][] {{xb, gb.t().contiguous()}, {xb.t(), gb}}) {
            Tensor leaf = xg[0].detach().requiresGrad_();
            Tensor y = nn.functional.gelu(leaf);
            y.backward(xg[1]);
            for (Tensor t : new Tensor[] {y.detach(), leaf.grad()}) {
                for (float v : t.to(torch.float32).contiguous().toFloatArray()) {
                    ours.add(PythonHex.of(v));
                }
            }
        }
        assertEquals(0, differing(torchOut, ours), "values differing from PyTorch's");
    }

    @Test
    void gelu_stridedIncomingGradient_sameAsContiguous() {
        // PyTorch 1.13's oneDNN backward reads a transposed gradient as if it were contiguous (a deliberate difference)
        Tensor x = torch.randn(64, 16).requiresGrad_();
        Tensor g = torch.randn(16, 64);
        nn.functional.gelu(x).backward(g.t());
        Tensor strided = x.grad().clone();
        x.grad().zero_();
        nn.functional.gelu(x).backward(g.t().contiguous());
        assertTrue(torch.equal(strided, x.grad()));
    }

    @Test
    void hardtanhAndEluGradients_nanInScalarTail_passTheGradientAsPyTorch() {
        // PyTorch's scalar loop (fewer than 16 elements): NaN passes the gradient; its vector loop gives 0 / NaN
        Map<String, UnaryOperator<Tensor>> fs = Map.of("tensor([1., 1., 0., 0.]", nn.functional::hardtanh,
                "tensor([1., 1., 1., 0.]", nn.functional::relu6,
                "tensor([1.0000, 1.0000, 1.0000, 0.3679]", nn.functional::elu);
        for (DType type : new DType[] {torch.float32, torch.float64}) {
            fs.forEach((expected, f) -> {
                Tensor x = torch.tensor(new double[] {Double.NaN, 0.5, 2, -1}).to(type).requiresGrad_();
                f.apply(x).backward(torch.ones(4).to(type));
                assertEquals(expected + (type == torch.float64 ? ", dtype=torch.float64)" : ")"), x.grad().toString());
            });
        }
    }

    @Test
    void hardtanh_integralInput_truncatedBoundsAndUnsignedCheck() {
        assertEquals("tensor([-1,  1,  1])", nn.functional.hardtanh(torch.tensor(new long[] {-3, 2, 5}), -1.5, 1.5)
                .toString());
        assertEquals("tensor([0, 0, 0], dtype=torch.int32)",
                nn.functional.hardtanh(torch.tensor(new long[] {-3, 2, 5}).to(torch.int32), -0.5, 0.5).toString());
        assertEquals("cannot do hardtanh on an unsigned type with negative limits", assertThrows(
                IllegalArgumentException.class, () -> nn.functional.hardtanh(torch.tensor(new long[] {3}).to(torch.uint8)))
                .getMessage());
        Tensor b = torch.tensor(new double[] {0.25, 2}).to(torch.bfloat16).requiresGrad_();
        Tensor y = nn.functional.relu6(b);
        assertEquals("\"hardshrink_backward_cpu\" not implemented for 'BFloat16'",
                assertThrows(UnsupportedOperationException.class, () -> y.backward(torch.ones(2).to(torch.bfloat16)))
                        .getMessage());
    }
}
