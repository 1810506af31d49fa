package jtorch.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * Runs the kernel's message path in this JVM before the first cells, so that the JIT has compiled
 * it by then: a kernel that just started would otherwise run its first few dozen cells' messages
 * (JeroMQ and the NIO selector under it, Gson, HMAC-SHA256, jjava's messages, this package)
 * interpreted and through C1's profiled tier, at about twice the CPU of a later cell.
 *
 * <p>A second {@link KernelConnection}, on free loopback ports with a random key, answers
 * execute_requests from a {@link WarmUpClient} the way a cell's exchange goes on the wire (busy,
 * execute_input, execute_result, execute_reply, idle on a subscribed iopub). It shares nothing
 * with the kernel's own sockets or session: no client of the kernel sees these messages, and no
 * cell, history entry or execution count comes of them. {@link #close} ends its sockets and threads.
 */
public final class MessagePathWarmUp implements AutoCloseable {
    private static final String CODE = "1 + 1";

    private final KernelConnection kernel;
    private final WarmUpClient client;
    private final AtomicInteger count = new AtomicInteger(1);

    /** Binds the loopback kernel and connects its client. */
    public MessagePathWarmUp() throws Exception {
        KernelConnectionProperties props = WarmUpClient.loopback();
        kernel = new KernelConnection(props);
        kernel.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            ExecuteRequest request = message.getContent();
            int n = count.getAndIncrement();
            env.setStatusBusy();
            env.publish(new PublishExecuteInput(request.getCode(), n));
            env.publish(new PublishExecuteResult(n, new DisplayData("2")));
            env.reply(Replies.message(message, MessageType.EXECUTE_REPLY, new Replies.ExecuteOk(n, Map.of(), List.of())));
            env.setStatusIdle();
        });
        try {
            kernel.connect();
            client = WarmUpClient.subscribed(props);
        } catch (Exception | LinkageError ex) {
            kernel.terminate();
            throw ex;
        }
    }

    /**
     * {@code pieces} idle pieces of {@code exchanges} exchanges each (a cell waits for at most one
     * piece): the first opens the warm-up's sockets, the last closes them. A failure is logged and
     * ends the warm-up; the kernel serves as before.
     */
    public static List<Runnable> pieces(int pieces, int exchanges) {
        AtomicReference<MessagePathWarmUp> open = new AtomicReference<>();
        AtomicBoolean failed = new AtomicBoolean();
        List<Runnable> list = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            boolean first = i == 0;
            boolean last = i == pieces - 1;
            list.add(() -> {
                if (failed.get()) {
                    return;
                }
                try {
                    if (first) {
                        open.set(new MessagePathWarmUp());
                    }
                    open.get().exchange(exchanges);
                } catch (Exception | LinkageError ex) {
                    failed.set(true);
                    KernelLog.warn("message-path warm-up skipped: " + ex);
                }
                MessagePathWarmUp done = last || failed.get() ? open.getAndSet(null) : null;
                if (done != null) {
                    closeInBackground(done);
                }
            });
        }
        return list;
    }

    /** Closes on a thread of its own: the loops take up to their poll interval to end, a cell need not wait. */
    private static void closeInBackground(MessagePathWarmUp warmUp) {
        Thread t = new Thread(warmUp::close, "message-warm-up-close");
        t.setDaemon(true);
        t.start();
    }

    /** {@code n} execute exchanges, each after the reply to the one before. */
    public void exchange(int n) {
        for (int i = 0; i < n; i++) {
            client.execute(CODE);
        }
    }

    /** Ends the loopback kernel (its last messages still reach the client), then the client. */
    @Override
    public void close() {
        kernel.terminate();
        client.close();
    }
}
