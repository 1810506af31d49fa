package jtorch.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import jtorch.kernel.magics.Magics;
import jtorch.kernel.magics.UsageError;
import jtorch.kernel.session.JShellSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellPipelineTest {
    private static JShellSession session;
    private static CellPipeline pipeline;
    private static int cell;

    @BeforeAll
    static void start() {
        session = new JShellSession();
        pipeline = new CellPipeline(session, new Magics(), new Help(session));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static String[] run(String code, CellPipeline.Result[] result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        session.beginCell();
        try {
            result[0] = pipeline.run(++cell, code, out);
        } finally {
            session.endCell();
        }
        return new String[] {bytes.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void run_timeLineMagicPrintsTimesAndKeepsValue() {
        CellPipeline.Result[] r = new CellPipeline.Result[1];
        String out = run("%time 21 * 2", r)[0];
        assertTrue(out.contains("Wall time:"), out);
        assertEquals(42, r[0].outcome().value());
    }

    @Test
    void run_timeCellMagicTimesTheBody() {
        CellPipeline.Result[] r = new CellPipeline.Result[1];
        String out = run("%%time\nint tm = 2;\ntm + 1", r)[0];
        assertTrue(out.contains("Wall time:"), out);
        assertEquals(3, r[0].outcome().value());
    }

    @Test
    void run_whosListsTensorsWithShapeDtypeGrad() {
        CellPipeline.Result[] r = new CellPipeline.Result[1];
        run("var w = torch.ones(new int[]{2, 3}, true);", r);
        String out = run("%whos", r)[0];
        assertTrue(out.contains("Variable"), out);
        assertTrue(out.contains("shape (2, 3), torch.float32, requires_grad=True"), out);
    }

    @Test
    void run_helpQueryReturnsAPageWithSignatureAndJavadoc() {
        CellPipeline.Result[] r = new CellPipeline.Result[1];
        run("?torch.zeros", r);
        assertEquals(1, r[0].pages().size());
        String page = r[0].pages().get(0);
        assertTrue(page.contains("zeros("), page);
        assertTrue(page.contains("Docstring:"), page);
    }

    @Test
    void run_unknownMagicIsAUsageError() {
        CellPipeline.Result[] r = new CellPipeline.Result[1];
        run("%nosuch 1", r);
        assertInstanceOf(UsageError.class, r[0].outcome().thrown());
    }

    @Test
    void run_codeAroundMagicsKeepsCellLineNumbers() {
        CellPipeline.Result[] r = new CellPipeline.Result[1];
        run("int before = 1;\n%whos\nString s = null;\ns.length()", r);
        assertInstanceOf(NullPointerException.class, r[0].outcome().thrown());
        assertEquals(4, session.locate(r[0].outcome().thrown().getStackTrace()[0]).orElseThrow().line());
    }
}
