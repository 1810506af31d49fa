package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** nn modules and functional ops against PyTorch 1.13's printed values (same seeds, same text). */
class NnTest {
    private static Tensor mat(double[][] values) {
        return torch.tensor(values);
    }

    @Test
    void linear_initialisesLikePyTorch() {
        torch.manualSeed(0);
        nn.Linear l = new nn.Linear(3, 2);
        assertEquals("tensor([[-0.0043,  0.3097, -0.4752],\n        [-0.4249, -0.2224,  0.1548]])",
                l.weight().data().toString());
        assertEquals("tensor([-0.0114,  0.4578])", l.bias().data().toString());
        assertTrue(l.weight().requiresGrad());
        assertTrue(l.weight().isLeaf());
        assertEquals("Linear(in_features=3, out_features=2, bias=True)", l.toString());
        assertEquals("Linear(in_features=3, out_features=2, bias=False)", new nn.Linear(3, 2, false).toString());
        assertEquals(List.of("weight", "bias"), List.copyOf(l.namedParameters().keySet()));
    }

    @Test
    void sequential_forwardBackwardMatchesPyTorch() {
        torch.manualSeed(0);
        nn.Sequential m = new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 2));
        Tensor x = mat(new double[][] {{1, -2, 0.5, 3}, {0, 1, -1, 2}});
        Tensor out = m.forward(x);
        assertEquals("tensor([[ 0.5690, -0.2175],\n        [ 0.6177, -0.2711]], grad_fn=<AddmmBackward0>)",
                out.toString());
        Tensor loss = nn.functional.crossEntropy(out, torch.tensor(new long[] {1, 0}));
        assertEquals("tensor(0.7531, grad_fn=<NllLossBackward0>)", loss.toString());
        assertEquals("[<LogSoftmaxBackward0 object>]", loss.gradFn().nextFunctions().toString());
        loss.backward();
        nn.Linear first = (nn.Linear) m.get(0);
        nn.Linear last = (nn.Linear) m.get(-1);
        assertEquals("tensor([[ 0.0000,  0.0000,  0.0000,  0.0000],\n"
                + "        [ 0.1648, -0.3994,  0.1523,  0.3546],\n"
                + "        [ 0.0000,  0.0000,  0.0000,  0.0000]])", first.weight().grad().toString());
        assertEquals("tensor([ 0.1979, -0.1979])", last.bias().grad().toString());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(4, m.parameters().size());
        assertEquals("tensor(0.2065, grad_fn=<MseLossBackward0>)",
                nn.functional.mseLoss(out, torch.zeros(2, 2)).toString());
        assertEquals("Sequential(\n"
                + "  (0): Linear(in_features=4, out_features=3, bias=True)\n"
                + "  (1): ReLU()\n"
                + "  (2): Linear(in_features=3, out_features=2, bias=True)\n"
                + ")", m.toString());
        assertEquals(3, m.len());
    }

    @Test
    void functionalRelu_matchesTheModule() {
        Tensor x = torch.tensor(new double[] {-1, 0, 2});
        assertEquals("tensor([0., 0., 2.])", nn.functional.relu(x).toString());
        assertEquals(new nn.ReLU().forward(x).toString(), nn.functional.relu(x).toString());
    }

    @Test
    void linear_gradFnNamesFollowTheInputRank() {
        assertEquals("MmBackward0", new nn.Linear(3, 2, false).forward(torch.ones(2, 3)).gradFn().name());
        assertEquals("AddBackward0", new nn.Linear(3, 2).forward(torch.ones(3)).gradFn().name());
        assertEquals("AddmmBackward0", new nn.Linear(3, 2).forward(torch.ones(2, 3)).gradFn().name());
        assertEquals("mat1 and mat2 shapes cannot be multiplied (2x4 and 3x2)", assertThrows(
                IllegalArgumentException.class, () -> new nn.Linear(3, 2).forward(torch.ones(2, 4))).getMessage());
    }

    /** A user-defined model, as a notebook would write it: fields are picked up as submodules. */
    static final class Net extends nn.Module {
        final nn.Linear fc1 = new nn.Linear(2, 3);
        final nn.ReLU act = new nn.ReLU();
        final nn.Sequential seq = new nn.Sequential(new nn.Linear(3, 3), new nn.ReLU());
        final Tensor scale = torch.ones(new int[] {3}, true);
        final Tensor constant = torch.ones(3);

        @Override
        public Tensor forward(Tensor x) {
            return seq.forward(act.forward(fc1.forward(x))).mul(scale).add(constant);
        }
    }

    @Test
    void module_userSubclassRegistersFields() {
        Net net = new Net();
        assertEquals("Net(\n"
                + "  (fc1): Linear(in_features=2, out_features=3, bias=True)\n"
                + "  (act): ReLU()\n"
                + "  (seq): Sequential(\n"
                + "    (0): Linear(in_features=3, out_features=3, bias=True)\n"
                + "    (1): ReLU()\n"
                + "  )\n"
                + ")", net.toString());
        assertEquals(List.of("scale", "fc1.weight", "fc1.bias", "seq.0.weight", "seq.0.bias"),
                List.copyOf(net.namedParameters().keySet()));
        net.forward(torch.ones(4, 2)).sum().backward();
        for (Tensor p : net.parameters()) {
            assertEquals(p.shape(), p.grad().shape());
        }
        net.zeroGrad();
        for (Tensor p : net.parameters()) {
            assertEquals(0.0, p.grad().abs().sum().doubleValue());
        }
        net.zeroGrad(true);
        assertNull(net.fc1.weight().grad());
        assertTrue(net.training());
        assertSame(net, net.eval());
        assertFalse(net.training());
        assertFalse(net.seq.get(0).training());
        net.train();
        assertTrue(net.seq.get(1).training());
    }

    @Test
    void module_withoutForwardExplains() {
        nn.Module empty = new nn.Module() { };
        assertEquals("Module [Module] is missing the required \"forward\" function",
                assertThrows(UnsupportedOperationException.class, () -> empty.forward(torch.ones(1))).getMessage());
        assertEquals("Module()", empty.toString());
    }

    @Test
    void losses_moduleAndFunctionalForms() {
        Tensor logits = mat(new double[][] {{1, 2, 3}, {1, 0, -1}}).requiresGrad_();
        Tensor target = torch.tensor(new long[] {2, 0});
        Tensor loss = new nn.CrossEntropyLoss().forward(logits, target);
        assertEquals("tensor(0.4076, grad_fn=<NllLossBackward0>)", loss.toString());
        loss.backward();
        assertEquals("tensor([[ 0.0450,  0.1224, -0.1674],\n        [-0.1674,  0.1224,  0.0450]])",
                logits.grad().toString());
        assertEquals("tensor(2.4076)", nn.functional.crossEntropy(mat(new double[][] {{1, 2, 3}, {1, 0, -1}}),
                torch.tensor(new long[] {0, -100})).toString());
        assertEquals("tensor(nan)", nn.functional.crossEntropy(mat(new double[][] {{1, 2, 3}, {1, 0, -1}}),
                torch.tensor(new long[] {-100, -100})).toString());
        assertEquals("tensor(1000.)", nn.functional.crossEntropy(mat(new double[][] {{1000, 0}, {0, -1000}}),
                torch.tensor(new long[] {1, 1})).toString());
        assertEquals("tensor(1.0986)", nn.functional.crossEntropy(torch.ones(3), torch.tensor(1)).toString());
        assertEquals("tensor(1.0986)", nn.functional.crossEntropy(torch.ones(2, 3, 4),
                torch.tensor(new long[][] {{0, 1, 2, 0}, {0, 0, 0, 0}})).toString());
        assertEquals("tensor([1.0986, 1.0986], grad_fn=<NllLossBackward0>)", nn.functional.crossEntropy(
                torch.ones(new int[] {2, 3}, true), torch.tensor(new long[] {0, 1}), "none").toString());
        assertEquals("tensor(3.)", new nn.MSELoss().forward(torch.tensor(new double[] {1, 2, 3}),
                torch.tensor(new double[] {0, 0, 1})).toString());
        assertEquals("tensor(9.)", new nn.MSELoss("sum").forward(torch.tensor(new double[] {1, 2, 3}),
                torch.tensor(new double[] {0, 0, 1})).toString());
        assertEquals("tensor(0., dtype=torch.float64)",
                nn.functional.mseLoss(torch.ones(2, 3), torch.ones(2, 3, DType.FLOAT64)).toString());
        assertEquals("MSELoss()", new nn.MSELoss().toString());
        assertEquals("CrossEntropyLoss()", new nn.CrossEntropyLoss("sum").toString());
    }

    @Test
    void losses_errorsAsPyTorch() {
        assertEquals("Expected input batch_size (2) to match target batch_size (3).", assertThrows(
                IllegalArgumentException.class, () -> nn.functional.crossEntropy(torch.ones(2, 3),
                        torch.tensor(new long[] {0, 1, 2}))).getMessage());
        assertEquals("Target 3 is out of bounds.", assertThrows(IndexOutOfBoundsException.class,
                () -> nn.functional.crossEntropy(torch.ones(2, 3), torch.tensor(new long[] {0, 3}))).getMessage());
        assertEquals("Target -1 is out of bounds.", assertThrows(IndexOutOfBoundsException.class,
                () -> nn.functional.crossEntropy(torch.ones(2, 3), torch.tensor(new long[] {0, -1}))).getMessage());
        assertEquals("expected scalar type Long but found Float", assertThrows(IllegalArgumentException.class,
                () -> nn.functional.crossEntropy(torch.ones(2, 3), torch.tensor(new double[] {0, 1}))).getMessage());
        assertEquals("avg is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> nn.functional.mseLoss(torch.ones(2), torch.ones(2), "avg")).getMessage());
        assertEquals("avg is not a valid value for reduction",
                assertThrows(IllegalArgumentException.class, () -> new nn.CrossEntropyLoss("avg")).getMessage());
    }

    @Test
    void softmax_valuesNamesAndErrors() {
        Tensor x = mat(new double[][] {{1, 2, 3}, {1, 0, -1}});
        assertEquals("tensor([[0.0900, 0.2447, 0.6652],\n        [0.6652, 0.2447, 0.0900]])",
                nn.functional.softmax(x, 1).toString());
        assertEquals("tensor([[-0.6931, -0.1269, -0.0181],\n        [-0.6931, -2.1269, -4.0181]])",
                x.logSoftmax(0).toString());
        Tensor xg = x.detach().requiresGrad_();
        assertEquals("SoftmaxBackward0", torch.softmax(xg, 1).gradFn().name());
        assertEquals("LogSoftmaxBackward0", torch.logSoftmax(xg, -1).gradFn().name());
        assertEquals("tensor([0., 0., 1.])", torch.tensor(new double[] {-1000, 0, 1000}).softmax(0).toString());
        assertEquals("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'", assertThrows(
                UnsupportedOperationException.class, () -> torch.tensor(new long[] {1, 2}).softmax(0)).getMessage());
        assertEquals("\"softmax_kernel_impl\" not implemented for 'Long'", assertThrows(
                UnsupportedOperationException.class,
                () -> torch.tensor(new long[][] {{1, 2}}).softmax(0)).getMessage());
        assertEquals("\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'", assertThrows(
                UnsupportedOperationException.class,
                () -> torch.tensor(new long[] {1, 2}).logSoftmax(0)).getMessage());
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", assertThrows(
                IndexOutOfBoundsException.class, () -> torch.tensor(new double[] {1, 2}).softmax(1)).getMessage());
    }

    @Test
    void oneHot_asPyTorch() {
        assertEquals("tensor([[1, 0, 0, 0],\n        [0, 0, 1, 0],\n        [0, 1, 0, 0]])",
                nn.functional.oneHot(torch.tensor(new long[] {0, 2, 1}), 4).toString());
        assertEquals("tensor([[1, 0, 0],\n        [0, 0, 1],\n        [0, 1, 0]])",
                nn.functional.oneHot(torch.tensor(new long[] {0, 2, 1})).toString());
        assertEquals("Class values must be smaller than num_classes.", assertThrows(IllegalArgumentException.class,
                () -> nn.functional.oneHot(torch.tensor(new long[] {0, 5}), 3)).getMessage());
        assertEquals("one_hot is only applicable to index tensor.", assertThrows(IllegalArgumentException.class,
                () -> nn.functional.oneHot(torch.tensor(new double[] {0, 2}), 3)).getMessage());
    }
}
