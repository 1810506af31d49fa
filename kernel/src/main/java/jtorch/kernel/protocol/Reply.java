package jtorch.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;

/**
 * The reply environment handlers get for one request: the request's channel, stdin and iopub.
 * Remembers whether a reply went out, so a handler that failed before replying can be answered
 * for ({@link KernelConnection}).
 */
final class Reply extends ShellReplyEnvironment {
    private volatile boolean replied;

    Reply(ShellChannel channel, StdinChannel stdin, JupyterSocket iopub, MessageContext request) {
        super(channel, stdin, iopub, request);
    }

    boolean replied() {
        return replied;
    }

    @Override
    public void reply(Message<?> message) {
        replied = true;
        super.reply(message);
    }
}
