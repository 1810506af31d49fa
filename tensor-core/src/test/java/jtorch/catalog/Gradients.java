package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.ValuesIndices;
import jtorch.TensorList;
import jtorch.torch;

/**
 * Gradients of {@code sum(w * out)} with {@code w_i = 0.5 + i / numel} (the recorder's formula),
 * by autograd and by central differences, through the public API only. An in-place op is
 * differentiated through a clone of its first input, as PyTorch requires of a leaf.
 */
final class Gradients {
    static final double EPS = 1e-6;
    static final double ATOL = 1e-5;
    static final double RTOL = 1e-4;

    private Gradients() {
    }

    /** Autograd's gradient for each input (null for an input that gets none or is not floating). */
    static List<Tensor> autograd(Function<List<Tensor>, Object> op, List<Tensor> inputs, boolean inPlace) {
        List<Tensor> leaves = new ArrayList<>();
        for (Tensor x : inputs) {
            Tensor leaf = x.detach().clone();
            leaves.add(leaf.dtype().isFloatingPoint() ? leaf.requiresGrad_() : leaf);
        }
        Tensor out = first(op.apply(used(leaves, inPlace)));
        assertNotNull(out, "the op returned no tensor");
        assertTrue(out.requiresGrad(), "the output does not require grad");
        out.mul(weights(out)).sum().backward();
        List<Tensor> grads = new ArrayList<>();
        leaves.forEach(l -> grads.add(l.grad()));
        return grads;
    }

    /** The op's output for these inputs, without recording a graph. */
    @SuppressWarnings("try")
    static Tensor output(Function<List<Tensor>, Object> op, List<Tensor> inputs, boolean inPlace) {
        try (var ignored = torch.noGrad()) {
            return first(op.apply(used(inputs, inPlace)));
        }
    }

    /** Central differences of the projection with respect to every element of input {@code k}. */
    static double[] numeric(Function<List<Tensor>, Object> op, List<Tensor> inputs, boolean inPlace, int k) {
        Tensor x = inputs.get(k);
        double[] values = x.toDoubleArray();
        double[] grad = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            double saved = values[j];
            values[j] = saved + EPS;
            double plus = project(op, replace(inputs, k, values), inPlace);
            values[j] = saved - EPS;
            double minus = project(op, replace(inputs, k, values), inPlace);
            values[j] = saved;
            grad[j] = (plus - minus) / (2 * EPS);
        }
        return grad;
    }

    private static double project(Function<List<Tensor>, Object> op, List<Tensor> inputs, boolean inPlace) {
        Tensor out = output(op, inputs, inPlace);
        return out.mul(weights(out)).sum().doubleValue();
    }

    private static List<Tensor> replace(List<Tensor> inputs, int k, double[] values) {
        List<Tensor> out = new ArrayList<>(inputs);
        Tensor x = inputs.get(k);
        out.set(k, torch.tensor(values, DType.FLOAT64).reshape(x.shape().toArray()));
        return out;
    }

    private static List<Tensor> used(List<Tensor> leaves, boolean inPlace) {
        List<Tensor> used = new ArrayList<>(leaves);
        if (inPlace && !used.isEmpty()) {
            used.set(0, used.get(0).clone());
        }
        return used;
    }

    static Tensor weights(Tensor out) {
        int n = out.numel();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + (double) i / Math.max(n, 1);
        }
        return torch.tensor(w, out.dtype()).reshape(out.shape().toArray());
    }

    private static Tensor first(Object result) {
        if (result instanceof Tensor t) {
            return t;
        }
        if (result instanceof ValuesIndices vi) {
            return vi.get(0);
        }
        if (result instanceof TensorList list && !list.isEmpty()) {
            return list.get(0);
        }
        return null;
    }
}
