package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Matrix products: float32 squares, float64 at 1024, and the odd shapes of a 784-256-10 MLP on a
 * batch of 64 as {@code nn.Linear} computes them ({@code T} marks an operand read transposed:
 * a weight in the forward pass, the output gradient for the weight gradient).
 */
public class MatmulBench extends BenchBase {
    @Param({"f32_128", "f32_256", "f32_512", "f32_1024", "f32_2048", "f64_1024",
            "f32_64x784_784x256T", "f32_64x256_256x784", "f32_256x64T_64x784", "f32_64x256_256x10T"})
    public String shape;

    Tensor a;
    Tensor b;

    @Setup
    public void data() {
        String[] dims = shape.substring(4).split("_");
        if (dims.length == 1) {
            int n = Integer.parseInt(dims[0]);
            a = torch.rand(n, n);
            b = torch.rand(n, n);
        } else {
            a = operand(dims[0]);
            b = operand(dims[1]);
        }
        if (shape.startsWith("f64")) {
            a = a.toDouble();
            b = b.toDouble();
        }
    }

    /** "RxC" is a row-major R x C matrix; "RxCT" the transpose of a row-major C x R matrix. */
    private static Tensor operand(String dims) {
        boolean transposed = dims.endsWith("T");
        String[] rc = dims.replace("T", "").split("x");
        int rows = Integer.parseInt(rc[0]);
        int cols = Integer.parseInt(rc[1]);
        return transposed ? torch.rand(cols, rows).t() : torch.rand(rows, cols);
    }

    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
