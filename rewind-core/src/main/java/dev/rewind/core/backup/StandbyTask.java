package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The preparations under way in this process, by set id (the id their {@link StandbyLock} lease holds). */
    private static final Map<String, StandbyTask> RUNNING = new ConcurrentHashMap<>();

    private final BackupSet set;
    private final FutureTask<StandbyResult> task;
    private final Thread thread;
    private volatile String replacedBy;

    private StandbyTask(Standbys standbys, BackupSet set, EnvironmentConfig env) {
        this.set = set;
        this.task = new FutureTask<>(() -> prepare(standbys, env));
        this.thread = Thread.ofPlatform().name("rewind-standby").daemon().unstarted(task);
    }

    /**
     * Starts preparing the standby of {@code set} now. When a preparation of an older set of the environment holds
     * the standby lock in this process (a deploy finishing its standby in {@code rewind serve}), it is stopped and
     * this one takes over; one in another process keeps it (this one fails, exit 5, naming the holder).
     */
    public static StandbyTask start(Standbys standbys, BackupSet set, EnvironmentConfig env) {
        StandbyTask started = new StandbyTask(standbys, set, env);
        RUNNING.put(set.id(), started);
        started.thread.start();
        return started;
    }

    private StandbyResult prepare(Standbys standbys, EnvironmentConfig env) {
        try {
            return standbys.prepare(set, env, Progress.NONE);
        } catch (RewindException e) {
            StandbyTask older = e.code() == ErrorCode.LOCKED ? olderInThisProcess(standbys) : null;
            if (older == null) {
                throw e;
            }
            LOG.info("the standby of {} replaces the standby of {}, still being prepared", set.id(), older.setId());
            older.replacedBy = set.id();
            older.stop();
            return standbys.prepare(set, env, Progress.NONE);
        } finally {
            RUNNING.remove(set.id(), this);
        }
    }

    /** The preparation of an older set of the environment that holds its standby lock, if it runs in this process. */
    private StandbyTask olderInThisProcess(Standbys standbys) {
        return standbys.preparing(set.environment()).map(lease -> RUNNING.get(lease.runId()))
                .filter(t -> t != this && t.set.environment().equals(set.environment())
                        && t.set.createdAt().isBefore(set.createdAt()))
                .orElse(null);
    }

    /** The backup set it restores. */
    public String setId() {
        return set.id();
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
            failure = failure();
        } catch (ExecutionException e) {
            failure = failure();
        } catch (TimeoutException e) {
            failure = stop() ? null : "not ready after " + limit.toSeconds() + " s, so it was stopped and its"
                    + " half-made copies removed";
        } catch (InterruptedException e) {
            failure = stop() ? null : "stopped: the wait for it was interrupted (the process is stopping), and its"
                    + " half-made copies removed";
            Thread.currentThread().interrupt();
        }
        return new Wait(set.id(), Duration.ofNanos(System.nanoTime() - started), failure);
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
                        + " preparation or `rewind prune` removes what is left", set.id(), CLEANUP.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return task.state() == Future.State.SUCCESS && replacedBy == null;
    }

    /** Why it is not ready; null when it is. */
    public String failure() {
        if (replacedBy != null) { // even when it ended ready: the newer preparation removes it
            return "replaced by the standby of " + replacedBy + ", prepared in this process";
        }
        return switch (task.state()) {
            case SUCCESS -> null;
            case FAILED -> failure(task.exceptionNow());
            case RUNNING -> "not finished";
            case CANCELLED -> "cancelled";
        };
    }

    private String failure(Throwable cause) {
        LOG.debug("the standby of {} failed", set.id(), cause);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
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
