package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.files.SwapResult.Outcome;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The swap as a small state machine over which of live, staging and kept exist, so that a swap stopped between its
 * two renames finishes when repeated. Live and kept are never deleted.
 */
final class DirectorySwap {

    private DirectorySwap() {}

    static SwapResult swap(Path live, Path staging, Path kept) {
        requireSiblings(live, staging, kept);
        boolean hasLive = exists(live);
        boolean hasStaging = exists(staging);
        boolean hasKept = exists(kept);
        if (!hasStaging) {
            return finishedOrNothingStaged(live, staging, kept, hasLive, hasKept);
        }
        if (hasLive && hasKept) {
            throw new RewindException(ErrorCode.NEEDS_HUMAN, "cannot swap " + staging + " into " + live + ": "
                    + "the live directory, the staged copy and the kept directory " + kept + " all exist, so an "
                    + "earlier swap finished and the staging was made again afterwards\n    fix: if " + live
                    + " is the restored state, delete " + staging + ", else move " + live + " aside by hand");
        }
        Outcome outcome = hasKept ? Outcome.RESUMED : hasLive ? Outcome.SWAPPED : Outcome.PLACED;
        if (outcome == Outcome.SWAPPED) {
            move(live, kept);
        } else if (outcome == Outcome.PLACED) {
            Tree.createDirectories(kept);
        }
        move(staging, live);
        Durable.sync(live.toAbsolutePath().normalize().getParent());
        return new SwapResult(outcome, live, kept);
    }

    private static SwapResult finishedOrNothingStaged(Path live, Path staging, Path kept, boolean hasLive,
            boolean hasKept) {
        if (hasLive && hasKept) {
            return new SwapResult(Outcome.ALREADY_SWAPPED, live, kept);
        }
        String state = hasKept
                ? "the live directory is missing and its earlier state is kept at " + kept
                : "nothing was swapped yet";
        throw new RewindException(ErrorCode.FAILED, "cannot swap into " + live + ": the staged copy " + staging
                + " does not exist and " + state + "\n    fix: stage the backup again, then swap");
    }

    private static void requireSiblings(Path live, Path staging, Path kept) {
        Path liveDir = live.toAbsolutePath().normalize();
        Path stagingDir = staging.toAbsolutePath().normalize();
        Path keptDir = kept.toAbsolutePath().normalize();
        for (Path other : new Path[] {stagingDir, keptDir}) {
            boolean sibling = liveDir.getParent() != null && liveDir.getParent().equals(other.getParent());
            if (!sibling || other.equals(liveDir) || stagingDir.equals(keptDir)) {
                throw new RewindException(ErrorCode.FAILED, other + " cannot serve beside the live directory " + live
                        + ": staging and kept must be two different siblings of it, on its file system, so the "
                        + "swap is an atomic rename\n    fix: name them with DirectoryNames.staging/kept(live, id)");
            }
        }
    }

    private static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot rename " + from + " to " + to + " atomically: "
                    + e.getReason() + "\n    fix: both must be on one file system, beside the live directory", e);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot rename " + from + " to " + to + ": "
                    + IoErrors.describe(e) + "\n    fix: remove the cause (permissions, a process holding the "
                    + "directory) and swap again: it resumes where it stopped", e);
        }
    }
}
