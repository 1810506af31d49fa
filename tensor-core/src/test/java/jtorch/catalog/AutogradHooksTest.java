package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import jtorch.RemovableHandle;
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

    @Test
    void registerHook_onALeaf_changesWhatGradAccumulates() {
        Tensor x = torch.ones(new int[] {2}, true);
        x.registerHook(g -> g.mul(3));
        List<String> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g.toString());
            return null;
        });
        x.mul(2).sum().backward();
        assertEquals(List.of("tensor([6., 6.])"), seen, "hooks run in registration order");
        assertEquals("tensor([6., 6.])", x.grad().toString());
    }

    @Test
    void registerHook_onANonLeaf_ordersWithRetainGrad() {
        Tensor x = torch.ones(new int[] {2}, true);
        Tensor y = x.mul(2);
        y.retainGrad();
        y.registerHook(g -> g.mul(10));
        y.sum().backward();
        assertEquals("tensor([1., 1.])", y.grad().toString(), "retain_grad registered first sees the original");
        assertEquals("tensor([20., 20.])", x.grad().toString());
        Tensor a = torch.ones(new int[] {2}, true);
        Tensor b = a.mul(2);
        b.registerHook(g -> g.mul(10));
        b.retainGrad();
        b.sum().backward();
        assertEquals("tensor([10., 10.])", b.grad().toString(), "retain_grad registered after sees the hook's");
    }

    @Test
    void registerHook_removed_runsNoMore() {
        Tensor x = torch.ones(new int[] {2}, true);
        RemovableHandle h = x.registerHook(g -> g.mul(100));
        h.remove();
        h.remove();
        x.mul(2).sum().backward();
        assertEquals("tensor([2., 2.])", x.grad().toString());
    }

    @Test
    void registerHook_badUseAndBadReplacements_failAsPyTorch() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> torch.ones(2).registerHook(g -> g));
        assertEquals("cannot register a hook on a tensor that doesn't require gradient", e.getMessage());
        Tensor x = torch.ones(new int[] {2}, true);
        x.registerHook(g -> torch.ones(3));
        e = assertThrows(IllegalStateException.class, () -> x.mul(2).sum().backward());
        assertEquals("hook '<lambda>' has changed the size of value", e.getMessage());
        Tensor y = torch.ones(new int[] {2}, true);
        y.registerHook(g -> g.toDouble());
        e = assertThrows(IllegalStateException.class, () -> y.mul(2).sum().backward());
        assertEquals("hook '<lambda>' has changed the type of value (was torch.FloatTensor got torch.DoubleTensor)",
                e.getMessage());
    }
}
