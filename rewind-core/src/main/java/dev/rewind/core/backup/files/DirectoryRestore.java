package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Restores a files backup beside the live directory, then swaps it in: {@link #stage} makes a full, verified copy
 * (never links: the application will write into it) in {@code <live>.rewind-staging-<id>}; {@link #swap} renames
 * live to {@code <live>.rewind-<id>} and the staged copy to live. Nothing live is touched before the swap, and the
 * live directory is never deleted: it is kept for salvage. Both steps are safe to repeat after a crash, and both
 * force what they wrote or renamed to disk before returning, so a power loss after them loses nothing.
 */
public final class DirectoryRestore {

    private DirectoryRestore() {}

    /** Stages a verified full copy of {@code backupDir}; see {@link #stage(Path, List, Path, Progress)}. */
    public static void stage(Path backupDir, List<FileEntry> manifest, Path staging) {
        stage(backupDir, manifest, staging, Progress.NONE);
    }

    /**
     * Copies every file of {@code manifest} from {@code backupDir} into {@code staging} (named by
     * {@link DirectoryNames#staging}, or {@link DirectoryNames#standby} for a standby), checking each file's size and
     * SHA-256 as it is copied, and recreates the backup's directories and symbolic links. A staging directory left by
     * an interrupted attempt is removed first. On any mismatch the staging directory is removed and the error names
     * every bad file.
     */
    public static void stage(Path backupDir, List<FileEntry> manifest, Path staging, Progress progress) {
        if (!Files.isDirectory(backupDir)) {
            throw new RewindException(ErrorCode.FAILED, "cannot restore from " + backupDir
                    + ": the backup directory does not exist"
                    + "\n    fix: restore another backup set (`rewind backups ENV --verify`)");
        }
        if (!DirectoryNames.isStandby(staging)) {
            requireStagingName(staging);
        }
        removeLeftover(staging);
        Tree.Listing listing = Tree.list(backupDir);
        Tree.createDirectories(staging);
        try {
            Tree.mirror(backupDir, listing, staging);
            StagedCopy.copyAll(backupDir, manifest, staging, SerialProgress.of(progress));
            Durable.syncDirectories(staging);
        } catch (RuntimeException e) {
            throw OwnTree.deleteAfter(staging, e);
        }
    }

    /**
     * Renames {@code live} to {@code kept} and {@code staging} to {@code live}, each atomically. Safe to repeat: it
     * looks at which of the three exist and finishes the job, and does nothing when an earlier call finished it.
     * When there is no live directory, {@code kept} is created empty to record that, so a repeat can tell.
     */
    public static SwapResult swap(Path live, Path staging, Path kept) {
        requireStagingName(staging);
        return DirectorySwap.swap(live, staging, kept);
    }

    private static void requireStagingName(Path staging) {
        if (!DirectoryNames.isStaging(staging)) {
            throw new RewindException(ErrorCode.FAILED, "refusing to use " + staging + " as a staging directory: "
                    + "Rewind removes staging directories, so their name must contain '" + DirectoryNames.STAGING_INFIX
                    + "'\n    fix: make it with DirectoryNames.staging(live, id)");
        }
    }

    private static void removeLeftover(Path staging) {
        if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            OwnTree.delete(staging);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot remove " + staging + ", left by an interrupted "
                    + "restore: " + IoErrors.describe(e) + "\n    fix: delete it by hand, then run the restore again", e);
        }
    }
}
