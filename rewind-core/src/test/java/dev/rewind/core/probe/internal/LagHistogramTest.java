package dev.rewind.core.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.probe.SchedulingLag;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LagHistogramTest {

    @Test
    void percentilesAreBucketUpperBoundsCappedByTheMax() {
        LagHistogram histogram = new LagHistogram();
        for (int i = 0; i < 98; i++) {
            histogram.record(Duration.ofMillis(1).toNanos() + 1_000);
        }
        histogram.record(Duration.ofMillis(50).toNanos());
        histogram.record(Duration.ofSeconds(30).toNanos());

        SchedulingLag lag = histogram.snapshot();

        assertThat(lag.samples()).isEqualTo(100);
        assertThat(lag.p50()).isEqualTo(Duration.ofNanos(1_010_000));
        assertThat(lag.p99()).isEqualTo(Duration.ofMillis(51));
        assertThat(lag.max()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void emptyIsZero() {
        assertThat(new LagHistogram().snapshot()).isEqualTo(new SchedulingLag(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }
}
