package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jtorch.internal.format.TensorFormatter;
import org.junit.jupiter.api.Test;

/** Targeted cases of PyTorch 1.13's repr; expected texts come from real PyTorch. */
class TensorFormatterTest {

    private static Tensor floats(double... values) {
        return torch.tensor(values);
    }

    private static String repr(Tensor t, PrintOptions options) {
        return TensorFormatter.repr(t.impl, options);
    }

    private static String repr(Tensor t) {
        return TensorFormatter.repr(t.impl, PrintOptions.defaults());
    }

    @Test
    void repr_scalarRoundsExactBinaryTieToEven() {
        assertEquals("tensor(1.0312)", repr(torch.tensor(1.03125)));
        assertEquals("tensor(0.1562)", repr(torch.tensor(0.15625)));
        assertEquals("tensor(0.1235)", repr(torch.tensor(0.12345)));
        assertEquals("tensor(12345.6777)", repr(torch.tensor(12345.678)));
    }

    @Test
    void repr_scalarSwitchesToSciBelow1eMinus4() {
        assertEquals("tensor(1.0000e-04)", repr(torch.tensor(1e-4)));
        assertEquals("tensor(0.0002)", repr(torch.tensor(2e-4)));
        assertEquals("tensor(100000000.)", repr(torch.tensor(1e8)));
        assertEquals("tensor(1.0000e+09)", repr(torch.tensor(1e9)));
        assertEquals("tensor(1.2346e+08)", repr(torch.tensor(123456789.)));
        assertEquals("tensor(1.4013e-45)", repr(torch.tensor(1e-45)));
    }

    @Test
    void repr_scalarSpecialValues() {
        assertEquals("tensor(-0.)", repr(torch.tensor(-0.)));
        assertEquals("tensor(-inf)", repr(torch.tensor(Double.NEGATIVE_INFINITY)));
        assertEquals("tensor(7)", repr(torch.tensor(7)));
        assertEquals("tensor(-9223372036854775808)", repr(torch.tensor(Long.MIN_VALUE)));
        assertEquals("tensor(True)", repr(torch.tensor(true)));
    }

    @Test
    void repr_integerValuedFloatsPrintWithPoint() {
        assertEquals("tensor([ 1., -2.,  3.])", repr(floats(1, -2, 3)));
        assertEquals("tensor([   1., 1000.])", repr(floats(1, 1000)));
        assertEquals("tensor([-0., 1.])", repr(floats(-0., 1)));
        assertEquals("tensor([0., 0.])", repr(floats(0, 0)));
    }

    @Test
    void repr_ratioOver1000SwitchesToSci() {
        assertEquals("tensor([1.0000e+00, 1.0010e+03])", repr(floats(1, 1001)));
        assertEquals("tensor([1.0000e-02, 1.0000e+01])", repr(floats(0.01, 10)));
        assertEquals("tensor([1.2346e+04, 5.0000e-01])", repr(floats(12345.5, 0.5)));
        assertEquals("tensor([1.0312e+00, 2.4062e+00, 1.5000e-04])", repr(floats(1.03125, 2.40625, 0.00015)));
        assertEquals("tensor([-1.0000e-05,  1.0000e+05])", repr(floats(-1e-5, 1e5)));
    }

    @Test
    void repr_nanAndInfArePaddedButNotMeasured() {
        assertEquals("tensor([1.5000,    nan,    inf,   -inf])",
                repr(floats(1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        assertEquals("tensor([       nan, 1.0000e-05, 1.0000e+00])", repr(floats(Double.NaN, 1e-5, 1)));
        assertEquals("tensor([1., -inf])", repr(floats(1, Double.NEGATIVE_INFINITY)));
        assertEquals("tensor([nan])", repr(floats(Double.NaN)));
        assertEquals("tensor([0.0000e+00, 1.0000e-06])", repr(floats(0, 1e-6)));
    }

    @Test
    void repr_reducedPrecisionDtypesFormatTheirOwnValues() {
        assertEquals("tensor([9.9976e-02, 6.5504e+04], dtype=torch.float16)",
                repr(torch.tensor(new double[] {0.1, 65504}, torch.float16)));
        assertEquals("tensor([0.1001, 0.2002, 0.3008], dtype=torch.bfloat16)",
                repr(torch.tensor(new double[] {0.1, 0.2, 0.3}, torch.bfloat16)));
        assertEquals("tensor([0.1000, 0.2000, 0.3000], dtype=torch.float64)",
                repr(torch.tensor(new double[] {0.1, 0.2, 0.3}, torch.float64)));
    }

    @Test
    void repr_integerAndBoolDtypes() {
        assertEquals("tensor([4611686018427387904,                  -1])",
                repr(torch.tensor(new long[] {1L << 62, -1})));
        assertEquals("tensor([  1,  -2, 127], dtype=torch.int8)",
                repr(torch.tensor(new long[] {1, -2, 127}).to(torch.int8)));
        assertEquals("tensor([  0, 255], dtype=torch.uint8)",
                repr(torch.tensor(new long[] {0, 255}).to(torch.uint8)));
        assertEquals("tensor([ True, False])", repr(torch.tensor(new boolean[] {true, false})));
        assertEquals("tensor([[ True],\n        [False]])",
                repr(torch.tensor(new boolean[] {true, false}).view(2, 1)));
    }

    @Test
    void repr_longRowWrapsAtLinewidth() {
        assertEquals("""
                tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                        28., 29.])""", repr(torch.arange(30).mul(1.0)));
        assertEquals("""
                tensor([[ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                         14., 15., 16., 17., 18., 19.],
                        [20., 21., 22., 23., 24., 25., 26., 27., 28., 29., 30., 31., 32., 33.,
                         34., 35., 36., 37., 38., 39.]])""", repr(torch.arange(40).mul(1.0).view(2, 20)));
    }

    @Test
    void repr_linewidthOptionChangesElementsPerLine() {
        assertEquals("""
                tensor([ 0.,  1.,  2.,  3.,  4.,  5.,
                         6.,  7.,  8.,  9., 10., 11.,
                        12., 13., 14., 15., 16., 17.,
                        18., 19.])""", repr(torch.arange(20).mul(1.0), PrintOptions.defaults().linewidth(40)));
    }

    @Test
    void repr_nested3dAnd4dSeparateBlocksWithBlankLines() {
        assertEquals("""
                tensor([[[0, 1],
                         [2, 3]],

                        [[4, 5],
                         [6, 7]]])""", repr(torch.arange(8).view(2, 2, 2)));
        assertEquals("""
                tensor([[[[ 0.,  1.],
                          [ 2.,  3.]],

                         [[ 4.,  5.],
                          [ 6.,  7.]]],


                        [[[ 8.,  9.],
                          [10., 11.]],

                         [[12., 13.],
                          [14., 15.]]]])""", repr(torch.arange(16).mul(1.0).view(2, 2, 2, 2)));
    }

    @Test
    void repr_aboveThresholdSummarisesEveryLongDimension() {
        assertEquals("tensor([   0,    1,    2,  ...,  998,  999, 1000])", repr(torch.arange(1001)));
        assertEquals("""
                tensor([[   0,    1,    2,  ...,  197,  198,  199],
                        [ 200,  201,  202,  ...,  397,  398,  399],
                        [ 400,  401,  402,  ...,  597,  598,  599],
                        ...,
                        [ 800,  801,  802,  ...,  997,  998,  999],
                        [1000, 1001, 1002,  ..., 1197, 1198, 1199],
                        [1200, 1201, 1202,  ..., 1397, 1398, 1399]])""", repr(torch.arange(1400).view(7, 200)));
    }

    @Test
    void repr_edgeitemsCoveringTheDimensionPrintsEverything() {
        assertEquals("tensor([0, 1, 2, 3, 4])",
                repr(torch.arange(5), PrintOptions.defaults().threshold(0).edgeitems(Integer.MAX_VALUE)));
        assertEquals("tensor(5)", repr(torch.tensor(5), PrintOptions.defaults().threshold(0)));
    }

    @Test
    void repr_summarisedWidthComesFromPrintedValuesOnly() {
        // the hidden middle (up to 23.5) would not change the width, the printed 0.5 does not widen it
        assertEquals("""
                tensor([[[ 0.5000,  ...,  3.5000],
                         ...,
                         [ 8.5000,  ..., 11.5000]],

                        [[12.5000,  ..., 15.5000],
                         ...,
                         [20.5000,  ..., 23.5000]]])""",
                repr(torch.arange(24).mul(1.0).add(0.5).view(2, 3, 4),
                        PrintOptions.defaults().threshold(5).edgeitems(1)));
        assertEquals("tensor([2., 2., 2.,  ..., 2., 2., 2.], requires_grad=True)",
                repr(torch.zeros(2000).add(2.0).requiresGrad_(true)));
    }

    @Test
    void repr_emptyShowsSizeUnlessOneDimAndDtypeUnlessDefault() {
        assertEquals("tensor([])", repr(torch.tensor(new double[0])));
        assertEquals("tensor([], size=(0, 3))", repr(torch.zeros(0, 3)));
        assertEquals("tensor([], dtype=torch.int64)", repr(torch.zeros(0, torch.int64)));
        assertEquals("tensor([], size=(3, 0, 2), dtype=torch.float64)",
                repr(torch.zeros(3, 0, 2).to(torch.float64)));
        assertEquals("tensor([], size=(0, 3), requires_grad=True)", repr(torch.zeros(0, 3).requiresGrad_(true)));
    }

    @Test
    void repr_suffixWrapsWhenLastLineIsFull() {
        double[] ones = new double[16];
        java.util.Arrays.fill(ones, 1.2345);
        assertEquals("""
                tensor([[1.2345, 1.2345, 1.2345, 1.2345, 1.2345, 1.2345, 1.2345, 1.2345],
                        [1.2345, 1.2345, 1.2345, 1.2345, 1.2345, 1.2345, 1.2345, 1.2345]],
                       dtype=torch.float64, requires_grad=True)""",
                repr(torch.tensor(ones, torch.float64).view(2, 8).requiresGrad_(true)));
        assertEquals("""
                tensor([0.5000, 1.5000, 2.5000, 3.5000, 4.5000, 5.5000, 6.5000, 7.5000, 8.5000],
                       dtype=torch.float64)""",
                repr(torch.arange(9).to(torch.float64).add(0.5)));
    }

    @Test
    void repr_gradFnNamesTheBackwardNode() {
        Tensor x = floats(1, 2).requiresGrad_(true);
        assertEquals("tensor([1., 2.], requires_grad=True)", repr(x));
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)", repr(x.mul(2)));
    }

    @Test
    void repr_precisionZeroDropsThePoint() {
        PrintOptions p0 = PrintOptions.defaults().precision(0);
        assertEquals("tensor([2, 2, 0])", repr(floats(1.5, 2.5, 0.4), p0));
        assertEquals("tensor([1e-05, 1e+05])", repr(floats(1e-5, 1e5), p0));
    }

    @Test
    void repr_forcedSciKeepsAutomaticWidthForWrapping() {
        PrintOptions sci = PrintOptions.defaults().sciMode(true);
        assertEquals("tensor([1.0000e+00, 2.0000e+00])", repr(floats(1, 2), sci));
        String firstLine = String.join(", ", java.util.Collections.nCopies(18, "1.0000e+00"));
        assertEquals("tensor([" + firstLine + ",\n        1.0000e+00, 1.0000e+00])",
                repr(torch.zeros(20).add(1.0), sci));
        // no non-zero finite value: PyTorch returns before applying the forced mode
        assertEquals("tensor([0., 0.])", repr(floats(0, 0), sci));
    }

    @Test
    void repr_forcedFixedKeepsSciWidth() {
        assertEquals("tensor([    0.0000, 100000.0000])",
                repr(floats(1e-5, 1e5), PrintOptions.defaults().sciMode(false)));
    }

    @Test
    void repr_shortProfile() {
        assertEquals("tensor([3.33e-01, 1.00e+03])", repr(floats(1. / 3, 1000.5), PrintOptions.profile("short")));
    }

    @Test
    void repr_noArgumentFormUsesCurrentOptions() {
        try {
            PrintOptions.setCurrent(PrintOptions.defaults().threshold(5));
            assertEquals("tensor([0, 1, 2,  ..., 7, 8, 9])", torch.arange(10).toString());
        } finally {
            PrintOptions.reset();
        }
        assertEquals("tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])", torch.arange(10).toString());
    }
}
