package dev.rewind.core.backup;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.DirectoryRestore;
import dev.rewind.core.backup.files.DirectoryVerifier;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.DatabaseSwap;
import dev.rewind.core.backup.postgres.ShadowRestore;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.BackupSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Restores a backup set beside the live data, then swaps it in. {@link #prepare} verifies the whole set first and
 * refuses a damaged one before anything is touched; it then restores into shadow databases and staged directories
 * while the live ones keep serving. {@link #swap} renames live away ({@code <db>__rewind_<tag>},
 * {@code <dir>.rewind-<tag>}) and the restored copies into place. Both steps are safe to repeat.
 */
public final class Restorer {

    private final Backups backups;
    private final BackupLayout layout;
    private final Path projectDir;
    private final Backups.Options options;

    public Restorer(Backups backups, BackupLayout layout, Path projectDir, Backups.Options options) {
        this.backups = backups;
        this.layout = layout;
        this.projectDir = projectDir;
        this.options = options;
    }

    /** One datastore restored beside its live copy, or swapped in. */
    public record Step(String datastore, String detail, long durationMillis) {}

    /** Verifies the set, then restores each selected datastore into its shadow database or staging directory. */
    public List<Step> prepare(BackupSet set, EnvironmentConfig env, Set<String> datastores, String tag, Progress progress) {
        requireIntact(set, env, progress);
        BackupManifest manifest = backups.manifest(set);
        return selected(manifest, datastores).stream()
                .map(item -> prepare(set, env, item, RestoreTargets.run(tag), progress)).toList();
    }

    /** Re-checks every checksum of the set; a damaged set is refused with every problem named. */
    private void requireIntact(BackupSet set, EnvironmentConfig env, Progress progress) {
        SetVerification verification = backups.verify(set, env, progress);
        if (!verification.ok()) {
            throw new RewindException(ErrorCode.FAILED, "backup set " + set.id() + " is damaged, so nothing was restored: "
                    + String.join("; ", verification.problems())
                    + "\n    fix: restore from another set (`rewind backups " + set.environment() + " --verify`)");
        }
    }

    /**
     * Restores the selected datastores beside their live copies all at once, checking the set as it goes rather than
     * in a pass of its own: a staged file's size and SHA-256 are checked as it is copied, a shadow database's exact
     * row counts after it is made, and a dump's files are hashed while {@code pg_restore} reads them. A damaged set
     * fails here, before anything live is touched. {@code progress} follows the first datastore only.
     */
    public List<Step> prepareChecked(BackupSet set, EnvironmentConfig env, Set<String> datastores,
                                     RestoreTargets targets, Progress progress) {
        List<BackupManifest.Item> items = selected(backups.manifest(set), datastores);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Step>> restores = new ArrayList<>();
            List<Future<List<String>>> checks = new ArrayList<>();
            for (BackupManifest.Item item : items) {
                Progress shown = item == items.getFirst() ? progress : Progress.NONE;
                restores.add(pool.submit(() -> prepare(set, env, item, targets, shown)));
                if (!item.isClone() && "postgres".equals(item.kind())) {
                    checks.add(pool.submit(() -> dumpProblems(set, item)));
                }
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> check : checks) {
                problems.addAll(await(check));
            }
            List<Step> steps = new ArrayList<>();
            RuntimeException failed = null;
            for (Future<Step> restore : restores) {
                try {
                    steps.add(await(restore));
                } catch (RuntimeException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (!problems.isEmpty()) {
                throw new RewindException(ErrorCode.FAILED, "backup set " + set.id() + " is damaged, so nothing live was"
                        + " touched: " + String.join("; ", problems) + "\n    fix: restore from another set (`rewind"
                        + " backups " + set.environment() + " --verify`)");
            }
            if (failed != null) {
                throw failed;
            }
            return steps;
        }
    }

    private List<String> dumpProblems(BackupSet set, BackupManifest.Item item) {
        var result = DirectoryVerifier.verify(layout.itemDir(set.environment(), set.id(), item.location()), item.files());
        return result.ok() ? List.of() : List.of(item.datastore() + ": " + result.summary());
    }

    /** The task's result; its own failure as it was thrown. */
    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted while restoring " + e.getMessage());
        }
    }

    /** Swaps every prepared datastore in; the replaced live copies are kept under the tag. */
    public List<Step> swap(BackupSet set, EnvironmentConfig env, Set<String> datastores, String tag) {
        return selected(backups.manifest(set), datastores).stream().map(item -> swap(env, item, tag)).toList();
    }

    private Step prepare(BackupSet set, EnvironmentConfig env, BackupManifest.Item item, RestoreTargets targets,
                         Progress progress) {
        long started = System.nanoTime();
        String detail = switch (datastore(env, item)) {
            case DatastoreConfig.Postgres pg -> {
                String shadow = targets.database(pg.postgres().database());
                ShadowRestore restore = new ShadowRestore(options.toolPath());
                if (item.isClone()) {
                    restore.fromClone(pg.postgres(), item.location(), shadow, item.tables());
                } else {
                    restore.fromDump(pg.postgres(), layout.itemDir(set.environment(), set.id(), item.location()),
                            shadow, options.jobs(), item.tables());
                }
                yield "restored into " + shadow + ", " + item.tables().size() + " tables with the manifest's row counts";
            }
            case DatastoreConfig.Files files -> {
                Path staging = targets.directory(projectDir.resolve(files.files()));
                DirectoryRestore.stage(layout.itemDir(set.environment(), set.id(), item.location()), item.files(), staging, progress);
                yield "staged " + item.files().size() + " files in " + staging;
            }
        };
        return new Step(item.datastore(), detail, (System.nanoTime() - started) / 1_000_000);
    }

    private Step swap(EnvironmentConfig env, BackupManifest.Item item, String tag) {
        long started = System.nanoTime();
        String detail = switch (datastore(env, item)) {
            case DatastoreConfig.Postgres pg -> {
                String db = pg.postgres().database();
                var result = new DatabaseSwap().swap(pg.postgres(), DatabaseNames.shadow(db, tag), DatabaseNames.kept(db, tag));
                yield "live database kept as " + result.keptName() + " (unavailable " + result.durationMillis() + " ms)";
            }
            case DatastoreConfig.Files files -> {
                Path live = projectDir.resolve(files.files());
                var result = DirectoryRestore.swap(live, DirectoryNames.staging(live, tag), DirectoryNames.kept(live, tag));
                yield "live directory kept as " + result.kept();
            }
        };
        return new Step(item.datastore(), detail, (System.nanoTime() - started) / 1_000_000);
    }

    private static List<BackupManifest.Item> selected(BackupManifest manifest, Set<String> datastores) {
        return manifest.items().stream().filter(i -> datastores.contains(i.datastore())).toList();
    }

    private static DatastoreConfig datastore(EnvironmentConfig env, BackupManifest.Item item) {
        DatastoreConfig datastore = env.datastores().get(item.datastore());
        if (datastore == null) {
            throw new RewindException(ErrorCode.CONFIG, "the backup has datastore '" + item.datastore()
                    + "', which rewind.yaml no longer defines\n    fix: add it back under `datastores:`, or restore only the others");
        }
        return datastore;
    }
}
