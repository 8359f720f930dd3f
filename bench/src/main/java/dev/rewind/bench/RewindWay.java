package dev.rewind.bench;

import dev.rewind.core.backup.BackupLayout;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.Restorer;
import dev.rewind.core.backup.SetVerification;
import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.backup.files.DirectoryRestore;
import dev.rewind.core.backup.files.SwapResult;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.DatabaseSwap;
import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.PostgresUrl;
import dev.rewind.core.config.RewindConfig;
import dev.rewind.core.store.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewind's way, through the engine's public API exactly as {@code rewind backup} and a rollback use it: {@link Backups}
 * takes a set (manifest, exact row counts, SHA-256 of every file), {@link Restorer} verifies it and restores beside
 * the live data, and the swap renames. One environment per datastore and strategy, so each is timed on its own and
 * every files snapshot is a full copy (a second set in one environment would hard-link the unchanged files), and one
 * environment per repetition for the same reason.
 */
final class RewindWay implements AutoCloseable {

    static final String DUMP = "dump";
    static final String CLONE = "clone";
    static final String FILES = "files";
    static final String DB = "db";
    static final String UPLOADS = "uploads";

    private final Path project;
    private final PostgresUrl url;
    private final RewindConfig config;
    private final StateStore store;
    private final BackupLayout layout;
    private final Backups backups;
    private final Backups.Options options;

    /** {@code repeat} environments per strategy ({@code dump-0}, {@code dump-1}…), one per repetition. */
    RewindWay(Path project, PostgresUrl url, int repeat) {
        this.project = project;
        this.url = url;
        StringBuilder yaml = new StringBuilder("project: shop\nenvironments:\n");
        for (int i = 0; i < repeat; i++) {
            environment(yaml, environment(DUMP, i), DB + ": { postgres: \"" + url.url() + "\", strategy: dump }");
            environment(yaml, environment(CLONE, i), DB + ": { postgres: \"" + url.url() + "\", strategy: clone }");
            environment(yaml, environment(FILES, i), UPLOADS + ": { files: " + UPLOADS + " }");
        }
        this.config = ConfigLoader.parse("rewind.yaml", yaml.toString(), Map.of());
        this.store = StateStore.open(config.state(), project);
        this.layout = new BackupLayout(project.resolve(config.backups()));
        this.backups = new Backups(store, layout, project, Clock.systemUTC());
        this.options = Backups.Options.defaults(System.getenv("PATH"));
    }

    int jobs() {
        return options.jobs();
    }

    /** The environment of a strategy's repetition, e.g. {@code dump-0}. */
    static String environment(String strategy, int repetition) {
        return strategy + "-" + repetition;
    }

    /** {@code rewind backup ENV}: a complete set of the environment's one datastore. */
    Backups.Taken backup(String environment) {
        return backup(environment, Progress.NONE);
    }

    /** As {@link #backup(String)}, reporting to {@code progress} (to see where a set's time goes). */
    Backups.Taken backup(String environment, Progress progress) {
        return backups.take(environment, env(environment), null, options, progress);
    }

    /** The directory of a set's item (a dump's files, a snapshot's copy). */
    Path itemDir(Backups.Taken taken, String datastore) {
        return layout.itemDir(taken.set().environment(), taken.set().id(), datastore);
    }

    /** {@code rewind backups ENV --verify} of one set: every checksum, or a clone's row counts. */
    SetVerification verify(Backups.Taken taken) {
        return backups.verify(taken.set(), env(taken.set().environment()), Progress.NONE);
    }

    /** A rollback's prepare step: verify the set, then restore it into a shadow database or staging directory. */
    List<Restorer.Step> prepare(Backups.Taken taken, String datastore, String tag) {
        String environment = taken.set().environment();
        return new Restorer(backups, layout, project, options)
                .prepare(taken.set(), env(environment), Set.of(datastore), tag, Progress.NONE);
    }

    /** The database half of a rollback's swap: live renamed to kept, the shadow renamed to live. */
    dev.rewind.core.backup.postgres.SwapResult swapDatabase(String tag) {
        return new DatabaseSwap().swap(url, DatabaseNames.shadow(url.database(), tag),
                DatabaseNames.kept(url.database(), tag));
    }

    /** The files half: live directory renamed to kept, the staged copy renamed to live. */
    SwapResult swapFiles(String tag) {
        Path live = project.resolve(UPLOADS);
        return DirectoryRestore.swap(live, DirectoryNames.staging(live, tag), DirectoryNames.kept(live, tag));
    }

    private static void environment(StringBuilder yaml, String name, String datastore) {
        yaml.append("  ").append(name).append(":\n")
                .append("    components: { app: { driver: process, start: ./app } }\n")
                .append("    datastores: { ").append(datastore).append(" }\n");
    }

    private EnvironmentConfig env(String environment) {
        return config.environments().get(environment);
    }

    @Override
    public void close() {
        store.close();
    }
}
