package jtorch.kernel.protocol;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cell's {@code System.out} or {@code System.err}: bytes are buffered and published as one
 * {@code stream} message per flush interval (or whenever {@value #MAX_BUFFER} bytes are pending),
 * not one message per line; nothing is dropped, and a multi-byte UTF-8 character is never split
 * across messages. {@link #flushNow()} is called before any other output so order is kept.
 */
public final class StreamCapture extends OutputStream {
    static final int MAX_BUFFER = 64 * 1024;

    /** Where a batch goes. */
    public interface Sink {
        void write(boolean stderr, String text);
    }

    private final boolean stderr;
    private final Sink sink;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);

    public StreamCapture(boolean stderr, Sink sink) {
        this.stderr = stderr;
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
        if (buffer.size() >= MAX_BUFFER) {
            flushNow();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        if (buffer.size() >= MAX_BUFFER) {
            flushNow();
        }
    }

    /** PrintStream flushes on every println: batching is the point, so this does not publish. */
    @Override
    public void flush() {
        // published by the kernel's flush timer and before every other output
    }

    /** Publishes what is pending, up to the last complete UTF-8 character. */
    public synchronized void flushNow() {
        int n = buffer.size();
        if (n == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int complete = completeUtf8Length(bytes);
        buffer.reset();
        if (complete < n) {
            buffer.write(bytes, complete, n - complete);
        }
        if (complete > 0) {
            sink.write(stderr, new String(bytes, 0, complete, StandardCharsets.UTF_8));
        }
    }

    /** The length of the longest prefix that does not end inside a multi-byte sequence. */
    static int completeUtf8Length(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= 3 && back <= n; back++) {
            int c = b[n - back] & 0xff;
            if ((c & 0xc0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
