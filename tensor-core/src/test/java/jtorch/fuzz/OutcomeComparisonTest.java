package jtorch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutcomeComparisonTest {
    private static final String TENSOR = "{\"kind\": \"tensor\", \"dtype\": \"torch.%s\", \"shape\": [2], \"data\": %s, "
            + "\"repr\": \"%s\", \"requires_grad\": false, \"grad_fn\": null}";

    private static JsonNode json(String text) throws Exception {
        return FuzzJson.MAPPER.readTree(text);
    }

    private static JsonNode tensor(String dtype, String data, String repr) throws Exception {
        return json(String.format(TENSOR, dtype, data, repr));
    }

    private static String categories(JsonNode torch, JsonNode java) {
        List<OutcomeComparison.Mismatch> found = OutcomeComparison.compare(torch, java);
        return found.stream().map(OutcomeComparison.Mismatch::category).collect(Collectors.joining(","));
    }

    @Test
    void compare_equalTensorsAgree() throws Exception {
        assertEquals("", categories(tensor("float32", "[1.0, NaN]", "r"), tensor("float32", "[1.0, NaN]", "r")));
    }

    @Test
    void compare_lastBitDifferenceIsWithinToleranceAndSkipsRepr() throws Exception {
        assertEquals("", categories(tensor("float32", "[1.0, 2.0]", "a"), tensor("float32", "[1.0, 2.0000001]", "b")));
    }

    @Test
    void compare_integersAreExact() throws Exception {
        assertEquals("values", categories(tensor("int64", "[1, 2]", "r"), tensor("int64", "[1, 3]", "r")));
    }

    @Test
    void compare_onlyZeroSignsIsItsOwnCategory() throws Exception {
        assertEquals("zero-sign", categories(tensor("float32", "[0.0, 1.0]", "r"), tensor("float32", "[-0.0, 1.0]", "r")));
    }

    @Test
    void compare_sameValuesDifferentReprIsRepr() throws Exception {
        assertEquals("repr", categories(tensor("float32", "[1.0, 2.0]", "a"), tensor("float32", "[1.0, 2.0]", "b")));
    }

    @Test
    void compare_errorsMapJavaTypesToPythonNames() throws Exception {
        JsonNode torch = json("{\"kind\": \"error\", \"type\": \"IndexError\", \"message\": \"m\"}");
        assertEquals("", categories(torch,
                json("{\"kind\": \"error\", \"type\": \"java.lang.IndexOutOfBoundsException\", \"message\": \"m\"}")));
        assertEquals("error-type", categories(torch,
                json("{\"kind\": \"error\", \"type\": \"java.lang.IllegalStateException\", \"message\": \"m\"}")));
        assertEquals("crash", categories(torch,
                json("{\"kind\": \"error\", \"type\": \"java.lang.ArrayIndexOutOfBoundsException\", \"message\": \"m\"}")));
    }

    @Test
    void compare_noOverloadMatchesPythonTypeError() throws Exception {
        JsonNode java = json("{\"kind\": \"no-overload\", \"message\": \"Tensor.add(boolean)\"}");
        assertEquals("", categories(json("{\"kind\": \"error\", \"type\": \"TypeError\", \"message\": \"m\"}"), java));
        assertEquals("no-overload", categories(tensor("float32", "[1.0, 2.0]", "r"), java));
    }
}
