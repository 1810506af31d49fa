package jtorch.kernel.protocol;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * Reply contents that jjava-jupyter 1.0-a6 lacks or gets wrong (missing {@code status}, no
 * {@code payload}, no {@code aborted}, history entries not as tuples), as plain objects its Gson
 * serialises field by field.
 */
public final class Replies {
    private Replies() {}

    /** A reply to {@code request} of the given type with arbitrary content. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Message<?> message(MessageContext request, MessageType<?> type, Object content) {
        return new Message(request, type, content);
    }

    /**
     * Answers a request that takes no work, kernel_info above all: busy, idle, then the reply.
     * The idle goes out before the reply because jupyter_server opens a websocket the moment its
     * own kernel_info reply arrives and skips, while it still holds the kernel busy, the "nudge"
     * that waits until the new connection's iopub subscription is in place; the idle status of
     * the client's first kernel_info can then be lost, and JupyterLab's {@code kernel.info} (which
     * waits for the reply and the idle, in either order) never resolves.
     */
    public static void answerIdleFirst(ShellReplyEnvironment env, Message<?> reply) {
        env.setStatusBusy();
        env.setStatusIdle();
        env.reply(reply);
    }

    /** kernel_info_reply with {@code status: ok}. */
    public static final class KernelInfo extends KernelInfoReply {
        final String status = "ok";

        public KernelInfo(String protocol, String implementation, String version, LanguageInfo language,
                          String banner, List<HelpLink> helpLinks) {
            super(protocol, implementation, version, language, banner, helpLinks);
        }
    }

    /** execute_reply with status ok and optional payloads (the pager). */
    public static final class ExecuteOk {
        final String status = "ok";
        @SerializedName("execution_count")
        final int executionCount;
        @SerializedName("user_expressions")
        final Map<String, Object> userExpressions;
        final List<Map<String, Object>> payload;

        public ExecuteOk(int executionCount, Map<String, Object> userExpressions, List<Map<String, Object>> payload) {
            this.executionCount = executionCount;
            this.userExpressions = userExpressions;
            this.payload = payload;
        }
    }

    /** execute_reply for a request aborted after an earlier error (stop_on_error). */
    public static final class ExecuteAborted {
        final String status = "aborted";
    }

    static ExecuteAborted executeAborted() {
        return new ExecuteAborted();
    }

    /** history_reply: each entry a tuple {@code [session, line, input]} or {@code [session, line, [input, output]]}. */
    public static final class History {
        final String status = "ok";
        final List<List<Object>> history;

        public History(List<List<Object>> history) {
            this.history = history;
        }
    }

    /** comm_info_reply with {@code status: ok}. */
    public static final class CommInfo {
        final String status = "ok";
        final Map<String, Map<String, String>> comms;

        public CommInfo(Map<String, Map<String, String>> comms) {
            this.comms = comms;
        }
    }

    /** interrupt_reply. */
    public static final class Interrupt {
        final String status = "ok";
    }

    /** shutdown_reply. */
    public static final class Shutdown {
        final String status = "ok";
        final boolean restart;

        public Shutdown(boolean restart) {
            this.restart = restart;
        }
    }
}
