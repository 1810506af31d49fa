package jtorch.kernel.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import jtorch.kernel.DisplayId;
import jtorch.kernel.Notebook;
import jtorch.kernel.render.PyRepr;

/**
 * tqdm for the notebook: iterating over it shows a bar with the count, the rate and the time left,
 * updated in place (at most every 0.1 s, and at the end). Where the frontend cannot update an
 * output in place (a terminal such as {@code jupyter console}), it prints plain text lines instead,
 * at most one a second. A bar still running when its cell ends (an interrupt, an exception, a
 * {@code break}) is finished then: red and marked "interrupted" when the cell failed.
 *
 * <p>Invariants: the bar is shown once, on the first {@link #iterator()} or {@link #update};
 * {@code n} only grows; after {@link #close()} nothing is published any more.
 */
public final class ProgressBar<T> implements Iterable<T>, AutoCloseable {
    /** Where a bar is: still counting, finished, or stopped before its total. */
    enum Status {
        RUNNING, DONE, STOPPED
    }

    private static final long MIN_INTERVAL_NS = 100_000_000L;
    private static final long TEXT_INTERVAL_NS = 1_000_000_000L;
    private static final List<ProgressBar<?>> OPEN = new ArrayList<>();
    private static volatile boolean textOnly;

    private final Iterable<T> items;
    private final long total;
    private String desc;
    private String postfix;
    private long n;
    private long started;
    private long lastShown;
    private long ended;
    private DisplayId shown;
    private Status status = Status.RUNNING;
    private boolean open;

    private ProgressBar(Iterable<T> items, long total, String desc) {
        this.items = items;
        this.total = total;
        this.desc = desc;
    }

    static <T> ProgressBar<T> over(Iterable<T> items, String desc) {
        if (items == null) {
            throw new IllegalArgumentException("tqdm needs something to iterate over, got null");
        }
        return new ProgressBar<>(items, sizeOf(items), desc);
    }

    /** {@code tqdm(iterable, total=n, desc=...)}: for iterables that do not know their length. */
    static <T> ProgressBar<T> over(Iterable<T> items, long total, String desc) {
        if (items == null) {
            throw new IllegalArgumentException("tqdm needs something to iterate over, got null");
        }
        return new ProgressBar<>(items, total, desc);
    }

    /**
     * tqdm's {@code len(iterable)}: a collection's size, else what a public no-argument
     * {@code len()} or {@code size()} returns (a data loader's number of batches); -1 when unknown.
     */
    private static long sizeOf(Iterable<?> items) {
        if (items instanceof Collection) {
            return ((Collection<?>) items).size();
        }
        for (String name : new String[] {"len", "size"}) {
            try {
                Object n = items.getClass().getMethod(name).invoke(items);
                if (n instanceof Integer || n instanceof Long) {
                    return ((Number) n).longValue();
                }
            } catch (ReflectiveOperationException | RuntimeException ex) {
                // no such method, or not callable: try the next name
            }
        }
        return -1;
    }

    static ProgressBar<Integer> range(int start, int stop, String desc) {
        Iterable<Integer> numbers = () -> IntStream.range(start, stop).iterator();
        return new ProgressBar<>(numbers, Math.max(0, stop - start), desc);
    }

    /** A bar for counting by hand with {@link #update(long)}: {@code tqdm(total=n)}. */
    public static ProgressBar<Void> manual(long total, String desc) {
        return new ProgressBar<>(List.of(), total, desc);
    }

    /** The kernel calls this before each cell: whether this cell's frontend can update outputs in place. */
    public static void cellStarting(boolean updatesInPlace) {
        textOnly = !updatesInPlace;
    }

    /** The kernel calls this after each cell: bars left running are finished (stopped when the cell failed). */
    public static void cellFinished(boolean failed) {
        List<ProgressBar<?>> left;
        synchronized (OPEN) {
            left = new ArrayList<>(OPEN);
        }
        for (ProgressBar<?> bar : left) {
            bar.finish(failed || bar.total > 0 && bar.n < bar.total ? Status.STOPPED : Status.DONE);
        }
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> inner = items.iterator();
        start();
        return new Iterator<>() {
            /** An item was handed out and its step is not counted yet (tqdm counts a step when it is done). */
            private boolean pending;

            @Override
            public boolean hasNext() {
                boolean more = inner.hasNext();
                if (!more) {
                    countPending();
                    close();
                }
                return more;
            }

            @Override
            public T next() {
                countPending();
                T item = inner.next();
                pending = true;
                return item;
            }

            private void countPending() {
                if (pending) {
                    pending = false;
                    update(1);
                }
            }
        };
    }

    /** {@code bar.update(k)}: counts {@code k} more steps. */
    public synchronized void update(long k) {
        start();
        n += k;
        refresh(false);
    }

    /** {@code bar.set_description(text)}. */
    public synchronized ProgressBar<T> setDescription(String text) {
        this.desc = text;
        return this;
    }

    /**
     * {@code bar.set_postfix(loss=0.12)}: name/value pairs shown after the rate, e.g.
     * {@code setPostfix("loss", loss.doubleValue())}; floats as tqdm writes them.
     */
    public synchronized ProgressBar<T> setPostfix(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("setPostfix takes name, value pairs, got " + namesAndValues.length + " arguments");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            String text = v instanceof Double || v instanceof Float
                    ? String.format(Locale.ROOT, "%.3g", ((Number) v).doubleValue()) : PyRepr.str(v);
            sb.append(i > 0 ? ", " : "").append(namesAndValues[i]).append('=').append(text);
        }
        this.postfix = sb.toString();
        return this;
    }

    /** Finishes the bar: its last state is shown (green when the total was reached). */
    @Override
    public void close() {
        finish(total > 0 && n < total ? Status.STOPPED : Status.DONE);
    }

    private synchronized void start() {
        if (open || status != Status.RUNNING) {
            return;
        }
        open = true;
        started = System.nanoTime();
        lastShown = started;
        synchronized (OPEN) {
            OPEN.add(this);
        }
        if (textOnly) {
            System.out.println(this);
        } else {
            shown = Notebook.display(this);
        }
    }

    private synchronized void finish(Status end) {
        if (!open) {
            return;
        }
        status = end;
        ended = System.nanoTime();
        refresh(true);
        open = false;
        synchronized (OPEN) {
            OPEN.remove(this);
        }
    }

    private void refresh(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastShown < (textOnly ? TEXT_INTERVAL_NS : MIN_INTERVAL_NS)) {
            return;
        }
        lastShown = now;
        if (textOnly || shown == null) {
            System.out.println(this);
        } else {
            Notebook.updateDisplay(shown, this);
        }
    }

    synchronized ProgressFormat.State state() {
        double elapsed = !open && status == Status.RUNNING ? 0 : ((status == Status.RUNNING ? System.nanoTime() : ended) - started) / 1e9;
        return new ProgressFormat.State(desc, n, total, elapsed, postfix, status);
    }

    /** The HTML bar of the current state. */
    String html() {
        return ProgressFormat.html(state());
    }

    /** tqdm's text line of the current state. */
    @Override
    public String toString() {
        return ProgressFormat.text(state());
    }
}
