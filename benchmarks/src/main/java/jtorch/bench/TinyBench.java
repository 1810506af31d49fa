package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Per-op overhead on tiny tensors, and the course's autograd cell. */
public class TinyBench extends BenchBase {
    Tensor a;
    Tensor b;
    Tensor ag;
    Tensor bg;
    Tensor x1;
    Tensor x2;

    @Setup
    public void data() {
        a = torch.randn(3, 3);
        b = torch.randn(3, 3);
        ag = torch.randn(3, 3).requiresGrad_(true);
        bg = torch.randn(3, 3).requiresGrad_(true);
        x1 = torch.tensor(1.0, true);
        x2 = torch.tensor(2.0, true);
    }

    @Benchmark
    public Tensor tiny_add_3x3() {
        return a.add(b);
    }

    @Benchmark
    public Tensor tiny_add_3x3_requires_grad() {
        return ag.add(bg);
    }

    @Benchmark
    public Tensor autograd_cell_scalar_fresh_leaves() {
        Tensor l1 = torch.tensor(1.0, true);
        Tensor l2 = torch.tensor(2.0, true);
        Tensor y = l1.add(torch.mul(2, l2));
        y.backward();
        return l2.grad();
    }

    @Benchmark
    public Tensor autograd_cell_scalar_reused_leaves() {
        Tensor y = x1.add(torch.mul(2, x2));
        y.backward();
        return y;
    }

    @Benchmark
    public Tensor tensor_create_scalar() {
        return torch.tensor(1.0);
    }
}
