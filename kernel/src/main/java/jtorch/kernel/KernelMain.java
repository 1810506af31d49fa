package jtorch.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import jtorch.kernel.protocol.KernelConnection;
import jtorch.kernel.protocol.KernelLog;
import jtorch.kernel.session.JShellSession;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -jar jtorch-kernel.jar CONNECTION_FILE}: binds the sockets named in the connection
 * file, then serves requests until a shutdown_request. The JShell session and its compiler warm
 * up while the sockets come up, so the first cell does not pay for it.
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            KernelLog.warn("usage: java -jar jtorch-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");

        KernelConnectionProperties props = KernelConnectionProperties.parse(
                Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        CompletableFuture<JShellSession> session = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                JShellSession s = new JShellSession(KernelLog.stream());
                s.warmUp();
                session.complete(s);
            } catch (Throwable t) {
                KernelLog.warn("the JShell session could not start: " + t);
                session.completeExceptionally(t);
            }
        }, "session-start");
        starter.setDaemon(true);
        starter.start();
        JTorchKernel kernel = new JTorchKernel(session);
        KernelConnection connection = new KernelConnection(props);
        kernel.attach(connection);
        installSigint(kernel);
        kernel.onStartup();
        connection.connect();
        connection.awaitClose();
        kernel.onShutdown(false);
        System.exit(0);
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
