package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Memory-bound elementwise ops, out-of-place, into an existing tensor, and in place. */
public class ElementwiseBench extends BenchBase {
    @Param({"16M"})
    public String size;

    Tensor x;
    Tensor y;
    Tensor z;
    Tensor xs;

    @Setup
    public void data() {
        int n = size.equals("16M") ? 16_000_000 : 1_000_000;
        x = torch.rand(n);
        y = torch.rand(n);
        z = torch.empty(n);
        xs = x.sub(0.5);
    }

    @Benchmark
    public Tensor add() {
        return x.add(y);
    }

    @Benchmark
    public Tensor add_out() {
        return torch.addOut(z, x, y);
    }

    @Benchmark
    public Tensor mul_out() {
        return torch.mulOut(z, x, y);
    }

    @Benchmark
    public Tensor add_inplace() {
        return z.add_(y);
    }

    @Benchmark
    public Tensor relu_out() {
        return torch.reluOut(z, xs);
    }

    @Benchmark
    public Tensor exp_out() {
        return torch.expOut(z, x);
    }
}
