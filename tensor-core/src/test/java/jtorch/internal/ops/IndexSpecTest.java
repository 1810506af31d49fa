package jtorch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jtorch.Slice;
import org.junit.jupiter.api.Test;

/** Python subscript text parsed into its normal form. */
class IndexSpecTest {

    @Test
    void parse_text_normalisesItems() {
        IndexSpec single = IndexSpec.parse(" 1 ");
        assertEquals(false, single.tuple);
        assertEquals(1L, single.items.get(0));
        IndexSpec tuple = IndexSpec.parse("0,");
        assertTrue(tuple.tuple);
        IndexSpec paren = IndexSpec.parse("(1, :)");
        assertTrue(paren.tuple);
        assertSame(Slice.all(), paren.items.get(1));
        assertEquals(Slice.of(-3, null), IndexSpec.parse("-3:").items.get(0));
        assertEquals(Slice.of(null, null, 3), IndexSpec.parse("::3").items.get(0));
        assertEquals(Slice.of(2, 8, 2), IndexSpec.parse("2 : 8 : 2").items.get(0));
        assertSame(Slice.ELLIPSIS, IndexSpec.parse("...").items.get(0));
        assertSame(Slice.NONE, IndexSpec.parse("None").items.get(0));
        assertEquals(Boolean.TRUE, IndexSpec.parse("True").items.get(0));
        assertTrue(IndexSpec.parse("()").items.isEmpty());
    }
}
