package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.optim;
import jtorch.testing.LivePyTorch;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** AdamW, RMSprop, Adagrad and a user's Optimizer subclass train like PyTorch's (5 steps of a linear fit). */
class OptimizersTest {
    private static final String[] PYTHON = {
        "torch.optim.AdamW(m.parameters(), lr=0.1)",
        "torch.optim.RMSprop(m.parameters(), lr=0.05)",
        "torch.optim.RMSprop(m.parameters(), lr=0.05, momentum=0.9, weight_decay=0.1)",
        "torch.optim.Adagrad(m.parameters(), lr=0.5)",
    };
    private static final List<Function<List<Tensor>, optim.Optimizer>> JAVA = List.of(
        p -> new optim.AdamW(p, 0.1),
        p -> new optim.RMSprop(p, 0.05),
        p -> new optim.RMSprop(p, 0.05, 0.99, 1e-8, 0.1, 0.9),
        p -> new optim.Adagrad(p, 0.5));

    /** A user's optimizer: plain gradient descent written on the public API. */
    static final class PlainSGD extends optim.Optimizer {
        private final double lr;

        PlainSGD(List<Tensor> params, double lr) {
            super(params);
            this.lr = lr;
            hyper("lr", lr);
        }

        @Override
        @SuppressWarnings("try")
        public void step() {
            try (var ignored = torch.noGrad()) {
                for (Tensor p : params()) {
                    if (p.grad() != null) {
                        p.sub_(p.grad().mul(lr));
                    }
                }
            }
        }
    }

    @Test
    void optimizers_trainAsPyTorchs() throws Exception {
        StringBuilder script = new StringBuilder(String.join("\n",
                "import json, torch",
                "x = torch.linspace(-1, 1, 8).reshape(8, 1)",
                "y = 3 * x + 0.5",
                "out = []",
                "def train(make):",
                "    torch.manual_seed(0)",
                "    m = torch.nn.Linear(1, 1)",
                "    opt = make(m)",
                "    for _ in range(5):",
                "        opt.zero_grad()",
                "        torch.nn.functional.mse_loss(m(x), y).backward()",
                "        opt.step()",
                "    return [m.weight.item(), m.bias.item(), repr(opt)]", ""));
        for (String make : PYTHON) {
            script.append("out.append(train(lambda m: ").append(make).append("))\n");
        }
        script.append("out.append(train(lambda m: torch.optim.SGD(m.parameters(), lr=0.1))[:2])\n");
        script.append("print(json.dumps(out))\n");
        JsonNode expected = LivePyTorch.run(script.toString()).get(0);
        for (int i = 0; i <= JAVA.size(); i++) {
            Function<List<Tensor>, optim.Optimizer> make = i < JAVA.size() ? JAVA.get(i) : p -> new PlainSGD(p, 0.1);
            Tensor x = torch.linspace(-1, 1, 8).reshape(8, 1);
            Tensor y = x.mul(3).add(0.5);
            torch.manualSeed(0);
            nn.Linear m = new nn.Linear(1, 1);
            optim.Optimizer opt = make.apply(m.parameters());
            for (int s = 0; s < 5; s++) {
                opt.zeroGrad();
                nn.functional.mseLoss(m.forward(x), y).backward();
                opt.step();
            }
            JsonNode want = expected.get(i);
            assertEquals(want.get(0).asDouble(), m.weight().doubleValue(), 1e-5, "weight after " + opt);
            assertEquals(want.get(1).asDouble(), m.bias().doubleValue(), 1e-5, "bias after " + opt);
            if (i < JAVA.size()) {
                assertEquals(want.get(2).asText(), opt.toString());
            }
        }
    }
}
