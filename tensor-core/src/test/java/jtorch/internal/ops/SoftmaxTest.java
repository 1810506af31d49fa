package jtorch.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.internal.kernels.Kernels;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * float32 softmax and log-softmax along the last dimension against the installed PyTorch, bit for
 * bit: rows shorter than a vector, with a tail, of a thousand; values of ordinary size, large
 * enough that the shift matters, and rows with -inf.
 */
class SoftmaxTest {
    private static final int[][] SHAPES = {{32, 1000}, {64, 10}, {3, 7}, {5, 8}, {4, 9}, {2, 33}, {7, 1}};

    @Test
    void lastDim_float32_matchesPyTorchBitForBit() throws Exception {
        Kernels.awaitVector(120_000);
        List<JsonNode> torchOut = LivePyTorch.run(String.join("\n",
                "import json, sys, torch",
                "out = []",
                "for r, c in json.loads(sys.argv[1]):",
                "    x = values(r, c)",
                "    for t in (x, x * 40, inf_rows(x)):",
                "        out += [v.hex() for v in t.softmax(-1).flatten().tolist()]",
                "        out += [v.hex() for v in t.log_softmax(-1).flatten().tolist()]",
                "print(json.dumps(out))").replace("import json, sys, torch", String.join("\n",
                "import json, sys, torch",
                "def values(r, c):",
                "    i = torch.arange(r * c)",
                "    return (((i * 37) % 101 - 50) / 16).float().reshape(r, c)",
                "def inf_rows(x):",
                "    y = x.clone()",
                "    y[0, 0] = float('-inf')",
                "    return y")), java.util.Arrays.deepToString(SHAPES));
        List<String> expected = new ArrayList<>();
        torchOut.get(0).forEach(n -> expected.add(n.asText()));
        PythonHex.assertSame(expected, ours());
    }

    private static List<String> ours() {
        List<String> out = new ArrayList<>();
        for (int[] shape : SHAPES) {
            Tensor x = values(shape[0], shape[1]);
            Tensor withInf = x.clone();
            withInf.index(0, 0).fill_(Double.NEGATIVE_INFINITY);
            for (Tensor t : new Tensor[] {x, x.mul(40), withInf}) {
                for (Tensor r : new Tensor[] {t.softmax(-1), t.logSoftmax(-1)}) {
                    for (float v : r.flatten().toFloatArray()) {
                        out.add(PythonHex.of(v));
                    }
                }
            }
        }
        return out;
    }

    /** The Python side's values, exact in float32: sixteenths from -50/16 to 50/16. */
    private static Tensor values(int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 37) % 101 - 50) / 16f;
        }
        return torch.tensor(v).view(rows, cols);
    }
}
