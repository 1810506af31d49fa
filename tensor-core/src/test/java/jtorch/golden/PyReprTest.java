package jtorch.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyReprTest {

    @Test
    void of_scalars_printAsPython() {
        assertEquals("None", PyRepr.of(null));
        assertEquals("True", PyRepr.of(true));
        assertEquals("False", PyRepr.of(Boolean.FALSE));
        assertEquals("3", PyRepr.of(3L));
        assertEquals("-7", PyRepr.of(-7));
        assertEquals("9223372036854775807", PyRepr.of(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0|0.0", "-0.0|-0.0", "1.0|1.0", "21.0|21.0", "3.5|3.5", "0.1|0.1", "1.2652000188827515|1.2652000188827515",
        "0.0001|0.0001", "0.00001|1e-05", "0.00015|0.00015", "1e16|1e+16", "1e15|1000000000000000.0",
        "123456789.0|123456789.0", "1.5e300|1.5e+300", "2.5e-300|2.5e-300", "4.9e-324|5e-324",
        "1.7976931348623157e308|1.7976931348623157e+308", "-2.5|-2.5", "100.0|100.0", "2e22|2e+22",
        "1e23|1e+23", "12345.678|12345.678", "0.3|0.3", "5e-324|5e-324"})
    void ofDouble_value_isShortestRoundTripRepr(double value, String python) {
        assertEquals(python, PyRepr.of(value));
    }

    @Test
    void ofDouble_specialValues_printAsPython() {
        assertEquals("nan", PyRepr.of(Double.NaN));
        assertEquals("inf", PyRepr.of(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyRepr.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void of_float_widensLikePythonFloat() {
        assertEquals("0.10000000149011612", PyRepr.of(0.1f));
        assertEquals("0.5", PyRepr.of(0.5f));
    }

    @Test
    void of_string_quotesLikePython() {
        assertEquals("'torch.FloatTensor'", PyRepr.of("torch.FloatTensor"));
        assertEquals("\"it's\"", PyRepr.of("it's"));
        assertEquals("'say \"hi\"'", PyRepr.of("say \"hi\""));
        assertEquals("'both \\' and \"'", PyRepr.of("both ' and \""));
        assertEquals("'a\\nb\\\\c\\x01'", PyRepr.of("a\nb\\c\u0001"));
    }

    @Test
    void of_collections_printAsListsTuplesAndDicts() {
        assertEquals("[0.10000000149011612, 0.5]", PyRepr.of(List.of((double) 0.1f, 0.5)));
        assertEquals("[[1, 2], [3, 4]]", PyRepr.of(List.of(List.of(1L, 2L), List.of(3L, 4L))));
        assertEquals("[]", PyRepr.of(List.of()));
        assertEquals("[None, True]", PyRepr.of(Arrays.asList(null, true)));
        assertEquals("(3, 1)", PyRepr.of(new int[] {3, 1}));
        assertEquals("(5,)", PyRepr.of(new long[] {5}));
        assertEquals("()", PyRepr.of(new int[0]));
        assertEquals("(1.5, 2.0)", PyRepr.of(new double[] {1.5, 2}));
        assertEquals("{'a': 1}", PyRepr.of(Map.of("a", 1)));
    }

    @Test
    void of_listWithOwnToString_keepsIt() {
        List<Integer> tupleLike = new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return 7;
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public String toString() {
                return "(7,)";
            }
        };
        assertEquals("(7,)", PyRepr.of(tupleLike));
    }

    @Test
    void of_objectWithRepr_usesRepr() {
        assertEquals("array([1, 2])", PyRepr.of(new WithRepr()));
        assertEquals("plain", PyRepr.of(new Object() {
            @Override
            public String toString() {
                return "plain";
            }
        }));
    }

    /** Stands for a numpy-like value whose str and repr differ. */
    public static final class WithRepr {
        public String repr() {
            return "array([1, 2])";
        }

        @Override
        public String toString() {
            return "[1 2]";
        }
    }
}
