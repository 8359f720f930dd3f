package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lists and mirrors directory trees without ever following a symbolic link below the root. */
final class Tree {

    /** A regular file found by a walk; {@code path} is relative, with {@code /} separators. */
    record FileInfo(String path, long size, Instant modified) {}

    /** Everything under a root: directories (empty ones too), regular files and symbolic links, by relative path. */
    record Listing(List<String> directories, List<FileInfo> files, List<String> links) {

        long totalBytes() {
            return files.stream().mapToLong(FileInfo::size).sum();
        }
    }

    private Tree() {}

    /**
     * Lists {@code dir} (if it is a symbolic link, the directory it points to); sockets, pipes and devices are left
     * out, as they hold no data to back up.
     */
    static Listing list(Path start) {
        Path root = realIfLink(start);
        List<String> directories = new ArrayList<>();
        List<FileInfo> files = new ArrayList<>();
        List<String> links = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        directories.add(RelativePaths.of(root, dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = RelativePaths.of(root, file);
                    if (attrs.isRegularFile()) {
                        files.add(new FileInfo(path, attrs.size(), attrs.lastModifiedTime().toInstant()));
                    } else if (attrs.isSymbolicLink()) {
                        links.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot list " + root + ": " + IoErrors.describe(e)
                    + "\n    fix: check that Rewind may read every file and directory under it", e);
        }
        return new Listing(directories, files, links);
    }

    private static Path realIfLink(Path dir) {
        if (!Files.isSymbolicLink(dir)) {
            return dir;
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot follow the symbolic link " + dir + ": "
                    + IoErrors.describe(e) + "\n    fix: point it at an existing directory", e);
        }
    }

    /** Creates {@code listing}'s directories under {@code target}, and its symbolic links as links to the same text. */
    static void mirror(Path source, Listing listing, Path target) {
        for (String dir : listing.directories()) {
            createDirectories(RelativePaths.resolve(target, dir));
        }
        for (String link : listing.links()) {
            Path from = RelativePaths.resolve(source, link);
            Path to = RelativePaths.resolve(target, link);
            try {
                Files.createSymbolicLink(to, Files.readSymbolicLink(from));
            } catch (IOException | UnsupportedOperationException e) {
                throw new RewindException(ErrorCode.FAILED, "cannot copy the symbolic link " + from + " to " + to
                        + ": " + e + "\n    fix: check that the target file system supports symbolic links", e);
            }
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot create the directory " + dir + ": "
                    + IoErrors.describe(e) + "\n    fix: check the permissions and free space of its parent", e);
        }
    }
}
