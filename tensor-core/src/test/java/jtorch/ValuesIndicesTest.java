package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The (values, indices) named tuple; expected texts printed by PyTorch 1.13.1. */
class ValuesIndicesTest {
    @Test
    void get_indexesLikeAPythonTuple() {
        ValuesIndices m = torch.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}).max(1);
        assertSame(m.values(), m.get(0));
        assertSame(m.indices(), m.get(-1));
        assertEquals("tensor([2, 2])", m.get(1).toString());
        assertEquals("(tensor([3., 6.]), tensor([2, 2]))", m.toList().toString());
        assertEquals("tuple index out of range",
                assertThrows(IndexOutOfBoundsException.class, () -> m.get(2)).getMessage());
    }

    @Test
    void toString_namesTheOpAndKeepsTensorLayout() {
        ValuesIndices s = torch.tensor(new long[][] {{3, 1}, {2, 4}}).sort(0, true);
        assertEquals("torch.return_types.sort(\nvalues=tensor([[3, 4],\n        [2, 1]]),\nindices=tensor([[0, 1],\n        [1, 0]]))",
                s.toString());
        assertEquals("sort", s.op());
        assertEquals(2, s.size());
    }
}
