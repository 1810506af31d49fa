package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Square matrix products, float32 at several sizes and float64 at 1024. */
public class MatmulBench extends BenchBase {
    @Param({"f32_128", "f32_256", "f32_512", "f32_1024", "f32_2048", "f64_1024"})
    public String shape;

    Tensor a;
    Tensor b;

    @Setup
    public void data() {
        int n = Integer.parseInt(shape.substring(4));
        a = torch.rand(n, n);
        b = torch.rand(n, n);
        if (shape.startsWith("f64")) {
            a = a.toDouble();
            b = b.toDouble();
        }
    }

    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
