package jtorch.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.zeromq.ZMQ;

/**
 * The shell or control ROUTER socket with its own request loop, replacing jjava's
 * {@code ShellChannel} loop: it blocks in {@code poll} (no fixed sleep between requests), reads
 * every frame of a message before judging it ({@link WireDecoder}: constant-time HMAC, bad messages
 * dropped and logged), and survives anything a handler throws.
 *
 * <p>Invariant: only the loop thread reads from or closes the socket; replies are sent from the
 * loop thread too, since handlers run on it.
 */
public final class KernelChannel extends ShellChannel {
    /** Handles one decoded message on the loop thread. */
    interface Dispatcher {
        void dispatch(KernelChannel channel, Message<?> message);
    }

    private static final long POLL_MS = 250;

    private final String name;
    private final WireDecoder decoder;
    private final Dispatcher dispatcher;
    private ZMQ.Poller poller;
    private Thread loop;
    private volatile boolean running;

    KernelChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, Dispatcher dispatcher) {
        super(context, hmac, control, null, 0);
        this.name = control ? "control" : "shell";
        this.decoder = new WireDecoder(hmac, name);
        this.dispatcher = dispatcher;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        int port = name.equals("control") ? props.getControlPort() : props.getShellPort();
        super.bind(formatAddress(props.getTransport(), props.getIp(), port));
        poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(this::run, "jupyter-" + name);
        loop.start();
    }

    private void run() {
        try {
            while (running) {
                try {
                    Message<?> message = poll(POLL_MS);
                    if (message != null) {
                        dispatcher.dispatch(this, message);
                    }
                } catch (Throwable t) {
                    if (!running) {
                        break;
                    }
                    KernelLog.warn(name + ": error in request loop: " + t);
                }
            }
        } finally {
            closeSocket();
        }
    }

    /** Whether the caller is this channel's request loop thread (where handlers run). */
    boolean isLoopThread() {
        return Thread.currentThread() == loop;
    }

    /**
     * Waits up to {@code timeoutMs} for the next valid message (on the loop thread only);
     * {@code null} when none arrived or it was dropped.
     */
    Message<?> poll(long timeoutMs) {
        if (poller.poll(timeoutMs) <= 0 || !running) {
            return null;
        }
        return readMessage();
    }

    @Override
    public synchronized Message<?> readMessage() {
        if (closed) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = recv();
            if (frame == null) {
                return null;
            }
            frames.add(frame);
        } while (hasReceiveMore());
        Message<?> message = decoder.decode(frames);
        WireDecoder.Rejected rejected = decoder.takeRejected();
        if (rejected != null) {
            replyRejected(rejected);
        }
        return message;
    }

    /** An error reply to a signed request whose content could not be read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void replyRejected(WireDecoder.Rejected r) {
        MessageType<?> type = r.header().getType();
        MessageType<?> replyType = MessageType.getType(type.getName().replace("_request", "_reply"));
        if (replyType == MessageType.UNKNOWN || replyType == type) {
            return;
        }
        String evalue = "the kernel could not read this " + type.getName() + ": " + r.why();
        Message<?> request = new Message(r.identities(), r.header(), null, Map.of(), null, List.of());
        sendMessage(new Message<>(request, replyType.error(), new ErrorReply("BadRequest", evalue,
                List.of("BadRequest: " + evalue))));
    }

    private synchronized void closeSocket() {
        if (!closed) {
            super.close();
        }
    }

    /** Stops the loop; the loop thread closes the socket when it ends. */
    @Override
    public void close() {
        running = false;
        if (loop == null) {
            closeSocket();
        }
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
