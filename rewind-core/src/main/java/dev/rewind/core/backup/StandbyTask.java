package dev.rewind.core.backup;

import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby prepared on a thread of its own (a deploy's, while it watches its new release), awaited by whatever needs
 * it next: the deploy's end, or the rollback the watch triggers, which then uses it.
 */
public final class StandbyTask {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyTask.class);

    private final String setId;
    private final FutureTask<StandbyResult> task;

    private StandbyTask(String setId, FutureTask<StandbyResult> task) {
        this.setId = setId;
        this.task = task;
    }

    /** Starts preparing the standby of {@code set} now. */
    public static StandbyTask start(Standbys standbys, BackupSet set, EnvironmentConfig env) {
        FutureTask<StandbyResult> task = new FutureTask<>(() -> standbys.prepare(set, env, Progress.NONE));
        Thread.ofPlatform().name("rewind-standby").daemon().start(task);
        return new StandbyTask(set.id(), task);
    }

    /** The backup set it restores. */
    public String setId() {
        return setId;
    }

    /**
     * Waits until it has ended.
     *
     * @return how long this call waited, and why the preparation failed (null when the standby is ready)
     */
    public Wait await() {
        long started = System.nanoTime();
        String failure = null;
        try {
            task.get();
        } catch (ExecutionException e) {
            LOG.debug("the standby of {} failed", setId, e.getCause());
            failure = e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while waiting for it";
        }
        return new Wait(setId, Duration.ofNanos(System.nanoTime() - started), failure);
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
