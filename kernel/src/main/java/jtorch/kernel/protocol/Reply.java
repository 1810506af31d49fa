package jtorch.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.MessageContext;

/** The reply environment handlers get for one request: the request's channel, stdin and iopub. */
final class Reply extends ShellReplyEnvironment {
    Reply(ShellChannel channel, StdinChannel stdin, JupyterSocket iopub, MessageContext request) {
        super(channel, stdin, iopub, request);
    }
}
