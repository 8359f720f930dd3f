package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The standby directories beside a live directory ({@link DirectoryNames#standby}): a files backup staged ahead of
 * a rollback. A standby is found and removed by its name; a rollback claims one by renaming it to its own staging
 * name, after which nothing else touches it, and then checks it with {@link #changes}.
 */
public final class StandbyDirectories {

    private StandbyDirectories() {}

    /** Every standby directory beside {@code live}, whatever set it belongs to. */
    public static List<Path> list(Path live) {
        Path absolute = live.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = absolute.getFileName() + DirectoryNames.STANDBY_INFIX;
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot list " + parent + ": " + IoErrors.describe(e)
                    + "\n    fix: check that Rewind may read it", e);
        }
    }

    /** Removes a standby directory (only one, by name). */
    public static void remove(Path standby) {
        if (!DirectoryNames.isStandby(standby)) {
            throw new RewindException(ErrorCode.FAILED, "refusing to remove " + standby + ": it is not a standby"
                    + " directory\n    fix: remove only names made by DirectoryNames.standby");
        }
        try {
            OwnTree.delete(standby);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot remove the standby " + standby + ": "
                    + IoErrors.describe(e) + "\n    fix: check its permissions, or delete it by hand", e);
        }
    }

    /**
     * Renames {@code standby} to {@code staging} (a staging directory left by an interrupted restore is removed
     * first). False, changing nothing, when there is no standby to claim.
     */
    public static boolean claim(Path standby, Path staging) {
        if (!Files.exists(standby, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!DirectoryNames.isStaging(staging)) {
            throw new RewindException(ErrorCode.FAILED, "refusing to claim " + standby + " as " + staging
                    + ": not a staging name\n    fix: name it with DirectoryNames.staging(live, id)");
        }
        try {
            OwnTree.delete(staging);
            Files.move(standby, staging, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot rename the standby " + standby + " to " + staging
                    + ": " + IoErrors.describe(e) + "\n    fix: remove the cause; the rollback restores from the"
                    + " backup instead", e);
        }
        Durable.sync(staging.toAbsolutePath().normalize().getParent());
        return true;
    }

    /**
     * Renames a claimed standby that failed its re-check to {@code kept} ({@link DirectoryNames#kept}), so the run's
     * restore does not delete what was written into it; {@code rewind prune} lists it with the other kept directories.
     */
    public static void keep(Path claimed, Path kept) {
        try {
            Files.move(claimed, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot keep " + claimed + " as " + kept + ": "
                    + IoErrors.describe(e) + "\n    fix: remove the cause, then run the rollback again", e);
        }
        Durable.sync(kept.toAbsolutePath().normalize().getParent());
    }

    /**
     * The newest status change (ctime) of every entry under {@code dir}: regular files, directories and symbolic
     * links. A later write, truncation, rename, {@code chmod} or {@code touch} of a file gives it a newer one, and so
     * does an entry added to, removed from or renamed in a directory to that directory, and a rename to what was
     * moved (on Linux). The kernel sets ctime; no user call can set it back. {@code dir} itself is left out: the
     * claim renames it.
     */
    public static Instant lastChange(Path dir) {
        Tree.Listing listing = Tree.list(dir);
        return Stream.of(listing.files().stream().map(Tree.FileInfo::path), listing.directories().stream(),
                        listing.links().stream()).flatMap(Function.identity())
                .map(path -> changed(RelativePaths.resolve(dir, path))).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /**
     * What differs in {@code dir} from the backup it was restored from ({@code manifest}'s files, and the
     * directories and symbolic links of {@code backupDir}) and from its state when it was ready: entries missing,
     * entries the backup does not hold (a directory moved in, a link), files with another size, and entries changed
     * (ctime) after {@code lastChange}: a directory moved in from elsewhere keeps its files' old ctimes, but not its
     * own. Empty when none. The files' contents are not read.
     */
    public static VerifyResult changes(Path dir, List<FileEntry> manifest, Path backupDir, Instant lastChange) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new VerifyResult(manifest.stream().map(FileEntry::path).toList(), List.of(), List.of());
        }
        Tree.Listing present = Tree.list(dir);
        Tree.Listing backup = Tree.list(backupDir);
        Map<String, Tree.FileInfo> files = present.files().stream()
                .collect(Collectors.toMap(Tree.FileInfo::path, Function.identity()));
        Set<String> missing = new TreeSet<>();
        Set<String> altered = new TreeSet<>();
        for (FileEntry entry : manifest) {
            Tree.FileInfo file = files.get(entry.path());
            if (file == null) {
                missing.add(entry.path());
            } else if (file.size() != entry.size() || changedSince(dir, entry.path(), lastChange)) {
                altered.add(entry.path());
            }
        }
        Set<String> unexpected = new TreeSet<>(files.keySet());
        manifest.forEach(entry -> unexpected.remove(entry.path()));
        compare(dir, names(present.directories()), names(backup.directories()), lastChange, missing, altered,
                unexpected);
        compare(dir, present.links(), backup.links(), lastChange, missing, altered, unexpected);
        return new VerifyResult(List.copyOf(missing), List.copyOf(altered), List.copyOf(unexpected));
    }

    /** Directories as {@code path/}, so that a message tells them from files. */
    private static List<String> names(List<String> directories) {
        return directories.stream().map(d -> d + "/").toList();
    }

    private static void compare(Path dir, List<String> present, List<String> expected, Instant lastChange,
                                Set<String> missing, Set<String> altered, Set<String> unexpected) {
        Set<String> wanted = Set.copyOf(expected);
        for (String entry : present) {
            if (!wanted.contains(entry)) {
                unexpected.add(entry);
            } else if (changedSince(dir, entry, lastChange)) {
                altered.add(entry);
            }
        }
        wanted.stream().filter(entry -> !present.contains(entry)).forEach(missing::add);
    }

    private static boolean changedSince(Path dir, String entry, Instant lastChange) {
        return changed(RelativePaths.resolve(dir, entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry))
                .isAfter(lastChange);
    }

    private static Instant changed(Path file) {
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant();
        } catch (IOException | UnsupportedOperationException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot read the status change time of " + file + ": " + e
                    + "\n    fix: standbys need a POSIX file system; prepare none here", e);
        }
    }
}
