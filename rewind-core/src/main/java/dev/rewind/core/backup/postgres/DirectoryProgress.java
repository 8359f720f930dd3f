package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports a directory's growth as progress, each time it is run (while a child process writes into it). */
final class DirectoryProgress implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryProgress.class);

    private final Path dir;
    private final Progress progress;
    private long reported;

    DirectoryProgress(Path dir, Progress progress) {
        this.dir = dir;
        this.progress = progress;
    }

    @Override
    public void run() {
        try {
            long size = size();
            if (size > reported) {
                progress.advance(size - reported);
                reported = size;
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not measure {} for progress; trying again on the next tick", dir, e);
        }
    }

    private long size() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(DirectoryProgress::sizeOf).sum();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
