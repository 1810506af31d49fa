package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * Layer norm's output and gradients (input, weight, bias) in float32 and float64 are PyTorch
 * 1.13's to the bit: the cases of {@code ops/layer-norm-bits.jsonl}, recorded from real PyTorch by
 * {@code tools/bits/record_layer_norm.py}, run through the public API on one thread and on two.
 */
class LayerNormBitsTest {
    private static final String RESOURCE = "/ops/layer-norm-bits.jsonl";

    @Test
    void layerNorm_recordedCases_givePyTorchsBitsOnOneAndTwoThreads() throws IOException {
        List<JsonNode> cases = cases();
        assertTrue(cases.size() >= 16, "cases read: " + cases.size());
        int saved = torch.getNumThreads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                torch.setNumThreads(threads);
                for (JsonNode c : cases) {
                    check(c, threads);
                }
            }
        } finally {
            torch.setNumThreads(saved);
        }
    }

    private static void check(JsonNode c, int threads) {
        DType dtype = c.get("dtype").asText().equals("float64") ? DType.FLOAT64 : DType.FLOAT32;
        int[] shape = ints(c.get("shape"));
        int[] normalized = ints(c.get("normalized_shape"));
        Tensor x = tensor(c.get("x"), dtype, shape).requiresGrad_();
        Tensor weight = tensor(c.get("weight"), dtype, normalized);
        Tensor bias = tensor(c.get("bias"), dtype, normalized);
        if (weight != null) {
            weight.requiresGrad_();
        }
        if (bias != null) {
            bias.requiresGrad_();
        }
        Tensor y = nn.functional.layerNorm(x, normalized, weight, bias, 1e-5);
        y.backward(tensor(c.get("dy"), dtype, shape));
        String what = dtype + " " + c.get("shape") + " over " + c.get("normalized_shape") + (weight == null ? "" : ", weight")
                + (bias == null ? "" : ", bias") + ", " + threads + " threads: ";
        assertBits(c.get("y"), y.detach(), what + "output");
        assertBits(c.get("dx"), x.grad(), what + "input's gradient");
        if (weight != null) {
            assertBits(c.get("dweight"), weight.grad(), what + "weight's gradient");
        }
        if (bias != null) {
            assertBits(c.get("dbias"), bias.grad(), what + "bias's gradient");
        }
    }

    private static void assertBits(JsonNode expected, Tensor actual, String what) {
        double[] got = actual.toDoubleArray();
        assertEquals(expected.size(), got.length, what);
        int differ = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            double want = Double.parseDouble(expected.get(i).asText());
            if (actual.dtype() == DType.FLOAT32 ? Float.floatToIntBits((float) want) != Float.floatToIntBits((float) got[i])
                    : Double.doubleToLongBits(want) != Double.doubleToLongBits(got[i])) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertEquals(0, differ, what + ": " + differ + " of " + got.length + " values differ from PyTorch's, first at "
                + first + (first < 0 ? "" : " (" + expected.get(first).asText() + " against " + got[first] + ")"));
    }

    /** A tensor of the values' strings (each parsed in its dtype), or null for JSON null. */
    private static Tensor tensor(JsonNode values, DType dtype, int[] shape) {
        if (values == null || values.isNull()) {
            return null;
        }
        if (dtype == DType.FLOAT32) {
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(values.get(i).asText());
            }
            return torch.tensor(v).reshape(shape);
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(values.get(i).asText());
        }
        return torch.tensor(v, DType.FLOAT64).reshape(shape);
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }

    private static List<JsonNode> cases() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = LayerNormBitsTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }
}
