package jtorch.bench;

import java.util.concurrent.TimeUnit;
import jtorch.torch;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Common JMH settings: average time per call in microseconds, one fork with the heap and GC
 * options of the kernelspec ({@code kernel.json.template}: serial GC, a 64 MiB heap that may
 * shrink to 32 MiB and grows to keep 75 % free while work runs), and the intra-op thread count as
 * a parameter (PyTorch's {@code set_num_threads}). Not transparent huge
 * pages with a 4 GiB G1 heap, as before: there each fresh result lands on untouched memory, and on
 * this project's VMs a new 4 MiB float[] (a 1024^2 product's result) took 25 ms to fault in,
 * longer than the product itself, a cost the kernel does not pay.
 * Method names equal the case names of {@code pytorch_ref.py} so the compare script can pair them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xss8m",
        "-XX:InitialHeapSize=64m", "-XX:MinHeapSize=32m", "-XX:-ShrinkHeapInSteps", "-XX:MinHeapFreeRatio=75",
        "-XX:MaxHeapFreeRatio=100"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
public abstract class BenchBase {
    @Param({"1", "2"})
    public int threads;

    @Setup
    public void setThreads() throws InterruptedException {
        torch.setNumThreads(threads);
        torch.manualSeed(0);
        if (torch.backends.vectorAvailable() && !torch.backends.awaitVectorKernels(120_000)) {
            throw new IllegalStateException("the Vector API kernels did not warm up in 120 s");
        }
    }
}
