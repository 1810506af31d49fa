package jtorch.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jtorch.kernel.magics.Magics;
import jtorch.kernel.protocol.KernelConnection;
import jtorch.kernel.protocol.KernelLog;
import jtorch.kernel.protocol.Publisher;
import jtorch.kernel.protocol.Replies;
import jtorch.kernel.protocol.StreamCapture;
import jtorch.kernel.render.ErrorFormatter;
import jtorch.kernel.render.Renderers;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.JShellSession;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;
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
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The JTorch Jupyter kernel: jjava-jupyter's {@link BaseKernel} with one handler per message type,
 * over one persistent {@link JShellSession}. A cell runs as magics → evaluate → render
 * ({@link CellPipeline}); each failure kind has its formatter ({@link ErrorFormatter}); values
 * render through renderers registered by class ({@link Renderers}).
 *
 * <p>Threads: requests run on the shell loop; cell code on the session's worker; interrupt and
 * shutdown arrive on the control loop; stdout/stderr batches are published by a flush timer and
 * before every other output of the cell.
 */
public final class JTorchKernel extends BaseKernel implements NotebookHost {
    public static final String NAME = "jtorch";
    public static final String VERSION = "0.1.0";
    private static final long STREAM_FLUSH_MS = 40;
    private static final boolean TRACE = Boolean.getBoolean("jtorch.kernel.trace");

    private final CompletableFuture<JShellSession> sessionReady;
    private final CellHistory history = new CellHistory();
    private final ErrorFormatter errors;
    private final Magics magics = new Magics();
    private volatile Help help;
    private volatile CellPipeline pipeline;
    private final JupyterInputStream stdin = new JupyterInputStream(StandardCharsets.UTF_8);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-flusher");
        t.setDaemon(true);
        return t;
    });
    private Publisher publisher;
    private KernelConnection connection;
    private StreamCapture stdout;
    private StreamCapture stderr;
    private PrintStream cellOut;

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
        this.connection = conn;
        this.publisher = new Publisher(conn.iopub());
        this.stdout = new StreamCapture(false, publisher::stream);
        this.stderr = new StreamCapture(true, publisher::stream);
        this.cellOut = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        System.setOut(cellOut);
        System.setErr(new PrintStream(stderr, false, StandardCharsets.UTF_8));
        System.setIn(stdin);
        flusher.scheduleWithFixedDelay(this::flushStreams, STREAM_FLUSH_MS, STREAM_FLUSH_MS, TimeUnit.MILLISECONDS);
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

    private void flushStreams() {
        try {
            stdout.flushNow();
            stderr.flushNow();
        } catch (RuntimeException ex) {
            KernelLog.warn("stream flush failed: " + ex);
        }
    }

    // ---------------------------------------------------------------- execute

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        long started = System.nanoTime();
        ExecuteRequest request = message.getContent();
        String code = request.getCode() == null ? "" : request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();

        publisher.setParent(message);
        commManager.setMessageContext(message);
        env.setStatusBusy();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, count));
        }
        history.add(count, code, store);
        stdin.setEnv(env);
        stdin.setEnabled(request.isStdinEnabled());
        try {
            CellPipeline.Result result;
            try {
                JShellSession session = session();
                session.beginCell();
                try {
                    result = pipeline().run(count, code, cellOut);
                } finally {
                    session.endCell();
                }
            } catch (CompletionException ex) {
                // the session itself failed to start: every cell reports why
                result = new CellPipeline.Result(CellOutcome.thrown(ex.getCause()), List.of());
            }
            cellOut.flush();
            flushStreams();
            CellOutcome outcome = result.outcome();
            if (!outcome.failed() && outcome.hasValue() && outcome.value() != null && !(outcome.value() instanceof DisplayId)
                    && !silent) {
                try {
                    DisplayData data = render(outcome.value());
                    env.publish(new PublishExecuteResult(count, data));
                    Object text = data.getData(MIMEType.TEXT_PLAIN);
                    history.setOutput(count, text == null ? "" : text.toString());
                } catch (RuntimeException ex) {
                    outcome = CellOutcome.thrown(ex);
                }
            }
            if (outcome.failed()) {
                ErrorFormatter.Report report = outcome.isCompileError()
                        ? errors.compileError(count, outcome.diagnostics())
                        : errors.thrown(outcome.thrown());
                env.publish(new PublishError(report.ename(), report.evalue(), report.traceback()));
                ErrorReply reply = new ErrorReply(report.ename(), report.evalue(), report.traceback());
                reply.setExecutionCount(count);
                env.replyError(MessageType.EXECUTE_REPLY.error(), reply);
                if (request.shouldStopOnError()) {
                    connection.abortQueuedExecutions();
                }
            } else {
                List<Map<String, Object>> payload = new ArrayList<>();
                for (String page : result.pages()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("source", "page");
                    p.put("data", Map.of("text/plain", page));
                    p.put("start", 0);
                    payload.add(p);
                }
                env.reply(Replies.message(message, MessageType.EXECUTE_REPLY,
                        new Replies.ExecuteOk(count, userExpressions(request, count), payload)));
            }
        } finally {
            stdin.retractEnv(env);
            env.setStatusIdle();
            if (TRACE) {
                KernelLog.info("execute " + count + " handled in " + (System.nanoTime() - started) / 1000 + " us");
            }
        }
    }

    private DisplayData render(Object value) {
        return value instanceof DisplayData ? (DisplayData) value : renderer.render(value);
    }

    private Map<String, Object> userExpressions(ExecuteRequest request, int count) {
        Map<String, String> expressions = request.getUserExpr();
        if (expressions == null || expressions.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        expressions.forEach((name, expr) -> {
            CellOutcome o = session().evaluate(count, expr, 0);
            Map<String, Object> v = new LinkedHashMap<>();
            if (o.failed()) {
                ErrorFormatter.Report r = o.isCompileError() ? errors.compileError(count, o.diagnostics()) : errors.thrown(o.thrown());
                v.put("status", "error");
                v.put("ename", r.ename());
                v.put("evalue", r.evalue());
                v.put("traceback", r.traceback());
            } else {
                v.put("status", "ok");
                Map<String, Object> data = new LinkedHashMap<>();
                if (o.hasValue() && o.value() != null) {
                    data.put("text/plain", render(o.value()).getData(MIMEType.TEXT_PLAIN));
                }
                v.put("data", data);
                v.put("metadata", Map.of());
            }
            out.put(name, v);
        });
        return out;
    }

    // ---------------------------------------------------------------- display helpers for cells

    @Override
    public String display(Object value) {
        flushStreams();
        DisplayData data = new DisplayData(render(value));
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        publisher.publish(new PublishDisplayData(data));
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        flushStreams();
        DisplayData data = new DisplayData(render(value));
        data.setDisplayId(displayId);
        publisher.publish(new PublishUpdateDisplayData(data));
    }

    @Override
    public void clearOutput(boolean wait) {
        flushStreams();
        publisher.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    // ---------------------------------------------------------------- other requests

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setStatusBusy();
        env.reply(Replies.message(message, MessageType.KERNEL_INFO_REPLY, new Replies.KernelInfo(
                Header.PROTOCOL_VERISON, NAME, VERSION, getLanguageInfo(), getBanner(), getHelpLinks())));
        env.setStatusIdle();
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
        flushStreams();
        flusher.shutdownNow();
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
        JShellSession.Completion c = session().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
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
