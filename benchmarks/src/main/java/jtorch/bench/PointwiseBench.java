package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Pointwise functions, reductions and scans of PyTorch's beginner material beyond the arithmetic
 * rows (float32, out-of-place): 4M standard normal values (log1p of uniform ones in [0.1, 1.1)),
 * and softmax over the rows of a 4096 x 1024 matrix.
 */
public class PointwiseBench extends BenchBase {
    Tensor x;
    Tensor p;
    Tensor m;

    @Setup
    public void data() {
        x = torch.randn(4_000_000);
        p = torch.rand(4_000_000).add(0.1);
        m = torch.randn(4096, 1024);
    }

    @Benchmark
    public Tensor sin_4M() {
        return x.sin();
    }

    @Benchmark
    public Tensor cos_4M() {
        return x.cos();
    }

    @Benchmark
    public Tensor atan_4M() {
        return x.atan();
    }

    @Benchmark
    public Tensor expm1_4M() {
        return x.expm1();
    }

    @Benchmark
    public Tensor log1p_4M() {
        return p.log1p();
    }

    @Benchmark
    public Tensor floor_4M() {
        return x.floor();
    }

    @Benchmark
    public Tensor sign_4M() {
        return x.sign();
    }

    @Benchmark
    public Tensor norm_4M() {
        return x.norm();
    }

    @Benchmark
    public Tensor cumsum_4M() {
        return x.cumsum(0);
    }

    @Benchmark
    public Tensor softmax_4096x1024() {
        return m.softmax(1);
    }

    @Benchmark
    public Tensor log_softmax_4096x1024() {
        return m.logSoftmax(1);
    }
}
