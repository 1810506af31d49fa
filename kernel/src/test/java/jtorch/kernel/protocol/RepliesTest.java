package jtorch.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.junit.jupiter.api.Test;

class RepliesTest {
    /** Records what a handler publishes and replies, in order, instead of sending it. */
    private static final class Recording extends ShellReplyEnvironment {
        final List<String> sent = new ArrayList<>();

        Recording(Message<?> request) {
            super(null, null, null, request);
        }

        @Override
        public void publish(Message<?> message) {
            Object content = message.getContent();
            sent.add(content instanceof PublishStatus s ? "status " + s.getState().name().toLowerCase(Locale.ROOT)
                    : message.getHeader().getType().getName());
        }

        @Override
        public void reply(Message<?> message) {
            sent.add(message.getHeader().getType().getName());
        }
    }

    @Test
    void answerIdleFirst_kernelInfo_publishesBusyAndIdleBeforeTheReply() {
        Message<KernelInfoRequest> request = new Message<>(null, MessageType.KERNEL_INFO_REQUEST, new KernelInfoRequest());
        Recording env = new Recording(request);

        Replies.answerIdleFirst(env, Replies.message(request, MessageType.KERNEL_INFO_REPLY, "content"));

        assertEquals(List.of("status busy", "status idle", "kernel_info_reply"), env.sent);
    }
}
