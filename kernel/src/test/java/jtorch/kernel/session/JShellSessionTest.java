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
    void evaluate_runOfStatements_compilesOnceAndRunsInOrder() {
        run("var joinedList = new java.util.ArrayList<Integer>();");
        String statements = "// the comments above a statement belong to it\njoinedList.add(1);\njoinedList.add(2); joinedList.add(3);";
        long before = session.compiles();
        run(statements);
        assertEquals(before + 1, session.compiles());
        assertEquals("[1, 2, 3]", run("joinedList").value().toString());
        long again = session.compiles();
        run(statements);
        assertEquals(again, session.compiles()); // a re-run comes from the compile cache
        assertEquals("[1, 2, 3, 1, 2, 3]", run("joinedList").value().toString());
    }

    @Test
    void evaluate_runOfStatementsThrowing_pointsAtTheThrowingLineAndRunsNoFurther() {
        CellOutcome o = run("var joinedT = torch.ones(2);\njoinedT.add_(1);\n\njoinedT.view(5);\njoinedT.add_(1);");
        assertTrue(o.isThrown());
        Optional<CellLocation> at = java.util.Arrays.stream(o.thrown().getStackTrace()).map(session::locate)
                .flatMap(Optional::stream).findFirst();
        assertEquals(Optional.of(new CellLocation(cell, 4)), at);
        assertEquals(4.0, ((Tensor) run("joinedT.sum()").value()).item());
    }

    @Test
    void evaluate_runOfStatementsWithACompileError_readsAsWithoutJoining() {
        run("var joinedC = new java.util.ArrayList<Integer>();");
        CellOutcome o = run("joinedC.add(1);\njoinedC.nope();\njoinedC.add(3);");
        assertTrue(o.isCompileError());
        assertEquals(2, o.diagnostics().get(0).line());
        assertEquals("joinedC.nope();", o.diagnostics().get(0).sourceLine());
        assertEquals("[1]", run("joinedC").value().toString()); // the statement before the mistake ran
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
    void interrupt_stopsALoopRunFromTheCompileCache() throws Exception {
        run("boolean spinForever = false;");
        String loop = "while (spinForever) {}";
        run(loop);
        run("spinForever = true;");
        long compiled = session.compiles();
        session.beginCell();
        CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> session.evaluate(++cell, loop, 0));
        Thread.sleep(500);
        session.interrupt();
        CellOutcome o = running.get(5, TimeUnit.SECONDS);
        session.endCell();
        assertInstanceOf(KeyboardInterrupt.class, o.thrown());
        assertEquals(compiled, session.compiles());
        run("spinForever = false;");
    }

    @Test
    void variables_listsUserVariablesWithValues() {
        run("double listed = 2.5;");
        assertTrue(session.variables().stream().anyMatch(v -> v.name().equals("listed") && Double.valueOf(2.5).equals(v.value())));
        assertTrue(session.variables().stream().noneMatch(v -> v.name().startsWith("$")));
    }

    @Test
    void evaluate_rerunOfAnUnchangedDeclarationAssignsTheSameVariable() {
        run("int calls = 0;\nint bump() { return ++calls; }");
        run("var bumped = bump();");
        run("int readBumped() { return bumped; }");
        run("var bumped = bump();");
        assertEquals(2, run("bumped").value());
        assertEquals(2, run("readBumped()").value());
        run("var bumped = bump();");
        assertEquals(3, run("readBumped()").value());
    }

    @Test
    void evaluate_rerunAfterAChangedTypeRedeclares() {
        run("var base = 1;");
        run("var derived = base;");
        run("var base = 1.5;");
        run("var derived = base;");
        assertEquals(1.5, run("derived").value());
        run("var derived = \"text\";");
        assertEquals(4, run("derived.length()").value());
    }

    @Test
    void evaluate_rerunOfADeclarationWithoutInitializerResetsIt() {
        run("int reset;");
        run("reset = 5;");
        run("int reset;");
        assertEquals(0, run("reset").value());
    }

    @Test
    void evaluate_rerunOfAnUnchangedMethodMapsItsFramesToTheNewCell() {
        String source = "int divide(int n) {\n  return 10 / n;\n}";
        run(source);
        run(source);
        int rerunCell = cell;
        CellOutcome o = run("divide(0)");
        assertInstanceOf(ArithmeticException.class, o.thrown());
        assertEquals(Optional.of(new CellLocation(rerunCell, 2)), session.locate(o.thrown().getStackTrace()[0]));
        run("int divide(int n) {\n  return 100 / n;\n}");
        assertEquals(50, run("divide(2)").value());
    }

    @Test
    void evaluate_rerunOfAThrowingDeclarationPointsAtItsNewCell() {
        run("int zero = 1;");
        run("var quotient = 10 / zero;");
        run("zero = 0;");
        CellOutcome o = run("int pad = 0;\nvar quotient = 10 / zero;");
        assertInstanceOf(ArithmeticException.class, o.thrown());
        assertEquals(Optional.of(new CellLocation(cell, 2)), session.locate(o.thrown().getStackTrace()[0]));
    }

    @Test
    void evaluate_rerunAfterARecordIsRedeclaredSeesTheNewRecord() {
        run("record Pair(int a, int b) {}\nvar pair = new Pair(1, 2);");
        run("record Pair(int a, int b) { int sum() { return a + b; } }");
        run("var pair = new Pair(1, 2);");
        assertEquals(3, run("pair.sum()").value());
    }

    @Test
    void evaluate_cachedExpressionSurvivesUnrelatedDeclarations() {
        run("int kept1 = 4;");
        assertEquals(5, run("kept1 + 1").value());
        run("int unrelated1 = 9;");
        assertEquals(5, run("kept1 + 1").value());
        run("int kept1 = 40;");
        assertEquals(41, run("kept1 + 1").value());
    }

    @Test
    void evaluate_importInvalidatesCachedCode() {
        run("class List2 {}");
        assertEquals("ok", run("\"ok\"").value());
        run("import java.util.concurrent.atomic.*;");
        assertEquals(1, run("new AtomicInteger(1).get()").value());
    }

    @Test
    void evaluate_rerunOfAnUnchangedCellCompilesNothing() {
        String course = "var rx1 = torch.tensor(1.0, true);\nvar rx2 = torch.tensor(2.0, true);\n"
                + "var ry = rx1.add(torch.mul(2, rx2));\nry.backward();\nrx1.grad()";
        run(course);
        run(course);
        long before = session.compiles();
        CellOutcome o = run(course);
        assertEquals(before, session.compiles());
        assertEquals("tensor(1.)", o.value().toString()); // a fresh rx1 each run, as in PyTorch
        String methodAndRecord = "int twice(int v) { return 2 * v; }\nrecord Dot(int x) {}\ntwice(new Dot(4).x())";
        run(methodAndRecord);
        run(methodAndRecord);
        assertEquals(8, run(methodAndRecord).value());
    }

    @Test
    void evaluate_rerunOfAnUnchangedRecordKeepsItsClass() {
        run("record Tag(String s) {}");
        run("var tag = new Tag(\"a\");");
        long before = session.compiles();
        run("record Tag(String s) {}");
        assertEquals(before, session.compiles());
        assertEquals(true, run("new Tag(\"a\").equals(tag)").value());
    }

    @Test
    void evaluate_rerunOfAnUnchangedClassKeepsItsStaticStateAsJShellDoes() {
        String counter = "class Counter {\n  static int n;\n}";
        run(counter);
        run("Counter.n = 5;");
        run(counter);
        assertEquals(5, run("Counter.n").value());
        run(counter);
        assertEquals(5, run("Counter.n").value());
        run("class Counter {\n  static int n = 1;\n}");
        assertEquals(1, run("Counter.n").value());
    }

    @Test
    void evaluate_rerunOfASelfReferringDeclarationReadsTheVariableAsJShellDoes() {
        run("int self = 5;");
        run("int self = self + 1;"); // a new variable: reads its own default 0
        assertEquals(1, run("self").value());
        run("int self = self + 1;"); // the same declaration again: JShell keeps the variable
        assertEquals(2, run("self").value());
        run("int self = self + 1;");
        assertEquals(3, run("self").value());
    }

    @Test
    void evaluate_rerunOfAnUnchangedImportKeepsCachedCode() {
        run("import java.util.function.*;");
        run("int keptAfterImport = 2;");
        run("keptAfterImport * 2");
        run("import java.util.function.*;");
        long before = session.compiles();
        assertEquals(4, run("keptAfterImport * 2").value());
        assertEquals(before, session.compiles());
    }

    @Test
    void evaluate_declarationCallingAMissingOverloadIsACompileErrorOnItsLine() {
        run("int square(int x) { return x * x; }");
        CellOutcome o = run("// a model\nclass Squarer {\n  int run() { return square(1, 2); }\n}");
        assertTrue(o.isCompileError());
        Diagnostic d = o.diagnostics().get(0);
        assertEquals(3, d.line());
        assertTrue(d.message().startsWith("method square cannot be applied to given types"), d.message());
    }

    @Test
    void evaluate_useOfABrokenDeclarationNamesWhatIsMissingAndWhere() {
        run("int cube(int x) { return x * x * x; }");
        run("// helper\nint twoCubes() {\n  return cube(1, 2);\n}");
        int declared = cell;
        CellOutcome o = run("twoCubes()");
        assertInstanceOf(UnresolvedReference.class, o.thrown());
        assertTrue(o.thrown().getMessage().startsWith("method twoCubes() cannot be used: method cube cannot be applied"),
                o.thrown().getMessage());
        assertTrue(o.thrown().getMessage().endsWith("(Cell In[" + declared + "], line 3)"), o.thrown().getMessage());
    }

    @Test
    void evaluate_forwardReferenceStaysAccepted() {
        assertFalse(run("int early() { return lateHelper() * 2; }").failed());
        assertEquals("method early() cannot be used until method lateHelper() is declared",
                run("early()").thrown().getMessage());
        run("int lateHelper() { return 21; }");
        assertEquals(42, run("early()").value());
    }
}
