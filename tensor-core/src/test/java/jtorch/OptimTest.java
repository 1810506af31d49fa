package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** SGD and Adam against PyTorch 1.13's values, and a small MLP that must learn. */
class OptimTest {
    private static String train(optim.Optimizer opt, Tensor w, Function<Tensor, Tensor> loss, int steps) {
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            loss.apply(w).sum().backward();
            opt.step();
        }
        return w.data().toString();
    }

    @Test
    void sgd_matchesPyTorch() {
        Tensor w = torch.tensor(new double[] {1, 2}, true);
        assertEquals("tensor([0.0620, 0.1240])", train(new optim.SGD(List.of(w), 0.1, 0.9), w, t -> t.mul(t), 3));
        Tensor w2 = torch.tensor(new double[] {1, 2}, true);
        assertEquals("tensor([-0.0914, -1.6413])",
                train(new optim.SGD(List.of(w2), 0.1, 0.9, 0.1, 0.01, false), w2, t -> t.mul(t).mul(t), 3));
        Tensor w3 = torch.tensor(new double[] {1, 2}, true);
        assertEquals("tensor([-0.2174, -3.2942])",
                train(new optim.SGD(List.of(w3), 0.1, 0.9, 0, 0.1, true), w3, t -> t.mul(t).mul(t), 3));
        Tensor w4 = torch.tensor(new double[] {1, 2}, true);
        assertEquals("tensor([0.5120, 1.0240])", train(new optim.SGD(List.of(w4), 0.1), w4, t -> t.mul(t), 3));
    }

    @Test
    void adam_matchesPyTorch() {
        Tensor w = torch.tensor(new double[] {1, -2}, true);
        assertEquals("tensor([ 0.7042, -2.3005])", train(new optim.Adam(List.of(w), 0.1), w, t -> t.mul(t).mul(t), 3));
        Tensor w2 = torch.tensor(new double[] {1, -2}, DType.FLOAT64, true);
        assertEquals("tensor([ 0.7061, -2.3014], dtype=torch.float64)", train(
                new optim.Adam(List.of(w2), 0.1, 0.8, 0.99, 1e-6, 0.1), w2, t -> t.mul(t).mul(t), 3));
    }

    @Test
    void step_skipsParametersWithoutGradientAndBumpsVersions() {
        Tensor a = torch.tensor(new double[] {1, 2}, true);
        Tensor b = torch.tensor(new double[] {3}, true);
        optim.SGD opt = new optim.SGD(List.of(a, b), 0.5);
        a.sum().backward();
        Tensor saved = a.mul(a);
        opt.step();
        assertEquals("tensor([0.5000, 1.5000], requires_grad=True)", a.toString());
        assertEquals("tensor([3.], requires_grad=True)", b.toString());
        assertThrows(IllegalStateException.class, () -> saved.sum().backward());
        opt.zeroGrad();
        assertEquals("tensor([0., 0.])", a.grad().toString());
        assertNull(b.grad());
        opt.zeroGrad(true);
        assertNull(a.grad());
    }

    @Test
    void reprAndValidation_asPyTorch() {
        Tensor w = torch.tensor(new double[] {1, 2}, true);
        assertEquals("SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n    foreach: None\n"
                + "    lr: 1\n    maximize: False\n    momentum: 0\n    nesterov: False\n    weight_decay: 0\n)",
                new optim.SGD(List.of(w), 1).toString());
        assertEquals("SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n    foreach: None\n"
                + "    lr: 0.1\n    maximize: False\n    momentum: 0.9\n    nesterov: False\n    weight_decay: 0\n)",
                new optim.SGD(List.of(w), 0.1, 0.9).toString());
        assertEquals("Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n    capturable: False\n"
                + "    differentiable: False\n    eps: 1e-08\n    foreach: None\n    fused: False\n    lr: 0.001\n"
                + "    maximize: False\n    weight_decay: 0\n)", new optim.Adam(List.of(w)).toString());
        assertEquals("Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.8, 0.99)\n    capturable: False\n"
                + "    differentiable: False\n    eps: 1e-10\n    foreach: None\n    fused: False\n    lr: 1e-05\n"
                + "    maximize: False\n    weight_decay: 0.5\n)",
                new optim.Adam(List.of(w), 1e-5, 0.8, 0.99, 1e-10, 0.5).toString());
        assertEquals("Invalid learning rate: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new optim.SGD(List.of(w), -0.1)).getMessage());
        assertEquals("Invalid momentum value: -1",
                assertThrows(IllegalArgumentException.class, () -> new optim.SGD(List.of(w), 0.1, -1)).getMessage());
        assertEquals("optimizer got an empty parameter list",
                assertThrows(IllegalArgumentException.class, () -> new optim.SGD(List.of(), 0.1)).getMessage());
        assertEquals("can't optimize a non-leaf Tensor", assertThrows(IllegalArgumentException.class,
                () -> new optim.SGD(List.of(w.mul(2)), 0.1)).getMessage());
        assertEquals("Nesterov momentum requires a momentum and zero dampening", assertThrows(
                IllegalArgumentException.class, () -> new optim.SGD(List.of(w), 0.1, 0, 0, 0, true)).getMessage());
        assertEquals("Invalid beta parameter at index 0: 1.0", assertThrows(IllegalArgumentException.class,
                () -> new optim.Adam(List.of(w), 0.1, 1.0, 0.9, 1e-8, 0)).getMessage());
        assertEquals("Invalid epsilon value: -1.0", assertThrows(IllegalArgumentException.class,
                () -> new optim.Adam(List.of(w), 0.1, 0.9, 0.999, -1.0, 0)).getMessage());
    }

    @Test
    void pythonRepr_floats() {
        assertEquals("0.001", OptimizerImpl.pythonRepr(0.001));
        assertEquals("0.0001", OptimizerImpl.pythonRepr(1e-4));
        assertEquals("1e-05", OptimizerImpl.pythonRepr(1e-5));
        assertEquals("1.5e-07", OptimizerImpl.pythonRepr(1.5e-7));
        assertEquals("1234567.0", OptimizerImpl.pythonRepr(1234567.0));
        assertEquals("1e+16", OptimizerImpl.pythonRepr(1e16));
        assertEquals("-2.5", OptimizerImpl.pythonRepr(-2.5));
        assertEquals("3", OptimizerImpl.pythonRepr(3));
    }

    /** Points in the square [-1, 1)^2 labelled by the sign of x0 * x1 (XOR): not linearly separable. */
    private static Tensor[] xorData(int n) {
        Tensor x = torch.rand(n, 2).mul(2).sub(1);
        Tensor y = x.select(1, 0).mul(x.select(1, 1)).gt(0).toLong();
        return new Tensor[] {x, y};
    }

    @Test
    @SuppressWarnings("try")
    void mlp_learnsXorWithSgdMomentumAndCrossEntropy() {
        torch.manualSeed(0);
        Tensor[] data = xorData(256);
        nn.Sequential model = new nn.Sequential(new nn.Linear(2, 32), new nn.ReLU(), new nn.Linear(32, 2));
        nn.CrossEntropyLoss lossFn = new nn.CrossEntropyLoss();
        optim.SGD opt = new optim.SGD(model.parameters(), 0.1, 0.9);
        double first = lossFn.forward(model.forward(data[0]), data[1]).doubleValue();
        double last = Double.NaN;
        for (int epoch = 0; epoch < 150; epoch++) {
            opt.zeroGrad();
            Tensor loss = lossFn.forward(model.forward(data[0]), data[1]);
            loss.backward();
            opt.step();
            last = loss.doubleValue();
        }
        assertTrue(first > 0.6, "initial loss " + first);
        assertTrue(last < 0.15, "final loss " + last);
        Tensor predicted;
        try (var noGrad = torch.noGrad()) {
            predicted = model.forward(data[0]).logSoftmax(1).exp().select(1, 1).gt(0.5).toLong();
        }
        double accuracy = predicted.eq(data[1]).toDouble().mean().doubleValue();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void mlp_fitsRegressionWithAdamAndMse() {
        torch.manualSeed(1);
        Tensor x = torch.rand(128, 1).mul(6).sub(3);
        Tensor y = x.mul(x).mul(0.2).sub(x.tanh());
        nn.Sequential model = new nn.Sequential(new nn.Linear(1, 32), new nn.Tanh(), new nn.Linear(32, 1));
        optim.Adam opt = new optim.Adam(model.parameters(), 0.05);
        nn.MSELoss lossFn = new nn.MSELoss();
        double last = Double.NaN;
        for (int i = 0; i < 150; i++) {
            opt.zeroGrad();
            Tensor loss = lossFn.forward(model.forward(x), y);
            loss.backward();
            opt.step();
            last = loss.doubleValue();
        }
        assertTrue(last < 0.01, "final loss " + last);
    }
}
