package dev.rewind.core.probe;

import java.time.Duration;

/**
 * How late a {@link ProbeRunner} started its checks: actual start minus planned start, over every check so far.
 * Percentiles are upper bounds of 10 µs buckets below 10 ms and 1 ms buckets up to 10 s.
 *
 * @param samples checks started
 * @param p50     median lag
 * @param p99     99th percentile lag
 * @param max     worst lag
 */
public record SchedulingLag(long samples, Duration p50, Duration p99, Duration max) {}
