package jtorch.kernel.protocol;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;

/**
 * The process's standard streams while the kernel serves: {@code System.out}/{@code System.err}
 * become batched {@code stream} messages ({@link StreamCapture}), published by a timer every
 * {@value #FLUSH_MS} ms and by {@link #flush()} before every other output of a cell;
 * {@code System.in} reads through input_request.
 */
public final class CellStreams implements AutoCloseable {
    private static final long FLUSH_MS = 40;

    private final StreamCapture stdout;
    private final StreamCapture stderr;
    private final PrintStream out;
    private final PrintStream err;
    private final JupyterInputStream stdin = new JupyterInputStream(StandardCharsets.UTF_8);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-flusher");
        t.setDaemon(true);
        return t;
    });

    public CellStreams(Publisher publisher) {
        this.stdout = new StreamCapture(false, publisher::stream);
        this.stderr = new StreamCapture(true, publisher::stream);
        this.out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.err = new PrintStream(stderr, false, StandardCharsets.UTF_8);
    }

    /** Replaces {@code System.out}, {@code System.err} and {@code System.in}, and starts the flush timer. */
    public void install() {
        restore();
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Puts the kernel's streams back where a cell replaced them ({@code System.setOut(...)},
     * {@code System.setErr(null)}): a cell may redirect its own output, the next cell gets the
     * notebook's streams again (and the compiler, which writes to {@code System.err}, keeps working).
     */
    public void restore() {
        if (System.out != out) {
            System.setOut(out);
        }
        if (System.err != err) {
            System.setErr(err);
        }
        if (System.in != stdin) {
            System.setIn(stdin);
        }
    }

    /** The cells' standard output. */
    public PrintStream out() {
        return out;
    }

    /** The cells' standard input (enabled per request). */
    public JupyterInputStream stdin() {
        return stdin;
    }

    /** Publishes whatever output is pending. */
    public void flush() {
        try {
            out.flush();
            stdout.flushNow();
            stderr.flushNow();
        } catch (RuntimeException ex) {
            KernelLog.warn("stream flush failed: " + ex);
        }
    }

    /** Publishes what is pending and stops the timer. */
    @Override
    public void close() {
        flush();
        flusher.shutdownNow();
    }
}
