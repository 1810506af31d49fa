package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompileCacheTest {
    private static final CompileCache.Entry ENTRY =
            new CompileCache.Entry(CompileCache.Rerun.CODE, "REPL.$JShell$7", null, true, null);

    @Test
    void lookup_hitsTheExactSourceWhileItsNamesAreUnchanged() {
        ChangeLog changes = new ChangeLog();
        CompileCache cache = new CompileCache(changes);
        cache.put("x + 1", ENTRY);
        changes.changed("y");
        assertEquals(Optional.of(ENTRY), cache.lookup("x + 1"));
        assertTrue(cache.lookup("x + 2").isEmpty());
    }

    @Test
    void lookup_missesOnceANameItMentionsChanged() {
        ChangeLog changes = new ChangeLog();
        CompileCache cache = new CompileCache(changes);
        cache.put("x + 1", ENTRY);
        changes.changed("x");
        assertTrue(cache.lookup("x + 1").isEmpty());
        cache.put("x + 1", ENTRY);
        assertEquals(Optional.of(ENTRY), cache.lookup("x + 1"));
    }

    @Test
    void lookup_missesAfterAChangeOfEverything() {
        ChangeLog changes = new ChangeLog();
        CompileCache cache = new CompileCache(changes);
        cache.put("x + 1", ENTRY);
        changes.changedEverything();
        assertTrue(cache.lookup("x + 1").isEmpty());
    }

    @Test
    void put_ignoresSourcesWhoseNamesCannotBeJudged() {
        CompileCache cache = new CompileCache(new ChangeLog());
        cache.put("$1 + 1", ENTRY);
        cache.put("\\u0078 + 1", ENTRY);
        assertTrue(cache.lookup("$1 + 1").isEmpty());
        assertTrue(cache.lookup("\\u0078 + 1").isEmpty());
    }

    @Test
    void lookup_missesAfterRemove() {
        CompileCache cache = new CompileCache(new ChangeLog());
        cache.put("x + 1", ENTRY);
        cache.remove("x + 1");
        assertTrue(cache.lookup("x + 1").isEmpty());
    }
}
