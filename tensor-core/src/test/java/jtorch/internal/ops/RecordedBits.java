package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.torch;

/**
 * Values recorded from real PyTorch to the bit (tools/bits): JSON lines whose tensors are arrays
 * of strings, each value's shortest decimal for its dtype (numpy's repr, {@code nan} and {@code
 * inf} included), read back into float32 or float64 tensors and compared bit by bit.
 */
final class RecordedBits {
    private RecordedBits() {}

    /** The JSON lines of a test resource. */
    static List<JsonNode> lines(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = RecordedBits.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** float64 for {@code "float64"}, else float32. */
    static DType dtype(JsonNode name) {
        return name.asText().equals("float64") ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** A tensor of {@code shape} from the values' strings, or null for a JSON null. */
    static Tensor tensor(JsonNode values, DType dtype, int... shape) {
        if (values == null || values.isNull()) {
            return null;
        }
        double[] v = parsed(values, dtype);
        if (dtype == DType.FLOAT32) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return torch.tensor(f).reshape(shape);
        }
        return torch.tensor(v, DType.FLOAT64).reshape(shape);
    }

    /** Fails unless every value of {@code actual} has the bits of the recorded one. */
    static void assertBits(JsonNode expected, Tensor actual, String what) {
        double[] want = parsed(expected, actual.dtype());
        double[] got = actual.toDoubleArray();
        assertEquals(want.length, got.length, what);
        int differ = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            boolean same = actual.dtype() == DType.FLOAT32
                    ? Float.floatToIntBits((float) want[i]) == Float.floatToIntBits((float) got[i])
                    : Double.doubleToLongBits(want[i]) == Double.doubleToLongBits(got[i]);
            if (!same) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertEquals(0, differ, what + ": " + differ + " of " + got.length + " values differ from PyTorch's, first at "
                + first + (first < 0 ? "" : " (" + expected.get(first).asText() + " against " + got[first] + ")"));
    }

    /** The values, each parsed in {@code dtype} (a float32 one as a float: no double rounding on the way). */
    private static double[] parsed(JsonNode values, DType dtype) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            String s = values.get(i).asText();
            v[i] = switch (s) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> dtype == DType.FLOAT32 ? Float.parseFloat(s) : Double.parseDouble(s);
            };
        }
        return v;
    }
}
