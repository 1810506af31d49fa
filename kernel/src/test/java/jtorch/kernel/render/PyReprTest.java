package jtorch.kernel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyReprTest {
    @Test
    void formatDouble_matchesPythonRepr() {
        assertEquals("1.0", PyRepr.formatDouble(1));
        assertEquals("0.1", PyRepr.formatDouble(0.1));
        assertEquals("1e-05", PyRepr.formatDouble(1e-5));
        assertEquals("0.0001", PyRepr.formatDouble(1e-4));
        assertEquals("1e+16", PyRepr.formatDouble(1e16));
        assertEquals("1000000000000000.0", PyRepr.formatDouble(1e15));
        assertEquals("-2.5", PyRepr.formatDouble(-2.5));
        assertEquals("-0.0", PyRepr.formatDouble(-0.0));
        assertEquals("nan", PyRepr.formatDouble(Double.NaN));
        assertEquals("-inf", PyRepr.formatDouble(Double.NEGATIVE_INFINITY));
        assertEquals("1.5e-07", PyRepr.formatDouble(1.5e-7));
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
