package jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The in-place unary ops that write self through the op's kernel (float32 and float64, no
 * gradient recorded): the out-of-place op's values bit for bit, contiguous and through a
 * transposed view, seen by every view of the storage; an expanded tensor refused; with a gradient
 * recorded the general path and its backward.
 */
class InPlaceUnaryTest {
    /** Each in-place op beside its out-of-place form. */
    private static Map<String, UnaryOperator<Tensor>[]> ops() {
        Map<String, UnaryOperator<Tensor>[]> ops = new LinkedHashMap<>();
        put(ops, "abs", Tensor::abs_, Tensor::abs);
        put(ops, "absolute", Tensor::absolute_, Tensor::abs);
        put(ops, "neg", Tensor::neg_, Tensor::neg);
        put(ops, "negative", Tensor::negative_, Tensor::neg);
        put(ops, "exp", Tensor::exp_, Tensor::exp);
        put(ops, "log", Tensor::log_, Tensor::log);
        put(ops, "sqrt", Tensor::sqrt_, Tensor::sqrt);
        put(ops, "rsqrt", Tensor::rsqrt_, Tensor::rsqrt);
        put(ops, "reciprocal", Tensor::reciprocal_, Tensor::reciprocal);
        put(ops, "relu", Tensor::relu_, Tensor::relu);
        put(ops, "sigmoid", Tensor::sigmoid_, Tensor::sigmoid);
        put(ops, "tanh", Tensor::tanh_, Tensor::tanh);
        put(ops, "sin", Tensor::sin_, Tensor::sin);
        put(ops, "cos", Tensor::cos_, Tensor::cos);
        put(ops, "atan", Tensor::atan_, Tensor::atan);
        put(ops, "arctan", Tensor::arctan_, Tensor::atan);
        put(ops, "expm1", Tensor::expm1_, Tensor::expm1);
        put(ops, "log1p", Tensor::log1p_, Tensor::log1p);
        put(ops, "floor", Tensor::floor_, Tensor::floor);
        put(ops, "ceil", Tensor::ceil_, Tensor::ceil);
        put(ops, "round", Tensor::round_, Tensor::round);
        put(ops, "trunc", Tensor::trunc_, Tensor::trunc);
        put(ops, "fix", Tensor::fix_, Tensor::trunc);
        put(ops, "frac", Tensor::frac_, Tensor::frac);
        put(ops, "sign", Tensor::sign_, Tensor::sign);
        put(ops, "sgn", Tensor::sgn_, Tensor::sgn);
        return ops;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, UnaryOperator<Tensor>[]> ops, String name, UnaryOperator<Tensor> inPlace,
            UnaryOperator<Tensor> outOfPlace) {
        ops.put(name, new UnaryOperator[] {inPlace, outOfPlace});
    }

    /** Signs, halves, large and tiny magnitudes, a NaN and infinities, 6 x 40 (vector lanes and a tail per row). */
    private static Tensor values(DType dtype) {
        Tensor x = torch.randn(6, 40).mul(3).to(dtype);
        x.view(-1).narrow(0, 0, 8).copy_(torch.tensor(new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.5, -2.5, 1e30, 300}).to(dtype));
        return x;
    }

    @Test
    void inPlace_contiguousAndTransposed_outOfPlaceValuesSeenByViews() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (Map.Entry<String, UnaryOperator<Tensor>[]> op : ops().entrySet()) {
                Tensor base = values(dtype);
                Tensor expected = op.getValue()[1].apply(base);
                Tensor written = base.clone();
                Tensor alias = written.view(-1);
                Tensor returned = op.getValue()[0].apply(written);
                assertEquals(written, returned, op.getKey() + " returns self");
                String what = op.getKey() + "_ " + dtype;
                assertArrayEquals(expected.view(-1).toDoubleArray(), alias.toDoubleArray(), what);
                Tensor transposed = base.clone().t();
                op.getValue()[0].apply(transposed);
                assertArrayEquals(op.getValue()[1].apply(base.t()).contiguous().view(-1).toDoubleArray(),
                        transposed.contiguous().view(-1).toDoubleArray(), what + " of a transposed view");
            }
        }
    }

    @Test
    void inPlace_expandedTensor_refused() {
        Tensor expanded = torch.randn(1, 5).expand(3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, expanded::abs_);
        assertEquals("unsupported operation: more than one element of the written-to tensor refers to a single "
                + "memory location. Please clone() the tensor before performing the operation.", e.getMessage());
    }

    @Test
    void inPlace_nonLeafRequiringGrad_recordsTheGradient() {
        Tensor x = torch.tensor(new double[] {-1.5, 0.25, 2}).requiresGrad_();
        Tensor y = x.mul(1);
        y.sin_();
        y.sum().backward();
        assertArrayEquals(x.detach().cos().toDoubleArray(), x.grad().toDoubleArray());
        assertEquals("SinBackward0", y.gradFn().name());
    }
}
