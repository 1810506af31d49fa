package jtorch.kernel.magics;

import jtorch.kernel.session.CellOutcome;

/**
 * A magic command: {@code %name args} on a line of its own (line magic) or {@code %%name args} as
 * the first line of a cell (cell magic, the rest of the cell is its body). One class per magic.
 */
public interface Magic {
    String name();

    /** Runs {@code %name args}; {@code line} is its 0-based line in the cell. */
    default CellOutcome line(MagicContext context, String args, int line) {
        throw new UsageError("%" + name() + " is a cell magic: use %%" + name() + " on the cell's first line");
    }

    /** Runs {@code %%name args} with the cell's {@code body}, which starts at 0-based line {@code bodyLine}. */
    default CellOutcome cell(MagicContext context, String args, String body, int bodyLine) {
        throw new UsageError("%%" + name() + " is not a cell magic: use %" + name() + " on a line");
    }
}
