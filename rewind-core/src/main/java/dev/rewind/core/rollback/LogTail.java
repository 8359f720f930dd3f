package dev.rewind.core.rollback;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log, read from its end so a large log costs nothing. */
final class LogTail {

    static final int LINES = 20;
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {}

    /** Up to {@link #LINES} last lines; empty if the file cannot be read. */
    static List<String> last(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            if (size < length && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size());
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
        } catch (IOException e) {
            return List.of();
        }
    }
}
