package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.Function;

import jtorch.internal.tensor.TensorImpl;

/**
 * Finite-difference gradient checker, as {@code torch.autograd.gradcheck}: compares the gradients
 * autograd computes for float64 inputs with central differences {@code (f(x + eps) - f(x - eps)) / 2eps}
 * of a random projection {@code sum(w * f(x))} of the output, element by element.
 */
final class GradCheck {
    static final double EPS = 1e-6;
    static final double ATOL = 1e-5;
    static final double RTOL = 1e-4;

    private GradCheck() {}

    /** A float64 leaf requiring grad with values drawn uniformly from [lo, hi). */
    static Tensor leaf(Random random, double lo, double hi, int... shape) {
        Tensor t = Tensor.of(TensorImpl.allocate(DType.FLOAT64, shape));
        for (int i = 0; i < t.numel(); i++) {
            t.impl.storage().setDouble(i, lo + (hi - lo) * random.nextDouble());
        }
        return t.requiresGrad_();
    }

    /** A float64 leaf requiring grad with the given values. */
    static Tensor leaf(double[] values, int... shape) {
        return torch.tensor(values, DType.FLOAT64).reshape(shape).detach().requiresGrad_();
    }

    /** Checks every input that requires grad; {@code f} gets the inputs in order. */
    static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor out = f.apply(inputs);
        assertNotNull(out.gradFn(), what + ": the output has no grad_fn");
        Tensor weights = projection(out);
        for (Tensor in : inputs) {
            in.setGrad(null);
        }
        out.mul(weights).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor in = inputs[k];
            if (!in.requiresGrad()) {
                continue;
            }
            Tensor analytic = in.grad();
            assertNotNull(analytic, what + ": input " + k + " got no gradient");
            assertEquals(in.shape(), analytic.shape(), what + ": gradient shape of input " + k);
            for (int j = 0; j < in.numel(); j++) {
                int index = in.impl.layout().storageIndex(j);
                double saved = in.impl.storage().getDouble(index);
                in.impl.storage().setDouble(index, saved + EPS);
                double plus = project(f, inputs, weights);
                in.impl.storage().setDouble(index, saved - EPS);
                double minus = project(f, inputs, weights);
                in.impl.storage().setDouble(index, saved);
                double numeric = (plus - minus) / (2 * EPS);
                double got = analytic.impl.getDouble(j);
                if (!(Math.abs(got - numeric) <= ATOL + RTOL * Math.abs(numeric))) {
                    fail(what + ": d/d input " + k + " element " + j + ": autograd " + got + ", finite difference "
                            + numeric);
                }
            }
        }
    }

    @SuppressWarnings("try")
    private static double project(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights) {
        try (GradMode ignored = GradMode.set(false)) {
            return f.apply(inputs).mul(weights).sum().doubleValue();
        }
    }

    /** Fixed pseudo-random weights shaped like the output, so every output element counts differently. */
    private static Tensor projection(Tensor out) {
        Random random = new Random(out.numel() * 31L + out.dim());
        Tensor w = Tensor.of(TensorImpl.allocate(DType.FLOAT64, out.impl.sizes().clone()));
        for (int i = 0; i < w.numel(); i++) {
            w.impl.storage().setDouble(i, 0.5 + random.nextDouble());
        }
        return w;
    }
}
