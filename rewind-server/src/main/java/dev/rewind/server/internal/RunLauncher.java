package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.workflow.WorkflowListener;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the runs the API starts (rollbacks, deploys), each on a thread of its own, as the CLI would: logged when they
 * end, with the incident report the CLI would write. {@link #start} returns once the run holds the lock and has begun
 * its first step, or fails as the run did.
 */
public final class RunLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

    /** A run to launch: it tells {@code listener} of its steps, and returns how it ended. */
    @FunctionalInterface
    interface Work {
        Ended run(WorkflowListener listener);
    }

    /**
     * How a launched run ended.
     *
     * @param runId  the run
     * @param status its outcome, for the log
     * @param report whether it gets an incident report, as after the same CLI command
     */
    record Ended(String runId, String status, boolean report) {}

    private final Rewind rewind;
    private final Set<Thread> interruptible = new HashSet<>(); // guarded by this
    private boolean closing; // guarded by this
    private final ExecutorService runs = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("rewind-run-", 1).factory());

    public RunLauncher(Rewind rewind) {
        this.rewind = rewind;
    }

    /**
     * Starts {@code work}, a {@code kind} ("rollback", "deploy") of {@code environment} by {@code actor}; returns its
     * run id once it has started, or throws what stopped it from starting.
     */
    String start(String kind, String environment, String actor, Work work) {
        CompletableFuture<String> started = new CompletableFuture<>();
        runs.execute(() -> run(kind + " of " + environment + " by " + actor, work, started));
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void run(String what, Work work, CompletableFuture<String> started) {
        WorkflowListener listener = new WorkflowListener() {
            @Override
            public void started(RunStep step) {
                started.complete(step.runId());
            }

            @Override
            public void skipped(RunStep step) {
                started.complete(step.runId());
            }

            @Override
            public void interruptible() {
                markInterruptible(Thread.currentThread());
            }
        };
        try {
            Ended ended;
            try {
                ended = work.run(listener);
            } finally {
                unmarkInterruptible(Thread.currentThread());
            }
            started.complete(ended.runId());
            LOG.info("{} ({}): {}", what, ended.runId(), ended.status());
            if (ended.report()) {
                writeReport(ended.runId());
            }
        } catch (RuntimeException | Error e) {
            if (!started.completeExceptionally(e)) {
                LOG.error("{} stopped", what, e);
            }
        }
    }

    /** As after a run in the CLI: a report that cannot be written is a warning, never the run's failure. */
    private void writeReport(String runId) {
        try {
            LOG.info("incident report of {} written to {}", runId, rewind.report(runId).markdown());
        } catch (RuntimeException e) {
            LOG.warn("the incident report of {} could not be written: {}", runId, e.getMessage());
        }
    }

    private synchronized void markInterruptible(Thread thread) {
        if (closing) {
            thread.interrupt();
        } else {
            interruptible.add(thread);
        }
    }

    /** Called on {@code thread} itself: once unmarked, no interrupt of {@link #close} reaches it any more. */
    private synchronized void unmarkInterruptible(Thread thread) {
        interruptible.remove(thread);
        Thread.interrupted(); // an interrupt that came as the run ended must not fail its report
    }

    /**
     * Waits for the runs in flight to end (a deploy's watch included); a deploy that went live and only finishes its
     * standby is interrupted, which stops the preparation and removes what it made.
     */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            interruptible.forEach(Thread::interrupt);
        }
        runs.close();
    }
}
