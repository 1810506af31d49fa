package jtorch.kernel;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import jtorch.kernel.magics.Magics;
import jtorch.kernel.protocol.CellStreams;
import jtorch.kernel.protocol.KernelConnection;
import jtorch.kernel.protocol.Publisher;
import jtorch.kernel.protocol.Replies;
import jtorch.kernel.render.ErrorFormatter;
import jtorch.kernel.render.Renderers;
import jtorch.kernel.runtime.IdleWork;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.Completion;
import jtorch.kernel.session.JShellSession;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The JTorch Jupyter kernel: jjava-jupyter's {@link BaseKernel} with one handler per message type,
 * over one persistent {@link JShellSession}. An execute_request is announce → run → publish result
 * | publish error ({@link ExecuteHandler}); a cell runs as magics → evaluate ({@link CellPipeline});
 * each failure kind has its formatter ({@link ErrorFormatter}); values render through renderers
 * registered by class ({@link Renderers}).
 *
 * <p>Threads: requests run on the shell loop; cell code on the session's worker; interrupt and
 * shutdown arrive on the control loop; stdout/stderr batches are published by a flush timer and
 * before every other output of the cell ({@link CellStreams}).
 */
public final class JTorchKernel extends BaseKernel implements NotebookHost {
    public static final String NAME = "jtorch";
    public static final String VERSION = "0.1.0";

    private final CompletableFuture<JShellSession> sessionReady;
    private final CellHistory history = new CellHistory();
    private final ErrorFormatter errors;
    private final Magics magics = new Magics();
    private final IdleWork idleWork = new IdleWork();
    private volatile Help help;
    private volatile CellPipeline pipeline;
    private Publisher publisher;
    private CellStreams streams;
    private ExecuteHandler execute;

    /**
     * @param session the session, possibly still starting: requests that need it wait for it, the
     *                others (kernel_info, is_complete of magics, shutdown) are answered at once
     */
    public JTorchKernel(CompletableFuture<JShellSession> session) {
        super(NAME, VERSION, languageInfo(), helpLinks(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, null, false, new StringStyler.Builder().build());
        this.sessionReady = session;
        this.errors = new ErrorFormatter(history::source, frame -> session().locate(frame));
        Renderers.registerAll(renderer);
    }

    /** A kernel over a session that is already running (in-process use and tests). */
    public JTorchKernel(JShellSession session) {
        this(CompletableFuture.completedFuture(session));
    }

    private JShellSession session() {
        return sessionReady.join();
    }

    /** Work that runs only between cells (warm-up, heap trimming): the launcher registers it here. */
    public IdleWork idleWork() {
        return idleWork;
    }

    private Help help() {
        Help h = help;
        if (h == null) {
            h = help = new Help(session());
        }
        return h;
    }

    private CellPipeline pipeline() {
        CellPipeline p = pipeline;
        if (p == null) {
            p = pipeline = new CellPipeline(session(), magics, help());
        }
        return p;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(System.getProperty("java.version"))
                .mimetype("text/x-java")
                .fileExtension(".java")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private static List<HelpLink> helpLinks() {
        int feature = Runtime.version().feature();
        return List.of(
                new HelpLink("Java " + feature + " API", "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/"),
                new HelpLink("PyTorch 1.13 documentation", "https://pytorch.org/docs/1.13/"));
    }

    @Override
    public String getBanner() {
        return "JTorch kernel " + VERSION + " :: Java " + System.getProperty("java.version")
                + " :: PyTorch-style tensors with autograd :: Protocol v" + Header.PROTOCOL_VERISON;
    }

    // ---------------------------------------------------------------- wiring

    /** Routes every message type to its handler and takes over the process's standard streams. */
    public void attach(KernelConnection conn) {
        this.publisher = new Publisher(conn.iopub());
        this.streams = new CellStreams(publisher);
        streams.install();
        this.execute = new ExecuteHandler(executionCount, history, publisher, commManager, streams, conn,
                this::session, this::pipeline, this::render, errors);
        Notebook.install(this);

        conn.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecuteRequest);
        conn.setHandler(MessageType.INSPECT_REQUEST, this::handleInspectRequest);
        conn.setHandler(MessageType.COMPLETE_REQUEST, this::handleCompleteRequest);
        conn.setHandler(MessageType.HISTORY_REQUEST, this::handleHistoryRequest);
        conn.setHandler(MessageType.IS_COMPLETE_REQUEST, this::handleIsCodeCompeteRequest);
        conn.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfoRequest);
        conn.setHandler(MessageType.SHUTDOWN_REQUEST, this::handleShutdownRequest);
        conn.setHandler(MessageType.INTERRUPT_REQUEST, this::handleInterruptRequest);
        conn.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
        commManager.setIOPubChannel(conn.iopub());
        conn.setHandler(MessageType.COMM_OPEN_COMMAND, commManager::handleCommOpenCommand);
        conn.setHandler(MessageType.COMM_MSG_COMMAND, commManager::handleCommMsgCommand);
        conn.setHandler(MessageType.COMM_CLOSE_COMMAND, commManager::handleCommCloseCommand);
    }

    // ---------------------------------------------------------------- execute

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        idleWork.cellStarted();
        try {
            execute.handle(env, message);
        } finally {
            idleWork.cellFinished();
        }
    }

    private DisplayData render(Object value) {
        return value instanceof DisplayData ? (DisplayData) value : renderer.render(value);
    }

    // ---------------------------------------------------------------- display helpers for cells

    @Override
    public String display(Object value) {
        streams.flush();
        DisplayData data = new DisplayData(render(value));
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        publisher.publish(new PublishDisplayData(data));
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        streams.flush();
        DisplayData data = new DisplayData(render(value));
        data.setDisplayId(displayId);
        publisher.publish(new PublishUpdateDisplayData(data));
    }

    @Override
    public void clearOutput(boolean wait) {
        streams.flush();
        publisher.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    // ---------------------------------------------------------------- other requests

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        Replies.answerIdleFirst(env, Replies.message(message, MessageType.KERNEL_INFO_REPLY, new Replies.KernelInfo(
                Header.PROTOCOL_VERISON, NAME, VERSION, getLanguageInfo(), getBanner(), getHelpLinks())));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setStatusBusy();
        boolean output = request.includeOutput();
        List<List<Object>> entries;
        switch (request.getAccessType()) {
            case TAIL:
                entries = history.tail(((HistoryRequest.Tail) request).getMaxReturnLength(), output);
                break;
            case RANGE:
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                entries = history.range(range.getSessionIndex(), range.getStart(), range.getStop(), output);
                break;
            case SEARCH:
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                entries = history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique(), output);
                break;
            default:
                entries = List.of();
        }
        env.reply(Replies.message(message, MessageType.HISTORY_REPLY, new Replies.History(entries)));
        env.setStatusIdle();
    }

    protected void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        String target = message.getContent() == null ? null : message.getContent().getTargetName();
        env.setStatusBusy();
        Map<String, Map<String, String>> comms = new LinkedHashMap<>();
        for (Comm comm : commManager) {
            if (target == null || target.equals(comm.getTargetName())) {
                comms.put(comm.getID(), Map.of("target_name", comm.getTargetName()));
            }
        }
        env.reply(Replies.message(message, MessageType.COMM_INFO_REPLY, new Replies.CommInfo(comms)));
        env.setStatusIdle();
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setStatusBusy();
        interrupt();
        env.reply(Replies.message(message, MessageType.INTERRUPT_REPLY, new Replies.Interrupt()));
        env.setStatusIdle();
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setStatusBusy();
        env.reply(Replies.message(message, MessageType.SHUTDOWN_REPLY, new Replies.Shutdown(restart)));
        env.setStatusIdle();
        onShutdown(restart);
        env.markForShutdown();
    }

    /** Stops the running cell (interrupt_request or SIGINT); variables defined before it are kept. */
    @Override
    public void interrupt() {
        if (sessionReady.isDone()) {
            session().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        if (streams != null) {
            streams.close();
        }
        idleWork.close();
        super.onShutdown(isRestarting);
    }

    // ---------------------------------------------------------------- BaseKernel's evaluation API

    @Override
    public Object evalRaw(String source) {
        CellOutcome o = session().evaluate(executionCount.get(), source, 0);
        if (o.isThrown()) {
            throw new IllegalStateException(o.thrown().toString(), o.thrown());
        }
        if (o.isCompileError()) {
            throw new IllegalArgumentException(o.diagnostics().get(0).message());
        }
        return o.hasValue() ? o.value() : null;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return help().at(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Completion c = session().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    /** A client that asks is_complete is a terminal (jupyter console): it cannot update outputs in place. */
    @Override
    protected void handleIsCodeCompeteRequest(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        execute.markTerminal(String.valueOf(message.getHeader().getSessionId()));
        super.handleIsCodeCompeteRequest(env, message);
    }

    @Override
    public String isComplete(String code) {
        String first = code.strip();
        if (first.startsWith("%") || Help.query(first).isPresent()) {
            return IS_COMPLETE_YES;
        }
        return session().isComplete(code);
    }
}
