package jtorch.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import jtorch.kernel.figures.ProgressBar;
import jtorch.kernel.protocol.CellStreams;
import jtorch.kernel.protocol.KernelConnection;
import jtorch.kernel.protocol.KernelLog;
import jtorch.kernel.protocol.Publisher;
import jtorch.kernel.protocol.Replies;
import jtorch.kernel.render.ErrorFormatter;
import jtorch.kernel.session.CellOutcome;
import jtorch.kernel.session.JShellSession;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * execute_request, in four steps: announce (busy, execute_input, history, stdin) → run the cell
 * ({@link CellPipeline}) → publish its result and reply ok | publish its error and reply error
 * (with stop_on_error, the queued requests are aborted). A value that fails to render is an error
 * of the cell like any other.
 */
final class ExecuteHandler {
    private static final boolean TRACE = Boolean.getBoolean("jtorch.kernel.trace");

    /** Everything the steps share about the request being handled. */
    private record Cell(Message<ExecuteRequest> message, ExecuteRequest request, String code, int count,
                        boolean silent) {}

    private final AtomicInteger executionCount;
    private final CellHistory history;
    private final Publisher publisher;
    private final CommManager comms;
    private final CellStreams streams;
    private final KernelConnection connection;
    private final Supplier<JShellSession> session;
    private final Supplier<CellPipeline> pipeline;
    private final Function<Object, DisplayData> renderer;
    private final ErrorFormatter errors;
    /** Client sessions that asked is_complete: terminals, which get progress bars as text lines. */
    private final Set<String> terminalSessions = ConcurrentHashMap.newKeySet();

    ExecuteHandler(AtomicInteger executionCount, CellHistory history, Publisher publisher, CommManager comms,
                   CellStreams streams, KernelConnection connection, Supplier<JShellSession> session,
                   Supplier<CellPipeline> pipeline, Function<Object, DisplayData> renderer, ErrorFormatter errors) {
        this.executionCount = executionCount;
        this.history = history;
        this.publisher = publisher;
        this.comms = comms;
        this.streams = streams;
        this.connection = connection;
        this.session = session;
        this.pipeline = pipeline;
        this.renderer = renderer;
        this.errors = errors;
    }

    /** Marks the client session {@code sessionId} as a terminal (one that cannot update outputs in place). */
    void markTerminal(String sessionId) {
        terminalSessions.add(sessionId);
    }

    void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        long started = System.nanoTime();
        Cell cell = announce(env, message);
        try {
            CellPipeline.Result result = run(cell);
            CellOutcome outcome = publishResult(env, cell, result.outcome());
            if (outcome.failed()) {
                publishError(env, cell, outcome);
            } else {
                replyOk(env, cell, result.pages());
            }
        } catch (Throwable t) {
            replyKernelError(env, cell, t);
        } finally {
            streams.stdin().retractEnv(env);
            env.setStatusIdle();
            if (TRACE) {
                KernelLog.info("execute " + cell.count + " handled in " + (System.nanoTime() - started) / 1000 + " us");
            }
        }
    }

    private Cell announce(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        String code = request.getCode() == null ? "" : request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        publisher.setParent(message);
        comms.setMessageContext(message);
        env.setStatusBusy();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, count));
        }
        history.add(count, code, store);
        streams.restore();
        streams.stdin().setEnv(env);
        streams.stdin().setEnabled(request.isStdinEnabled());
        return new Cell(message, request, code, count, silent);
    }

    /** Runs the cell; progress bars it leaves running are finished before its result or error goes out. */
    private CellPipeline.Result run(Cell cell) {
        CellPipeline.Result result;
        ProgressBar.cellStarting(!terminalSessions.contains(String.valueOf(cell.message.getHeader().getSessionId())));
        try {
            JShellSession s = session.get();
            s.beginCell();
            for (String warning : s.stillRunning()) {
                System.err.println("Warning: " + warning + "; restart the kernel to stop it.");
            }
            try {
                result = pipeline.get().run(cell.count, cell.code, streams.out());
            } finally {
                s.endCell();
            }
        } catch (CompletionException ex) {
            // the session itself failed to start: every cell reports why
            result = new CellPipeline.Result(CellOutcome.thrown(ex.getCause()), List.of());
        }
        ProgressBar.cellFinished(result.outcome().failed());
        streams.flush();
        return result;
    }

    /** Publishes the cell's value, if it shows one; returns the outcome, failed if rendering failed. */
    private CellOutcome publishResult(ShellReplyEnvironment env, Cell cell, CellOutcome outcome) {
        if (outcome.failed() || !outcome.hasValue() || outcome.value() == null || outcome.value() instanceof DisplayId
                || cell.silent) {
            return outcome;
        }
        try {
            DisplayData data = renderer.apply(outcome.value());
            env.publish(new PublishExecuteResult(cell.count, data));
            Object text = data.getData(MIMEType.TEXT_PLAIN);
            history.setOutput(cell.count, text == null ? "" : text.toString());
            return outcome;
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError ex) {
            // a value's toString/repr is cell code: whatever it throws is the cell's error
            return CellOutcome.thrown(ex);
        }
    }

    /**
     * Publishes the error and replies with it. With stop_on_error, the requests queued so far are
     * taken for aborting first: once the client can see the error, what it sends is no longer queued.
     */
    private void publishError(ShellReplyEnvironment env, Cell cell, CellOutcome failed) {
        if (cell.request.shouldStopOnError()) {
            connection.abortQueuedExecutions();
        }
        ErrorFormatter.Report report = errors.report(cell.count, failed);
        env.publish(new PublishError(report.ename(), report.evalue(), report.traceback()));
        ErrorReply reply = new ErrorReply(report.ename(), report.evalue(), report.traceback());
        reply.setExecutionCount(cell.count);
        env.replyError(MessageType.EXECUTE_REPLY.error(), reply);
    }

    /**
     * The reply when the kernel's own steps failed for this cell (reporting its outcome threw):
     * the client gets an error instead of waiting forever.
     */
    private void replyKernelError(ShellReplyEnvironment env, Cell cell, Throwable t) {
        StringBuilder where = new StringBuilder();
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(6, frames.length); i++) {
            where.append("\n    at ").append(frames[i]);
        }
        KernelLog.warn("execute " + cell.count + ": the kernel failed to report the outcome: " + t + where);
        String evalue = "the kernel could not report this cell's outcome (" + t.getClass().getName()
                + "); the session is still alive";
        List<String> traceback = List.of("KernelError: " + evalue);
        try {
            env.publish(new PublishError("KernelError", evalue, traceback));
        } finally {
            ErrorReply reply = new ErrorReply("KernelError", evalue, traceback);
            reply.setExecutionCount(cell.count);
            env.replyError(MessageType.EXECUTE_REPLY.error(), reply);
        }
    }

    private void replyOk(ShellReplyEnvironment env, Cell cell, List<String> pages) {
        List<Map<String, Object>> payload = new ArrayList<>();
        for (String page : pages) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("source", "page");
            p.put("data", Map.of("text/plain", page));
            p.put("start", 0);
            payload.add(p);
        }
        env.reply(Replies.message(cell.message, MessageType.EXECUTE_REPLY,
                new Replies.ExecuteOk(cell.count, userExpressions(cell), payload)));
    }

    private Map<String, Object> userExpressions(Cell cell) {
        Map<String, String> expressions = cell.request.getUserExpr();
        if (expressions == null || expressions.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        expressions.forEach((name, expr) -> {
            CellOutcome o = session.get().evaluate(cell.count, expr, 0);
            Map<String, Object> v = new LinkedHashMap<>();
            if (o.failed()) {
                ErrorFormatter.Report r = errors.report(cell.count, o);
                v.put("status", "error");
                v.put("ename", r.ename());
                v.put("evalue", r.evalue());
                v.put("traceback", r.traceback());
            } else {
                v.put("status", "ok");
                Map<String, Object> data = new LinkedHashMap<>();
                if (o.hasValue() && o.value() != null) {
                    data.put("text/plain", renderer.apply(o.value()).getData(MIMEType.TEXT_PLAIN));
                }
                v.put("data", data);
                v.put("metadata", Map.of());
            }
            out.put(name, v);
        });
        return out;
    }
}
