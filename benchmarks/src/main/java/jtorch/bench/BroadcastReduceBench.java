package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Broadcast add of a column and a row, and reductions. */
public class BroadcastReduceBench extends BenchBase {
    Tensor col;
    Tensor row;
    Tensor bz;
    Tensor v;
    Tensor m;

    @Setup
    public void data() {
        col = torch.rand(4096, 1);
        row = torch.rand(1, 4096);
        bz = torch.empty(4096, 4096);
        v = torch.rand(16_000_000);
        m = torch.rand(4096, 4096);
    }

    @Benchmark
    public Tensor broadcast_add_out_4096x1_1x4096() {
        return torch.addOut(bz, col, row);
    }

    @Benchmark
    public Tensor sum_16M() {
        return v.sum();
    }

    @Benchmark
    public Tensor mean_16M() {
        return v.mean();
    }

    @Benchmark
    public Tensor sum_dim1_4096x4096() {
        return m.sum(1);
    }
}
