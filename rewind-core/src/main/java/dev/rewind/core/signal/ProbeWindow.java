package dev.rewind.core.signal;

import static java.util.Objects.requireNonNull;

import dev.rewind.core.config.Durations;
import dev.rewind.core.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The probe results of the last few minutes, from which metrics are derived when no Prometheus is configured:
 * {@code error_rate}, {@code p50} and {@code p99} (seconds). An empty window has no data; it is never zero.
 * Safe to use from several threads: probes {@link #accept} while signals are read.
 */
public final class ProbeWindow {

    public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(5);
    /** At most this many results are kept, the oldest dropped first, whatever the window's length. */
    static final int MAX_RESULTS = 100_000;

    private final Duration length;
    private final Deque<ProbeResult> results = new ArrayDeque<>();

    public ProbeWindow() {
        this(DEFAULT_LENGTH);
    }

    public ProbeWindow(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a probe window must be longer than zero, was " + length);
        }
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** Adds one result; results older than the window behind the newest are dropped. */
    public synchronized void accept(ProbeResult result) {
        requireNonNull(result.at(), "result.at");
        results.addLast(result);
        Instant horizon = result.at().minus(length);
        while (results.size() > MAX_RESULTS || results.getFirst().at().isBefore(horizon)) {
            results.removeFirst();
        }
    }

    /** How many results are kept now. */
    synchronized int size() {
        return results.size();
    }

    /** The results with {@code now - length <= at <= now}, in arrival order. */
    public synchronized List<ProbeResult> results(Instant now) {
        Instant from = now.minus(length);
        return results.stream().filter(r -> !r.at().isBefore(from) && !r.at().isAfter(now)).toList();
    }

    /** The window's numbers at {@code now}. */
    public WindowStats stats(Instant now) {
        List<ProbeResult> window = results(now);
        int failures = (int) window.stream().filter(r -> !r.ok()).count();
        double[] seconds = window.stream().filter(r -> r.latency() != null)
                .mapToDouble(r -> r.latency().toNanos() / 1e9).sorted().toArray();
        String none = "no probe results in the last " + Durations.format(length);
        MetricValue errorRate = window.isEmpty() ? MetricValue.noData("error_rate", none)
                : MetricValue.of("error_rate", (double) failures / window.size());
        String noLatency = window.isEmpty() ? none : "no probe result in the last " + Durations.format(length)
                + " has a latency";
        return new WindowStats(now.minus(length), now, window.size(), failures, errorRate,
                percentile("p50", seconds, 0.50, noLatency), percentile("p99", seconds, 0.99, noLatency));
    }

    /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
    private static MetricValue percentile(String name, double[] sorted, double q, String none) {
        if (sorted.length == 0) {
            return MetricValue.noData(name, none);
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return MetricValue.of(name, sorted[Math.max(rank, 1) - 1]);
    }
}
