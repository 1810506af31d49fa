package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/**
 * {@code x.pow(p)} for the exponents ATen computes without pow (2, 3, -2, 0.5, -0.5, -1),
 * {@code rsqrt}, {@code reciprocal} and {@code neg} in float32 and float64, and float32 {@code log}, are
 * PyTorch 1.13's to the bit, NaN, infinities, signed zeros and subnormals included: {@code
 * ops/unary-bits.jsonl}, recorded by {@code tools/bits/record_unary.py}. Each runs on the whole
 * tensor (the vector loops once they serve) and on a strided view of it (the per-element path).
 */
class UnaryBitsTest {
    @Test
    void unary_recordedOps_givePyTorchsBits() {
        List<JsonNode> lines = RecordedBits.lines("/ops/unary-bits.jsonl");
        assertEquals(2, lines.size());
        for (JsonNode line : lines) {
            DType dtype = RecordedBits.dtype(line.get("dtype"));
            Tensor x = RecordedBits.tensor(line.get("x"), dtype, line.get("x").size());
            for (Iterator<Map.Entry<String, JsonNode>> it = line.get("results").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> result = it.next();
                String op = result.getKey();
                // every element once dense, and again as a column of a transposed copy
                Tensor strided = torch.stack(List.of(x, x), 1).t().select(0, 0);
                for (Tensor input : new Tensor[] {x, strided}) {
                    String what = dtype + " " + op + (input == x ? "" : ", strided");
                    RecordedBits.assertBits(result.getValue(), apply(op, input), what);
                }
            }
        }
    }

    private static Tensor apply(String op, Tensor x) {
        return switch (op) {
            case "rsqrt" -> x.rsqrt();
            case "reciprocal" -> x.reciprocal();
            case "log" -> x.log();
            case "neg" -> x.neg();
            default -> x.pow(Double.parseDouble(op.substring("pow ".length())));
        };
    }
}
