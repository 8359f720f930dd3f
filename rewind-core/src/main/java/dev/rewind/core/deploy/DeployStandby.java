package dev.rewind.core.deploy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.StepContext;
import java.util.Optional;

/**
 * The standby a deploy prepares while it watches its new release: the backup set it took before the change,
 * restored ahead of time (see {@link Standbys}), so that a rollback the watch triggers only re-checks, stops, swaps
 * and starts. The new release is verified and the site is up meanwhile. A rollback waits for it and uses it (the same
 * work, partly done); how the deploy's other ends treat it is {@link Deploy}'s business.
 *
 * <p>Only a deploy that watches prepares one: with {@code --watch 0} nothing runs alongside, so a standby would only
 * lengthen the deploy by a whole restore (a later {@code rewind backup ENV --standby} can make one).
 */
final class DeployStandby {

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
            Optional.ofNullable(context.output("backup").path("backup").textValue()).flatMap(store::backupSet)
                    .filter(set -> !ready(set)).ifPresent(set -> task = StandbyTask.start(standbys, set, env));
        }
    }

    /** The preparation under way or ended, or null when none was started. */
    StandbyTask task() {
        return task;
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
}
