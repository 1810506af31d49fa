package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jtorch.testing.LivePyTorch;
import jtorch.testing.PythonHex;
import org.junit.jupiter.api.Test;

/** {@link Linspace} against the installed PyTorch's torch.linspace, every point bit for bit. */
class LinspaceTest {
    private static final double[][] CASES = {
        {-Math.PI, Math.PI, 2000}, {0, 10, 11}, {0, 1, 7}, {-1.5, 2.5, 16}, {1, 0, 17}, {0.1, 0.7, 33},
        {-3, 3, 1}, {2, 5, 2}, {1e-3, 1e3, 101}, {-5, 5, 40001}};

    @Test
    void points_matchPyTorchBitForBit() throws Exception {
        StringBuilder cases = new StringBuilder("[");
        for (double[] c : CASES) {
            cases.append(cases.length() > 1 ? "," : "").append('[').append(c[0]).append(',').append(c[1]).append(',')
                    .append((int) c[2]).append(']');
        }
        cases.append(']');
        List<JsonNode> torch = LivePyTorch.run(String.join("\n",
                "import json, sys, torch",
                "torch.set_num_threads(1)",
                "for dtype in (torch.float32, torch.float64):",
                "    for start, end, steps in json.loads(sys.argv[1]):",
                "        print(json.dumps([v.hex() for v in torch.linspace(start, end, steps, dtype=dtype).tolist()]))"),
                cases.toString());
        int line = 0;
        for (boolean single : new boolean[] {true, false}) {
            for (double[] c : CASES) {
                List<String> expected = new ArrayList<>();
                torch.get(line++).forEach(n -> expected.add(n.asText()));
                List<String> ours = new ArrayList<>();
                for (double v : Linspace.points(c[0], c[1], (int) c[2], single, 1)) {
                    ours.add(PythonHex.of(v));
                }
                assertEquals(expected, ours, (single ? "float32 " : "float64 ") + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void issue11sRange_differsFromANaiveOne() {
        // torch.linspace(-pi, pi, 2000): PyTorch computes the upper half from the end
        double[] points = Linspace.points(-Math.PI, Math.PI, 2000, true, 1);
        assertEquals((float) Math.PI, points[1999]);
        assertEquals((float) -Math.PI, points[0]);
    }
}
