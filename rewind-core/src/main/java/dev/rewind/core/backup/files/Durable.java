package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Forces directory entries to disk, so new files and renames survive a power loss (file data is forced by the copy). */
final class Durable {

    private Durable() {}

    /**
     * Forces the entries of {@code root}, of every directory under it and of its parent to disk, so that copies whose
     * data is already forced survive a power loss together with their names.
     */
    static void syncDirectories(Path root) {
        List<Path> directories = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    directories.add(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot list " + root + ": " + IoErrors.describe(e)
                    + "\n    fix: check that Rewind may read every directory under it", e);
        }
        directories.add(root.toAbsolutePath().getParent());
        Parallel.map(directories, Durable::sync);
    }

    /** Forces the entries of {@code dir} to disk (its renames and new files). Always returns null. */
    static Void sync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
            return null;
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot force the directory " + dir + " to disk: "
                    + IoErrors.describe(e) + "\n    fix: check that the disk is healthy and writable", e);
        }
    }
}
