package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompileCacheTest {
    private static final CompileCache.Entry ENTRY = new CompileCache.Entry("REPL.$JShell$7", null, true, null);

    @Test
    void lookup_hitsTheExactSourceInTheSameEpoch() {
        CompileCache cache = new CompileCache();
        cache.put("x + 1", ENTRY);
        assertEquals(Optional.of(ENTRY), cache.lookup("x + 1"));
        assertTrue(cache.lookup("x + 2").isEmpty());
    }

    @Test
    void lookup_missesAfterInvalidate() {
        CompileCache cache = new CompileCache();
        cache.put("x + 1", ENTRY);
        cache.invalidate();
        assertTrue(cache.lookup("x + 1").isEmpty());
        cache.put("x + 1", ENTRY);
        assertEquals(Optional.of(ENTRY), cache.lookup("x + 1"));
    }

    @Test
    void lookup_missesAfterRemove() {
        CompileCache cache = new CompileCache();
        cache.put("x + 1", ENTRY);
        cache.remove("x + 1");
        assertTrue(cache.lookup("x + 1").isEmpty());
    }
}
