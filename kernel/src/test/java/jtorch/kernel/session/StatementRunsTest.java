package jtorch.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementRunsTest {

    /** The pieces of {@code code}, one per line, as the splitter would give them. */
    private static List<Piece> lines(String code) {
        List<Piece> pieces = new java.util.ArrayList<>();
        int at = 0;
        for (String line : code.split("\n", -1)) {
            if (!line.isBlank()) {
                pieces.add(new Piece(line.strip(), at + line.indexOf(line.strip()), line.strip().endsWith(";")));
            }
            at += line.length() + 1;
        }
        return pieces;
    }

    @Test
    void isPlainStatement_callsAssignmentsAndLoops() {
        for (String s : new String[] {"print(x);", "x.add_(1);", "torch.manualSeed(0);", "w = w.sub(g);", "n += 2;",
                "i++;", "for (int i = 0; i < 3; i++) { print(i); }", "if (ok) print(1);", "System.out.println(1);",
                "// the shape, two ways\nprint(k.shape());", "/* see */ print(k);"}) {
            assertTrue(StatementRuns.isPlainStatement(new Piece(s, 0, s.endsWith(";"))), s);
        }
    }

    @Test
    void isPlainStatement_declarationsValuesAndOtherExpressions_no() {
        for (String s : new String[] {"var x = torch.ones(2);", "int n = 3;", "Tensor t = x;", "List<String> l = f();",
                "void f() {}", "class A {}", "import java.util.*;", "print(x)", "1 + 1;", "x;", "a == b;",
                "a[0] = 1;", "new A().run();"}) {
            assertFalse(StatementRuns.isPlainStatement(new Piece(s, 0, s.endsWith(";"))), s);
        }
    }

    @Test
    void of_runOfStatements_joinedOnTheirLinesBetweenDeclarations() {
        String code = "var p = f();\nprint(p);\n\nprint(p.add(1)); p.add_(2);\nvar q = p;\nprint(q);";
        List<StatementRuns.Step> steps = StatementRuns.of(code, lines(code));

        assertEquals(4, steps.size());
        StatementRuns.Step joined = steps.get(1);
        assertTrue(joined.joined());
        assertEquals("{ print(p);\n\nprint(p.add(1)); p.add_(2);\n}", joined.piece().source());
        assertEquals(code.indexOf("print(p);"), joined.piece().start());
        assertTrue(joined.piece().suppressed());
        assertEquals(2, joined.parts().size());
        assertFalse(steps.get(0).joined());
        assertFalse(steps.get(3).joined()); // a lone statement stays as it is
    }

    @Test
    void of_valueShownLast_staysItsOwnPiece() {
        String code = "print(a);\nprint(b);\nb.sum()";
        List<StatementRuns.Step> steps = StatementRuns.of(code, lines(code));

        assertEquals(2, steps.size());
        assertEquals("b.sum()", steps.get(1).piece().source());
    }
}
