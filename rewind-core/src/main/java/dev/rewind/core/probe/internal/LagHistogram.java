package dev.rewind.core.probe.internal;

import dev.rewind.core.probe.SchedulingLag;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free histogram of scheduling lags: 10 µs buckets below 10 ms, 1 ms buckets up to 10 s, one bucket beyond.
 * Recording is two atomic adds, cheap enough for every check of thousands of probes.
 */
public final class LagHistogram {

    private static final long FINE_LIMIT_US = 10_000;
    private static final long FINE_STEP_US = 10;
    private static final long COARSE_LIMIT_US = 10_000_000;
    private static final long COARSE_STEP_US = 1_000;
    private static final int FINE_BUCKETS = (int) (FINE_LIMIT_US / FINE_STEP_US);
    private static final int BUCKETS = FINE_BUCKETS + (int) ((COARSE_LIMIT_US - FINE_LIMIT_US) / COARSE_STEP_US) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder samples = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    public void record(long lagNanos) {
        long nanos = Math.max(0, lagNanos);
        counts.incrementAndGet(bucket(nanos / 1_000));
        samples.increment();
        maxNanos.accumulate(nanos);
    }

    public SchedulingLag snapshot() {
        long[] copy = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = counts.get(i);
            total += copy[i];
        }
        Duration max = Duration.ofNanos(maxNanos.get());
        return new SchedulingLag(total, percentile(copy, total, 0.50, max), percentile(copy, total, 0.99, max), max);
    }

    private static Duration percentile(long[] counts, long total, double quantile, Duration max) {
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                Duration upper = Duration.ofNanos(upperBoundMicros(i) * 1_000);
                return upper.compareTo(max) < 0 ? upper : max;
            }
        }
        return max;
    }

    private static int bucket(long micros) {
        if (micros < FINE_LIMIT_US) {
            return (int) (micros / FINE_STEP_US);
        }
        if (micros < COARSE_LIMIT_US) {
            return FINE_BUCKETS + (int) ((micros - FINE_LIMIT_US) / COARSE_STEP_US);
        }
        return BUCKETS - 1;
    }

    private static long upperBoundMicros(int bucket) {
        if (bucket < FINE_BUCKETS) {
            return (bucket + 1) * FINE_STEP_US;
        }
        return bucket == BUCKETS - 1 ? Long.MAX_VALUE / 1_000 : FINE_LIMIT_US + (bucket - FINE_BUCKETS + 1) * COARSE_STEP_US;
    }
}
