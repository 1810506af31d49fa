package jtorch.kernel.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jtorch.kernel.Notebook;
import jtorch.kernel.NotebookHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress bars against a recording display host: what is shown, updated and finished. */
class ProgressBarTest {
    /** Every display and update as "display: text" / "update: text", and the HTML last shown. */
    private final List<String> events = new ArrayList<>();
    private String lastHtml;

    @BeforeEach
    void installHost() {
        Notebook.install(new NotebookHost() {
            @Override
            public String display(Object value) {
                record("display", value);
                return "id-1";
            }

            @Override
            public void updateDisplay(String displayId, Object value) {
                record("update", value);
            }

            @Override
            public void clearOutput(boolean wait) {
                events.add("clear");
            }
        });
        ProgressBar.cellStarting(true);
    }

    private void record(String what, Object value) {
        events.add(what + ": " + value);
        lastHtml = ((ProgressBar<?>) value).html();
    }

    @AfterEach
    void uninstall() {
        ProgressBar.cellFinished(false);
        Notebook.install(null);
    }

    @Test
    void trange_fullLoop_showsOnceAndEndsGreenAtTotal() {
        int sum = 0;
        for (int i : Plots.trange(5)) {
            sum += i;
        }
        assertEquals(10, sum);
        assertTrue(events.get(0).startsWith("display:   0%|          | 0/5 [00:00<?, ?it/s]"), events.get(0));
        String last = events.get(events.size() - 1);
        assertTrue(last.startsWith("update: 100%|\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588| 5/5 [00:00<00:00, "), last);
        assertTrue(lastHtml.contains("#4caf50") && lastHtml.contains("width:100.0%"), lastHtml);
    }

    @Test
    void tqdm_exceptionInTheLoop_cellEndMarksItInterrupted() {
        assertThrows(IllegalStateException.class, () -> {
            for (String s : Plots.tqdm(List.of("a", "b", "c", "d"), "train")) {
                if (s.equals("c")) {
                    throw new IllegalStateException("stop");
                }
            }
        });
        ProgressBar.cellFinished(true);
        String last = events.get(events.size() - 1);
        assertTrue(last.startsWith("update: train:  50%|\u2588\u2588\u2588\u2588\u2588     | 2/4 ["), last);
        assertTrue(last.endsWith("] interrupted"), last);
        assertTrue(lastHtml.contains("#e53935"), lastHtml);
        int before = events.size();
        ProgressBar.cellFinished(false);
        assertEquals(before, events.size(), "a finished bar is not shown again");
    }

    @Test
    void trange_terminalFrontend_printsTextLinesInstead() {
        ProgressBar.cellStarting(false);
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            for (int i : Plots.trange(3)) {
                assertTrue(i < 3);
            }
        } finally {
            System.setOut(saved);
        }
        assertEquals(List.of(), events, "nothing displayed");
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].startsWith("  0%|"));
        assertTrue(lines[1].startsWith("100%|"));
    }

    @Test
    void manual_updatesAndPostfix_readLikeTqdm() {
        ProgressBar<Void> bar = ProgressBar.manual(4, null);
        bar.setPostfix("loss", 0.123456, "acc", 1);
        bar.update(4);
        bar.close();
        String last = events.get(events.size() - 1);
        assertTrue(last.startsWith("update: 100%|"), last);
        assertTrue(last.endsWith(", loss=0.123, acc=1]"), last);
    }

    /** An iterable that is not a collection but knows its length, as a data loader does. */
    public static final class Batches implements Iterable<Integer> {
        @Override
        public java.util.Iterator<Integer> iterator() {
            return List.of(1, 2, 3).iterator();
        }

        public int len() {
            return 3;
        }
    }

    @Test
    void tqdm_iterableWithLen_knowsItsTotal() {
        for (int b : Plots.tqdm(new Batches())) {
            assertTrue(b > 0);
        }
        assertTrue(events.get(0).startsWith("display:   0%|          | 0/3 "), events.get(0));
    }

    @Test
    void tqdm_explicitTotal_isUsed() {
        Iterable<Integer> unsized = () -> List.of(1, 2).iterator();
        for (int b : Plots.tqdm(unsized, 2, "batches")) {
            assertTrue(b > 0);
        }
        assertTrue(events.get(events.size() - 1).startsWith("update: batches: 100%|"), events.get(events.size() - 1));
    }

    @Test
    void setPostfix_oddArguments_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgressBar.manual(1, null).setPostfix("loss"));
        assertEquals("setPostfix takes name, value pairs, got 1 arguments", e.getMessage());
    }

    @Test
    void format_unknownTotalAndSlowRates_readLikeTqdm() {
        ProgressFormat.State s = new ProgressFormat.State(null, 7, -1, 3.5, null, ProgressBar.Status.RUNNING);
        assertEquals("7it [00:03, 2.00it/s]", ProgressFormat.text(s));
        assertEquals("2.50s/it", ProgressFormat.rate(0.4));
        assertEquals("1:01:05", ProgressFormat.clock(3665));
    }
}
