package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSplitterTest {
    private static JShell shell;
    private static CellSplitter splitter;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void split_multipleSnippetsKeepTheirOffsets() {
        List<Piece> pieces = splitter.split("int a1 = 1;\n\n  a1 + 1");
        assertEquals(2, pieces.size());
        assertEquals(15, pieces.get(1).start());
        assertFalse(pieces.get(1).suppressed());
        assertTrue(pieces.get(0).suppressed());
    }

    @Test
    void split_commentAfterSemicolonStillSuppresses() {
        List<Piece> pieces = splitter.split("3 * 3; // nine");
        assertEquals(1, pieces.size());
        assertTrue(pieces.get(0).suppressed());
    }

    @Test
    void split_incompleteTailIsTheLastPiece() {
        List<Piece> pieces = splitter.split("int b1 = 1;\nfor (int i = 0; i < 3; i++) {");
        assertEquals(2, pieces.size());
        assertEquals(12, pieces.get(1).start());
    }

    @Test
    void split_rerunCellIsNotAnalysedAgain() {
        String cell = "int c1 = 1;\nc1 + 1";
        assertSame(splitter.split(cell), splitter.split(cell));
    }

    @Test
    void countLines_countsBreaksBeforeTheOffset() {
        assertEquals(0, CellSplitter.countLines("a\nb\nc", 1));
        assertEquals(2, CellSplitter.countLines("a\nb\nc", 5));
    }
}
