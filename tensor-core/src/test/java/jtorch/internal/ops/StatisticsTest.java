package jtorch.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.internal.kernels.Kernels;
import jtorch.testing.HashedValues;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * var and std to one value against the installed PyTorch, bit for bit, at 1, 2 and 3 threads: float32
 * and float64, lengths around PyTorch's chunk of 32768 and its thread split, values far from zero
 * (where the float32 mean's rounding shows), a transposed matrix (walked in memory order) and a
 * reduction over one dim that leaves a single element.
 */
class StatisticsTest {
    private static final int[] LENGTHS = {1, 2, 7, 100, 1000, 32767, 32768, 32769, 65537, 100003, 1 << 20};

    @Test
    void varAndStdOfAll_matchPyTorchBitForBit() throws Exception {
        Kernels.awaitVector(120_000);
        List<JsonNode> torchOut = LivePyTorch.run(String.join("\n",
                "import json, sys, torch",
                HashedValues.PYTHON,
                "out = []",
                "for threads in (1, 2, 3):",
                "    torch.set_num_threads(threads)",
                "    for n in json.loads(sys.argv[1]):",
                "        v = values(n, 0, n)",
                "        for x in (v + 100, v.double() * 3 + 1):",
                "            out += [x.std().item().hex(), x.var(unbiased=False).item().hex()]",
                "    m = values(300 * 700, 0, 1).reshape(300, 700) + 7",
                "    out += [m.t().std().item().hex(), m[:1].std(1).item().hex()]",
                "print(json.dumps(out))"), java.util.Arrays.toString(LENGTHS));
        List<String> expected = new ArrayList<>();
        torchOut.get(0).forEach(n -> expected.add(n.asText()));
        PythonHex.assertSame(expected, ours());
    }

    private static List<String> ours() {
        List<String> out = new ArrayList<>();
        int saved = torch.getNumThreads();
        try {
            for (int threads = 1; threads <= 3; threads++) {
                torch.setNumThreads(threads);
                for (int n : LENGTHS) {
                    Tensor v = torch.tensor(HashedValues.of(n, HashedValues.SPREAD, n));
                    for (Tensor x : new Tensor[] {v.add(100), v.to(DType.FLOAT64).mul(3).add(1)}) {
                        out.add(PythonHex.of(x.std().doubleValue()));
                        out.add(PythonHex.of(x.var(false).doubleValue()));
                    }
                }
                Tensor m = torch.tensor(HashedValues.of(300 * 700, HashedValues.SPREAD, 1)).view(300, 700).add(7);
                out.add(PythonHex.of(m.t().std().doubleValue()));
                out.add(PythonHex.of(m.narrow(0, 0, 1).std(1).doubleValue()));
            }
        } finally {
            torch.setNumThreads(saved);
        }
        return out;
    }
}
