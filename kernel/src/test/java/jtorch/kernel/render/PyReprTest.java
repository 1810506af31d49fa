package jtorch.kernel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyReprTest {
    @Test
    void repr_floatsAsPythonOnEveryJdk() {
        assertEquals("1.0", PyRepr.repr(1.0));
        assertEquals("0.1", PyRepr.repr(0.1));
        assertEquals("1e-05", PyRepr.repr(1e-5));
        assertEquals("0.0001", PyRepr.repr(1e-4));
        assertEquals("1e+16", PyRepr.repr(1e16));
        assertEquals("1000000000000000.0", PyRepr.repr(1e15));
        assertEquals("-0.0", PyRepr.repr(-0.0));
        assertEquals("nan", PyRepr.repr(Double.NaN));
        assertEquals("-inf", PyRepr.repr(Double.NEGATIVE_INFINITY));
        assertEquals("1e+23", PyRepr.repr(1e23)); // Double.toString gives 9.999999999999999E22 on JDK 17
        assertEquals("5e-324", PyRepr.repr(Double.MIN_VALUE)); // and 4.9E-324
        assertEquals("2e-323", PyRepr.repr(2e-323));
        assertEquals("0.1", PyRepr.repr(0.1f)); // a float with its own shortest digits
        assertEquals("[1e+23, 0.5]", PyRepr.repr(List.of(1e23, 0.5f)));
    }

    @Test
    void repr_valuesReadAsInPython() {
        assertEquals("True", PyRepr.repr(true));
        assertEquals("None", PyRepr.repr(null));
        assertEquals("'torch.FloatTensor'", PyRepr.repr("torch.FloatTensor"));
        assertEquals("\"it's\"", PyRepr.repr("it's"));
        assertEquals("[1.0, 2.5, [True, None]]", PyRepr.repr(List.of(1.0, 2.5, Arrays.asList(true, null))));
        assertEquals("(3, 1)", PyRepr.repr(new int[] {3, 1}));
        assertEquals("(4,)", PyRepr.repr(new long[] {4}));
        assertEquals("{'a': 1}", PyRepr.repr(Map.of("a", 1)));
    }

    @Test
    void str_leavesStringsUnquoted() {
        assertEquals("hi", PyRepr.str("hi"));
        assertEquals("False", PyRepr.str(false));
    }
}
