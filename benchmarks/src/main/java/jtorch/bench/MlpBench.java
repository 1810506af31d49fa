package jtorch.bench;

import jtorch.Tensor;
import jtorch.nn;
import jtorch.optim;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** One training step of a 784-256-10 MLP on a batch of 64: forward, cross-entropy, backward, SGD or Adam. */
public class MlpBench extends BenchBase {
    Tensor x;
    Tensor y;
    nn.Sequential model;
    optim.SGD sgd;
    optim.Adam adam;

    @Setup
    public void data() {
        x = torch.randn(64, 784);
        y = torch.randint(0, 10, new int[] {64});
        model = new nn.Sequential(new nn.Linear(784, 256), new nn.ReLU(), new nn.Linear(256, 10));
        sgd = new optim.SGD(model.parameters(), 0.01);
        adam = new optim.Adam(model.parameters(), 1e-3);
    }

    @Benchmark
    public Tensor mlp_step_nn_784_256_10_b64_xent_sgd() {
        return step(sgd);
    }

    @Benchmark
    public Tensor mlp_step_nn_784_256_10_b64_xent_adam() {
        return step(adam);
    }

    private Tensor step(optim.Optimizer opt) {
        opt.zeroGrad();
        Tensor loss = nn.functional.crossEntropy(model.forward(x), y);
        loss.backward();
        opt.step();
        return loss;
    }
}
