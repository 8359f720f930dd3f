package dev.rewind.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.Expressions;
import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.StateStore;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A baseline captured from a healthy release's signals, stored, read back and compared against in a rule. */
@ExtendWith(PostgresExtension.class)
class BaselineTest {

    static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");

    @TempDir
    Path project;

    static SignalSnapshot measure(Instant at, long latencyMillis, Map<String, Double> baseline) {
        ProbeWindow window = new ProbeWindow();
        for (int i = 0; i < 20; i++) {
            window.accept(new ProbeResult("backend", "health", "http", at.minusSeconds(i), true,
                    Duration.ofMillis(latencyMillis), "ok", 200, "{}"));
        }
        return SignalsTest.signals(SignalsTest.environment(""), window, null)
                .collect(at, new SignalInputs(List.of(), null, null, null, baseline));
    }

    @Test
    void captureTakesTheMetricsWithData() {
        Map<String, Double> baseline = Baseline.capture(measure(T0, 120, null));

        assertThat(baseline).containsExactly(Map.entry("error_rate", 0.0), Map.entry("p50", 0.12),
                Map.entry("p99", 0.12));
        assertThat(Baseline.capture(SignalsTest.signals(SignalsTest.environment(""), new ProbeWindow(), null)
                .collect(T0, SignalInputs.none()))).isEmpty();
    }

    @Test
    void roundTripOnSqlite() throws Exception {
        try (StateStore store = StateStore.open(".rewind/state.db", project)) {
            roundTrip(store);
        }
    }

    @Test
    void roundTripOnPostgresql(PostgresDatabase db) throws Exception {
        try (StateStore store = StateStore.open(db.url(), project)) {
            roundTrip(store);
        }
    }

    private static void roundTrip(StateStore store) throws Exception {
        Release release = new Release(Ids.release(), "production", "1.4.2", Map.of(), "ana", T0, null,
                ReleaseStatus.LIVE, null, null);
        store.insertRelease(release);
        Map<String, Double> captured = Baseline.capture(measure(T0, 120, null));

        store.saveBaseline(release.id(), captured);

        Map<String, Double> stored = store.baseline(release.id());
        assertThat(stored).isEqualTo(captured);
        SignalSnapshot slow = measure(T0.plus(Duration.ofHours(1)), 300, stored);
        var rule = Expressions.runtime().createProgram(Expressions.policyAst("metrics.p99 > 2.0 * baseline.p99"));
        assertThat(rule.eval(slow.variables())).isEqualTo(true);
        assertThat(rule.eval(measure(T0.plus(Duration.ofHours(1)), 200, stored).variables())).isEqualTo(false);
    }
}
