package dev.rewind.core.deploy;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.backup.Standbys;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.StandbyDirectories;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupItem;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.StepContext;
import dev.rewind.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The standby a deploy prepares while it watches its new release: the backup set it took before the change,
 * restored ahead of time (see {@link Standbys}), so that a rollback the watch triggers only re-checks, stops, swaps
 * and starts. The new release is verified and the site is up meanwhile. A rollback waits for it and uses it (the same
 * work, partly done); how the deploy's other ends treat it is {@link Deploy}'s business.
 *
 * <p>Only a deploy that watches prepares one: with {@code --watch 0} nothing runs alongside, so a standby would only
 * lengthen the deploy by a whole restore (a later {@code rewind backup ENV --standby} can make one). It is optional:
 * when the disk beside a files datastore cannot hold its copy (counting the older standby copies there, which
 * preparing removes first), the deploy skips it, says why, and goes on.
 */
final class DeployStandby {

    private final String environment;
    private final EnvironmentConfig env;
    private final Path projectDir;
    private final StateStore store;
    private final Standbys standbys;
    private final DiskNeeds.FreeSpace freeSpace;
    private final WorkflowListener listener;
    private StandbyTask task;
    private StandbyTask.Wait skipped;

    DeployStandby(String environment, EnvironmentConfig env, Path projectDir, StateStore store, Standbys standbys,
                  DiskNeeds.FreeSpace freeSpace, WorkflowListener listener) {
        this.environment = environment;
        this.env = env;
        this.projectDir = projectDir;
        this.store = store;
        this.standbys = standbys;
        this.freeSpace = freeSpace;
        this.listener = listener;
    }

    /**
     * Starts preparing the standby of the deploy's backup, unless it is under way, ready (a resumed watch) or
     * skipped, or the disk has no room for it.
     */
    void start(StepContext context) {
        if (task == null && skipped == null) {
            Optional.ofNullable(context.output("backup").path("backup").textValue()).flatMap(store::backupSet)
                    .filter(set -> !ready(set)).ifPresent(this::start);
        }
    }

    private void start(BackupSet set) {
        List<String> noRoom;
        try {
            noRoom = noRoom(set);
        } catch (RuntimeException e) {
            noRoom = List.of(Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
        if (noRoom.isEmpty()) {
            task = StandbyTask.start(standbys, set, env);
            return;
        }
        String why = "not prepared: no room for its copy (" + String.join("; ", noRoom) + "); `rewind rollback "
                + environment + "` restores from the set";
        skipped = new StandbyTask.Wait(set.id(), Duration.ZERO, why);
        listener.message("the standby of " + set.id() + " is " + why);
    }

    /**
     * The problems of the disk beside each files datastore with the standby's copy, none when it fits. A database's
     * standby is restored on its server, whose disk Rewind cannot see, as a rollback's shadow is.
     */
    private List<String> noRoom(BackupSet set) {
        DiskNeeds needs = new DiskNeeds(freeSpace);
        for (BackupItem item : store.backupItems(set.id())) {
            if (env.datastores().get(item.datastore()) instanceof DatastoreConfig.Files files) {
                Path live = projectDir.resolve(files.files());
                needs.add(DirectoryNames.standby(live, set.id()), item.sizeBytes(), "the standby of "
                        + item.datastore());
                StandbyDirectories.list(live).forEach(old -> needs.freed(old, recordedSize(old, item.datastore())));
            }
        }
        return needs.problems();
    }

    /** The preparation under way or ended, or null when none was started. */
    StandbyTask task() {
        return task;
    }

    /** Why no preparation was started for want of room, or null. */
    StandbyTask.Wait skipped() {
        return skipped;
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
     * The size of an older standby copy, as its backup set recorded it (a standby holds exactly the set's files), so
     * that the watch does not wait for a walk of a large tree; 0 when the set is gone: the need is then overstated,
     * never understated.
     */
    private long recordedSize(Path standby, String datastore) {
        return store.backupItems(DirectoryNames.standbySetId(standby)).stream()
                .filter(i -> i.datastore().equals(datastore)).mapToLong(BackupItem::sizeBytes).sum();
    }
}
