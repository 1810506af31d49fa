package jtorch.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.ValuesIndices;
import jtorch.internal.kernels.Kernels;
import jtorch.testing.HashedValues;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * float32 max, min, argmax, argmin and amax, along the last dim and over everything, against the
 * installed PyTorch at 1 and 2 threads, values bit for bit and indices: rows of 1 to 70000
 * elements (shorter than a vector, with a tail, across a cancellation chunk), of spread values, of
 * ties and signed zeros (the first wins), and with NaNs (the first NaN wins).
 */
class ExtremaTest {
    private static final int[][] SHAPES = {{3, 1}, {5, 7}, {4, 16}, {4, 17}, {2, 33}, {64, 1024}, {2, 70000}};

    @Test
    void lastDimAndAll_float32_matchPyTorch() throws Exception {
        Kernels.awaitVector(120_000);
        List<JsonNode> torchOut = LivePyTorch.run(String.join("\n",
                "import json, sys, torch",
                HashedValues.PYTHON,
                "out = []",
                "for threads in (1, 2):",
                "    torch.set_num_threads(threads)",
                "    for r, c in json.loads(sys.argv[1]):",
                "        for variant in (0, 1, 2):",
                "            x = values(r * c, variant, r + c).reshape(r, c)",
                "            for m in (x.max(1), x.min(1)):",
                "                out += [v.hex() for v in m.values.tolist()] + m.indices.tolist()",
                "            out += x.argmax(1).tolist() + x.argmin(1).tolist()",
                "            out += [v.hex() for v in x.amax(1).tolist()]",
                "            out += [x.max().item().hex(), x.argmax().item(), x.argmin().item()]",
                "print(json.dumps(out))"), java.util.Arrays.deepToString(SHAPES));
        List<String> expected = new ArrayList<>();
        torchOut.get(0).forEach(n -> expected.add(n.asText()));
        PythonHex.assertSame(expected, ours());
    }

    private static List<String> ours() {
        List<String> out = new ArrayList<>();
        int saved = torch.getNumThreads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                torch.setNumThreads(threads);
                for (int[] shape : SHAPES) {
                    for (int variant = 0; variant < 3; variant++) {
                        Tensor x = torch.tensor(HashedValues.of(shape[0] * shape[1], variant, shape[0] + shape[1]))
                                .view(shape);
                        for (ValuesIndices m : new ValuesIndices[] {x.max(1), x.min(1)}) {
                            addValues(out, m.values());
                            addIndices(out, m.indices());
                        }
                        addIndices(out, x.argmax(1));
                        addIndices(out, x.argmin(1));
                        addValues(out, x.amax(1));
                        addValues(out, x.max());
                        addIndices(out, x.argmax());
                        addIndices(out, x.argmin());
                    }
                }
            }
        } finally {
            torch.setNumThreads(saved);
        }
        return out;
    }

    private static void addValues(List<String> out, Tensor t) {
        for (float v : t.flatten().toFloatArray()) {
            out.add(PythonHex.of(v));
        }
    }

    private static void addIndices(List<String> out, Tensor t) {
        for (long v : t.flatten().toLongArray()) {
            out.add(Long.toString(v));
        }
    }
}
