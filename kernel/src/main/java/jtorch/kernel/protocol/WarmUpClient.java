package jtorch.kernel.protocol;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter client on loopback for {@code java -jar jtorch-kernel.jar --warmup}: it drives the
 * kernel, served in the same JVM, through the exchanges of a session's start (kernel_info, cells
 * with results, output and errors, a completion) and then shuts it down. The class-data archive
 * that install.sh writes from that run then holds the classes of the whole message path (JeroMQ,
 * Gson, HMAC, jjava's messages, the kernel's handlers), not only the session's, so a kernel start
 * loads and verifies fewer classes before its first reply.
 *
 * <p>Also the client of {@link MessagePathWarmUp}, which then reads the kernel's iopub too.
 *
 * <p>A shell DEALER socket; requests go one at a time, each waiting for its reply (its frames are
 * read, not parsed: an execute_reply of an error is a reply too). Its sockets connect through
 * {@link #connectRecovering}.
 */
public final class WarmUpClient extends JupyterSocket {
    /** How long the install-time run waits for a reply (a cold session compiles its first cells slowly). */
    private static final int REPLY_TIMEOUT_MS = 120_000;
    /** How long a {@link #subscribed} client waits: its kernel answers without compiling anything. */
    private static final int SUBSCRIBED_REPLY_TIMEOUT_MS = 2_000;
    private static final String SESSION = UUID.randomUUID().toString();
    /** How long a connection's ZMTP handshake may take before it is dropped and made again (loopback). */
    private static final int HANDSHAKE_MS = 1_000;

    /** The client's own context; {@code null} when the caller owns it. */
    private final ZMQ.Context owned;
    /** A subscriber to the kernel's iopub, or {@code null}. */
    private final ZMQ.Socket iopub;

    private WarmUpClient(ZMQ.Context context, KernelConnectionProperties props, boolean subscribe) throws Exception {
        super(context, SocketType.DEALER, props.createHMACGenerator(), LoggerFactory.getLogger("warm-up-client"));
        setReceiveTimeOut(subscribe ? SUBSCRIBED_REPLY_TIMEOUT_MS : REPLY_TIMEOUT_MS);
        setLinger(0);
        connectRecovering(this, formatAddress(props.getTransport(), props.getIp(), props.getShellPort()));
        this.owned = subscribe ? context : null;
        this.iopub = subscribe ? context.socket(SocketType.SUB) : null;
        if (iopub != null) {
            iopub.setLinger(0);
            iopub.subscribe(new byte[0]);
            connectRecovering(iopub, formatAddress(props.getTransport(), props.getIp(), props.getIopubPort()));
        }
    }

    /**
     * Connects a client {@code socket} to the kernel at {@code address}. JeroMQ's I/O thread can
     * lose a connection it has just made (zeromq/jeromq#1022: the connecter's and the new stream's
     * handles on the same channel in one pass of its poller, so the stream is never polled; the
     * connecting side only, so the kernel, which binds, is not affected): the handshake then stalls
     * until the handshake timer drops the connection and the socket reconnects, 30 s by default.
     * With {@value #HANDSHAKE_MS} ms that comes within a second or so; what was sent meanwhile waits in the
     * socket and goes out once, over the new connection.
     */
    static void connectRecovering(ZMQ.Socket socket, String address) {
        socket.setHandshakeIvl(HANDSHAKE_MS);
        socket.connect(address);
    }

    /**
     * A client of the kernel at {@code props} that also reads its iopub (so the kernel's publisher
     * writes to a connection), in a context of its own that {@link #close} ends.
     */
    static WarmUpClient subscribed(KernelConnectionProperties props) throws Exception {
        return new WarmUpClient(ZMQ.context(1), props, true);
    }

    /**
     * Sends an execute_request of {@code code}, waits for its reply and reads what iopub holds.
     *
     * @throws IllegalStateException when the reply does not come in time
     */
    void execute(String code) {
        request(MessageType.EXECUTE_REQUEST, new ExecuteRequest(code, false, true, Map.of(), false, false));
        while (iopub != null && iopub.recv(ZMQ.DONTWAIT) != null) {
            // frames of the published messages: read, not parsed
        }
    }

    @Override
    public void close() {
        if (iopub != null) {
            iopub.close();
        }
        super.close();
        if (owned != null) {
            owned.close();
        }
    }

    /** Connection properties on 127.0.0.1: five distinct ports, free at the time of asking, and a random key. */
    public static KernelConnectionProperties loopback() throws IOException {
        int[] ports = freePorts(5);
        return KernelConnectionProperties.parse(String.format(Locale.ROOT, "{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\","
                + " \"shell_port\": %d, \"iopub_port\": %d, \"stdin_port\": %d, \"control_port\": %d, \"hb_port\": %d,"
                + " \"signature_scheme\": \"hmac-sha256\", \"key\": \"%s\"}",
                ports[0], ports[1], ports[2], ports[3], ports[4], UUID.randomUUID()));
    }

    /**
     * Sends kernel_info, each of {@code cells} (replies ok or error alike), a completion of
     * {@code completion} at its end, and a shutdown request, each after the reply to the one before.
     *
     * @throws IllegalStateException when a reply does not come within two minutes
     */
    public static void run(KernelConnectionProperties props, List<String> cells, String completion) throws Exception {
        ZMQ.Context context = ZMQ.context(1);
        try (WarmUpClient client = new WarmUpClient(context, props, false)) {
            client.request(MessageType.KERNEL_INFO_REQUEST, new KernelInfoRequest());
            for (String code : cells) {
                client.execute(code);
            }
            client.request(MessageType.COMPLETE_REQUEST, new CompleteRequest(completion, completion.length()));
            client.request(MessageType.SHUTDOWN_REQUEST, ShutdownRequest.SHUTDOWN);
        } finally {
            context.close();
        }
    }

    private <T> void request(MessageType<T> type, T content) {
        sendMessage(new Message<>(new Header<>(SESSION, type), content));
        do {
            if (recv() == null) {
                throw new IllegalStateException("no reply to the warm-up's " + type.getName());
            }
        } while (hasReceiveMore());
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        throw new UnsupportedOperationException("a client connects");
    }

    /** {@code n} distinct free ports: each probe socket stays open until all are chosen, so none is chosen twice. */
    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] probes = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                probes[i] = new ServerSocket(0);
                ports[i] = probes[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket probe : probes) {
                if (probe != null) {
                    probe.close();
                }
            }
        }
    }
}
