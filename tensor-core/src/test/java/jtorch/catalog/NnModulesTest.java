package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.testing.LivePyTorch;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * The first course's nn modules against the installed PyTorch: each built after
 * {@code torch.manual_seed(0)} (so initial weights and dropout masks are PyTorch's), run on the
 * same input, compared value by value with their gradients and reprs.
 */
class NnModulesTest {
    private static final double TOL = 2e-5;

    /** name -> (PyTorch expression giving [output, input-grad, repr], Java computation). */
    private final Map<String, String> python = new LinkedHashMap<>();
    private final Map<String, Supplier<List<Object>>> java = new LinkedHashMap<>();

    private void add(String name, String module, String pyInput, Supplier<nn.Module> javaModule, Supplier<Tensor> javaInput) {
        python.put(name, "run(lambda: " + module + ", lambda: " + pyInput + ")");
        java.put(name, () -> {
            torch.manualSeed(0);
            nn.Module m = javaModule.get();
            torch.manualSeed(1);
            Tensor x = javaInput.get().detach().requiresGrad_();
            Tensor y = m.forward(x);
            y.mul(torch.arange(y.numel()).reshape(y.shape().toArray()).toDouble().mul(0.1).add(1).to(y.dtype())).sum()
                    .backward();
            return List.of(values(y), values(x.grad()), m.toString());
        });
    }

    @Test
    void modules_matchPyTorch() throws Exception {
        add("flatten", "nn.Flatten()", "torch.randn(2, 3, 2)", nn.Flatten::new, () -> torch.randn(2, 3, 2));
        add("softmax", "nn.Softmax(dim=1)", "torch.randn(2, 3)", () -> new nn.Softmax(1), () -> torch.randn(2, 3));
        add("logsoftmax", "nn.LogSoftmax(dim=1)", "torch.randn(2, 3)", () -> new nn.LogSoftmax(1), () -> torch.randn(2, 3));
        add("leaky", "nn.LeakyReLU()", "torch.randn(2, 3)", nn.LeakyReLU::new, () -> torch.randn(2, 3));
        add("gelu", "nn.GELU()", "torch.randn(2, 3)", nn.GELU::new, () -> torch.randn(2, 3));
        add("identity", "nn.Identity()", "torch.randn(3)", nn.Identity::new, () -> torch.randn(3));
        add("dropout", "nn.Dropout(0.3)", "torch.randn(4, 5)", () -> new nn.Dropout(0.3), () -> torch.randn(4, 5));
        add("conv", "nn.Conv2d(2, 3, 3)", "torch.randn(2, 2, 5, 5)", () -> new nn.Conv2d(2, 3, 3), () -> torch.randn(2, 2, 5, 5));
        add("conv_pad", "nn.Conv2d(1, 2, 3, stride=2, padding=1)", "torch.randn(1, 1, 5, 4)",
                () -> new nn.Conv2d(1, 2, 3, 2, 1), () -> torch.randn(1, 1, 5, 4));
        add("pool", "nn.MaxPool2d(2)", "torch.randn(1, 2, 4, 5)", () -> new nn.MaxPool2d(2), () -> torch.randn(1, 2, 4, 5));
        add("pool_pad", "nn.MaxPool2d(3, 2, 1)", "torch.randn(2, 1, 5, 5)", () -> new nn.MaxPool2d(3, 2, 1),
                () -> torch.randn(2, 1, 5, 5));
        add("bn1", "nn.BatchNorm1d(3)", "torch.randn(4, 3)", () -> new nn.BatchNorm1d(3), () -> torch.randn(4, 3));
        add("bn2", "nn.BatchNorm2d(2)", "torch.randn(2, 2, 3, 3)", () -> new nn.BatchNorm2d(2), () -> torch.randn(2, 2, 3, 3));
        add("layernorm", "nn.LayerNorm(4)", "torch.randn(3, 4)", () -> new nn.LayerNorm(4), () -> torch.randn(3, 4));
        add("layernorm2", "nn.LayerNorm([2, 3])", "torch.randn(2, 2, 3)", () -> new nn.LayerNorm(2, 3), () -> torch.randn(2, 2, 3));
        String script = String.join("\n",
                "import json, torch",
                "from torch import nn",
                "def run(module, data):",
                "    torch.manual_seed(0)",
                "    m = module()",
                "    torch.manual_seed(1)",
                "    x = data().requires_grad_()",
                "    y = m(x)",
                "    (y * (torch.arange(y.numel()).reshape(y.shape).double() * 0.1 + 1).to(y.dtype)).sum().backward()",
                "    return [y.detach().reshape(-1).tolist(), x.grad.reshape(-1).tolist(), repr(m)]",
                "out = {}") + "\n" + python.entrySet().stream().map(e -> "out['" + e.getKey() + "'] = " + e.getValue())
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\nprint(json.dumps(out))";
        JsonNode expected = LivePyTorch.run(script).get(0);
        for (Map.Entry<String, Supplier<List<Object>>> e : java.entrySet()) {
            List<Object> got = e.getValue().get();
            JsonNode want = expected.get(e.getKey());
            assertClose(e.getKey() + " output", want.get(0), got.get(0));
            assertClose(e.getKey() + " input grad", want.get(1), got.get(1));
            assertEquals(want.get(2).asText(), got.get(2), e.getKey() + " repr");
        }
    }

    @Test
    void embedding_initialisesAndLooksUpAsPyTorchs() throws Exception {
        JsonNode want = LivePyTorch.run(String.join("\n",
                "import json, torch",
                "torch.manual_seed(0)",
                "e = torch.nn.Embedding(4, 3)",
                "print(json.dumps([e(torch.tensor([[1, 3], [0, 1]])).reshape(-1).tolist(), repr(e)]))")).get(0);
        torch.manualSeed(0);
        nn.Embedding e = new nn.Embedding(4, 3);
        assertClose("embedding", want.get(0), values(e.forward(torch.tensor(new long[][] {{1, 3}, {0, 1}}))));
        assertEquals(want.get(1).asText(), e.toString());
    }

    @Test
    void batchNorm_functionalIsTheModulesMath() {
        torch.manualSeed(1);
        Tensor x = torch.randn(4, 3);
        nn.BatchNorm1d bn = new nn.BatchNorm1d(3);
        Tensor rm = torch.zeros(3);
        Tensor rv = torch.ones(3);
        Tensor viaFunctional = nn.functional.batchNorm(x, rm, rv, bn.weight(), bn.bias(), true, 0.1, 1e-5);
        assertClose("batch_norm", values(viaFunctional), values(bn.forward(x)));
        assertClose("running_mean", values(rm), values(bn.runningMean()));
        assertClose("running_var", values(rv), values(bn.runningVar()));
        bn.eval();
        assertClose("eval", values(nn.functional.batchNorm(x, rm, rv, null, null, false, 0.1, 1e-5)),
                values(bn.forward(x)));
    }

    @Test
    void losses_matchPyTorch() throws Exception {
        JsonNode want = LivePyTorch.run(String.join("\n",
                "import json, torch",
                "from torch import nn",
                "x = torch.tensor([[0.2, -1.5, 3.0], [0.7, 0.1, -0.4]])",
                "p = torch.tensor([[0.2, 0.9, 0.5], [0.7, 0.1, 0.4]])",
                "t = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])",
                "c = torch.tensor([2, 0])",
                "out = [nn.L1Loss()(x, t).item(), nn.SmoothL1Loss()(x, t).item(), nn.HuberLoss()(x, t).item(),",
                "       nn.BCELoss()(p, t).item(), nn.BCEWithLogitsLoss()(x, t).item(),",
                "       nn.NLLLoss()(torch.log_softmax(x, 1), c).item()]",
                "print(json.dumps(out))")).get(0);
        Tensor x = torch.tensor(new double[][] {{0.2, -1.5, 3.0}, {0.7, 0.1, -0.4}});
        Tensor p = torch.tensor(new double[][] {{0.2, 0.9, 0.5}, {0.7, 0.1, 0.4}});
        Tensor t = torch.tensor(new double[][] {{0, 1, 1}, {1, 0, 0}});
        Tensor c = torch.tensor(new long[] {2, 0});
        List<Object> got = List.of(new nn.L1Loss().forward(x, t).doubleValue(),
                new nn.SmoothL1Loss().forward(x, t).doubleValue(), new nn.HuberLoss().forward(x, t).doubleValue(),
                new nn.BCELoss().forward(p, t).doubleValue(), new nn.BCEWithLogitsLoss().forward(x, t).doubleValue(),
                new nn.NLLLoss().forward(x.logSoftmax(1), c).doubleValue());
        assertClose("losses", want, got);
    }

    private static List<Double> values(Tensor t) {
        List<Double> out = new ArrayList<>();
        for (double v : t.detach().reshape(-1).toDouble().toDoubleArray()) {
            out.add(v);
        }
        return out;
    }

    private static void assertClose(String what, List<Double> want, List<Double> got) {
        assertEquals(want.size(), got.size(), what + ": size");
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), got.get(i), TOL * (1 + Math.abs(want.get(i))), what + ": element " + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertClose(String what, JsonNode want, Object got) {
        List<? extends Number> values = (List<? extends Number>) got;
        assertEquals(want.size(), values.size(), what + ": size");
        for (int i = 0; i < values.size(); i++) {
            double w = want.get(i).asDouble();
            double g = values.get(i).doubleValue();
            if (!(Math.abs(w - g) <= TOL * (1 + Math.abs(w)))) {
                assertEquals(w, g, what + ": element " + i);
            }
        }
    }
}
