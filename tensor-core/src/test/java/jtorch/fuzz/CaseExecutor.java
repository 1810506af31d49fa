package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jtorch.Interrupts;

/**
 * Runs cases with {@link JavaRunner} on a worker thread, so a case that hangs becomes a
 * {@code hang} outcome after {@code timeoutSeconds} instead of stopping the run: the library is
 * asked to cancel ({@link Interrupts}) and the worker is abandoned for a fresh one. Anything the
 * runner lets escape (an Error while building or in backward) is an error outcome.
 */
final class CaseExecutor implements AutoCloseable {
    private final JavaRunner runner = new JavaRunner();
    private final long timeoutSeconds;
    private ExecutorService worker = newWorker();

    CaseExecutor(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    ObjectNode run(JsonNode c) throws InterruptedException {
        Future<ObjectNode> result = worker.submit(() -> runner.run(c));
        try {
            return result.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return Outcomes.error(e.getCause());
        } catch (TimeoutException e) {
            Interrupts.request();
            result.cancel(true);
            worker.shutdownNow();
            worker.awaitTermination(2, TimeUnit.SECONDS);
            Interrupts.clear();
            worker = newWorker();
            return Outcomes.error(new IllegalStateException("hang: no outcome after " + timeoutSeconds + " s"))
                    .put("type", "hang");
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "difffuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
