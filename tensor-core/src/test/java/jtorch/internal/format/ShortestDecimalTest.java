package jtorch.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jtorch.DType;
import jtorch.internal.dtype.HalfFloats;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code repr(float)} and numpy's shortest float32/float16 digits, checked against
 * {@code format/float-repr.tsv} (recorded by {@code tools/format/record_float_repr.py}).
 */
class ShortestDecimalTest {

    @Test
    void repr_jdk17DoubleToStringMisses_printAsPython() {
        // Double.toString on JDK 17 gives 9.999999999999999E22 and 4.9E-324 here
        assertEquals("1e+23", PythonFloatFormat.repr(1e23));
        assertEquals("5e-324", PythonFloatFormat.repr(Double.MIN_VALUE));
        assertEquals("2e-323", PythonFloatFormat.repr(2e-323));
    }

    @Test
    void repr_layout_switchesToScientificOutsideOneEMinus4To1E16() {
        assertEquals("0.0001", PythonFloatFormat.repr(1e-4));
        assertEquals("1e-05", PythonFloatFormat.repr(1e-5));
        assertEquals("1000000000000000.0", PythonFloatFormat.repr(1e15));
        assertEquals("1e+16", PythonFloatFormat.repr(1e16));
        assertEquals("-0.0", PythonFloatFormat.repr(-0.0));
        assertEquals("nan", PythonFloatFormat.repr(Double.NaN));
        assertEquals("-inf", PythonFloatFormat.repr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void repr_float32Value_usesItsOwnShortestDigits() {
        assertEquals("0.1", PythonFloatFormat.repr(0.1f, DType.FLOAT32));
        assertEquals("3.4028235e+38", PythonFloatFormat.repr(Float.MAX_VALUE, DType.FLOAT32));
        assertEquals("1e-45", PythonFloatFormat.repr(Float.MIN_VALUE, DType.FLOAT32));
    }

    @Test
    void of_recordedValues_matchPythonAndNumpy() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String[] row : recorded()) {
            String actual;
            switch (row[0]) {
                case "float64":
                    actual = PythonFloatFormat.repr(Double.longBitsToDouble(Long.parseUnsignedLong(row[1], 16)));
                    if (!actual.equals(row[2])) {
                        failures.add(row[1] + ": " + actual + " != " + row[2]);
                    }
                    break;
                case "float32":
                    checkDigits(Float.intBitsToFloat(Integer.parseUnsignedInt(row[1], 16)), DType.FLOAT32, row, failures);
                    break;
                default:
                    checkDigits(HalfFloats.halfToFloat((short) Integer.parseInt(row[1], 16)), DType.FLOAT16, row, failures);
                    break;
            }
            checked++;
        }
        assertTrue(checked > 4000, "recorded rows: " + checked);
        assertEquals(List.of(), failures);
    }

    private static void checkDigits(double v, DType type, String[] row, List<String> failures) {
        BigDecimal expected = new BigDecimal(row[2]).stripTrailingZeros();
        BigDecimal actual = ShortestDecimal.of(v, type);
        if (!actual.equals(expected)) {
            failures.add(row[0] + " " + row[1] + ": " + actual + " != " + expected);
        }
    }

    private static List<String[]> recorded() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ShortestDecimalTest.class.getResourceAsStream("/format/float-repr.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }
}
