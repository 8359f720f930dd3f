package dev.rewind.core.backup.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes a directory tree that Rewind made: an incomplete snapshot, a staging directory, or a backup set or kept
 * directory that an operator prunes. Links are removed, never followed, so removing a set's hard link to a file leaves
 * every other set that links to it intact.
 */
public final class OwnTree {

    private OwnTree() {}

    /** Deletes {@code root} and everything under it (nothing when it does not exist); links are never followed. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a tree Rewind made after {@code failure}; a failure to delete is attached to it, never lost. */
    static RuntimeException deleteAfter(Path root, RuntimeException failure) {
        try {
            delete(root);
        } catch (IOException e) {
            failure.addSuppressed(new IOException("could not remove the incomplete " + root
                    + "; delete it by hand", e));
        }
        return failure;
    }
}
