package jtorch.bench;

import jtorch.Tensor;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Tensor-with-Java-number ops beside the tensor-with-tensor op of the same dtype and shape
 * (float32, 4M elements, out-of-place): a scalar operand should cost no more than a tensor one.
 * Beside them the powers ATen computes without pow (3, 0.5, -1) and log, of the same tensor.
 */
public class ScalarOpsBench extends BenchBase {
    Tensor x;
    Tensor y;

    @Setup
    public void data() {
        x = torch.rand(4_000_000).add(0.5);
        y = torch.rand(4_000_000).add(0.5);
    }

    @Benchmark
    public Tensor add_scalar_4M() {
        return x.add(1);
    }

    @Benchmark
    public Tensor add_tensor_4M() {
        return x.add(y);
    }

    @Benchmark
    public Tensor sub_scalar_4M() {
        return x.sub(1);
    }

    @Benchmark
    public Tensor sub_tensor_4M() {
        return x.sub(y);
    }

    @Benchmark
    public Tensor mul_scalar_4M() {
        return x.mul(2);
    }

    @Benchmark
    public Tensor mul_scalar_float_4M() {
        return x.mul(0.5);
    }

    @Benchmark
    public Tensor rmul_scalar_4M() {
        return torch.mul(2, x);
    }

    @Benchmark
    public Tensor mul_tensor_4M() {
        return x.mul(y);
    }

    @Benchmark
    public Tensor div_scalar_4M() {
        return x.div(2);
    }

    @Benchmark
    public Tensor div_tensor_4M() {
        return x.div(y);
    }

    @Benchmark
    public Tensor pow_scalar_4M() {
        return x.pow(2);
    }

    @Benchmark
    public Tensor pow_tensor_4M() {
        return x.pow(y);
    }

    @Benchmark
    public Tensor pow_cube_4M() {
        return x.pow(3);
    }

    @Benchmark
    public Tensor pow_sqrt_4M() {
        return x.pow(0.5);
    }

    @Benchmark
    public Tensor pow_reciprocal_4M() {
        return x.pow(-1);
    }

    @Benchmark
    public Tensor log_4M() {
        return x.log();
    }
}
