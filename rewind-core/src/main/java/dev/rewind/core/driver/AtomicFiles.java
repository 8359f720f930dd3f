package dev.rewind.core.driver;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Small state files written whole or not at all, and durably: a temporary file beside the target, forced to disk,
 * then an atomic rename, itself forced to disk with the directory. A crash or power loss leaves the old file or the
 * new one, never a torn one.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void write(Path file, String content) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            force(tmp, StandardOpenOption.WRITE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            force(file.getParent(), StandardOpenOption.READ);
        } catch (IOException e) {
            removeTemporary(tmp, e);
            throw Failures.io("cannot write " + file, e, "check that Rewind may write to " + file.getParent());
        }
    }

    /** The file's text, or empty when it does not exist. */
    public static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw Failures.io("cannot read " + file, e, "check that Rewind may read it");
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw Failures.io("cannot delete " + file, e, "check that Rewind may write to " + file.getParent());
        }
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    private static void removeTemporary(Path tmp, IOException failure) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
