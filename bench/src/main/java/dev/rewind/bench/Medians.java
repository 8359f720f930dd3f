package dev.rewind.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Repeated measurements as the reports show them: the median, and the spread. */
final class Medians {

    private Medians() {}

    /** The median (the lower middle one of an even count). */
    static Duration of(List<Duration> times) {
        List<Duration> sorted = sorted(times);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** {@code 25.7 s (25.1 s – 27.2 s)}, or the one value of a single run. */
    static String range(List<Duration> times) {
        List<Duration> sorted = sorted(times);
        String median = Timed.format(of(times));
        return sorted.size() == 1 ? median : median + " (" + minMax(times) + ")";
    }

    /** {@code 25.1 s – 27.2 s}. */
    static String minMax(List<Duration> times) {
        List<Duration> sorted = sorted(times);
        return Timed.format(sorted.getFirst()) + " – " + Timed.format(sorted.getLast());
    }

    private static List<Duration> sorted(List<Duration> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no measurement");
        }
        return times.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
