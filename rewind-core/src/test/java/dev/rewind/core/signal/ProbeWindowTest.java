package dev.rewind.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rewind.core.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeWindowTest {

    static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");

    static ProbeResult result(Instant at, boolean ok, long latencyMillis) {
        return new ProbeResult("backend", "health", "http", at, ok, Duration.ofMillis(latencyMillis),
                ok ? "ok" : "status 500", ok ? 200 : 500, null);
    }

    @Test
    void anEmptyWindowHasNoDataNeverZero() {
        WindowStats stats = new ProbeWindow().stats(T0);

        assertThat(stats.samples()).isZero();
        assertThat(stats.errorRate().hasData()).isFalse();
        assertThat(stats.errorRate().reason()).isEqualTo("no probe results in the last 5m");
        assertThat(stats.p50().hasData()).isFalse();
        assertThat(stats.p99().asOptional()).isEmpty();
    }

    @Test
    void errorRateIsFailedOverTotalAndLatenciesAreSecondsByNearestRank() {
        ProbeWindow window = new ProbeWindow(Duration.ofMinutes(5));
        for (int i = 1; i <= 100; i++) {
            window.accept(result(T0.plusSeconds(i), i % 4 != 0, i * 10L));
        }

        WindowStats stats = window.stats(T0.plusSeconds(100));

        assertThat(stats.samples()).isEqualTo(100);
        assertThat(stats.failures()).isEqualTo(25);
        assertThat(stats.errorRate().value()).isEqualTo(0.25);
        assertThat(stats.p50().value()).isCloseTo(0.5, within(1e-12));
        assertThat(stats.p99().value()).isCloseTo(0.99, within(1e-12));
    }

    @Test
    void fewSamplesGiveTheLargestAsP99() {
        ProbeWindow window = new ProbeWindow();
        window.accept(result(T0, true, 100));
        window.accept(result(T0.plusSeconds(1), true, 2_500));
        window.accept(result(T0.plusSeconds(2), false, 300));

        WindowStats stats = window.stats(T0.plusSeconds(3));

        assertThat(stats.p50().value()).isEqualTo(0.3);
        assertThat(stats.p99().value()).isEqualTo(2.5);
        assertThat(stats.errorRate().value()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void resultsOutsideTheWindowDoNotCount() {
        ProbeWindow window = new ProbeWindow(Duration.ofMinutes(1));
        window.accept(result(T0, false, 9_000));
        window.accept(result(T0.plusSeconds(50), true, 100));
        window.accept(result(T0.plusSeconds(70), true, 200));

        WindowStats stats = window.stats(T0.plusSeconds(90));

        assertThat(stats.from()).isEqualTo(T0.plusSeconds(30));
        assertThat(stats.samples()).isEqualTo(2);
        assertThat(stats.errorRate().value()).isZero();
        assertThat(stats.p99().value()).isEqualTo(0.2);
        assertThat(window.stats(T0.plusSeconds(500)).errorRate().reason()).isEqualTo("no probe results in the last 1m");

        window.accept(result(T0.plusSeconds(200), false, 300));
        assertThat(window.stats(T0.plusSeconds(200)).errorRate().value()).isEqualTo(1.0);
        assertThat(window.stats(T0.plusSeconds(200)).samples()).isEqualTo(1);
    }

    @Test
    void resultsWithoutLatencyCountForErrorsOnly() {
        ProbeWindow window = new ProbeWindow();
        window.accept(new ProbeResult("db", "sql", "sql", T0, false, null, "connection refused", null, null));

        WindowStats stats = window.stats(T0);

        assertThat(stats.errorRate().value()).isEqualTo(1.0);
        assertThat(stats.p50().reason()).isEqualTo("no probe result in the last 5m has a latency");
    }

    @Test
    void oldResultsAreDroppedAsNewOnesArrive() {
        ProbeWindow window = new ProbeWindow(Duration.ofSeconds(10));
        for (int i = 0; i < 1_000; i++) {
            window.accept(result(T0.plusSeconds(i), true, 1));
        }
        assertThat(window.size()).isEqualTo(11);
        assertThat(window.results(T0.plusSeconds(999))).hasSize(11);
    }

    @Test
    void aWindowMustHaveALength() {
        assertThatThrownBy(() -> new ProbeWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than zero");
    }
}
