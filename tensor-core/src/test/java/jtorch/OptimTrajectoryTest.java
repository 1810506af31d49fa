package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jtorch.testing.LivePyTorch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in optimizers against the installed PyTorch 1.13: the same two parameters (float32
 * and float64, same values), the same gradient at every step ({@code (p - target) * 0.5}, exact
 * in both), 30 steps (the learning rate of the first group halved after 20); the parameters after every step must equal PyTorch's bit for bit, and the
 * repr and the state's names must be PyTorch's. The float32 parameter's 21 elements run through
 * the vector loops (two vectors) and their scalar tail.
 */
class OptimTrajectoryTest {
    private static final int STEPS = 30;
    private static final Map<String, String> PYTHON = new LinkedHashMap<>();
    private static final Map<String, Function<List<Object>, optim.Optimizer>> JAVA = new LinkedHashMap<>();
    private static JsonNode expected;

    private static void add(String name, String python, Function<List<Object>, optim.Optimizer> java) {
        PYTHON.put(name, python);
        JAVA.put(name, java);
    }

    @BeforeAll
    static void cases() throws Exception {
        assertEquals(torch.backends.vectorAvailable(), torch.backends.awaitVectorKernels(120_000),
                "the vector loops (SGD, Adam) take part in the comparison once warm");
        add("sgd", "torch.optim.SGD(params, lr=0.1)", p -> new optim.SGD(p, 0.1));
        add("sgd_momentum", "torch.optim.SGD(params, lr=0.1, momentum=0.9)", p -> new optim.SGD(p, 0.1, 0.9));
        add("sgd_dampening_decay", "torch.optim.SGD(params, 0.05, 0.8, 0.1, 0.01)",
                p -> new optim.SGD(p, 0.05, 0.8, 0.1, 0.01, false));
        add("sgd_nesterov_maximize", "torch.optim.SGD(params, 0.05, 0.9, 0, 0.01, True, maximize=True)",
                p -> new optim.SGD(p, 0.05, 0.9, 0, 0.01, true, true));
        add("adam", "torch.optim.Adam(params, lr=0.01)", p -> new optim.Adam(p, 0.01));
        add("adam_options", "torch.optim.Adam(params, 0.02, (0.8, 0.99), 1e-6, 0.1)",
                p -> new optim.Adam(p, 0.02, 0.8, 0.99, 1e-6, 0.1));
        add("adam_amsgrad_maximize", "torch.optim.Adam(params, 0.01, amsgrad=True, maximize=True)",
                p -> new optim.Adam(p, 0.01, 0.9, 0.999, 1e-8, 0, true, true));
        add("adamw", "torch.optim.AdamW(params, lr=0.01)", p -> new optim.AdamW(p, 0.01));
        add("adamw_options", "torch.optim.AdamW(params, 0.02, (0.85, 0.995), 1e-7, 0.1, True)",
                p -> new optim.AdamW(p, 0.02, 0.85, 0.995, 1e-7, 0.1, true, false));
        add("rmsprop", "torch.optim.RMSprop(params, lr=0.01)", p -> new optim.RMSprop(p, 0.01));
        add("rmsprop_momentum_decay", "torch.optim.RMSprop(params, 0.01, 0.9, 1e-6, 0.1, 0.9)",
                p -> new optim.RMSprop(p, 0.01, 0.9, 1e-6, 0.1, 0.9));
        add("rmsprop_centered", "torch.optim.RMSprop(params, 0.01, centered=True)",
                p -> new optim.RMSprop(p, 0.01, 0.99, 1e-8, 0, 0, true));
        add("rmsprop_centered_momentum_maximize",
                "torch.optim.RMSprop(params, 0.01, 0.95, 1e-8, 0.01, 0.5, True, maximize=True)",
                p -> new optim.RMSprop(p, 0.01, 0.95, 1e-8, 0.01, 0.5, true, true));
        add("adagrad", "torch.optim.Adagrad(params, lr=0.1)", p -> new optim.Adagrad(p, 0.1));
        add("adagrad_options", "torch.optim.Adagrad(params, 0.1, 0.01, 0.1, 0.1, 1e-8)",
                p -> new optim.Adagrad(p, 0.1, 0.01, 0.1, 0.1, 1e-8));
        add("param_groups", "torch.optim.SGD([{'params': params[:1]}, {'params': params[1:], 'lr': 0.02,"
                + " 'nesterov': True}], lr=0.1, momentum=0.9)",
                p -> new optim.SGD(List.of(Map.of("params", p.subList(0, 1)),
                        Map.of("params", p.subList(1, 2), "lr", 0.02, "nesterov", true)), 0.1, 0.9));
        StringBuilder script = new StringBuilder(String.join("\n",
                "import json, torch",
                "def run(make):",
                "    torch.manual_seed(0)",
                "    params = [torch.randn(7, 3).requires_grad_(), torch.randn(5).double().requires_grad_()]",
                "    targets = [torch.randn(7, 3), torch.randn(5).double() / 3]",
                "    opt = make(params)",
                "    trace = []",
                "    for step in range(" + STEPS + "):",
                "        if step == 20:",
                "            opt.param_groups[0]['lr'] = opt.param_groups[0]['lr'] * 0.5",
                "        for p, t in zip(params, targets):",
                "            p.grad = (p.detach() - t) * 0.5",
                "        opt.step()",
                "        trace.append([v for p in params for v in p.detach().double().reshape(-1).tolist()])",
                "    state = sorted(opt.state[params[0]].keys())",
                "    return [trace, repr(opt), state]",
                "out = {}\n"));
        PYTHON.forEach((name, make) -> script.append("out['").append(name).append("'] = run(lambda params: ")
                .append(make).append(")\n"));
        script.append("print(json.dumps(out))\n");
        expected = LivePyTorch.run(script.toString()).get(0);
    }

    /** The trace of one optimizer: parameter values after every step, the repr, the state's names. */
    private static List<Object> run(Function<List<Object>, optim.Optimizer> make) {
        torch.manualSeed(0);
        List<Tensor> params = List.of(torch.randn(7, 3).requiresGrad_(), torch.randn(5).toDouble().requiresGrad_());
        List<Tensor> targets = List.of(torch.randn(7, 3), torch.randn(5).toDouble().div(3));
        optim.Optimizer opt = make.apply(new ArrayList<>(params));
        List<double[]> trace = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (step == 20) {
                optim.ParamGroup group = opt.paramGroups().get(0);
                group.put("lr", group.getDouble("lr") * 0.5);
            }
            for (int i = 0; i < params.size(); i++) {
                params.get(i).setGrad(params.get(i).detach().sub(targets.get(i)).mul(0.5));
            }
            opt.step();
            List<Double> values = new ArrayList<>();
            for (Tensor p : params) {
                for (double v : p.detach().toDouble().reshape(-1).toDoubleArray()) {
                    values.add(v);
                }
            }
            trace.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        List<String> state = new ArrayList<>(opt.state(params.get(0)).keySet());
        state.sort(null);
        return List.of(trace, opt.toString(), state);
    }

    @Test
    void optimizers_followPyTorchsTrajectoryBitForBit() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Function<List<Object>, optim.Optimizer>> e : JAVA.entrySet()) {
            JsonNode want = expected.get(e.getKey());
            List<Object> got = run(e.getValue());
            @SuppressWarnings("unchecked")
            List<double[]> trace = (List<double[]>) got.get(0);
            search:
            for (int step = 0; step < STEPS; step++) {
                for (int i = 0; i < trace.get(step).length; i++) {
                    double w = want.get(0).get(step).get(i).asDouble();
                    if (w != trace.get(step)[i]) {
                        failures.add(e.getKey() + ": step " + (step + 1) + " element " + i + ": PyTorch " + w
                                + ", JTorch " + trace.get(step)[i]);
                        break search;
                    }
                }
            }
            if (!want.get(1).asText().equals(got.get(1))) {
                failures.add(e.getKey() + " repr:\n" + want.get(1).asText() + "\n" + got.get(1));
            }
            List<String> state = new ArrayList<>();
            want.get(2).forEach(s -> state.add(s.asText()));
            if (!state.equals(got.get(2))) {
                failures.add(e.getKey() + " state " + got.get(2) + ", PyTorch " + state);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    /** A user's optimizer written on the public API, as PyTorch's tutorials write one. */
    static final class PlainSGD extends optim.Optimizer {
        PlainSGD(List<Tensor> params, double lr) {
            super(params, Map.of("lr", lr));
        }

        @Override
        @SuppressWarnings("try")
        public void step() {
            try (GradMode ignored = torch.noGrad()) {
                for (optim.ParamGroup group : paramGroups()) {
                    for (Tensor p : group.params()) {
                        if (p.grad() != null) {
                            Map<String, Object> state = state(p);
                            state.merge("steps", 1, (a, b) -> (Integer) a + (Integer) b);
                            p.sub_(p.grad().mul(group.getDouble("lr")));
                        }
                    }
                }
            }
        }
    }

    @Test
    void userOptimizer_hasGroupsStateAndRepr() {
        Tensor w = torch.ones(2).requiresGrad_();
        PlainSGD opt = new PlainSGD(List.of(w), 0.5);
        w.mul(w).sum().backward();
        opt.step();
        opt.step();
        assertEquals("tensor([-1., -1.])", w.detach().toString());
        assertEquals(2, opt.state(w).get("steps"));
        assertEquals("PlainSGD (\nParameter Group 0\n    lr: 0.5\n)", opt.toString());
        opt.zeroGrad(true);
        assertEquals(null, w.grad());
    }
}
