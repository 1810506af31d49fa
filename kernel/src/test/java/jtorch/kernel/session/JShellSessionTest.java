package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jtorch.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JShellSessionTest {
    private static JShellSession session;
    private static int cell;

    @BeforeAll
    static void start() {
        session = new JShellSession();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static CellOutcome run(String code) {
        session.beginCell();
        try {
            return session.evaluate(++cell, code, 0);
        } finally {
            session.endCell();
        }
    }

    @Test
    void evaluate_lastExpressionIsTheValue() {
        CellOutcome o = run("int a = 20;\na * 2 + 2");
        assertTrue(o.hasValue());
        assertEquals(42, o.value());
    }

    @Test
    void evaluate_trailingSemicolonSuppressesValue() {
        assertFalse(run("3 * 3;").hasValue());
        assertFalse(run("int unseen = 3;").hasValue());
    }

    @Test
    void evaluate_stateLivesAcrossCells() {
        run("var kept = torch.ones(2, 3);");
        CellOutcome o = run("kept");
        assertInstanceOf(Tensor.class, o.value());
        assertEquals("torch.Size([2, 3])", ((Tensor) o.value()).shape().toString());
    }

    @Test
    void evaluate_cachedSnippetSeesRedeclaredVariable() {
        run("int r = 1;");
        assertEquals(2, run("r + 1").value());
        assertEquals(2, run("r + 1").value()); // from the compile cache
        run("int r = 10;");
        assertEquals(11, run("r + 1").value());
        run("r = 20");
        assertEquals(21, run("r + 1").value());
    }

    @Test
    void evaluate_compileErrorMapsLineAndSpan() {
        CellOutcome o = run("int ok = 1;\nString s = \"x\";\ns.nope()");
        assertTrue(o.isCompileError());
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(3, d.line());
        assertEquals("s.nope()", d.sourceLine());
        assertTrue(d.sourceLine().substring(d.startColumn(), d.endColumn()).contains("nope"));
    }

    @Test
    void evaluate_runtimeErrorIsTheRealThrowableLocatedInTheCell() {
        CellOutcome o = run("var x1 = torch.ones(new int[]{2}, true);\n\nx1.grad().data()");
        assertInstanceOf(NullPointerException.class, o.thrown());
        StackTraceElement top = o.thrown().getStackTrace()[0];
        assertEquals(Optional.of(new CellLocation(cell, 3)), session.locate(top));
    }

    @Test
    void evaluate_errorInsideEarlierMethodPointsAtItsCell() {
        run("int boom(int n) {\n  int k = n;\n  return 10 / k;\n}");
        int defined = cell;
        CellOutcome o = run("boom(0)");
        assertInstanceOf(ArithmeticException.class, o.thrown());
        assertEquals(Optional.of(new CellLocation(defined, 3)), session.locate(o.thrown().getStackTrace()[0]));
    }

    @Test
    void evaluate_systemExitIsBlocked() {
        CellOutcome o = run("System.exit(4);");
        assertInstanceOf(SystemExit.class, o.thrown());
        assertEquals(4, ((SystemExit) o.thrown()).status());
        assertEquals(5, run("5").value());
    }

    @Test
    void evaluate_stackOverflowIsAnOutcome() {
        run("int deep(int n) { return deep(n + 1); }");
        assertInstanceOf(StackOverflowError.class, run("deep(0)").thrown());
    }

    @Test
    void interrupt_stopsRunawayLoopWithinASecond() throws Exception {
        run("int before = 7;");
        session.beginCell();
        CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> session.evaluate(++cell, "while (true) {}", 0));
        Thread.sleep(500);
        long t0 = System.nanoTime();
        session.interrupt();
        CellOutcome o = running.get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        session.endCell();
        assertInstanceOf(KeyboardInterrupt.class, o.thrown());
        assertTrue(ms < 1000, "took " + ms + " ms");
        assertEquals(7, run("before").value());
    }

    @Test
    void variables_listsUserVariablesWithValues() {
        run("double listed = 2.5;");
        assertTrue(session.variables().stream().anyMatch(v -> v.name().equals("listed") && Double.valueOf(2.5).equals(v.value())));
        assertTrue(session.variables().stream().noneMatch(v -> v.name().startsWith("$")));
    }
}
