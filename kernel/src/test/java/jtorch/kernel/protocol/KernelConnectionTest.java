package jtorch.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * stop_on_error over real ZMQ sockets on loopback: a client sends execute requests to a
 * {@link KernelConnection} whose execute handler fails the cell {@code fail} and then keeps the
 * shell thread busy for a while after its reply and idle status went out, as a thread preempted on
 * a loaded machine is. Only requests that had reached the kernel before the error may be aborted.
 */
class KernelConnectionTest {
    /** How long the failing handler holds the shell thread after replying: far longer than a loopback round trip. */
    private static final long STALL_MS = 1500;
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private KernelConnection kernel;
    private ZMQ.Context clientContext;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        KernelConnectionProperties props = WarmUpClient.loopback();
        kernel = new KernelConnection(props);
        kernel.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            env.setStatusBusy();
            if ("fail".equals(message.getContent().getCode())) {
                kernel.abortQueuedExecutions();
                env.replyError(MessageType.EXECUTE_REPLY.error(), new ErrorReply("Failed", "on purpose", List.of()));
                env.setStatusIdle();
                sleep(STALL_MS);
            } else {
                env.reply(Replies.message(message, MessageType.EXECUTE_REPLY, new Replies.ExecuteOk(1, Map.of(),
                        List.of())));
                env.setStatusIdle();
            }
        });
        kernel.connect();
        clientContext = ZMQ.context(1);
        client = new Client(clientContext, props);
    }

    @AfterEach
    void stop() {
        client.close();
        kernel.close();
        kernel.awaitClose();
        clientContext.close();
    }

    @Test
    void stopOnError_requestSentAfterTheErrorReply_runsWhileTheShellThreadIsStillBusy() {
        client.execute("fail");
        assertEquals("error", client.replyStatus());
        client.execute("next");
        assertEquals("ok", client.replyStatus(), "a request sent after the error reply is not aborted");
    }

    @Test
    void stopOnError_requestsAfterAnAbortRun() {
        client.execute("fail");
        assertEquals("error", client.replyStatus());
        client.execute("fail");
        assertEquals("error", client.replyStatus());
        client.execute("next");
        assertEquals("ok", client.replyStatus());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A shell client: a DEALER socket signing its requests with the connection key, reading replies frame by frame. */
    private static final class Client extends JupyterSocket {
        private static final String SESSION = UUID.randomUUID().toString();

        Client(ZMQ.Context context, KernelConnectionProperties props) throws Exception {
            super(context, SocketType.DEALER, props.createHMACGenerator(), LoggerFactory.getLogger("test-client"));
            setReceiveTimeOut(30_000);
            setLinger(0);
            WarmUpClient.connectRecovering(this, formatAddress(props.getTransport(), props.getIp(), props.getShellPort()));
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            throw new UnsupportedOperationException("a client connects");
        }

        void execute(String code) {
            sendMessage(new Message<>(new Header<>(SESSION, MessageType.EXECUTE_REQUEST),
                    new ExecuteRequest(code, false, true, Map.of(), false, true)));
        }

        /** The status of the next execute_reply: the last JSON frame holding one (the content frame). */
        String replyStatus() {
            String status = null;
            do {
                byte[] frame = recv();
                assertNotNull(frame, "no reply within 30 s");
                Matcher m = STATUS.matcher(new String(frame, StandardCharsets.UTF_8));
                if (m.find()) {
                    status = m.group(1);
                }
            } while (hasReceiveMore());
            return status;
        }
    }
}
