package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Comparisons against PyTorch 1.13.1's printed results (cases recorded in golden/extra-cases.jsonl). */
class ComparisonsTest {
    @Test
    void compare_scalarWrapsToIntegerDtype() {
        Tensor u = torch.tensor(new long[] {255, 1}, torch.uint8);
        assertEquals("tensor([ True, False])", u.eq(-1).toString());
        assertEquals("tensor([False,  True])", u.ne(-1).toString());
        assertEquals("tensor([False, False,  True])",
                torch.tensor(new long[] {0, 200, 255}, torch.uint8).gt(-2).toString());
        assertEquals("tensor([ True, False])", torch.tensor(new long[] {-24, 100}, torch.int8).eq(1000).toString());
        assertEquals("tensor([ True, False])", u.eq(torch.tensor(-1)).toString());
    }

    @Test
    void compare_scalarRoundsToFloatingDtype() {
        assertEquals("tensor([ True, False])",
                torch.tensor(new double[] {0.1, 0.2}, torch.float16).eq(0.1).toString());
        assertEquals("tensor([ True, False])", torch.tensor(new double[] {0.1, 0.2}).eq(0.1).toString());
        assertEquals("tensor([False,  True])", torch.tensor(new double[] {0.1, 0.2}).gt(0.1).toString());
    }

    @Test
    void compare_promotingScalarKeepsItsValue() {
        assertEquals("tensor([ True,  True, False])", torch.tensor(new long[] {1, 2, 3}).lt(2.5).toString());
        assertEquals("tensor([False,  True])", torch.tensor(new long[] {255, 1}, torch.uint8).lt(1.5).toString());
    }
}
