package dev.rewind.bench;

import java.time.Duration;
import java.util.Locale;

/** Rewind's time as a multiple of another's. */
final class Ratio {

    private Ratio() {}

    static String format(Duration rewind, Duration other) {
        double ratio = (double) rewind.toNanos() / other.toNanos();
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.3f×" : "%.2f×", ratio);
    }
}
