package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Snapshots a live directory into a new backup directory: every regular file is copied (hashed while copied), or, when
 * it is unchanged since the previous set, hard-linked to the previous set's copy. Directories, empty ones included,
 * are recreated; symbolic links are copied as links (never followed) and are not in the manifest; sockets, pipes and
 * devices are skipped. A file deleted by the application while the snapshot runs is left out. Copies and directory
 * entries are forced to disk before it returns. On failure the incomplete target is removed (it is Rewind's own).
 */
public final class DirectorySnapshot {

    private DirectorySnapshot() {}

    /**
     * Snapshots {@code live} into {@code target}, which must not exist yet.
     *
     * @param previous    the manifest of the previous set; empty or null when there is none
     * @param previousDir the previous set's directory, or null when there is none
     * @return one entry per regular file, sorted by path
     */
    public static List<FileEntry> take(Path live, Path target, List<FileEntry> previous, Path previousDir,
            Progress progress) {
        requireLiveDirectory(live);
        requireOutside(live, target, "the backup directory");
        if (previousDir != null) {
            requireOutside(live, previousDir, "the previous backup directory");
        }
        Tree.Listing listing = Tree.list(live);
        createTarget(target);
        try {
            Tree.mirror(live, listing, target);
            Progress serial = SerialProgress.of(progress);
            serial.start("snapshot " + live, listing.totalBytes());
            FileCopier copier = new FileCopier(live, target, byPath(previous), previousDir, serial);
            List<FileEntry> entries = Parallel.map(listing.files(), copier::snapshot).stream()
                    .sorted(Comparator.comparing(FileEntry::path))
                    .toList();
            Durable.syncDirectories(target);
            return entries;
        } catch (RuntimeException e) {
            throw OwnTree.deleteAfter(target, e);
        }
    }

    private static void requireLiveDirectory(Path live) {
        if (!Files.isDirectory(live)) {
            String what = Files.exists(live) ? "is not a directory" : "does not exist";
            throw new RewindException(ErrorCode.FAILED, "cannot back up the files datastore: " + live + " " + what
                    + "\n    fix: correct the datastore's 'files:' path in rewind.yaml, or create the directory");
        }
    }

    /** Refuses {@code other} inside {@code live}: a backup there would copy itself, or link to live files. */
    private static void requireOutside(Path live, Path other, String what) {
        Path liveDir = canonical(live);
        Path otherDir = canonical(other);
        if (otherDir.startsWith(liveDir) || liveDir.startsWith(otherDir)) {
            throw new RewindException(ErrorCode.FAILED, what + " " + other + " overlaps the live directory " + live
                    + "\n    fix: keep backups outside the live directory (the 'backups:' setting in rewind.yaml)");
        }
    }

    /** The real path of an existing file (links resolved), else the absolute normalized path. */
    private static Path canonical(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot resolve " + path + ": " + IoErrors.describe(e)
                    + "\n    fix: check that it and its parents are readable", e);
        }
    }

    private static void createTarget(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(target);
        } catch (FileAlreadyExistsException e) {
            throw new RewindException(ErrorCode.FAILED, "refusing to snapshot into " + target
                    + ": it already exists and a backup never overwrites anything\n    fix: use a new backup id", e);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot create the backup directory " + target + ": "
                    + IoErrors.describe(e) + "\n    fix: check the permissions and free space of the backups directory", e);
        }
    }

    private static Map<String, FileEntry> byPath(List<FileEntry> previous) {
        if (previous == null) {
            return Map.of();
        }
        return previous.stream().collect(Collectors.toMap(FileEntry::path, Function.identity(), (a, b) -> a));
    }
}
