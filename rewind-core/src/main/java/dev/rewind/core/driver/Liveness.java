package dev.rewind.core.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} counts a zombie (an exited process its parent has
 * not reaped yet, common under a container's init) as alive; here it counts as gone. Without {@code /proc} (not
 * Linux) only {@code isAlive()} decides.
 */
final class Liveness {

    private static final Path PROC = Path.of("/proc");

    private Liveness() {}

    static boolean running(ProcessHandle process) {
        if (!process.isAlive() || !Files.isDirectory(PROC)) {
            return process.isAlive();
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(process.pid())).resolve("stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
