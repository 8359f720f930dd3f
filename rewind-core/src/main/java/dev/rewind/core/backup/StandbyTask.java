package dev.rewind.core.backup;

import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby prepared on a thread of its own (a deploy's, while it watches its new release), awaited by whatever needs
 * it next, or stopped. Stopping interrupts the preparation: its {@code pg_restore} is killed, its copies stop, and
 * what it made is removed before {@link #stop} returns (see {@link Standbys#prepare}); a standby already ready stays.
 */
public final class StandbyTask {

    /** How long {@link #stop} waits for the stopped preparation to remove what it made. */
    static final Duration CLEANUP = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(StandbyTask.class);

    private final String setId;
    private final FutureTask<StandbyResult> task;
    private final Thread thread;

    private StandbyTask(String setId, FutureTask<StandbyResult> task, Thread thread) {
        this.setId = setId;
        this.task = task;
        this.thread = thread;
    }

    /** Starts preparing the standby of {@code set} now. */
    public static StandbyTask start(Standbys standbys, BackupSet set, EnvironmentConfig env) {
        FutureTask<StandbyResult> task = new FutureTask<>(() -> standbys.prepare(set, env, Progress.NONE));
        Thread thread = Thread.ofPlatform().name("rewind-standby").daemon().start(task);
        return new StandbyTask(set.id(), task, thread);
    }

    /** The backup set it restores. */
    public String setId() {
        return setId;
    }

    /** Whether it has ended, ready or not. */
    public boolean done() {
        return task.isDone();
    }

    /**
     * Waits until it has ended.
     *
     * @return how long this call waited, and why the preparation failed (null when the standby is ready)
     */
    public Wait await() {
        return await(null);
    }

    /**
     * Waits until it has ended, at most {@code limit}; past it, stops it ({@link #stop}) and says so.
     *
     * @param limit the longest wait, or null for no limit
     */
    public Wait await(Duration limit) {
        long started = System.nanoTime();
        String failure = null;
        try {
            if (limit == null) {
                task.get();
            } else {
                task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            failure = failure(e);
        } catch (TimeoutException e) {
            stop();
            failure = "not ready after " + limit.toSeconds() + " s, so it was stopped and its half-made copies removed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while waiting for it";
        }
        return new Wait(setId, Duration.ofNanos(System.nanoTime() - started), failure);
    }

    /**
     * Stops the preparation unless it has ended: kills its {@code pg_restore}, stops its copies, and waits (at most
     * {@link #CLEANUP}) while it removes what it made. A standby already ready stays.
     *
     * @return true when the standby is ready (it had ended before), false when it is not
     */
    public boolean stop() {
        if (!task.isDone()) {
            thread.interrupt();
        }
        try {
            if (!thread.join(CLEANUP)) {
                LOG.warn("the stopped standby of {} is still removing what it made after {} s; the next"
                        + " preparation or `rewind prune` removes what is left", setId, CLEANUP.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return task.state() == Future.State.SUCCESS;
    }

    private String failure(ExecutionException e) {
        LOG.debug("the standby of {} failed", setId, e.getCause());
        return e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage();
    }

    /**
     * The end of a wait for a standby.
     *
     * @param setId   the backup set it restores
     * @param waited  how long the wait took (zero when it had already ended)
     * @param failure why it is not ready, or null when it is
     */
    public record Wait(String setId, Duration waited, String failure) {}
}
