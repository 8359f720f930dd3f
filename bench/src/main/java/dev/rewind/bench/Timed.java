package dev.rewind.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** A value and the wall-clock time it took to make it. */
record Timed<T>(T value, Duration duration) {

    static <T> Timed<T> of(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    static Timed<Void> run(Runnable work) {
        return of(() -> {
            work.run();
            return null;
        });
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 2 min 05 s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }
}
