package dev.rewind.bench;

import java.time.Duration;
import java.util.Locale;

/** Progress on stderr, so stdout carries only the results. */
final class Log {

    private static final long STARTED = System.nanoTime();

    private Log() {}

    static void info(String message) {
        long seconds = Duration.ofNanos(System.nanoTime() - STARTED).toSeconds();
        System.err.printf(Locale.ROOT, "[%3d:%02d] %s%n", seconds / 60, seconds % 60, message);
    }
}
