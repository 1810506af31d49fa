package jtorch.internal.ops;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.ValuesIndices;
import jtorch.internal.kernels.Kernels;
import jtorch.testing.HashedValues;
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
        List<String> expected = HashedValues.torchOut(String.join("\n",
                "for threads in (1, 2):",
                "    torch.set_num_threads(threads)",
                "    for r, c in json.loads(sys.argv[1]):",
                "        for variant in (0, 1, 2):",
                "            x = values(r * c, variant, r + c).reshape(r, c)",
                "            for m in (x.max(1), x.min(1)):",
                "                out += [v.hex() for v in m.values.tolist()] + m.indices.tolist()",
                "            out += x.argmax(1).tolist() + x.argmin(1).tolist()",
                "            out += [v.hex() for v in x.amax(1).tolist()]",
                "            out += [x.max().item().hex(), x.argmax().item(), x.argmin().item()]"),
                java.util.Arrays.deepToString(SHAPES));
        List<String> ours = new ArrayList<>();
        HashedValues.atThreads(2, threads -> {
            for (int[] shape : SHAPES) {
                for (int variant = 0; variant < 3; variant++) {
                    Tensor x = torch.tensor(HashedValues.of(shape[0] * shape[1], variant, shape[0] + shape[1]))
                            .view(shape);
                    for (ValuesIndices m : new ValuesIndices[] {x.max(1), x.min(1)}) {
                        ours.addAll(PythonHex.of(m.values().toFloatArray()));
                        addIndices(ours, m.indices());
                    }
                    addIndices(ours, x.argmax(1));
                    addIndices(ours, x.argmin(1));
                    ours.addAll(PythonHex.of(x.amax(1).toFloatArray()));
                    ours.addAll(PythonHex.of(x.max().flatten().toFloatArray()));
                    addIndices(ours, x.argmax());
                    addIndices(ours, x.argmin());
                }
            }
        });
        PythonHex.assertSame(expected, ours);
    }

    private static void addIndices(List<String> out, Tensor t) {
        for (long v : t.flatten().toLongArray()) {
            out.add(Long.toString(v));
        }
    }
}
