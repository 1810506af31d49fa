package jtorch.kernel.protocol;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The kernel's five sockets, bound to the connection file's address only: heartbeat, stdin and
 * iopub from jjava-jupyter, shell and control as {@link KernelChannel}s. Routes each request to
 * the handler registered for its type, one handler per message type.
 *
 * <p>stop_on_error: {@link #abortQueuedExecutions()}, called by a failing execute handler before
 * the client can learn of the error, takes the requests that have reached the shell socket by then
 * off it; once that handler has returned, the execute_requests among them are answered with status
 * {@code aborted} (as ipykernel does) and the others handled in order. A request the client sends
 * after seeing the error reply is never among them, however long the shell thread takes to get back
 * to its loop.
 */
public final class KernelConnection {
    private static final int IOPUB_HIGH_WATER_MARK = 100_000;

    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final HeartbeatChannel heartbeat;
    private final KernelChannel shell;
    private final KernelChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;
    private final Map<MessageType<?>, ShellHandler<?>> handlers = new ConcurrentHashMap<>();
    /** Requests taken off the shell socket by {@link #abortQueuedExecutions()}; shell loop thread only. */
    private final Deque<Message<?>> aborted = new ArrayDeque<>();
    private volatile boolean closed;

    public KernelConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        this.heartbeat = new HeartbeatChannel(context, hmac, 50);
        this.shell = new KernelChannel(context, hmac, false, this::dispatch);
        this.control = new KernelChannel(context, hmac, true, this::dispatch);
        this.stdin = new StdinChannel(context, hmac);
        this.iopub = new IOPubChannel(context, hmac);
        this.iopub.setSndHWM(IOPUB_HIGH_WATER_MARK);
    }

    public <T> void setHandler(MessageType<T> type, ShellHandler<T> handler) {
        handlers.put(type, handler);
    }

    public IOPubChannel iopub() {
        return iopub;
    }

    /**
     * Binds every socket and announces {@code starting}.
     *
     * @throws IllegalStateException naming the socket and port when one cannot be bound (on a busy
     *     machine another process can take a port between Jupyter choosing it and the JVM binding it)
     */
    public void connect() {
        bind("heartbeat", props.getHbPort(), () -> heartbeat.bind(props));
        bind("iopub", props.getIopubPort(), () -> iopub.bind(props));
        bind("stdin", props.getStdinPort(), () -> stdin.bind(props));
        bind("control", props.getControlPort(), () -> control.bind(props));
        bind("shell", props.getShellPort(), () -> shell.bind(props));
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    private void bind(String socket, int port, Runnable binding) {
        try {
            binding.run();
        } catch (RuntimeException e) {
            String why = e instanceof ZMQException z ? ZMQ.Error.findByCode(z.getErrorCode()).getMessage() : e.toString();
            throw new IllegalStateException("cannot bind the " + socket + " socket to " + props.getIp() + ":" + port
                    + ": " + why, e);
        }
    }

    /**
     * Takes the requests already waiting on the shell socket, to be answered after the current
     * handler returns (execute_requests as aborted). Called on the shell loop thread, by the handler
     * of the failing request, before its error is published (stop_on_error).
     */
    public void abortQueuedExecutions() {
        if (!shell.isLoopThread()) {
            throw new IllegalStateException("abortQueuedExecutions must run on the shell loop thread");
        }
        Message<?> next;
        while ((next = shell.poll(0)) != null) {
            aborted.add(next);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(KernelChannel channel, Message<?> message) {
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = handlers.get(type);
        if (handler == null) {
            KernelLog.warn("no handler for message type " + type.getName() + "; ignored");
            return;
        }
        Reply env = new Reply(channel, stdin, iopub, message);
        try {
            handler.handle(env, message);
        } catch (Throwable t) {
            KernelLog.warn("handler for " + type.getName() + " failed: " + t);
            if (!env.replied()) {
                replyFailure(env, type, t);
            }
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException ex) {
                KernelLog.warn("could not complete reply to " + type.getName() + ": " + ex);
            }
        }
        if (env.isMarkedForShutdown()) {
            close();
            return;
        }
        if (channel == shell) {
            answerAborted();
        }
    }

    /** An error reply for a request whose handler failed before replying: the client must not wait forever. */
    private static void replyFailure(Reply env, MessageType<?> type, Throwable t) {
        MessageType<?> replyType = MessageType.getType(type.getName().replace("_request", "_reply"));
        if (replyType == MessageType.UNKNOWN || replyType == type) {
            return;
        }
        try {
            String evalue = "the kernel failed to handle this " + type.getName() + " (" + t.getClass().getName()
                    + "); the session is still alive";
            env.replyError(replyType.error(), new ErrorReply("KernelError", evalue, List.of("KernelError: " + evalue)));
            env.setStatusIdle();
        } catch (RuntimeException ex) {
            KernelLog.warn("could not send the error reply for " + type.getName() + ": " + ex);
        }
    }

    private void answerAborted() {
        Message<?> next;
        while ((next = aborted.poll()) != null) {
            if (next.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                Reply env = new Reply(shell, stdin, iopub, next);
                env.setStatusBusy();
                env.reply(Replies.message(next, MessageType.EXECUTE_REPLY, Replies.executeAborted()));
                env.setStatusIdle();
            } else {
                dispatch(shell, next);
            }
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        shell.close();
        control.close();
        for (JupyterSocket s : new JupyterSocket[] {heartbeat, stdin, iopub}) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // already closing
            }
        }
    }

    /**
     * Closes the sockets, waits for every loop thread to end and ends the ZeroMQ context with its
     * I/O thread: for a connection that is not the process's last (the message-path warm-up's).
     */
    void terminate() {
        close();
        awaitClose();
        heartbeat.waitUntilClose();
        context.close();
    }

    /** Blocks until the shell and control loops have ended. */
    public void awaitClose() {
        shell.waitUntilClose();
        control.waitUntilClose();
    }
}
