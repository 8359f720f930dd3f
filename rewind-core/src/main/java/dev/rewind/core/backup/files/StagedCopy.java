package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Copies a backup's files into a staging directory, checking each against the manifest as it goes. */
final class StagedCopy {

    private static final int SHOWN = 10;

    private StagedCopy() {}

    /** Copies every manifest file; throws naming every missing or altered one (the caller removes the staging). */
    static void copyAll(Path backupDir, List<FileEntry> manifest, Path staging, Progress progress) {
        for (FileEntry entry : manifest) {
            Path parent = RelativePaths.resolve(staging, entry.path()).getParent();
            Tree.createDirectories(parent);
        }
        progress.start("stage " + backupDir, manifest.stream().mapToLong(FileEntry::size).sum());
        List<String> problems = Parallel.map(manifest, entry -> copy(backupDir, entry, staging, progress));
        if (!problems.isEmpty()) {
            throw new RewindException(ErrorCode.FAILED, "refusing to restore the backup " + backupDir + ": "
                    + problems.size() + " file(s) do not match its manifest: "
                    + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
                    + (problems.size() > SHOWN ? "; …" : "")
                    + ". Nothing live was touched"
                    + "\n    fix: restore another backup set (`rewind backups ENV --verify`)");
        }
    }

    /** Null when the copy matches the manifest, else what is wrong with the backup's file. */
    private static String copy(Path backupDir, FileEntry entry, Path staging, Progress progress) {
        Path source = RelativePaths.resolve(backupDir, entry.path());
        Path target = RelativePaths.resolve(staging, entry.path());
        try {
            String unusable = unusable(source);
            if (unusable != null) {
                return entry.path() + " " + unusable;
            }
            FileEntry copied = Checksums.copyAndHash(source, target, entry.path(), progress);
            if (copied.size() != entry.size()) {
                return entry.path() + " has " + copied.size() + " bytes, the manifest says " + entry.size();
            }
            if (!copied.sha256().equals(entry.sha256())) {
                return entry.path() + " has SHA-256 " + copied.sha256() + ", the manifest says " + entry.sha256();
            }
            return null;
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot copy " + source + " to " + target + ": "
                    + IoErrors.describe(e) + "\n    fix: check that the backup is readable and the live "
                    + "directory's disk has space", e);
        }
    }

    private static String unusable(Path source) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attrs.isRegularFile() ? null : "is not a regular file in the backup";
        } catch (NoSuchFileException e) {
            return "is missing from the backup";
        }
    }
}
