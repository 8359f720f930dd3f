package dev.rewind.core.backup;

import dev.rewind.core.backup.files.Checksums;
import dev.rewind.core.backup.files.DirectorySnapshot;
import dev.rewind.core.backup.postgres.CloneResult;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.DumpResult;
import dev.rewind.core.backup.postgres.PostgresClone;
import dev.rewind.core.backup.postgres.PostgresDump;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.store.BackupSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Backs up one datastore into a set: a pg_dump directory, a clone database, or a copy of a directory. */
final class ItemBackup {

    private final BackupLayout layout;
    private final Path projectDir;
    private final Optional<Backups.PreviousSet> previous;
    private final Backups.Options options;
    private final Progress progress;

    ItemBackup(BackupLayout layout, Path projectDir, Optional<Backups.PreviousSet> previous, Backups.Options options,
               Progress progress) {
        this.layout = layout;
        this.projectDir = projectDir;
        this.previous = previous;
        this.options = options;
        this.progress = progress;
    }

    BackupManifest.Item take(BackupSet set, String name, DatastoreConfig datastore) {
        Path dir = layout.itemDir(set.environment(), set.id(), name);
        return switch (datastore) {
            case DatastoreConfig.Postgres pg when pg.strategy() == DatastoreConfig.Strategy.CLONE -> clone(set, name, pg);
            case DatastoreConfig.Postgres pg -> dump(name, pg, dir);
            case DatastoreConfig.Files files -> copy(name, files, dir);
        };
    }

    private BackupManifest.Item dump(String name, DatastoreConfig.Postgres pg, Path dir) {
        progress.start("dump " + name, -1);
        DumpResult dump = new PostgresDump(options.toolPath()).backup(pg.postgres(), dir, options.jobs(), progress);
        return new BackupManifest.Item(name, "postgres", "dump", name, dump.serverVersion(), dump.schema(),
                dump.tables(), checksums(dir));
    }

    private BackupManifest.Item clone(BackupSet set, String name, DatastoreConfig.Postgres pg) {
        progress.start("clone " + name, -1);
        String cloneName = DatabaseNames.cloneBackup(pg.postgres().database(), set.id());
        CloneResult clone = new PostgresClone().backup(pg.postgres(), cloneName, options.terminateConnections());
        return new BackupManifest.Item(name, "postgres", "clone", clone.cloneName(), clone.serverVersion(),
                clone.schema(), clone.tables(), List.of());
    }

    private BackupManifest.Item copy(String name, DatastoreConfig.Files files, Path dir) {
        Path live = projectDir.resolve(files.files());
        List<FileEntry> previousFiles = previousItem(name).map(BackupManifest.Item::files).orElse(List.of());
        Path previousDir = previous.map(p -> layout.itemDir(p.set().environment(), p.set().id(), name)).orElse(dir);
        List<FileEntry> entries = DirectorySnapshot.take(live, dir, previousFiles, previousDir, progress);
        return new BackupManifest.Item(name, "files", "copy", name, null, null, List.of(), entries);
    }

    private Optional<BackupManifest.Item> previousItem(String name) {
        return previous.flatMap(p -> p.manifest().items().stream()
                .filter(i -> i.datastore().equals(name) && "copy".equals(i.strategy()))
                .findFirst());
    }

    /** Every file of a dump directory with its size and SHA-256, sorted by path. */
    private List<FileEntry> checksums(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().parallel()
                    .map(file -> entry(dir, file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dump directory " + dir, e);
        }
    }

    private static FileEntry entry(Path dir, Path file) {
        try {
            return new FileEntry(dir.relativize(file).toString().replace('\\', '/'), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant(), Checksums.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
