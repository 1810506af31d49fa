package jtorch.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jtorch.DType;
import jtorch.internal.kernels.Strided;
import jtorch.internal.shape.Layout;
import jtorch.internal.shape.Shapes;
import jtorch.internal.storage.Storage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * numpy's str and repr of the arrays recorded by tools/format/record_numpy_repr.py from this
 * machine's numpy (0-d scalars at the positional/scientific boundaries, value ranges that switch
 * to scientific notation, non-finite values, every dtype, wrapping and summarised arrays).
 */
class NumpyFormatTest {
    private static final Path CASES = Path.of("src", "test", "resources", "format", "numpy-repr.jsonl");
    private static final List<JsonNode> RECORDED = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(CASES)) {
            RECORDED.add(json.readTree(line));
        }
    }

    @Test
    void str_matchesNumpy() {
        assertEquals(List.of(), mismatches("str", NumpyFormat::str));
    }

    @Test
    void repr_matchesNumpy() {
        assertEquals(List.of(), mismatches("repr", NumpyFormat::repr));
    }

    @Test
    void str_zeroDimFloat32NearOneTenThousandthIsScientificByValue() {
        assertEquals("1e-04", NumpyFormat.str(array(DType.FLOAT32, new int[0], 1e-4f)));
        assertEquals("0.0001", NumpyFormat.str(array(DType.FLOAT64, new int[0], 1e-4)));
    }

    private static List<String> mismatches(String key, Function<Strided, String> printer) {
        assertTrue(RECORDED.size() > 100, "recorded cases: " + RECORDED.size());
        List<String> out = new ArrayList<>();
        for (JsonNode c : RECORDED) {
            String expected = c.get(key).asText();
            String actual = printer.apply(array(c));
            if (!expected.equals(actual)) {
                out.add(c.get("dtype").asText() + " " + c.get("shape") + ": expected\n" + expected + "\nbut was\n" + actual);
            }
        }
        return out;
    }

    private static Strided array(JsonNode c) {
        DType type = dtype(c.get("dtype").asText());
        JsonNode shapeNode = c.get("shape");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        JsonNode values = c.get("values");
        Storage s = Storage.allocate(type, Shapes.numel(shape));
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (type.isFloatingPoint()) {
                s.setDouble(i, parse(v.asText()));
            } else {
                s.setLong(i, v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asLong());
            }
        }
        return strided(s, shape);
    }

    private static Strided array(DType type, int[] shape, double value) {
        Storage s = Storage.allocate(type, 1);
        s.setDouble(0, value);
        return strided(s, shape);
    }

    private static Strided strided(Storage s, int[] shape) {
        Layout layout = Layout.contiguous(shape);
        return new Strided() {
            @Override
            public Storage storage() {
                return s;
            }

            @Override
            public Layout layout() {
                return layout;
            }
        };
    }

    private static double parse(String text) {
        switch (text) {
            case "nan": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: return Double.parseDouble(text);
        }
    }

    private static DType dtype(String numpyName) {
        for (DType t : DType.values()) {
            if (t.pyName().equals(numpyName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no dtype " + numpyName);
    }
}
