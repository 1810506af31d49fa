package jtorch.kernel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.Diagnostic;
import jtorch.kernel.session.JShellSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorFormatterTest {
    private static JShellSession session;
    private static final Map<Integer, String> SOURCES = new java.util.HashMap<>();
    private static ErrorFormatter formatter;

    @BeforeAll
    static void start() {
        session = new JShellSession();
        formatter = new ErrorFormatter(n -> Optional.ofNullable(SOURCES.get(n)), session::locate);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CellOutcome run(int cell, String code) {
        SOURCES.put(cell, code);
        session.beginCell();
        try {
            return session.evaluate(cell, code, 0);
        } finally {
            session.endCell();
        }
    }

    @Test
    void thrown_nullGradientPointsAtCellLineWithHint() {
        CellOutcome o = run(5, "var x1 = torch.ones(new int[]{2}, true);\nx1.grad().data()");
        ErrorFormatter.Report r = formatter.thrown(o.thrown());
        String text = ErrorFormatter.plain(r.traceback());
        assertEquals("NullPointerException", r.ename());
        assertTrue(r.evalue().contains("\"jtorch.Tensor.grad()\" is null"), r.evalue());
        assertTrue(text.contains("Cell In[5], line 2"), text);
        assertTrue(text.contains("----> 2 x1.grad().data()"), text);
        assertTrue(text.contains("Hint: grad() is null until backward()"), text);
        assertTrue(!text.contains("jdk.jshell") && !text.contains("jtorch.kernel") && !text.contains("reflect"), text);
    }

    @Test
    void thrown_stackOverflowCollapsesRepeatedFrames() {
        run(6, "int down(int n) {\n  return down(n + 1);\n}");
        CellOutcome o = run(7, "down(0)");
        ErrorFormatter.Report r = formatter.thrown(o.thrown());
        String text = ErrorFormatter.plain(r.traceback());
        assertEquals("StackOverflowError", r.ename());
        assertTrue(text.lines().count() < 25, text);
        assertTrue(text.contains("Cell In[6], line 2, in down"), text);
        assertTrue(text.contains("skipping similar frames: down at line 2"), text);
    }

    @Test
    void thrown_libraryErrorShowsPyTorchMessage() {
        CellOutcome o = run(8, "torch.ones(2, 3).add(torch.ones(4))");
        ErrorFormatter.Report r = formatter.thrown(o.thrown());
        assertEquals("IllegalArgumentException", r.ename());
        assertTrue(r.evalue().contains("(3)") && r.evalue().contains("(4)"), r.evalue());
        assertTrue(ErrorFormatter.plain(r.traceback()).contains("----> 1 torch.ones(2, 3).add(torch.ones(4))"));
    }

    @Test
    void compileError_putsCaretUnderTheSpan() {
        ErrorFormatter.Report r = formatter.compileError(9,
                List.of(new Diagnostic(true, "cannot find symbol: method nope()", 2, "s.nope()", 1, 6, List.of())));
        String text = ErrorFormatter.plain(r.traceback());
        assertEquals("CompileError", r.ename());
        assertTrue(text.contains("Cell In[9], line 2: error: cannot find symbol: method nope()"), text);
        assertTrue(text.contains("    s.nope()\n     ^^^^^"), text);
    }

    @Test
    void report_usesTheFormatterOfTheFailureKind() {
        CellOutcome compile = run(10, "int k = \"text\";");
        assertEquals("CompileError", formatter.report(10, compile).ename());
        CellOutcome thrown = run(11, "Integer.parseInt(\"x\")");
        assertEquals("NumberFormatException", formatter.report(11, thrown).ename());
    }

    @Test
    void compileError_showsTheCandidatesOfAnOverloadThatDoesNotApply() {
        CellOutcome o = run(12, "torch.ones(2).add(\"a\")");
        ErrorFormatter.Report r = formatter.report(12, o);
        String text = ErrorFormatter.plain(r.traceback());
        assertEquals("no suitable method found for add(java.lang.String)", r.evalue());
        assertTrue(text.contains("method jtorch.Tensor.add(jtorch.Tensor) is not applicable"), text);
    }

    @Test
    void thrown_causeCycleListsEachCauseOnce() {
        CellOutcome o = run(40, "var e1 = new RuntimeException(\"a\");\nvar e2 = new RuntimeException(\"b\", e1);\n"
                + "e1.initCause(e2);\nthrow e1;");
        ErrorFormatter.Report r = formatter.thrown(o.thrown());
        String text = ErrorFormatter.plain(r.traceback());
        assertEquals("a", r.evalue());
        assertEquals(1, text.split("Caused by RuntimeException: b", -1).length - 1, text);
        assertTrue(!text.contains("Caused by RuntimeException: a"), text);
    }

    @Test
    void thrown_getMessageThatThrowsIsReported() {
        CellOutcome o = run(41, "throw new RuntimeException() { public String getMessage() {"
                + " throw new IllegalStateException(\"no\"); } };");
        ErrorFormatter.Report r = formatter.thrown(o.thrown());
        assertEquals("(its getMessage() threw java.lang.IllegalStateException)", r.evalue());
    }
}
