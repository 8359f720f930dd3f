package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.workflow.WorkflowListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rollbacks the API starts, each on a thread of its own, as the CLI would (incident report included).
 * {@link #start} returns once the run holds the lock and has begun its first step, or fails as the run did.
 */
public final class RollbackLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RollbackLauncher.class);

    private final Rewind rewind;
    private final ExecutorService runs = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("rewind-rollback-", 1).factory());

    public RollbackLauncher(Rewind rewind) {
        this.rewind = rewind;
    }

    /** Starts the rollback; returns its run id once it has started, or throws what stopped it from starting. */
    String start(String environment, RollbackRequest request) {
        CompletableFuture<String> started = new CompletableFuture<>();
        runs.execute(() -> run(environment, request, started));
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void run(String environment, RollbackRequest request, CompletableFuture<String> started) {
        WorkflowListener listener = new WorkflowListener() {
            @Override
            public void started(RunStep step) {
                started.complete(step.runId());
            }

            @Override
            public void skipped(RunStep step) {
                started.complete(step.runId());
            }
        };
        try {
            RollbackResult result = rewind.rollback(environment, request, listener);
            started.complete(result.runId());
            LOG.info("rollback {} of {} by {} {}", result.runId(), environment, request.actor(), result.status());
            writeReport(result.runId());
        } catch (RuntimeException | Error e) {
            if (!started.completeExceptionally(e)) {
                LOG.error("rollback of {} by {} stopped", environment, request.actor(), e);
            }
        }
    }

    /** As after a rollback in the CLI: a report that cannot be written is a warning, never the run's failure. */
    private void writeReport(String runId) {
        try {
            LOG.info("incident report of {} written to {}", runId, rewind.report(runId).markdown());
        } catch (RuntimeException e) {
            LOG.warn("the incident report of {} could not be written: {}", runId, e.getMessage());
        }
    }

    /** Waits for the rollbacks in flight to end. */
    @Override
    public void close() {
        runs.close();
    }
}
