package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
    void layerNorm_recordedCases_givePyTorchsBitsOnOneAndTwoThreads() {
        List<JsonNode> cases = RecordedBits.lines(RESOURCE);
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
        DType dtype = RecordedBits.dtype(c.get("dtype"));
        int[] shape = ints(c.get("shape"));
        int[] normalized = ints(c.get("normalized_shape"));
        Tensor x = RecordedBits.tensor(c.get("x"), dtype, shape).requiresGrad_();
        Tensor weight = RecordedBits.tensor(c.get("weight"), dtype, normalized);
        Tensor bias = RecordedBits.tensor(c.get("bias"), dtype, normalized);
        if (weight != null) {
            weight.requiresGrad_();
        }
        if (bias != null) {
            bias.requiresGrad_();
        }
        Tensor y = nn.functional.layerNorm(x, normalized, weight, bias, 1e-5);
        y.backward(RecordedBits.tensor(c.get("dy"), dtype, shape));
        String what = dtype + " " + c.get("shape") + " over " + c.get("normalized_shape") + (weight == null ? "" : ", weight")
                + (bias == null ? "" : ", bias") + ", " + threads + " threads: ";
        RecordedBits.assertBits(c.get("y"), y.detach(), what + "output");
        RecordedBits.assertBits(c.get("dx"), x.grad(), what + "input's gradient");
        if (weight != null) {
            RecordedBits.assertBits(c.get("dweight"), weight.grad(), what + "weight's gradient");
        }
        if (bias != null) {
            RecordedBits.assertBits(c.get("dbias"), bias.grad(), what + "bias's gradient");
        }
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }
}
