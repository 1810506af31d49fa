package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** View ops' argument errors against PyTorch 1.13.1's messages. */
class ViewOpsTest {
    @Test
    void select_indexOutOfRange_usesSelectsMessage() {
        Tensor z = torch.zeros(2, 3);
        assertEquals("select(): index 3 out of range for tensor of size [2, 3] at dimension 1",
                assertThrows(IndexOutOfBoundsException.class, () -> z.select(1, 3)).getMessage());
        assertEquals("select(): index -4 out of range for tensor of size [2, 3] at dimension 1",
                assertThrows(IndexOutOfBoundsException.class, () -> z.select(-1, -4)).getMessage());
        assertEquals("select() cannot be applied to a 0-dim tensor.",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.tensor(1.).select(0, 0)).getMessage());
    }

    @Test
    void select_viaIndexing_keepsIndexingsMessage() {
        Tensor z = torch.zeros(2, 3);
        assertEquals("index 3 is out of bounds for dimension 1 with size 3",
                assertThrows(IndexOutOfBoundsException.class, () -> z.index(":, 3")).getMessage());
        assertEquals("tensor([0., 0.])", z.select(1, -1).toString());
    }
}
