package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Snapshots one live file: a hard link to the previous set's copy when the file is provably unchanged (same size and
 * modification time, and its SHA-256 recomputed from the live file equals the recorded one), else a hashed copy.
 * Links only ever point into the previous set, never at a live file. After the first failed link (another file
 * system, a link limit) the rest of the snapshot copies.
 */
final class FileCopier {

    private final Path live;
    private final Path target;
    private final Map<String, FileEntry> previous;
    private final Path previousDir;
    private final Progress progress;
    private final AtomicBoolean linking;

    FileCopier(Path live, Path target, Map<String, FileEntry> previous, Path previousDir, Progress progress) {
        this.live = live;
        this.target = target;
        this.previous = previous;
        this.previousDir = previousDir;
        this.progress = progress;
        this.linking = new AtomicBoolean(previousDir != null);
    }

    /** The entry of {@code file}, or null when the application deleted the file after it was listed. */
    FileEntry snapshot(Tree.FileInfo file) {
        Path source = RelativePaths.resolve(live, file.path());
        Path copy = RelativePaths.resolve(target, file.path());
        try {
            return linkOrCopy(file, source, copy);
        } catch (IOException e) {
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            throw new RewindException(ErrorCode.FAILED, "cannot back up " + source + " to " + copy + ": "
                    + IoErrors.describe(e) + "\n    fix: check that the file is readable and the backups directory "
                    + "has space", e);
        }
    }

    private FileEntry linkOrCopy(Tree.FileInfo file, Path source, Path copy) throws IOException {
        FileEntry before = unchangedCandidate(file);
        if (before == null) {
            return Checksums.copyAndHash(source, copy, file.path(), progress);
        }
        String sha256 = Checksums.hash(source, progress);
        if (sha256.equals(before.sha256()) && link(copy, RelativePaths.resolve(previousDir, file.path()))) {
            return new FileEntry(file.path(), before.size(), file.modified(), sha256);
        }
        return Checksums.copyAndHash(source, copy, file.path(), Progress.NONE);
    }

    /** The previous entry when size and time match and its copy is still there, else null. */
    private FileEntry unchangedCandidate(Tree.FileInfo file) throws IOException {
        FileEntry before = previous.get(file.path());
        if (!linking.get() || before == null || before.size() != file.size()
                || !sameMillisecond(before.modified(), file.modified())) {
            return null;
        }
        return isIntactCopy(RelativePaths.resolve(previousDir, file.path()), before) ? before : null;
    }

    /** Compared to the millisecond, so a manifest stored with millisecond times still links; the hash decides. */
    private static boolean sameMillisecond(Instant a, Instant b) {
        return a != null && a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
    }

    private static boolean isIntactCopy(Path copy, FileEntry before) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(copy, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() && attrs.size() == before.size();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private boolean link(Path copy, Path previousCopy) throws IOException {
        if (!linking.get()) {
            return false;
        }
        try {
            Files.createLink(copy, previousCopy);
            return true;
        } catch (FileSystemException | UnsupportedOperationException e) {
            linking.set(false);
            return false;
        }
    }
}
