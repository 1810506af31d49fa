package jtorch.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCaptureTest {
    @Test
    void flushNow_batchesManyLinesIntoOneMessage() {
        List<String> sent = new ArrayList<>();
        StreamCapture capture = new StreamCapture(false, (err, text) -> sent.add(text));
        PrintStream out = new PrintStream(capture, true, StandardCharsets.UTF_8);
        for (int i = 0; i < 100; i++) {
            out.println(i);
        }
        assertTrue(sent.isEmpty(), "println alone publishes nothing");
        capture.flushNow();
        assertEquals(1, sent.size());
        assertEquals(100, sent.get(0).lines().count());
    }

    @Test
    void flushNow_neverSplitsAUtf8Character() {
        List<String> sent = new ArrayList<>();
        StreamCapture capture = new StreamCapture(false, (err, text) -> sent.add(text));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        capture.write(euro, 0, 2);
        capture.flushNow();
        assertTrue(sent.isEmpty());
        capture.write(euro, 2, 1);
        capture.flushNow();
        assertEquals(List.of("€"), sent);
    }

    @Test
    void write_publishesWhenTheBufferIsFull() {
        List<String> sent = new ArrayList<>();
        StreamCapture capture = new StreamCapture(true, (err, text) -> sent.add(text));
        byte[] chunk = new byte[StreamCapture.MAX_BUFFER];
        java.util.Arrays.fill(chunk, (byte) 'a');
        capture.write(chunk, 0, chunk.length);
        assertEquals(1, sent.size());
        assertEquals(StreamCapture.MAX_BUFFER, sent.get(0).length());
    }
}
