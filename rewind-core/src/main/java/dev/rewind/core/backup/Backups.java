package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupItem;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.EnvironmentLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backup sets of an environment: take one (every datastore, with a manifest of exact row counts and checksums),
 * list them, verify them, and apply retention.
 */
public final class Backups {

    private final StateStore store;
    private final BackupLayout layout;
    private final Path projectDir;
    private final Clock clock;

    public Backups(StateStore store, BackupLayout layout, Path projectDir, Clock clock) {
        this.store = store;
        this.layout = layout;
        this.projectDir = projectDir;
        this.clock = clock;
    }

    /**
     * Options of one backup.
     *
     * @param terminateConnections {@code clone} may end other sessions (the caller stopped the components)
     * @param jobs                 parallel jobs of pg_dump
     * @param toolPath             the PATH searched for pg_dump
     */
    public record Options(boolean terminateConnections, int jobs, String toolPath) {
        public static Options defaults(String toolPath) {
            return new Options(false, Math.max(2, Runtime.getRuntime().availableProcessors()), toolPath);
        }
    }

    /** The outcome of {@link #take}: the recorded set, its manifest, and how long it took. */
    public record Taken(BackupSet set, BackupManifest manifest, Duration duration, List<String> pruned) {}

    /** Takes a backup set of every datastore of the environment, then applies retention. */
    public Taken take(String environment, EnvironmentConfig env, String releaseId, Options options, Progress progress) {
        Instant started = clock.instant();
        BackupSet set = new BackupSet(Ids.backup(), environment, releaseId, started, BackupStatus.TAKING, 0, null);
        store.insertBackupSet(set);
        try {
            ItemBackup items = new ItemBackup(layout, projectDir, previousComplete(environment), options, progress);
            List<BackupManifest.Item> taken = new ArrayList<>();
            for (Map.Entry<String, DatastoreConfig> datastore : env.datastores().entrySet()) {
                taken.add(items.take(set, datastore.getKey(), datastore.getValue()));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, set.id(), environment, releaseId, started, taken);
            Path manifestFile = layout.manifest(environment, set.id());
            ManifestFiles.write(manifestFile, manifest);
            BackupSet complete = set.finished(BackupStatus.COMPLETE, manifest.sizeBytes(), projectDir.relativize(manifestFile).toString());
            store.updateBackupSet(complete);
            taken.forEach(item -> store.insertBackupItem(record(set.id(), item)));
            List<String> pruned = new Retention(store, new SetRemoval(store, layout, projectDir)).apply(environment, env);
            return new Taken(complete, manifest, Duration.between(started, clock.instant()), pruned);
        } catch (RuntimeException e) {
            store.updateBackupSet(set.finished(BackupStatus.FAILED, 0, null));
            throw e;
        }
    }

    /** The state store the sets are recorded in. */
    StateStore store() {
        return store;
    }

    /** Where the sets are kept. */
    public BackupLayout layout() {
        return layout;
    }

    /** Complete and failed sets of the environment, newest first. */
    public List<BackupSet> list(String environment) {
        return store.backupSets(environment);
    }

    /** The manifest of a complete set. */
    public BackupManifest manifest(BackupSet set) {
        if (set.status() != BackupStatus.COMPLETE || set.manifest() == null) {
            throw new RewindException(ErrorCode.FAILED, "backup set " + set.id() + " is " + set.status()
                    + ", not complete\n    fix: use a complete set (`rewind backups " + set.environment() + "`)");
        }
        return ManifestFiles.read(projectDir.resolve(set.manifest()));
    }

    /** Re-checks every file checksum (and every clone database) of a complete set. */
    public SetVerification verify(BackupSet set, EnvironmentConfig env, Progress progress) {
        return new SetVerifier(layout, env, progress).verify(set, manifest(set));
    }

    /**
     * Lists what is older than {@code olderThan}; removes it when {@code apply}, holding the environment's standby
     * lock meanwhile, so no standby being prepared is removed (while a preparation holds it, standbys stay). A listing
     * takes no lock, so it never keeps a preparation from starting; it lists no standby while one is being prepared.
     */
    public PruneResult prune(String environment, EnvironmentConfig env, Duration olderThan, boolean apply) {
        try (EnvironmentLock standbys = apply ? StandbyLock.tryAcquire(store, environment, clock).orElse(null) : null) {
            boolean standbysFree = apply ? standbys != null : StandbyLock.holder(store, environment, clock).isEmpty();
            Pruner pruner = new Pruner(store, new SetRemoval(store, layout, projectDir), projectDir, standbysFree);
            List<PruneResult.Candidate> candidates = pruner.candidates(environment, env,
                    clock.instant().minus(olderThan));
            if (apply) {
                candidates.forEach(c -> pruner.remove(environment, env, c));
            }
            return new PruneResult(environment, olderThan, apply, candidates);
        }
    }

    private Optional<PreviousSet> previousComplete(String environment) {
        return store.backupSets(environment).stream()
                .filter(s -> s.status() == BackupStatus.COMPLETE && s.manifest() != null)
                .findFirst()
                .map(s -> new PreviousSet(s, ManifestFiles.read(projectDir.resolve(s.manifest()))));
    }

    private static BackupItem record(String setId, BackupManifest.Item item) {
        return new BackupItem(setId, item.datastore(), item.kind(), item.strategy(), item.location(),
                item.sizeBytes(), item.files().size(), null);
    }

    /** The newest complete set before this one, whose unchanged files a files snapshot hard-links to. */
    record PreviousSet(BackupSet set, BackupManifest manifest) {}
}
