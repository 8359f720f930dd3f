package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.StandbyDirectories;
import dev.rewind.core.backup.files.VerifyResult;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.StandbyDatabases;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.PostgresUrl;
import dev.rewind.core.store.BackupSet;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollback's use of the standby of its backup set, per datastore: take it over by renaming it to the run's shadow
 * or staging name, then re-check it, cheaply but soundly. One that does not check out is not used and the reason is
 * said; the renamed copy is first renamed again to the run's kept name with a {@code _standby}/{@code -standby}
 * suffix, so the run's restore drops or deletes nothing written into it ({@code rewind prune} lists it). A standby
 * database is closed to connections once ready ({@code ALLOW_CONNECTIONS false}); one found accepting connections
 * again is not claimed at all, and a claimed one is opened again before its re-check.
 *
 * <p>Re-checked, against the set's manifest and the state the marker recorded when the standby was ready:
 * <ul>
 *   <li>database: every table of the manifest present with its exact row count; no row of a user table, nor of
 *       {@code pg_class} or {@code pg_attribute}, written by a transaction that began after it was ready (the rows'
 *       {@code xmin}, see {@link StandbyDatabases});</li>
 *   <li>directory: exactly the manifest's regular files, each with its size, and the backup's directories and
 *       symbolic links; no entry changed (ctime) after the newest change recorded when it was ready (see
 *       {@link StandbyDirectories}).</li>
 * </ul>
 * Not re-checked: the set's checksums and the staged files' SHA-256 (both were checked as the standby was made from
 * the set, exactly as a rollback's own prepare checks them), row values, dropped indexes, functions or triggers,
 * sequences' positions, grants. That is sound because the standby was made by the same checked restore as a run's
 * own shadow and staging, under names only Rewind makes, and any later write to its rows or files leaves what the
 * re-check reads: a row count, a row's {@code xmin}, a file's size or ctime, none of which a client can set back. What
 * it cannot see needs someone to connect to a {@code __rewind_standby_} database and drop schema objects or move
 * sequences; the run's verify step still checks every table's count and every file after the swap. Its blind
 * moments are while the standby was being made: between a database's count check and its recorded horizon
 * (milliseconds), between a file's checked copy and the walk that records the newest ctime (the staging's final
 * fsync), and a change within the same kernel clock tick as that newest ctime (a few ms). A run's own shadow and
 * staging are exposed the same way, for longer, between its prepare and its swap.
 *
 * <p>Renaming first and checking after means nothing else touches the copy between the check and the swap (a new
 * standby being prepared removes only standby names). A run interrupted after the rename finds its shadow or staging
 * in place and checks that instead; a shadow or staging left by an interrupted restore fails that check (its rows and
 * files are newer than the standby's horizon), so the resumed run restores it from the set.
 */
final class StandbyAdoption {

    private final BackupSet set;
    private final BackupManifest manifest;
    private final BackupLayout layout;
    private final Optional<StandbyMarker> marker;
    private final Path projectDir;

    StandbyAdoption(BackupSet set, BackupManifest manifest, BackupLayout layout, Optional<StandbyMarker> marker,
                    Path projectDir) {
        this.set = set;
        this.layout = layout;
        this.manifest = manifest;
        this.marker = marker;
        this.projectDir = projectDir;
    }

    Map<String, StandbyUse> check(EnvironmentConfig env, Collection<String> datastores) {
        Map<String, StandbyUse> uses = new LinkedHashMap<>();
        datastores.forEach(d -> uses.put(d, check(env, d)));
        return uses;
    }

    List<Prepared> adopt(EnvironmentConfig env, Collection<String> datastores, String runId) {
        return datastores.stream().map(d -> adopt(env, d, runId)).toList();
    }

    /** As {@link #adopt}, in place and changing nothing: whether it would be used. */
    private StandbyUse check(EnvironmentConfig env, String datastore) {
        Optional<StandbyMarker.Item> ready = ready(datastore);
        if (ready.isEmpty()) {
            return new StandbyUse(false, noStandby(datastore));
        }
        try {
            return switch (env.datastores().get(datastore)) {
                case DatastoreConfig.Postgres pg -> {
                    String standby = DatabaseNames.standby(pg.postgres().database(), set.id());
                    if (!StandbyDatabases.exists(pg.postgres(), standby)) {
                        yield new StandbyUse(false, "the standby " + standby + " no longer exists");
                    }
                    yield StandbyDatabases.allowsConnections(pg.postgres(), standby)
                            ? new StandbyUse(false, allowedConnections(standby))
                            : new StandbyUse(true, "the standby " + standby + ", ready since " + readyAt()
                                    + " and closed to connections since; its rows are re-checked when the rollback"
                                    + " takes it over");
                }
                case DatastoreConfig.Files files -> {
                    Path standby = DirectoryNames.standby(projectDir.resolve(files.files()), set.id());
                    yield Files.isDirectory(standby)
                            ? directoryUse("the standby " + standby, standby, datastore, ready.get())
                            : new StandbyUse(false, "the standby " + standby + " no longer exists");
                }
            };
        } catch (RuntimeException e) {
            return new StandbyUse(false, "it cannot be checked: " + describe(e));
        }
    }

    private Prepared adopt(EnvironmentConfig env, String datastore, String runId) {
        long started = System.nanoTime();
        Optional<StandbyMarker.Item> ready = ready(datastore);
        if (ready.isEmpty()) {
            return prepared(datastore, new StandbyUse(false, noStandby(datastore)), null, started);
        }
        try {
            return switch (env.datastores().get(datastore)) {
                case DatastoreConfig.Postgres pg -> adoptDatabase(pg.postgres(), datastore, ready.get(), runId, started);
                case DatastoreConfig.Files files ->
                        adoptDirectory(projectDir.resolve(files.files()), datastore, ready.get(), runId, started);
            };
        } catch (KeepFailed e) {
            throw e;
        } catch (RuntimeException e) {
            return prepared(datastore, new StandbyUse(false, "it could not be taken over: " + describe(e)), null,
                    started);
        }
    }

    private Prepared adoptDatabase(PostgresUrl url, String datastore, StandbyMarker.Item ready, String runId,
                                   long started) {
        String standby = DatabaseNames.standby(url.database(), set.id());
        String shadow = DatabaseNames.shadow(url.database(), runId);
        if (StandbyDatabases.allowsConnections(url, standby)) {
            return prepared(datastore, new StandbyUse(false, allowedConnections(standby)), null, started);
        }
        boolean renamed = StandbyDatabases.claim(url, standby, shadow);
        if (!renamed && !StandbyDatabases.exists(url, shadow)) {
            return prepared(datastore, new StandbyUse(false, "the standby " + standby + " no longer exists"), null,
                    started);
        }
        String what = renamed ? "the standby " + standby : shadow + " (left by an interrupted attempt of this step)";
        StandbyUse use;
        try {
            StandbyDatabases.open(url, shadow);
            use = databaseUse(what, url, shadow, datastore, ready);
        } catch (RuntimeException e) {
            use = new StandbyUse(false, what + " could not be re-checked: " + describe(e));
        }
        if (use.used()) {
            return prepared(datastore, use, "renamed " + standby + " to " + shadow, started);
        }
        try {
            return keepDatabase(url, shadow, datastore, use, runId, started);
        } catch (RuntimeException e) {
            throw new KeepFailed(e); // whatever failed once it was claimed: the run's restore would drop it
        }
    }

    private Prepared keepDatabase(PostgresUrl url, String shadow, String datastore, StandbyUse use, String runId,
                                  long started) {
        String kept = DatabaseNames.kept(url.database(), runId + "_standby");
        if (StandbyDatabases.exists(url, kept)) {
            return prepared(datastore, new StandbyUse(false, use.reason() + "; the standby was kept as " + kept
                    + " by an earlier attempt of this step"), null, started);
        }
        StandbyDatabases.keep(url, shadow, kept);
        return prepared(datastore, new StandbyUse(false, use.reason() + "; kept as " + kept), null, started);
    }

    private Prepared adoptDirectory(Path live, String datastore, StandbyMarker.Item ready, String runId, long started) {
        Path standby = DirectoryNames.standby(live, set.id());
        Path staging = DirectoryNames.staging(live, runId);
        boolean renamed = StandbyDirectories.claim(standby, staging);
        if (!renamed && !Files.isDirectory(staging)) {
            return prepared(datastore, new StandbyUse(false, "the standby " + standby + " no longer exists"), null,
                    started);
        }
        String what = renamed ? "the standby " + standby : staging + " (left by an interrupted attempt of this step)";
        StandbyUse use;
        try {
            use = directoryUse(what, staging, datastore, ready);
        } catch (RuntimeException e) {
            use = new StandbyUse(false, what + " could not be re-checked: " + describe(e));
        }
        if (use.used()) {
            return prepared(datastore, use, "renamed " + standby + " to " + staging, started);
        }
        Path kept = DirectoryNames.kept(live, runId + "-standby");
        if (Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
            return prepared(datastore, new StandbyUse(false, use.reason() + "; the standby was kept as " + kept
                    + " by an earlier attempt of this step"), null, started);
        }
        try {
            StandbyDirectories.keep(staging, kept);
        } catch (RuntimeException e) {
            throw new KeepFailed(e);
        }
        return prepared(datastore, new StandbyUse(false, use.reason() + "; kept as " + kept), null, started);
    }

    private StandbyUse databaseUse(String what, PostgresUrl url, String database, String datastore,
                                   StandbyMarker.Item ready) {
        List<TableCount> tables = item(datastore).tables();
        List<String> changes = StandbyDatabases.changes(url, database, tables, ready.nextXid());
        return changes.isEmpty()
                ? new StandbyUse(true, what + ", ready since " + readyAt() + ": " + tables.size() + " tables with the"
                        + " manifest's exact row counts, no row written since")
                : new StandbyUse(false, what + " is not as it was when ready: " + String.join("; ", changes));
    }

    private StandbyUse directoryUse(String what, Path dir, String datastore, StandbyMarker.Item ready) {
        List<FileEntry> files = item(datastore).files();
        Path backupDir = layout.itemDir(set.environment(), set.id(), item(datastore).location());
        VerifyResult changes = StandbyDirectories.changes(dir, files, backupDir, ready.lastChange());
        return changes.ok()
                ? new StandbyUse(true, what + ", ready since " + readyAt() + ": " + files.size() + " files with the"
                        + " manifest's sizes, none changed since, and only the backup's directories and links")
                : new StandbyUse(false, what + " is not as it was when ready: " + changes.summary());
    }

    private static String allowedConnections(String standby) {
        return "the standby allowed connections: " + standby + " accepts connections (datallowconn is true), so a"
                + " write its re-check cannot see (a sequence, a constraint, an index) may have reached it";
    }

    /**
     * A claimed standby that failed its re-check could not be kept: the step fails rather than let the restore drop
     * or delete it. Run again, it finds the claimed copy and keeps it.
     */
    static final class KeepFailed extends RewindException {
        KeepFailed(RuntimeException cause) {
            super(cause instanceof RewindException r ? r.code() : ErrorCode.FAILED, describe(cause), cause);
        }
    }

    /** A failure's message for the journal; an unexpected exception's (a bug, a malformed marker) with its type. */
    static String describe(RuntimeException e) {
        return e instanceof RewindException ? e.getMessage() : e.toString();
    }

    private Optional<StandbyMarker.Item> ready(String datastore) {
        return marker.filter(m -> m.setId().equals(set.id())).flatMap(m -> m.item(datastore));
    }

    private String noStandby(String datastore) {
        return marker.map(m -> m.setId().equals(set.id())
                        ? "the standby of " + set.id() + " has no " + datastore
                        : "the environment's standby is of " + m.setId() + ", not of " + set.id())
                .orElse("no standby of " + set.id() + " is ready");
    }

    private String readyAt() {
        return marker.orElseThrow().readyAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private BackupManifest.Item item(String datastore) {
        return manifest.items().stream().filter(i -> i.datastore().equals(datastore)).findFirst().orElseThrow();
    }

    private static Prepared prepared(String datastore, StandbyUse use, String detail, long startedNanos) {
        return new Prepared(datastore, use, detail, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
