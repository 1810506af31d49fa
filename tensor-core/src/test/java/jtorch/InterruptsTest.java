package jtorch;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op family stops when the kernel interrupts a cell: with {@link Interrupts#request()}
 * pending, an op over a few million elements throws {@link CancellationException} instead of
 * finishing. An op without a cancellation check in its loop would run to the end however big the
 * tensor (seconds for a billion elements), and an interrupt on JDK 21+ (no {@code Thread.stop})
 * could not stop it.
 */
class InterruptsTest {
    private static final int N = 1 << 22;

    @AfterEach
    void clear() {
        Interrupts.clear();
    }

    private static Map<String, Supplier<Object>> ops() {
        Tensor a = torch.rand(N);
        Tensor b = torch.rand(N).add(0.5);
        Tensor m = torch.rand(2048, 2048);
        Tensor t = m.t();
        Tensor ints = torch.randint(0, 100, new int[] {N});
        Tensor mask = a.gt(0.5);
        Tensor idx = torch.randint(0, N, new int[] {N});
        Tensor big = torch.rand(512, 512);
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("zeros", () -> torch.zeros(N));
        ops.put("full", () -> torch.full(new int[] {N}, 2.5));
        ops.put("rand", () -> torch.rand(N));
        ops.put("randn", () -> torch.randn(N));
        ops.put("randint", () -> torch.randint(0, 10, new int[] {N}));
        ops.put("randperm", () -> torch.randperm(N));
        ops.put("arange", () -> torch.arange(N));
        ops.put("linspace", () -> torch.linspace(0, 1, N));
        ops.put("eye", () -> torch.eye(2048));
        ops.put("exp", a::exp);
        ops.put("log", a::log);
        ops.put("sqrt", a::sqrt);
        ops.put("abs", a::abs);
        ops.put("neg", a::neg);
        ops.put("relu", a::relu);
        ops.put("sigmoid", a::sigmoid);
        ops.put("tanh", a::tanh);
        ops.put("sign", a::sign);
        ops.put("reciprocal", a::reciprocal);
        ops.put("clamp", () -> a.clamp(0.2, 0.8));
        ops.put("pow scalar", () -> a.pow(2));
        ops.put("add", () -> a.add(b));
        ops.put("add scalar", () -> a.add(1));
        ops.put("mul", () -> a.mul(b));
        ops.put("div", () -> a.div(b));
        ops.put("pow", () -> a.pow(b));
        ops.put("remainder", () -> a.remainder(b));
        ops.put("floorDivide", () -> a.floorDivide(b));
        ops.put("gt", () -> a.gt(b));
        ops.put("eq scalar", () -> a.eq(0.5));
        ops.put("logicalAnd", () -> mask.logicalAnd(mask));
        ops.put("bitwiseAnd", () -> ints.bitwiseAnd(ints));
        ops.put("where", () -> torch.where(mask, a, b));
        ops.put("maskedFill", () -> a.maskedFill(mask, 0));
        ops.put("add_", () -> a.clone().add_(b));
        ops.put("fill_", () -> a.clone().fill_(3));
        ops.put("copy_", () -> a.clone().copy_(b));
        ops.put("to float64", () -> a.to(torch.float64));
        ops.put("to int32", () -> a.to(torch.int32));
        ops.put("contiguous", t::contiguous);
        ops.put("clone", t::clone);
        ops.put("reshape", () -> t.reshape(-1));
        ops.put("cat", () -> torch.cat(List.of(a, b)));
        ops.put("stack", () -> torch.stack(List.of(a, b)));
        ops.put("repeat", () -> a.repeat(2));
        ops.put("indexSelect", () -> a.indexSelect(0, idx));
        ops.put("gather", () -> a.gather(0, idx));
        ops.put("index mask", () -> a.index(mask));
        ops.put("nonzero", mask::nonzero);
        ops.put("sum", a::sum);
        ops.put("sum dim", () -> m.sum(1));
        ops.put("mean", a::mean);
        ops.put("prod", a::prod);
        ops.put("std", a::std);
        ops.put("var", a::var);
        ops.put("norm", a::norm);
        ops.put("max", a::max);
        ops.put("max dim", () -> m.max(1));
        ops.put("argmax", a::argmax);
        ops.put("amax", () -> m.amax(1));
        ops.put("all", mask::all);
        ops.put("any", mask::any);
        ops.put("cumsum", () -> a.cumsum(0));
        ops.put("median", a::median);
        ops.put("sort", a::sort);
        ops.put("argsort", a::argsort);
        ops.put("topk", () -> a.topk(10));
        ops.put("matmul", () -> m.matmul(m));
        ops.put("mm transposed", () -> t.mm(m));
        ops.put("bmm", () -> big.unsqueeze(0).repeat(8, 1, 1).bmm(big.unsqueeze(0).repeat(8, 1, 1)));
        ops.put("dot", () -> a.dot(b));
        ops.put("softmax", () -> m.softmax(1));
        ops.put("logSoftmax", () -> m.logSoftmax(1));
        Tensor leaf = torch.rand(N).requiresGrad_();
        Tensor loss = leaf.exp().mul(b).sum();
        ops.put("backward", () -> {
            loss.backward();
            return leaf.grad();
        });
        return ops;
    }

    @TestFactory
    Stream<DynamicTest> op_stopsWhileAnInterruptIsPending() {
        return ops().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Interrupts.request();
            try {
                e.getValue().get();
                fail(e.getKey() + " ran to the end although an interrupt was pending");
            } catch (CancellationException expected) {
                // stopped at its first check
            } finally {
                Interrupts.clear();
            }
        }));
    }
}
