package dev.rewind.core.deploy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.StepContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The standby a deploy prepares while it watches its new release: the backup set it took before the change,
 * restored ahead of time (see {@link Standbys}), so that a rollback the watch triggers only re-checks, stops, swaps
 * and starts. The new release is verified and the site is up meanwhile. A rollback waits for it to end and uses it
 * (the same work, partly done); a watch that ends healthy waits for it in the deploy's last step, the site up.
 *
 * <p>Only a deploy that watches prepares one: with {@code --watch 0} nothing runs alongside, so a standby would only
 * lengthen the deploy by a whole restore (a later {@code rewind backup ENV --standby} can make one).
 */
final class DeployStandby {

    static final String STEP = "standby";

    private final String environment;
    private final EnvironmentConfig env;
    private final StateStore store;
    private final Standbys standbys;
    private StandbyTask task;

    DeployStandby(String environment, EnvironmentConfig env, StateStore store, Standbys standbys) {
        this.environment = environment;
        this.env = env;
        this.store = store;
        this.standbys = standbys;
    }

    /** Starts preparing the standby of the deploy's backup, unless it is under way or ready (a resumed watch). */
    void start(StepContext context) {
        if (task == null) {
            backup(context).filter(set -> !ready(set)).ifPresent(set -> task = StandbyTask.start(standbys, set, env));
        }
    }

    /** The standby step: waits for the preparation (resumed after the watch: runs it now). Never fails the deploy. */
    Object await(StepContext context) {
        start(context);
        Optional<BackupSet> set = backup(context);
        StandbyTask.Wait waited = task == null ? null : task.await();
        return new Output(set.map(BackupSet::id).orElse(null), set.isPresent() && ready(set.get()),
                waited == null ? Duration.ZERO : waited.waited(), waited == null ? null : waited.failure());
    }

    /** The preparation under way, or null: a rollback of this deploy waits for it and uses it. */
    StandbyTask task() {
        return task;
    }

    private Optional<BackupSet> backup(StepContext context) {
        return Optional.ofNullable(context.output("backup").path("backup").textValue()).flatMap(store::backupSet);
    }

    /** Whether the set's standby is ready for every datastore; an unreadable marker is not (preparing replaces it). */
    private boolean ready(BackupSet set) {
        try {
            return standbys.ready(environment, env)
                    .filter(m -> m.setId().equals(set.id()) && m.items().size() == env.datastores().size()).isPresent();
        } catch (RewindException e) {
            return false;
        }
    }

    /**
     * The standby step's journal output.
     *
     * @param backup  the set restored into the standby
     * @param ready   whether its standby is ready now
     * @param waited  how long the step waited for the preparation the watch started
     * @param failure why the preparation failed, or null
     */
    record Output(String backup, boolean ready, Duration waited, String failure) {}
}
