package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a backup directory against its manifest, recomputing every SHA-256 in parallel. Only regular files count:
 * directories and symbolic links are not in a manifest (see {@link DirectorySnapshot}).
 */
public final class DirectoryVerifier {

    private DirectoryVerifier() {}

    /** Every missing, altered and unexpected file of {@code dir} against {@code manifest}. */
    public static VerifyResult verify(Path dir, List<FileEntry> manifest) {
        return verify(dir, manifest, Progress.NONE);
    }

    /** As {@link #verify(Path, List)}, reporting the bytes hashed to {@code progress}. */
    public static VerifyResult verify(Path dir, List<FileEntry> manifest, Progress progress) {
        Progress serial = SerialProgress.of(progress);
        if (!Files.isDirectory(dir)) {
            throw new RewindException(ErrorCode.FAILED, "cannot verify the backup directory " + dir
                    + ": it does not exist or is not a directory, so the backup set is lost"
                    + "\n    fix: use another backup set (`rewind backups ENV --verify`)");
        }
        Map<String, Tree.FileInfo> present = Tree.list(dir).files().stream()
                .collect(Collectors.toMap(Tree.FileInfo::path, Function.identity()));
        Set<String> missing = new TreeSet<>();
        Set<String> altered = new TreeSet<>();
        List<FileEntry> toHash = new ArrayList<>();
        for (FileEntry entry : manifest) {
            Tree.FileInfo file = present.get(entry.path());
            if (file == null) {
                missing.add(entry.path());
            } else if (file.size() != entry.size()) {
                altered.add(entry.path());
            } else {
                toHash.add(entry);
            }
        }
        serial.start("verify " + dir, toHash.stream().mapToLong(FileEntry::size).sum());
        altered.addAll(Parallel.map(toHash, entry -> alteredPath(dir, entry, serial)));
        Set<String> unexpected = new TreeSet<>(present.keySet());
        manifest.forEach(entry -> unexpected.remove(entry.path()));
        return new VerifyResult(List.copyOf(missing), List.copyOf(altered), List.copyOf(unexpected));
    }

    /** The entry's path when the file's SHA-256 differs, else null. */
    private static String alteredPath(Path dir, FileEntry entry, Progress progress) {
        String actual = Checksums.sha256(RelativePaths.resolve(dir, entry.path()), progress);
        return actual.equals(entry.sha256()) ? null : entry.path();
    }
}
