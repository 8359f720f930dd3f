package dev.rewind.core.backup;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.StandbyDirectories;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.StandbyDatabases;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.Lease;
import dev.rewind.core.workflow.EnvironmentLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Warm standbys: a complete backup set restored ahead of time, while the site serves, into names tied to the set
 * ({@code <db>__rewind_standby_<set>}, {@code <dir>.rewind-standby-<set>}), so that a rollback to that set only takes
 * it over by renames, re-checks it, stops, swaps and starts (see {@link StandbyAdoption} for what is re-checked). An
 * environment has at most one standby per datastore; its marker, {@code .rewind/standby/<environment>.json}, says
 * which set it holds and when it was ready.
 */
public final class Standbys {

    private final Backups backups;
    private final Restorer restorer;
    private final StandbyMarkers markers;
    private final Path projectDir;
    private final Clock clock;

    public Standbys(Backups backups, Path projectDir, Backups.Options options, Clock clock) {
        this.backups = backups;
        this.restorer = new Restorer(backups, backups.layout(), projectDir, options);
        this.markers = new StandbyMarkers(projectDir);
        this.projectDir = projectDir;
        this.clock = clock;
    }

    /**
     * Restores every datastore of a complete set into its standby, checked as a rollback's prepare checks (a dump's
     * files hashed as pg_restore reads them, each staged file's SHA-256, the database's exact row counts), then
     * records it ready. Exclusive per environment ({@link StandbyLock}: exit 5 while another process prepares one).
     * Every standby of the environment is removed first, of whatever set, the half-made ones a killed preparation
     * left too: a standby is a derived copy of a backup set, and the set stays, so removing it loses nothing. No
     * rollback uses either while this runs: the marker is removed first and written last. On failure, or when
     * interrupted ({@link StandbyTask#stop}), what was made is removed.
     */
    public StandbyResult prepare(BackupSet set, EnvironmentConfig env, Progress progress) {
        try (EnvironmentLock lock = StandbyLock.acquire(backups.store(), set.environment(), set.id(), clock)) {
            return prepareLocked(set, env, progress);
        }
    }

    /** The lease of the preparation of the environment's standby under way, if one is (in any process). */
    public Optional<Lease> preparing(String environment) {
        return StandbyLock.holder(backups.store(), environment, clock);
    }

    /** Fails with exit 5, naming the holder, while another process prepares the environment's standby. */
    public void requireFree(String environment) {
        StandbyLock.requireFree(backups.store(), environment, clock);
    }

    private StandbyResult prepareLocked(BackupSet set, EnvironmentConfig env, Progress progress) {
        Instant started = clock.instant();
        BackupManifest manifest = backups.manifest(set);
        markers.delete(set.environment());
        List<String> removed = removeAll(env);
        List<String> datastores = manifest.items().stream().map(BackupManifest.Item::datastore)
                .filter(env.datastores()::containsKey).toList();
        try {
            List<Ready> restored = restoreEach(set, env, datastores, progress);
            Instant ready = clock.instant();
            Duration took = Duration.between(started, ready);
            markers.write(new StandbyMarker(set.environment(), set.id(), ready, took.toMillis(),
                    restored.stream().map(Ready::item).toList()));
            return new StandbyResult(set.id(), ready, took, restored.stream().map(Ready::step).toList(), removed);
        } catch (RuntimeException e) {
            boolean interrupted = Thread.interrupted(); // stopped: remove what was made before saying so
            try {
                removeAll(env);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
    }

    /** The environment's standby, limited to the datastores whose standby still exists (none: empty). */
    public Optional<StandbyMarker> ready(String environment, EnvironmentConfig env) {
        return markers.readOrWarn(environment)
                .map(m -> new StandbyMarker(m.environment(), m.setId(), m.readyAt(), m.tookMillis(),
                        m.items().stream().filter(i -> exists(env, m.setId(), i.datastore())).toList()))
                .filter(m -> !m.items().isEmpty());
    }

    /** Whether a rollback to {@code set} would use each datastore's standby, re-checked in place; changes nothing. */
    public Map<String, StandbyUse> check(BackupSet set, EnvironmentConfig env, Collection<String> datastores) {
        try {
            return adoption(set).check(env, datastores);
        } catch (RuntimeException e) {
            Map<String, StandbyUse> uses = new LinkedHashMap<>();
            datastores.forEach(d -> uses.put(d, new StandbyUse(false, e.getMessage())));
            return uses;
        }
    }

    /**
     * Takes over the standby of {@code set} for each datastore whose standby checks out, renamed to the run's shadow
     * and staging names; the others are left for the run to restore ({@link Prepared#detail} null). An unreadable
     * marker, or any other failure, leaves them all, saying why: it must not stop a rollback. Only a claimed standby
     * that could not be kept fails the step ({@link StandbyAdoption.KeepFailed}), so the restore drops nothing.
     */
    public List<Prepared> adopt(BackupSet set, EnvironmentConfig env, Collection<String> datastores, String runId) {
        try {
            return adoption(set).adopt(env, datastores, runId);
        } catch (StandbyAdoption.KeepFailed e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = "the standby was not used: " + StandbyAdoption.describe(e);
            return datastores.stream().map(d -> new Prepared(d, new StandbyUse(false, reason), null, 0)).toList();
        }
    }

    private StandbyAdoption adoption(BackupSet set) {
        return new StandbyAdoption(set, backups.manifest(set), backups.layout(), markers.read(set.environment()),
                projectDir);
    }

    /**
     * Restores the datastores all at once, each recording the state its re-check compares against as soon as it is
     * restored and checked: the window in which a write would go unseen is that moment, not the whole preparation.
     */
    private List<Ready> restoreEach(BackupSet set, EnvironmentConfig env, List<String> datastores, Progress progress) {
        RestoreTargets targets = RestoreTargets.standby(set.id());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Ready>> restores = datastores.stream().map(d -> pool.submit(() -> {
                Progress shown = d.equals(datastores.getFirst()) ? progress : Progress.NONE;
                Restorer.Step step = restorer.prepareChecked(set, env, Set.of(d), targets, shown).getFirst();
                return new Ready(step, readyItem(set, env, d));
            })).toList();
            return restores.stream().map(Restorer::await).toList();
        }
    }

    /** One datastore's standby restored and checked, with the state its re-check compares against. */
    private record Ready(Restorer.Step step, StandbyMarker.Item item) {}

    private StandbyMarker.Item readyItem(BackupSet set, EnvironmentConfig env, String datastore) {
        return switch (env.datastores().get(datastore)) {
            case DatastoreConfig.Postgres pg -> {
                String standby = DatabaseNames.standby(pg.postgres().database(), set.id());
                StandbyDatabases.close(pg.postgres(), standby);
                yield new StandbyMarker.Item(datastore, standby, StandbyDatabases.nextXid(pg.postgres()), null);
            }
            case DatastoreConfig.Files files -> {
                Path dir = DirectoryNames.standby(projectDir.resolve(files.files()), set.id());
                yield new StandbyMarker.Item(datastore, dir.toString(), null, StandbyDirectories.lastChange(dir));
            }
        };
    }

    private boolean exists(EnvironmentConfig env, String setId, String datastore) {
        return switch (env.datastores().get(datastore)) {
            case null -> false;
            case DatastoreConfig.Postgres pg -> StandbyDatabases.exists(pg.postgres(),
                    DatabaseNames.standby(pg.postgres().database(), setId));
            case DatastoreConfig.Files files ->
                    Files.isDirectory(DirectoryNames.standby(projectDir.resolve(files.files()), setId));
        };
    }

    /** Removes every standby of the environment's datastores, of whatever set; returns their names. */
    private List<String> removeAll(EnvironmentConfig env) {
        List<String> removed = new ArrayList<>();
        for (DatastoreConfig datastore : env.datastores().values()) {
            switch (datastore) {
                case DatastoreConfig.Postgres pg -> StandbyDatabases.list(pg.postgres()).forEach(db -> {
                    StandbyDatabases.drop(pg.postgres(), db.name());
                    removed.add(db.name());
                });
                case DatastoreConfig.Files files -> StandbyDirectories.list(projectDir.resolve(files.files()))
                        .forEach(dir -> {
                            StandbyDirectories.remove(dir);
                            removed.add(dir.toString());
                        });
            }
        }
        return removed;
    }
}
