package jtorch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellHistoryTest {
    private static CellHistory filled() {
        CellHistory h = new CellHistory();
        String[] cells = {"1 + 1", "6 * 7", "x", "6 * 7", "print(x);"};
        for (int i = 0; i < cells.length; i++) {
            h.add(i + 1, cells[i], true);
        }
        h.setOutput(5, "");
        return h;
    }

    @Test
    void tail_returnsLastNTuples() {
        List<List<Object>> t = filled().tail(2, false);
        assertEquals(List.of(List.of(1, 4, "6 * 7"), List.of(1, 5, "print(x);")), t);
    }

    @Test
    void tail_withOutputPairsInputAndOutput() {
        assertEquals(List.of(1, 5, List.of("print(x);", "")), filled().tail(1, true).get(0));
    }

    @Test
    void range_isStartInclusiveStopExclusive() {
        assertEquals(List.of(List.of(1, 2, "6 * 7"), List.of(1, 3, "x")), filled().range(1, 2, 4, false));
    }

    @Test
    void search_globUniqueAndN() {
        CellHistory h = filled();
        assertEquals(2, h.search("6 ? 7", 0, false, false).size());
        assertEquals(1, h.search("6 ? 7", 0, true, false).size());
        assertEquals(1, h.search("*", 1, false, false).size());
        assertTrue(h.search("[0-9] + 1", 0, false, false).size() == 1);
    }

    @Test
    void source_findsStoredAndUnstoredCells() {
        CellHistory h = filled();
        h.add(6, "scratch", false);
        assertEquals("x", h.source(3).orElseThrow());
        assertEquals("scratch", h.source(6).orElseThrow());
    }
}
