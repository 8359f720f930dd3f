package dev.rewind.sampleapp;

import java.util.List;

/** A Prometheus histogram of durations in seconds, for one label set. Thread-safe. */
final class Histogram {

    static final List<Double> BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final long[] counts = new long[BUCKETS.size()];
    private long count;
    private double sum;

    synchronized void observe(double seconds) {
        for (int i = 0; i < counts.length; i++) {
            if (seconds <= BUCKETS.get(i)) {
                counts[i]++;
            }
        }
        count++;
        sum += seconds;
    }

    /** Appends the {@code _bucket}, {@code _sum} and {@code _count} lines; {@code labels} is like {@code path="/x"}. */
    synchronized void render(StringBuilder out, String name, String labels) {
        for (int i = 0; i < counts.length; i++) {
            line(out, name + "_bucket", labels + ",le=\"" + BUCKETS.get(i) + "\"", Long.toString(counts[i]));
        }
        line(out, name + "_bucket", labels + ",le=\"+Inf\"", Long.toString(count));
        line(out, name + "_sum", labels, Double.toString(sum));
        line(out, name + "_count", labels, Long.toString(count));
    }

    private static void line(StringBuilder out, String name, String labels, String value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }
}
