package jtorch.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.DType;
import org.junit.jupiter.api.Test;

class PythonFloatFormatTest {

    @Test
    void numpyScalar_valueBelowOneTenThousandthIsScientific() {
        // float32 1e-4 is 9.99999974737875e-05: numpy's scalar str compares the value, Python's repr the digits
        assertEquals("1e-04", PythonFloatFormat.numpyScalar(1e-4f, DType.FLOAT32));
        assertEquals("0.0001", PythonFloatFormat.repr(1e-4f, DType.FLOAT32));
        assertEquals("0.0001", PythonFloatFormat.numpyScalar(1e-4, DType.FLOAT64));
        assertEquals("1e+16", PythonFloatFormat.numpyScalar(1e16, DType.FLOAT32));
        assertEquals("-0.0", PythonFloatFormat.numpyScalar(-0.0, DType.FLOAT16));
    }

    @Test
    void fixed_exactBinaryTieRoundsHalfEven() {
        assertEquals("1.0312", PythonFloatFormat.fixed(1.03125, 4));
        assertEquals("0.1562", PythonFloatFormat.fixed(0.15625, 4));
        assertEquals("2.4062", PythonFloatFormat.fixed(2.40625, 4));
        assertEquals("0.38", PythonFloatFormat.fixed(0.375, 2));
        assertEquals("2", PythonFloatFormat.fixed(2.5, 0));
        assertEquals("2", PythonFloatFormat.fixed(1.5, 0));
    }

    @Test
    void fixed_decimalLookingTieUsesBinaryValue() {
        // 0.12345 is stored slightly above the decimal tie, 2.675 slightly below.
        assertEquals("0.1235", PythonFloatFormat.fixed(0.12345, 4));
        assertEquals("2.67", PythonFloatFormat.fixed(2.675, 2));
        // float32 12345.678 is 12345.677734375
        assertEquals("12345.6777", PythonFloatFormat.fixed((float) 12345.678, 4));
    }

    @Test
    void fixed_negativeRoundingToZeroKeepsSign() {
        assertEquals("-0.0000", PythonFloatFormat.fixed(-0.00001, 4));
        assertEquals("-0.0000", PythonFloatFormat.fixed(-0.0, 4));
        assertEquals("-0", PythonFloatFormat.fixed(-0.0, 0));
    }

    @Test
    void fixed_largeAndTinyValuesAreExact() {
        assertEquals("100000002004087734272", PythonFloatFormat.fixed((float) 1e20, 0));
        assertEquals("0.0000", PythonFloatFormat.fixed(Double.MIN_VALUE, 4));
        assertEquals("123456789012.5000", PythonFloatFormat.fixed(123456789012.5, 4));
    }

    @Test
    void fixed_nonFinite() {
        assertEquals("nan", PythonFloatFormat.fixed(Double.NaN, 4));
        assertEquals("inf", PythonFloatFormat.fixed(Double.POSITIVE_INFINITY, 4));
        assertEquals("-inf", PythonFloatFormat.fixed(Double.NEGATIVE_INFINITY, 0));
    }

    @Test
    void sci_matchesPythonExponentForm() {
        assertEquals("1.0000e-05", PythonFloatFormat.sci(1e-5, 4));
        assertEquals("1.0000e+09", PythonFloatFormat.sci(1e9, 4));
        assertEquals("1.2346e+08", PythonFloatFormat.sci(123456789.0, 4));
        assertEquals("3.4028e+38", PythonFloatFormat.sci(3.4028234663852886e38, 4));
        assertEquals("1.4013e-45", PythonFloatFormat.sci(Float.MIN_VALUE, 4));
        assertEquals("4.9407e-324", PythonFloatFormat.sci(Double.MIN_VALUE, 4));
        assertEquals("1.0000e+300", PythonFloatFormat.sci(1e300, 4));
        assertEquals("-1.0000e-05", PythonFloatFormat.sci(-1e-5, 4));
    }

    @Test
    void sci_roundingCarriesIntoExponent() {
        assertEquals("1.0000e+01", PythonFloatFormat.sci(9.99995, 4));
        assertEquals("1.0000e+05", PythonFloatFormat.sci(99999.5, 4));
        assertEquals("1.0312e+00", PythonFloatFormat.sci(1.03125, 4));
    }

    @Test
    void sci_zeroPrecisionHasNoPoint() {
        assertEquals("2e+00", PythonFloatFormat.sci(1.5, 0));
        assertEquals("1e-05", PythonFloatFormat.sci(1e-5, 0));
        assertEquals("0e+00", PythonFloatFormat.sci(0.0, 0));
    }

    @Test
    void sci_zeroAndNonFinite() {
        assertEquals("0.0000e+00", PythonFloatFormat.sci(0.0, 4));
        assertEquals("-0.0000e+00", PythonFloatFormat.sci(-0.0, 4));
        assertEquals("nan", PythonFloatFormat.sci(Double.NaN, 4));
        assertEquals("-inf", PythonFloatFormat.sci(Double.NEGATIVE_INFINITY, 4));
    }

    @Test
    void sci_highPrecisionFallsBackExactly() {
        assertEquals("1.00000000000000005551e-01", PythonFloatFormat.sci(0.1, 20));
        assertEquals("0.10000000000000000555", PythonFloatFormat.fixed(0.1, 20));
    }
}
