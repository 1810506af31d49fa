package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** The autograd API around gradients that the op catalog cannot record: {@code retains_grad}, tensor hooks. */
class AutogradHooksTest {

    @Test
    void retainsGrad_isTrueOnlyAfterRetainGradOfANonLeaf() {
        Tensor x = torch.ones(new int[] {3}, true);
        Tensor y = x.mul(2);
        assertFalse(y.retainsGrad());
        y.retainGrad();
        assertTrue(y.retainsGrad());
        assertFalse(x.retainsGrad());
        x.retainGrad();
        assertFalse(x.retainsGrad(), "a leaf keeps its gradient anyway: PyTorch leaves retains_grad False");
    }
}
