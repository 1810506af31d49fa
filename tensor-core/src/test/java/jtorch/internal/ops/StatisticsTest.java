package jtorch.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.internal.kernels.Kernels;
import jtorch.testing.HashedValues;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * var and std to one value against the installed PyTorch, bit for bit, at 1, 2 and 3 threads: float32
 * and float64, lengths around PyTorch's chunk of 32768 and its thread split, values far from zero
 * (where the float32 mean's rounding shows), a transposed matrix (walked in memory order) and a
 * reduction over one dim that leaves a single element; float32 cumsum and its gradient (a reversed
 * cumsum) along each kind of dim, at 1 and 2 threads; the 2-norm of float32 and float64 over all
 * elements and over each kind of dims (trailing, leading, middle, of a transposed view), at 1 and 2
 * threads; prod alike; float32 cumprod along each kind of dim.
 */
class StatisticsTest {
    private static final int[] LENGTHS = {1, 2, 7, 100, 1000, 32767, 32768, 32769, 65537, 100003, 1 << 20};
    /**
     * Shapes and dims for cumsum: lanes along the last dim (groups of four and a remainder, one long
     * lane, a 1-d tensor's single lane), along the first and a middle dim (lanes side by side along rows, more than a column group).
     */
    /** Shapes and dims for the 2-norm: null for all; lengths with every remainder mod 8 (PyTorch's lanes). */
    private static final String NORM_CASES = "[[[1000003], null], [[5], null], [[12], null], [[13], null], [[15], null],"
            + " [[37, 29], [1]], [[37, 29], [0]], [[6, 11, 20], [1, 2]], [[6, 11, 20], [1]], [[6, 11, 20], [0, 1]],"
            + " [[64, 1, 9], [2]], [[300, 700], null]]";
    private static final String CUMSUM_CASES = "[[[37, 1000], 1], [[5, 3], 1], [[3, 70000], 1], [[1], 0], [[70001], 0],"
            + " [[1, 9, 1], 1], [[37, 1000], 0], [[4, 5, 7], 1], [[3, 600, 5], 1], [[2, 1100], 0], [[4, 5, 7], 0]]";

    @Test
    void varAndStdOfAll_matchPyTorchBitForBit() throws Exception {
        Kernels.awaitVector(120_000);
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for threads in (1, 2, 3):",
                "    torch.set_num_threads(threads)",
                "    for n in json.loads(sys.argv[1]):",
                "        v = values(n, 0, n)",
                "        for x in (v + 100, v.double() * 3 + 1):",
                "            out += [x.std().item().hex(), x.var(unbiased=False).item().hex()]",
                "    m = values(300 * 700, 0, 1).reshape(300, 700) + 7",
                "    out += [m.t().std().item().hex(), m[:1].std(1).item().hex()]"), java.util.Arrays.toString(LENGTHS));
        List<String> ours = new ArrayList<>();
        HashedValues.atThreads(3, threads -> {
            for (int n : LENGTHS) {
                Tensor v = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n));
                for (Tensor x : new Tensor[] {v.add(100), v.to(DType.FLOAT64).mul(3).add(1)}) {
                    ours.add(PythonHex.of(x.std().doubleValue()));
                    ours.add(PythonHex.of(x.var(false).doubleValue()));
                }
            }
            Tensor m = torch.tensor(HashedValues.of(300 * 700, HashedValues.SPREAD, 1)).view(300, 700).add(7);
            ours.add(PythonHex.of(m.t().std().doubleValue()));
            ours.add(PythonHex.of(m.narrow(0, 0, 1).std(1).doubleValue()));
        });
        PythonHex.assertSame(expected, ours);
    }

    @Test
    void cumsumAndItsGradient_float32_matchPyTorchBitForBit() throws Exception {
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for threads in (1, 2):",
                "    torch.set_num_threads(threads)",
                "    for shape, dim in json.loads(sys.argv[1]):",
                "        n = 1",
                "        for s in shape:",
                "            n *= s",
                "        x = values(n, 0, n).reshape(shape).requires_grad_()",
                "        y = x.cumsum(dim)",
                "        y.backward(values(n, 0, n + 1).reshape(shape))",
                "        out += [v.hex() for v in y.flatten().tolist()] + [v.hex() for v in x.grad.flatten().tolist()]"),
                CUMSUM_CASES);
        JsonNode cases = JsonMapper.builder().build().readTree(CUMSUM_CASES);
        List<String> ours = new ArrayList<>();
        HashedValues.atThreads(2, threads -> {
            for (JsonNode c : cases) {
                int[] shape = new int[c.get(0).size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = c.get(0).get(i).asInt();
                }
                int n = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
                Tensor x = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n)).view(shape).requiresGrad_();
                Tensor y = x.cumsum(c.get(1).asInt());
                y.backward(torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n + 1)).view(shape));
                ours.addAll(PythonHex.of(y.detach().flatten().toFloatArray()));
                ours.addAll(PythonHex.of(x.grad().flatten().toFloatArray()));
            }
        });
        PythonHex.assertSame(expected, ours);
    }

    @Test
    void twoNorm_float32AndFloat64_matchPyTorchBitForBit() throws Exception {
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for threads in (1, 2):",
                "    torch.set_num_threads(threads)",
                "    for shape, dims in json.loads(sys.argv[1]):",
                "        n = 1",
                "        for s in shape:",
                "            n *= s",
                "        x = values(n, 0, n).reshape(shape) * 64",
                "        for t in (x, x.double() * 3, x.transpose(0, -1)):",
                "            out += [v.hex() for v in torch.atleast_1d(t.norm(p=2, dim=dims)).flatten().tolist()]"),
                NORM_CASES);
        JsonNode cases = JsonMapper.builder().build().readTree(NORM_CASES);
        List<String> ours = new ArrayList<>();
        HashedValues.atThreads(2, threads -> {
            for (JsonNode c : cases) {
                int[] shape = ints(c.get(0));
                int n = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
                Tensor x = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n)).view(shape).mul(64);
                for (Tensor t : new Tensor[] {x, x.to(DType.FLOAT64).mul(3), x.transpose(0, -1)}) {
                    Tensor norm = c.get(1).isNull() ? t.norm() : t.norm(2, ints(c.get(1)), false);
                    for (double v : norm.to(DType.FLOAT64).flatten().toDoubleArray()) {
                        ours.add(PythonHex.of(v));
                    }
                }
            }
        });
        PythonHex.assertSame(expected, ours);
    }

    @Test
    void prod_float32AndFloat64_matchPyTorchBitForBit() throws Exception {
        String cases = "[[[31], null], [[32], null], [[33], null], [[1000], null], [[100003], null], [[37, 77], 1],"
                + " [[37, 77], 0], [[6, 11, 20], 2], [[300, 700], null]]";
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for threads in (1, 2):",
                "    torch.set_num_threads(threads)",
                "    for shape, dim in json.loads(sys.argv[1]):",
                "        n = 1",
                "        for s in shape:",
                "            n *= s",
                "        x = (values(n, 0, n) / 1024 + 1).reshape(shape)",
                "        for t in (x, x.double(), x.transpose(0, -1)):",
                "            p = t.prod() if dim is None else t.prod(dim)",
                "            out += [v.hex() for v in torch.atleast_1d(p).flatten().tolist()]"), cases);
        JsonNode parsed = JsonMapper.builder().build().readTree(cases);
        List<String> ours = new ArrayList<>();
        HashedValues.atThreads(2, threads -> {
            for (JsonNode c : parsed) {
                int[] shape = ints(c.get(0));
                int n = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
                Tensor x = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n)).div(1024).add(1).view(shape);
                for (Tensor t : new Tensor[] {x, x.to(DType.FLOAT64), x.transpose(0, -1)}) {
                    Tensor p = c.get(1).isNull() ? t.prod() : t.prod(c.get(1).asInt());
                    for (double v : p.to(DType.FLOAT64).flatten().toDoubleArray()) {
                        ours.add(PythonHex.of(v));
                    }
                }
            }
        });
        PythonHex.assertSame(expected, ours);
    }

    @Test
    void cumprod_float32_matchesPyTorchBitForBit() throws Exception {
        String cases = "[[[70001], 0], [[37, 1000], 1], [[37, 1000], 0], [[3, 2000, 5], 1]]";
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for shape, dim in json.loads(sys.argv[1]):",
                "    n = 1",
                "    for s in shape:",
                "        n *= s",
                "    x = (values(n, 0, n) / 1024 + 1).reshape(shape)",
                "    out += [v.hex() for v in x.cumprod(dim).flatten().tolist()]"), cases);
        List<String> ours = new ArrayList<>();
        for (JsonNode c : JsonMapper.builder().build().readTree(cases)) {
            int[] shape = ints(c.get(0));
            int n = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
            Tensor x = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n)).div(1024).add(1).view(shape);
            ours.addAll(PythonHex.of(x.cumprod(c.get(1).asInt()).flatten().toFloatArray()));
        }
        PythonHex.assertSame(expected, ours);
    }

    private static int[] ints(JsonNode list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asInt();
        }
        return out;
    }
}
