package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeLogTest {
    @Test
    void unchangedSince_seesOnlyLaterChangesOfTheNames() {
        ChangeLog log = new ChangeLog();
        log.changed("a");
        long stamp = log.now();
        log.changed("b");
        assertTrue(log.unchangedSince(stamp, Set.of("a", "c")));
        assertFalse(log.unchangedSince(stamp, Set.of("a", "b")));
        log.changedEverything();
        assertFalse(log.unchangedSince(stamp, Set.of("c")));
    }
}
