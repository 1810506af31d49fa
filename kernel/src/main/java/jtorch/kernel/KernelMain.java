package jtorch.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jtorch.torch;
import jtorch.kernel.protocol.KernelConnection;
import jtorch.kernel.protocol.KernelLog;
import jtorch.kernel.protocol.MessagePathWarmUp;
import jtorch.kernel.protocol.WarmUpClient;
import jtorch.kernel.render.Renderers;
import jtorch.kernel.session.ExitGuard;
import jtorch.kernel.runtime.HeapTrim;
import jtorch.kernel.runtime.IntraOpThreads;
import jtorch.kernel.runtime.JitIdle;
import jtorch.kernel.runtime.OpWarmUp;
import jtorch.kernel.session.JShellSession;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -jar jtorch-kernel.jar CONNECTION_FILE}: binds the sockets named in the connection
 * file (exit status 1, with the socket named on standard error, when a port is taken), then serves
 * requests until a shutdown_request. The JShell session and its compiler warm up while the
 * sockets come up, so the first cell does not pay for it; then, between cells, the message path
 * ({@link MessagePathWarmUp}) and the common op paths warm up and the heap a cell grew is given
 * back ({@link jtorch.kernel.runtime}).
 * {@code JTORCH_NUM_THREADS} (else {@code OMP_NUM_THREADS}) sets the threads of one tensor op;
 * {@code JTORCH_WARMUP=0} leaves both warm-ups out (a class of kernels sharing few cores).
 */
public final class KernelMain {
    /** Most rounds of {@link OpWarmUp} pieces after start (it ends once the JIT falls quiet). */
    private static final int WARM_UP_ROUNDS = 200;
    /** The message-path warm-up after start: 100 execute exchanges over loopback, in idle pieces of 2 (~10-20 ms each). */
    private static final int MESSAGE_WARM_UP_PIECES = 50;
    private static final int MESSAGE_WARM_UP_EXCHANGES = 2;
    /** Longest wait for tensor-core's vector kernels before the op warm-up starts anyway. */
    private static final long VECTOR_WAIT_MS = 30_000;
    /** Longest wait at the end of {@code --warmup} for the JIT to finish its compiles. */
    private static final long JIT_IDLE_WAIT_MS = 30_000;
    /** Idle time after a cell before the heap it grew is trimmed. */
    private static final long TRIM_DELAY_MS = 2_000;
    /** The cells {@code --warmup} runs: results, output, autograd, a compile error and an exception. */
    private static final List<String> WARM_UP_CELLS = List.of("var x = torch.ones(new int[]{2, 2}, true);",
            "x.add(2).mul(3).mean().backward();", "x.grad()", "print(x.shape(), x.dtype());", "torch.ones(3, 3).add(1)",
            "1 + 1", "nope()", "torch.ones(2).view(3)");

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warmup")) {
            warmUpAndExit();
            return;
        }
        if (args.length != 1) {
            KernelLog.warn("usage: java -jar jtorch-kernel.jar CONNECTION_FILE | --warmup");
            ExitGuard.exitKernel(2);
        }
        serve(KernelConnectionProperties.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)),
                warmUpsWanted());
        ExitGuard.exitKernel(0);
    }

    /** Serves requests on the connection {@code props} until a shutdown_request. */
    private static void serve(KernelConnectionProperties props, boolean warmUps) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");

        // the session (JShell + javac warm-up) starts first: it is the long pole, the sockets are quick
        CompletableFuture<JShellSession> session = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                applyThreadCount();
                JShellSession s = new JShellSession(KernelLog.stream());
                trace("session created");
                s.warmUp();
                Renderers.warmUp();
                trace("session warmed up");
                session.complete(s);
            } catch (Throwable t) {
                KernelLog.warn("the JShell session could not start: " + t);
                session.completeExceptionally(t);
            }
        }, "session-start");
        starter.setDaemon(true);
        starter.start();
        JTorchKernel kernel = new JTorchKernel(session);
        torch.backends.yieldWarmUpTo(kernel.idleWork()::userBusy);
        HeapTrim trim = HeapTrim.ofThisJvm();
        kernel.idleWork().afterEachCell(TRIM_DELAY_MS, trim);
        kernel.idleWork().whenIdle(() -> {
            awaitQuietly(session, VECTOR_WAIT_MS);
            trace("op warm-up starts");
        }, warmUpPieces(trim, warmUps));
        if (warmUps) {
            kernel.idleWork().whenIdle(() -> awaitQuietly(session, 0),
                    MessagePathWarmUp.pieces(MESSAGE_WARM_UP_PIECES, MESSAGE_WARM_UP_EXCHANGES));
        }
        KernelConnection connection = new KernelConnection(props);
        kernel.attach(connection);
        installSigint(kernel);
        kernel.onStartup();
        try {
            connection.connect();
        } catch (IllegalStateException e) {
            // said on the real stderr and ended at once: Jupyter then starts the kernel again on new ports
            KernelLog.warn(e.getMessage() + "; exiting");
            ExitGuard.exitKernel(1);
        }
        trace("sockets bound");
        connection.awaitClose();
        kernel.onShutdown(false);
    }

    /**
     * {@code --warmup}: serves a kernel on loopback ports and drives it through a session's first
     * exchanges with a {@link WarmUpClient} in this JVM (course-like cells, an error, a
     * completion; then shutdown), runs the op warm-up briefly, waits for the vector warm-up and for
     * the JIT to be idle ({@link JitIdle}), and exits (status 1 if the client failed). Run once
     * with {@code -XX:ArchiveClassesAtExit=jtorch-kernel.jsa} to write a class-data sharing archive
     * that later kernel starts load with {@code -XX:SharedArchiveFile=...}: it then holds the
     * message path's classes as well as the session's.
     */
    private static void warmUpAndExit() throws Exception {
        KernelConnectionProperties props = WarmUpClient.loopback();
        Thread client = new Thread(() -> {
            try {
                WarmUpClient.run(props, WARM_UP_CELLS, "x.unsq");
            } catch (Exception | LinkageError ex) {
                KernelLog.warn("the warm-up client failed: " + ex);
                ExitGuard.exitKernel(1);
            }
        }, "warm-up-client");
        client.setDaemon(true);
        client.start();
        serve(props, false);
        OpWarmUp.pieces(2).forEach(Runnable::run);
        // the archive is written at exit: no compile may be in flight then (JitIdle says why)
        torch.backends.awaitVectorKernels(VECTOR_WAIT_MS);
        if (!JitIdle.ofThisJvm().await(JIT_IDLE_WAIT_MS)) {
            KernelLog.warn("the JIT did not fall idle before the warm-up run's exit");
        }
        ExitGuard.exitKernel(0);
    }

    /** The op warm-up (until the JIT falls quiet), then a trim of the heap it grew. */
    private static Iterable<Runnable> warmUpPieces(HeapTrim trim, boolean opWarmUp) {
        Iterable<Runnable> ops = opWarmUp ? OpWarmUp.untilQuiet(WARM_UP_ROUNDS, JitIdle.ofThisJvm()::now) : List.of();
        List<Runnable> after = List.of(() -> trace("op warm-up done"), trim::now);
        // lazily, piece by piece: the op warm-up decides after each round whether to go on
        return () -> Stream.concat(StreamSupport.stream(ops.spliterator(), false), after.stream()).iterator();
    }

    /** The warm-ups (message path, ops) run unless {@code JTORCH_WARMUP} is 0, false or no. */
    private static boolean warmUpsWanted() {
        return !List.of("0", "false", "no").contains(
                System.getenv().getOrDefault(OpWarmUp.SWITCH, "").trim().toLowerCase(Locale.ROOT));
    }

    private static void applyThreadCount() {
        int threads = IntraOpThreads.requested(System.getenv(), KernelLog::warn);
        if (threads > 0) {
            torch.setNumThreads(threads);
        }
        trace("intra-op threads: " + torch.getNumThreads());
    }

    /**
     * Waits until the session has started (or failed to) and then up to {@code vectorWaitMs} for
     * the vector kernels to be compiled.
     */
    private static void awaitQuietly(CompletableFuture<JShellSession> session, long vectorWaitMs) {
        try {
            session.join();
            if (vectorWaitMs > 0) {
                torch.backends.awaitVectorKernels(vectorWaitMs);
            }
        } catch (CompletionException ex) {
            // the session's failure is reported to every cell; the ops can warm up regardless
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** With {@code -Djtorch.kernel.trace=true}, logs startup phases with the JVM's uptime. */
    private static void trace(String phase) {
        if (Boolean.getBoolean("jtorch.kernel.trace")) {
            KernelLog.info(phase + " at " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
    }

    /** SIGINT (interrupt_mode "signal", or Ctrl-C in a console) interrupts the running cell. */
    private static void installSigint(JTorchKernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException ex) {
            KernelLog.warn("SIGINT cannot be handled here: " + ex.getMessage());
        }
    }
}
