package jtorch.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.junit.jupiter.api.Test;

/** The install-time warm-up client against a {@link KernelConnection} over real loopback sockets. */
class WarmUpClientTest {
    @Test
    void run_sendsEachRequestAfterTheReplyToTheOneBefore_thenShutsTheKernelDown() throws Exception {
        KernelConnectionProperties props = WarmUpClient.loopback();
        KernelConnection kernel = new KernelConnection(props);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        kernel.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) -> {
            seen.add("kernel_info");
            env.reply(Replies.message(message, MessageType.KERNEL_INFO_REPLY, Map.of()));
        });
        kernel.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            String code = message.getContent().getCode();
            seen.add("execute " + code);
            if (code.equals("fail")) {
                env.replyError(MessageType.EXECUTE_REPLY.error(), new ErrorReply("Failed", "on purpose", List.of()));
            } else {
                env.reply(Replies.message(message, MessageType.EXECUTE_REPLY, new Replies.ExecuteOk(1, Map.of(), List.of())));
            }
        });
        kernel.setHandler(MessageType.COMPLETE_REQUEST, (env, message) -> {
            seen.add("complete " + message.getContent().getCode() + " at " + message.getContent().getCursorPos());
            env.reply(Replies.message(message, MessageType.COMPLETE_REPLY, Map.of()));
        });
        kernel.setHandler(MessageType.SHUTDOWN_REQUEST, (env, message) -> {
            seen.add("shutdown");
            env.reply(Replies.message(message, MessageType.SHUTDOWN_REPLY, Map.of()));
            env.markForShutdown();
        });
        kernel.connect();
        try {
            WarmUpClient.run(props, List.of("1 + 1", "fail", "x"), "x.un");
            kernel.awaitClose();
        } finally {
            kernel.close();
        }
        assertEquals(List.of("kernel_info", "execute 1 + 1", "execute fail", "execute x", "complete x.un at 4", "shutdown"),
                seen);
    }
}
