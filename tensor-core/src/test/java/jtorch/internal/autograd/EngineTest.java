package jtorch.internal.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jtorch.Tensor;
import jtorch.TestAccess;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** The backward engine's bookkeeping in the graph nodes. */
class EngineTest {
    @Test
    void engine_clearsScratchStateAfterAFailure() {
        Tensor x = torch.tensor(new double[] {1, 2, 3}, true);
        Tensor y = x.exp();
        Tensor loss = y.sum();
        y.add_(1);
        assertThrows(IllegalStateException.class, loss::backward);
        Node sum = Autograd.gradFn(TestAccess.impl(loss));
        assertNull(sum.pass);
        assertNull(sum.buffer);
        x.mul(2).sum().backward();
        assertEquals("tensor([2., 2., 2.])", x.grad().toString());
    }

}
