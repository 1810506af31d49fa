package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodeAssistTest {
    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = new JShellSession();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void isComplete_classifiesCompleteIncompleteInvalid() {
        assertEquals("complete", session.isComplete("1 + 1"));
        assertEquals("invalid", session.isComplete("int 9x = 1;"));
        assertEquals("    ", session.isComplete("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void complete_membersOfSessionVariables() {
        session.evaluate(1, "var comp = torch.ones(2);", 0);
        Completion c = session.complete("int q = 1;\ncomp.unsq", 20);
        assertTrue(c.matches().contains("unsqueeze("), c.matches().toString());
        assertEquals(16, c.start());
        assertEquals(20, c.end());
    }

    @Test
    void complete_skipsTheInternalPackage() {
        Completion c = session.complete("jtorch.", 7);
        assertTrue(c.matches().contains("Tensor"), c.matches().toString());
        assertFalse(c.matches().stream().anyMatch(m -> m.startsWith("internal")), c.matches().toString());
        assertTrue(session.complete("jtorch.internal.for", 19).matches().isEmpty());
        assertTrue(session.complete("jtorch.internal.format.PythonFloatFormat.re", 43).matches().isEmpty());
    }

    @Test
    void documentation_skipsTheInternalPackage() {
        assertFalse(session.documentation("torch.ones", 10).isEmpty());
        assertTrue(session.documentation("jtorch.internal.format.PythonFloatFormat.repr", 44).isEmpty());
    }
}
