package jtorch.kernel.magics;

import java.io.PrintStream;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.JShellSession;

/** What a magic may use while the kernel runs it as part of a cell. */
public interface MagicContext {
    JShellSession session();

    /** Evaluates code of the current cell starting at its 0-based line {@code firstLine}. */
    CellOutcome evaluate(String code, int firstLine);

    /** The cell's standard output. */
    PrintStream out();
}
