package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintOptionsTest {

    @Test
    void defaults_matchPyTorch() {
        PrintOptions d = PrintOptions.defaults();
        assertEquals(4, d.precision());
        assertEquals(1000, d.threshold());
        assertEquals(3, d.edgeitems());
        assertEquals(80, d.linewidth());
        assertNull(d.sciMode());
        assertEquals("PrintOptions(precision=4, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None)",
                d.toString());
    }

    @Test
    void with_returnsChangedCopyAndLeavesOriginal() {
        PrintOptions d = PrintOptions.defaults();
        PrintOptions p = d.precision(2).linewidth(40).sciMode(true);
        assertEquals(2, p.precision());
        assertEquals(40, p.linewidth());
        assertEquals(Boolean.TRUE, p.sciMode());
        assertEquals(1000, p.threshold());
        assertEquals(4, d.precision());
        assertEquals(p, PrintOptions.defaults().sciMode(true).linewidth(40).precision(2));
        assertEquals(p.hashCode(), PrintOptions.defaults().sciMode(true).linewidth(40).precision(2).hashCode());
        assertNotEquals(d, p);
    }

    @Test
    void profile_shortAndFullAsPyTorch() {
        assertEquals(PrintOptions.defaults().precision(2).edgeitems(2), PrintOptions.profile("short"));
        PrintOptions full = PrintOptions.profile("full");
        assertEquals(Integer.MAX_VALUE, full.threshold());
        assertEquals(4, full.precision());
        assertEquals(3, full.edgeitems());
        assertTrue(full.toString().contains("threshold=inf"));
        assertSame(PrintOptions.defaults(), PrintOptions.profile("default"));
    }

    @Test
    void profile_unknownNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrintOptions.profile("long"));
        assertEquals("unknown print profile 'long'; expected one of 'default', 'short', 'full'", e.getMessage());
    }

    @Test
    void with_outOfRangeValuesAreRejected() {
        PrintOptions d = PrintOptions.defaults();
        assertEquals("print option precision must be at least 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> d.precision(-1)).getMessage());
        assertEquals("print option threshold must be at least 0, got -5",
                assertThrows(IllegalArgumentException.class, () -> d.threshold(-5)).getMessage());
        assertEquals("print option edgeitems must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> d.edgeitems(0)).getMessage());
        assertEquals("print option linewidth must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> d.linewidth(0)).getMessage());
    }

    @Test
    void setCurrent_replacesUntilReset() {
        try {
            PrintOptions.setCurrent(PrintOptions.profile("short"));
            assertEquals(2, PrintOptions.current().precision());
            assertThrows(NullPointerException.class, () -> PrintOptions.setCurrent(null));
        } finally {
            PrintOptions.reset();
        }
        assertSame(PrintOptions.defaults(), PrintOptions.current());
    }
}
