package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of a first course against the installed PyTorch 1.13, case by case: each case runs
 * in both after {@code manual_seed(0)} (same inputs and initial weights) and returns a list of
 * tensors (outputs, gradients, running statistics, indices) and strings (reprs, grad_fn names).
 * Batch and layer norm, max pooling, embedding and dropout must give PyTorch's float32 values
 * bit for bit; convolution (oneDNN in PyTorch, a different summation order) within 1e-5.
 * PyTorch runs with JTorch's thread count, which decides batch norm's partial sums.
 */
class NnLayersTest {
    private static final Map<String, String> PYTHON = new LinkedHashMap<>();
    private static final Map<String, Supplier<List<Object>>> JAVA = new LinkedHashMap<>();
    private static final Map<String, Double> TOLERANCE = new LinkedHashMap<>();
    private static JsonNode expected;
    private static int comparedValues;

    private static final String PRELUDE = String.join("\n",
            "import json, math, torch",
            "import torch.nn.functional as F",
            "from torch import nn",
            "import sys",
            "torch.set_num_threads(int(sys.argv[1]))",
            "def weights(y):",
            "    return (torch.arange(y.numel()).reshape(y.shape).double() * 0.1 + 1).to(y.dtype)",
            "def grads(y, *xs):",
            "    (y * weights(y)).sum().backward()",
            "    return [x.grad for x in xs]",
            "def flat(v):",
            "    if isinstance(v, torch.Tensor):",
            "        return {'t': [float(f) if not math.isnan(f) else 'nan' for f in v.detach().double().reshape(-1).tolist()],"
                    + " 's': list(v.shape)}",
            "    if v is None:",
            "        return None",
            "    return str(v)",
            "def case(f):",
            "    torch.manual_seed(0)",
            "    return [flat(v) for v in f()]",
            "out = {}");

    private static void add(String name, double tol, String python, Supplier<List<Object>> java) {
        PYTHON.put(name, python);
        JAVA.put(name, () -> {
            torch.manualSeed(0);
            return java.get();
        });
        TOLERANCE.put(name, tol);
    }

    private static Tensor weights(Tensor y) {
        return torch.arange(y.numel()).reshape(y.shape().toArray()).toDouble().mul(0.1).add(1).to(y.dtype());
    }

    /** Backward of {@code sum(y * w)}; returns the inputs' gradients. */
    private static List<Object> grads(Tensor y, Tensor... xs) {
        y.mul(weights(y)).sum().backward();
        List<Object> out = new ArrayList<>();
        for (Tensor x : xs) {
            out.add(x.grad());
        }
        return out;
    }

    private static List<Object> list(Object... items) {
        List<Object> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof List<?> l) {
                out.addAll(l);
            } else {
                out.add(o);
            }
        }
        return out;
    }

    @BeforeAll
    static void cases() throws Exception {
        convolutionCases();
        poolingCases();
        normalizationCases();
        lookupCases();
        modelCases();
        StringBuilder script = new StringBuilder(PRELUDE).append('\n');
        for (Map.Entry<String, String> e : PYTHON.entrySet()) {
            script.append("def case_").append(e.getKey()).append("():\n");
            for (String line : e.getValue().split("\n")) {
                script.append("    ").append(line).append('\n');
            }
            script.append("out['").append(e.getKey()).append("'] = case(case_").append(e.getKey()).append(")\n");
        }
        script.append("print(json.dumps(out))\n");
        expected = LivePyTorch.run(script.toString(), Integer.toString(torch.getNumThreads())).get(0);
    }

    private static void convolutionCases() {
        for (String dt : new String[] {"float32", "float64"}) {
            DType type = dt.equals("float32") ? torch.float32 : torch.float64;
            double tol = dt.equals("float32") ? 2e-5 : 1e-12;
            add("conv_basic_" + dt, tol, String.join("\n",
                    "x = torch.randn(2, 3, 7, 6, dtype=torch." + dt + ", requires_grad=True)",
                    "w = torch.randn(4, 3, 3, 3, dtype=torch." + dt + ", requires_grad=True)",
                    "b = torch.randn(4, dtype=torch." + dt + ", requires_grad=True)",
                    "y = F.conv2d(x, w, b)",
                    "return [y, *grads(y, x, w, b), y.grad_fn.name()]"), () -> {
                        Tensor x = torch.randn(new int[] {2, 3, 7, 6}, type).requiresGrad_();
                        Tensor w = torch.randn(new int[] {4, 3, 3, 3}, type).requiresGrad_();
                        Tensor b = torch.randn(new int[] {4}, type).requiresGrad_();
                        Tensor y = nn.functional.conv2d(x, w, b);
                        return list(y, grads(y, x, w, b), y.gradFn().name());
                    });
            add("conv_options_" + dt, tol, String.join("\n",
                    "x = torch.randn(2, 4, 9, 8, dtype=torch." + dt + ", requires_grad=True)",
                    "w = torch.randn(6, 2, 3, 2, dtype=torch." + dt + ", requires_grad=True)",
                    "b = torch.randn(6, dtype=torch." + dt + ", requires_grad=True)",
                    "y = F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2)",
                    "return [y, *grads(y, x, w, b)]"), () -> {
                        Tensor x = torch.randn(new int[] {2, 4, 9, 8}, type).requiresGrad_();
                        Tensor w = torch.randn(new int[] {6, 2, 3, 2}, type).requiresGrad_();
                        Tensor b = torch.randn(new int[] {6}, type).requiresGrad_();
                        Tensor y = nn.functional.conv2d(x, w, b, new int[] {2, 1}, new int[] {1, 2}, new int[] {2, 1}, 2);
                        return list(y, grads(y, x, w, b));
                    });
        }
        add("conv_same_even_kernel", 2e-5, String.join("\n",
                "x = torch.randn(1, 2, 6, 5, requires_grad=True)",
                "w = torch.randn(3, 2, 4, 3, requires_grad=True)",
                "y = F.conv2d(x, w, padding='same')",
                "return [y, *grads(y, x, w)]"), () -> {
                    Tensor x = torch.randn(1, 2, 6, 5).requiresGrad_();
                    Tensor w = torch.randn(3, 2, 4, 3).requiresGrad_();
                    Tensor y = nn.functional.conv2d(x, w, null, 1, "same");
                    return list(y, grads(y, x, w));
                });
        add("conv_1x1_unbatched", 2e-5, String.join("\n",
                "x = torch.randn(3, 4, 5, requires_grad=True)",
                "w = torch.randn(2, 3, 1, 1, requires_grad=True)",
                "y = F.conv2d(x, w)",
                "return [y, *grads(y, x, w), y.grad_fn.name()]"), () -> {
                    Tensor x = torch.randn(3, 4, 5).requiresGrad_();
                    Tensor w = torch.randn(2, 3, 1, 1).requiresGrad_();
                    Tensor y = nn.functional.conv2d(x, w);
                    return list(y, grads(y, x, w), y.gradFn().name());
                });
        add("conv_module", 2e-5, String.join("\n",
                "m = nn.Conv2d(2, 4, (3, 2), stride=2, padding=1, bias=False)",
                "x = torch.randn(3, 2, 8, 7)",
                "y = m(x)",
                "return [y, m.weight, *grads(y, m.weight), repr(m), repr(nn.Conv2d(2, 4, 3, padding='same', groups=2)),"
                        + " repr(nn.Conv2d(1, 2, 5, 1, 0, 3))]"), () -> {
                    nn.Conv2d m = new nn.Conv2d(2, 4, new int[] {3, 2}, new int[] {2}, new int[] {1}, new int[] {1}, 1,
                            false);
                    Tensor x = torch.randn(3, 2, 8, 7);
                    Tensor y = m.forward(x);
                    return list(y, m.weight(), grads(y, m.weight()), m.toString(),
                            new nn.Conv2d(2, 4, 3, 1, "same", 1, 2, true).toString(),
                            new nn.Conv2d(1, 2, 5, 1, 0, 3, 1, true).toString());
                });
    }

    private static void poolingCases() {
        add("pool_2", 0, String.join("\n",
                "x = torch.randn(2, 3, 6, 7, requires_grad=True)",
                "y, i = F.max_pool2d(x, 2, return_indices=True)",
                "return [y, i, *grads(y, x), y.grad_fn.name()]"), () -> {
                    Tensor x = torch.randn(2, 3, 6, 7).requiresGrad_();
                    TensorList yi = nn.functional.maxPool2dWithIndices(x, new int[] {2}, new int[0], new int[] {0},
                            new int[] {1}, false);
                    return list(yi.get(0), yi.get(1), grads(yi.get(0), x), yi.get(0).gradFn().name());
                });
        add("pool_options", 0, String.join("\n",
                "x = torch.randn(2, 2, 9, 8, dtype=torch.float64, requires_grad=True)",
                "y, i = F.max_pool2d(x, (3, 2), stride=(2, 1), padding=1, dilation=(2, 3), ceil_mode=True,"
                        + " return_indices=True)",
                "return [y, i, *grads(y, x)]"), () -> {
                    Tensor x = torch.randn(new int[] {2, 2, 9, 8}, torch.float64).requiresGrad_();
                    TensorList yi = nn.functional.maxPool2dWithIndices(x, new int[] {3, 2}, new int[] {2, 1},
                            new int[] {1}, new int[] {2, 3}, true);
                    return list(yi.get(0), yi.get(1), grads(yi.get(0), x));
                });
        add("pool_ceil_overlap_nan", 0, String.join("\n",
                "x = torch.randn(1, 7, 6)",
                "x[0, 1, 1] = float('nan')",
                "x[0, 2, 4] = float('nan')",
                "x.requires_grad_()",
                "m = nn.MaxPool2d(3, 2, 1, ceil_mode=True)",
                "y = m(x)",
                "return [y, *grads(y, x), repr(m), repr(nn.MaxPool2d((2, 3)))]"), () -> {
                    Tensor x = torch.randn(1, 7, 6);
                    x.select(1, 1).select(1, 1).fill_(Double.NaN);
                    x.select(1, 2).select(1, 4).fill_(Double.NaN);
                    x.requiresGrad_();
                    nn.MaxPool2d m = new nn.MaxPool2d(3, 2, 1, 1, false, true);
                    Tensor y = m.forward(x);
                    return list(y, grads(y, x), m.toString(), new nn.MaxPool2d(new int[] {2, 3}).toString());
                });
    }

    private static void normalizationCases() {
        add("bn2d_train_eval", 0, String.join("\n",
                "m = nn.BatchNorm2d(3)",
                "out = []",
                "for step in range(3):",
                "    out.append(m(torch.randn(4, 3, 5, 5) * 2 + 1))",
                "out += [m.running_mean, m.running_var, m.num_batches_tracked]",
                "m.eval()",
                "out.append(m(torch.randn(2, 3, 5, 5)))",
                "return out + [repr(m)]"), () -> {
                    nn.BatchNorm2d m = new nn.BatchNorm2d(3);
                    List<Object> out = new ArrayList<>();
                    for (int step = 0; step < 3; step++) {
                        out.add(m.forward(torch.randn(4, 3, 5, 5).mul(2).add(1)));
                    }
                    out.addAll(List.of(m.runningMean(), m.runningVar(), m.numBatchesTracked()));
                    m.eval();
                    out.add(m.forward(torch.randn(2, 3, 5, 5)));
                    out.add(m.toString());
                    return out;
                });
        add("bn1d_channels_last", 0, String.join("\n",
                "m = nn.BatchNorm1d(5, eps=1e-3, momentum=None)",
                "with torch.no_grad():",
                "    m.weight.uniform_()",
                "    m.bias.uniform_()",
                "out = [m(torch.randn(16, 5) * 3 - 1) for step in range(2)]",
                "out += [m.running_mean, m.running_var]",
                "m.eval()",
                "out.append(m(torch.randn(3, 5)))",
                "return out + [repr(m)]"), () -> {
                    nn.BatchNorm1d m = new nn.BatchNorm1d(5, 1e-3, null);
                    try (GradMode ignored = GradMode.set(false)) {
                        m.weight().uniform_();
                        m.bias().uniform_();
                    }
                    List<Object> out = new ArrayList<>();
                    for (int step = 0; step < 2; step++) {
                        out.add(m.forward(torch.randn(16, 5).mul(3).sub(1)));
                    }
                    out.addAll(List.of(m.runningMean(), m.runningVar()));
                    m.eval();
                    out.add(m.forward(torch.randn(3, 5)));
                    out.add(m.toString());
                    return out;
                });
        add("bn1d_3d_grads", 2e-6, String.join("\n",
                "m = nn.BatchNorm1d(3)",
                "with torch.no_grad():",
                "    m.weight.uniform_()",
                "x = torch.randn(4, 3, 6, requires_grad=True)",
                "y = m(x)",
                "return [y, *grads(y, x, m.weight, m.bias), y.grad_fn.name()]"), () -> {
                    nn.BatchNorm1d m = new nn.BatchNorm1d(3);
                    try (GradMode ignored = GradMode.set(false)) {
                        m.weight().uniform_();
                    }
                    Tensor x = torch.randn(4, 3, 6).requiresGrad_();
                    Tensor y = m.forward(x);
                    return list(y, grads(y, x, m.weight(), m.bias()), y.gradFn().name());
                });
        add("bn_plain_eval_grads", 1e-12, String.join("\n",
                "m = nn.BatchNorm2d(2, affine=False, track_running_stats=False)",
                "x = torch.randn(3, 2, 4, 4, dtype=torch.float64, requires_grad=True)",
                "y = m(x)",
                "rm = torch.randn(2, dtype=torch.float64)",
                "rv = torch.rand(2, dtype=torch.float64) + 0.5",
                "w = torch.randn(2, dtype=torch.float64, requires_grad=True)",
                "b = torch.randn(2, dtype=torch.float64, requires_grad=True)",
                "x2 = torch.randn(3, 2, 4, 4, dtype=torch.float64, requires_grad=True)",
                "y2 = F.batch_norm(x2, rm, rv, w, b, training=False)",
                "return [y, *grads(y, x), y2, *grads(y2, x2, w, b), repr(m), str(m.state_dict())]"), () -> {
                    nn.BatchNorm2d m = new nn.BatchNorm2d(2, 1e-5, 0.1, false, false);
                    Tensor x = torch.randn(new int[] {3, 2, 4, 4}, torch.float64).requiresGrad_();
                    Tensor y = m.forward(x);
                    List<Object> gy = grads(y, x);
                    Tensor rm = torch.randn(new int[] {2}, torch.float64);
                    Tensor rv = torch.rand(new int[] {2}, torch.float64).add(0.5);
                    Tensor w = torch.randn(new int[] {2}, torch.float64).requiresGrad_();
                    Tensor b = torch.randn(new int[] {2}, torch.float64).requiresGrad_();
                    Tensor x2 = torch.randn(new int[] {3, 2, 4, 4}, torch.float64).requiresGrad_();
                    Tensor y2 = nn.functional.batchNorm(x2, rm, rv, w, b, false);
                    return list(y, gy, y2, grads(y2, x2, w, b), m.toString(), m.stateDict().toString());
                });
        for (int n : new int[] {3, 8, 17, 100, 300}) {
            add("layer_norm_" + n, 0, String.join("\n",
                    "x = torch.randn(5, " + n + ") * 2 + 0.5",
                    "return [F.layer_norm(x, [" + n + "])]"), () -> {
                        Tensor x = torch.randn(5, n).mul(2).add(0.5);
                        return list(nn.functional.layerNorm(x, new int[] {n}));
                    });
        }
        add("layer_norm_module", 2e-6, String.join("\n",
                "m = nn.LayerNorm([4, 5])",
                "with torch.no_grad():",
                "    m.weight.uniform_()",
                "    m.bias.uniform_()",
                "x = torch.randn(3, 4, 5, requires_grad=True)",
                "y = m(x)",
                "return [y, *grads(y, x, m.weight, m.bias), y.grad_fn.name(), repr(m),"
                        + " repr(nn.LayerNorm(7, eps=1e-6, elementwise_affine=False))]"), () -> {
                    nn.LayerNorm m = new nn.LayerNorm(4, 5);
                    try (GradMode ignored = GradMode.set(false)) {
                        m.weight().uniform_();
                        m.bias().uniform_();
                    }
                    Tensor x = torch.randn(3, 4, 5).requiresGrad_();
                    Tensor y = m.forward(x);
                    return list(y, grads(y, x, m.weight(), m.bias()), y.gradFn().name(), m.toString(),
                            new nn.LayerNorm(new int[] {7}, 1e-6, false).toString());
                });
    }

    private static void modelCases() {
        add("cnn_model", 2e-6, String.join("\n",
                "m = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),",
                "                  nn.Dropout(0.25), nn.Flatten(), nn.Linear(4 * 3 * 3, 5), nn.LayerNorm(5))",
                "x = torch.randn(2, 1, 6, 6)",
                "y = m(x)",
                "loss = F.cross_entropy(y, torch.tensor([1, 3]))",
                "loss.backward()",
                "m.eval()",
                "return [y, loss, m[0].weight.grad, m[1].weight.grad, m(x), repr(m), str(m.state_dict()),"
                        + " str(list(dict(m.named_parameters()).keys()))]"), () -> {
                    nn.Sequential m = new nn.Sequential(new nn.Conv2d(1, 4, 3, 1, 1), new nn.BatchNorm2d(4),
                            new nn.ReLU(), new nn.MaxPool2d(2), new nn.Dropout(0.25), new nn.Flatten(),
                            new nn.Linear(4 * 3 * 3, 5), new nn.LayerNorm(5));
                    Tensor x = torch.randn(2, 1, 6, 6);
                    Tensor y = m.forward(x);
                    Tensor loss = nn.functional.crossEntropy(y, torch.tensor(new long[] {1, 3}));
                    loss.backward();
                    m.eval();
                    nn.Conv2d conv = m.get(0);
                    nn.BatchNorm2d bn = m.get(1);
                    List<String> names = new ArrayList<>(m.namedParameters().keySet());
                    return list(y, loss, conv.weight().grad(), bn.weight().grad(), m.forward(x), m.toString(),
                            m.stateDict().toString(), "[" + String.join(", ", names.stream().map(n -> "'" + n + "'")
                                    .toList()) + "]");
                });
    }

    private static void lookupCases() {
        add("embedding_padding", 0, String.join("\n",
                "m = nn.Embedding(6, 3, padding_idx=-2)",
                "i = torch.tensor([[1, 4, 2], [4, 0, 4]])",
                "y = m(i)",
                "return [m.weight, y, *grads(y, m.weight), y.grad_fn.name(), repr(m)]"), () -> {
                    nn.Embedding m = new nn.Embedding(6, 3, -2);
                    Tensor i = torch.tensor(new long[][] {{1, 4, 2}, {4, 0, 4}});
                    Tensor y = m.forward(i);
                    return list(m.weight(), y, grads(y, m.weight()), y.gradFn().name(), m.toString());
                });
        add("dropout", 0, String.join("\n",
                "x = torch.randn(4, 5, requires_grad=True)",
                "y = F.dropout(x, 0.4)",
                "z = F.dropout(x, 1.0)",
                "m = nn.Dropout(0.2)",
                "w = m(torch.ones(3, 4))",
                "m.eval()",
                "return [y, *grads(y, x), z, w, m(torch.ones(2)), repr(m), repr(nn.Dropout(0.3, inplace=True))]"), () -> {
                    Tensor x = torch.randn(4, 5).requiresGrad_();
                    Tensor y = nn.functional.dropout(x, 0.4);
                    Tensor z = nn.functional.dropout(x, 1.0);
                    nn.Dropout m = new nn.Dropout(0.2);
                    Tensor w = m.forward(torch.ones(3, 4));
                    m.eval();
                    return list(y, grads(y, x), z, w, m.forward(torch.ones(2)), m.toString(),
                            new nn.Dropout(0.3, true).toString());
                });
    }

    @Test
    void layers_matchPyTorch() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Supplier<List<Object>>> e : JAVA.entrySet()) {
            String name = e.getKey();
            JsonNode want = expected.get(name);
            List<Object> got = e.getValue().get();
            if (want.size() != got.size()) {
                failures.add(name + ": " + got.size() + " results, PyTorch gave " + want.size());
                continue;
            }
            for (int k = 0; k < got.size(); k++) {
                String problem = compare(want.get(k), got.get(k), TOLERANCE.get(name));
                if (problem != null) {
                    failures.add(name + " result " + k + ": " + problem);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertEquals(true, comparedValues > 5000, "values compared: " + comparedValues);
    }

    private static String compare(JsonNode want, Object got, double tol) {
        if (want.isNull() || got == null) {
            return want.isNull() && got == null ? null : "expected " + want + " got " + got;
        }
        if (want.isTextual()) {
            return want.asText().equals(got.toString()) ? null : "expected\n" + want.asText() + "\ngot\n" + got;
        }
        Tensor t = (Tensor) got;
        List<Integer> shape = new ArrayList<>();
        want.get("s").forEach(s -> shape.add(s.asInt()));
        if (!shape.equals(t.shape().toList())) {
            return "shape " + t.shape() + ", expected " + shape;
        }
        double[] values = t.detach().toDouble().reshape(-1).toDoubleArray();
        comparedValues += values.length;
        for (int i = 0; i < values.length; i++) {
            JsonNode w = want.get("t").get(i);
            double expectedValue = w.isTextual() ? Double.NaN : w.asDouble();
            boolean same = Double.isNaN(expectedValue) ? Double.isNaN(values[i])
                    : tol == 0 ? expectedValue == values[i]
                    : Math.abs(expectedValue - values[i]) <= tol * Math.max(1, Math.abs(expectedValue));
            if (!same) {
                return "element " + i + ": expected " + expectedValue + " got " + values[i] + " (tolerance " + tol + ")";
            }
        }
        return null;
    }

    @Test
    void catalogOfCases_isComplete() {
        assertEquals(PYTHON.keySet(), JAVA.keySet());
    }
}
