package jtorch.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jtorch.kernel.magics.Magic;
import jtorch.kernel.magics.MagicContext;
import jtorch.kernel.magics.Magics;
import jtorch.kernel.magics.UsageError;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.JShellSession;

/**
 * Runs one cell as magics → evaluate: a leading {@code %%name} line hands the whole cell to that
 * cell magic; otherwise each {@code %name ...} line and each help query ({@code ?x}, {@code x?})
 * is a step of its own, and the Java code between them is evaluated in order, with line numbers
 * kept relative to the cell. The first failing step ends the cell.
 */
final class CellPipeline {
    /** The cell's final outcome and the help pages it asked for (pager payloads). */
    record Result(CellOutcome outcome, List<String> pages) {}

    private final JShellSession session;
    private final Magics magics;
    private final Help help;

    CellPipeline(JShellSession session, Magics magics, Help help) {
        this.session = session;
        this.magics = magics;
        this.help = help;
    }

    Result run(int cell, String code, PrintStream out) {
        List<String> pages = new ArrayList<>();
        MagicContext context = new MagicContext() {
            @Override
            public JShellSession session() {
                return session;
            }

            @Override
            public CellOutcome evaluate(String source, int firstLine) {
                return session.evaluate(cell, source, firstLine);
            }

            @Override
            public PrintStream out() {
                return out;
            }
        };
        String[] lines = code.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].strip().startsWith("%%")) {
            String[] nameArgs = Magics.split(lines[first].strip().substring(2));
            String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
            int bodyLine = first + 1;
            return new Result(guard(() -> magic(nameArgs[0], true).cell(context, nameArgs[1], body, bodyLine)), pages);
        }

        CellOutcome outcome = CellOutcome.none();
        StringBuilder chunk = new StringBuilder();
        int chunkLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            boolean end = i == lines.length;
            String line = end ? "" : lines[i];
            Optional<String> query = end ? Optional.empty() : Help.query(line);
            boolean magicLine = !end && isMagicLine(line);
            if (end || query.isPresent() || magicLine) {
                if (!chunk.toString().isBlank()) {
                    outcome = session.evaluate(cell, chunk.toString(), chunkLine);
                    if (outcome.failed()) {
                        return new Result(outcome, pages);
                    }
                }
                chunk.setLength(0);
                chunkLine = i + 1;
                if (query.isPresent()) {
                    String name = query.get();
                    pages.add(help.about(name).orElse("Object `" + name + "` not found."));
                    outcome = CellOutcome.none();
                } else if (magicLine) {
                    int at = i;
                    String[] nameArgs = Magics.split(line.strip().substring(1));
                    outcome = guard(() -> magic(nameArgs[0], false).line(context, nameArgs[1], at));
                    if (outcome.failed()) {
                        return new Result(outcome, pages);
                    }
                }
            } else {
                if (chunk.length() == 0) {
                    chunkLine = i;
                } else {
                    chunk.append('\n');
                }
                chunk.append(line);
            }
        }
        return new Result(outcome, pages);
    }

    private static boolean isMagicLine(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '%' && Character.isLetter(s.charAt(1));
    }

    private Magic magic(String name, boolean cellMagic) {
        return magics.get(name).orElseThrow(() -> new UsageError(
                (cellMagic ? "Cell" : "Line") + " magic function `" + (cellMagic ? "%%" : "%") + name + "` not found."));
    }

    private static CellOutcome guard(java.util.function.Supplier<CellOutcome> step) {
        try {
            return step.get();
        } catch (RuntimeException ex) {
            return CellOutcome.thrown(ex);
        }
    }
}
