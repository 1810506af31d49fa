package jtorch.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * Publishes on iopub from any thread (the socket's send is synchronized), parented to the request
 * being executed, so output written by a cell's threads lands under that cell.
 */
public final class Publisher {
    private final JupyterSocket iopub;
    private volatile MessageContext parent;

    public Publisher(JupyterSocket iopub) {
        this.iopub = iopub;
    }

    /** Parents subsequent outputs to {@code request}. */
    public void setParent(MessageContext request) {
        this.parent = request;
    }

    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message<>(parent, content.getType(), content));
    }

    /** Publishes a stream message ({@code stdout} or {@code stderr}). */
    public void stream(boolean stderr, String text) {
        publish(new PublishStream(stderr ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
    }
}
