package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Transposed copies and printing. */
public class LayoutPrintBench extends BenchBase {
    Tensor m;
    Tensor mt;
    Tensor big;
    Tensor small;

    @Setup
    public void data() {
        m = torch.rand(4096, 4096);
        mt = torch.empty(4096, 4096);
        big = torch.rand(1000, 1000);
        small = torch.rand(30, 30);
    }

    @Benchmark
    public Tensor transpose_contiguous_4096x4096() {
        return m.t().contiguous();
    }

    @Benchmark
    public Tensor transpose_copy_into_4096x4096() {
        return mt.copy_(m.t());
    }

    @Benchmark
    public String repr_1000x1000_f32_summarized() {
        return big.toString();
    }

    @Benchmark
    public String repr_30x30_f32() {
        return small.toString();
    }
}
