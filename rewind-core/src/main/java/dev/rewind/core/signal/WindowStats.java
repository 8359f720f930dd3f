package dev.rewind.core.signal;

import java.time.Instant;

/**
 * What a {@link ProbeWindow} held at one moment.
 *
 * @param from      start of the window (inclusive)
 * @param to        end of the window (inclusive): the moment asked about
 * @param samples   probe results in the window
 * @param failures  those of them that failed
 * @param errorRate {@code error_rate}: failures / samples
 * @param p50       {@code p50}: median probe latency in seconds
 * @param p99       {@code p99}: 99th percentile probe latency in seconds (nearest rank: the largest of up to 100)
 */
public record WindowStats(Instant from, Instant to, int samples, int failures, MetricValue errorRate, MetricValue p50,
                          MetricValue p99) {}
