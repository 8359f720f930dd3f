package dev.rewind.core.probe;

import static dev.rewind.core.probe.ProbeFixtures.component;
import static dev.rewind.core.probe.ProbeFixtures.environment;
import static dev.rewind.core.probe.ProbeFixtures.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.ProbeConfig;
import dev.rewind.core.probe.internal.BoundedProbe;
import dev.rewind.core.probe.internal.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeChecksTest {

    @TempDir
    Path dir;

    @Test
    void checkAllRunsEveryProbeOnceInConfigOrder() {
        try (TestHttpServer server = TestHttpServer.start()) {
            Map<String, ComponentConfig> components = new LinkedHashMap<>();
            components.put("backend", component(Map.of(), http(server.url("/health"), "json.status == \"ok\""),
                    new ProbeConfig.Command("exit 4", "worker-alive", null, null, Duration.ofSeconds(5))));
            components.put("frontend", component(Map.of(), http(server.url("/"), null)));

            CheckResult result = ProbeChecks.checkAll("production", environment(components, Map.of()), dir);

            assertThat(result.environment()).isEqualTo("production");
            assertThat(result.ok()).isFalse();
            assertThat(result.results()).extracting(ProbeResult::component, ProbeResult::probe, ProbeResult::ok)
                    .containsExactly(
                            tuple("backend", server.url("/health").toString(), true),
                            tuple("backend", "worker-alive", false),
                            tuple("frontend", server.url("/").toString(), true));
            assertThat(result.failed()).extracting(ProbeResult::reason).containsExactly("exit 4 (expected 0) with no output");
        }
    }

    @Test
    void noProbesIsOk() {
        CheckResult result = ProbeChecks.check("staging", List.of());

        assertThat(result.ok()).isTrue();
        assertThat(result.results()).isEmpty();
    }

    @Test
    void aProbeStuckPastItsTimeoutIsAbandonedWithATimeout() {
        Instant t0 = Instant.parse("2026-11-21T03:00:00Z");
        Probe stuck = new Stuck(Clock.fixed(t0, ZoneOffset.UTC));

        CheckResult result = ProbeChecks.check("production", List.of(stuck));

        ProbeResult only = result.results().get(0);
        assertThat(only.ok()).isFalse();
        assertThat(only.reason()).isEqualTo("timed out after 200ms");
        assertThat(only.at()).isEqualTo(t0);
        assertThat(only.latency()).isLessThan(Duration.ofSeconds(10));
    }

    /** A probe whose attempt ignores its own timeout, as a hung DNS lookup would. */
    private static final class Stuck extends BoundedProbe {
        private final ProbeConfig.Command config = new ProbeConfig.Command("stuck", null, null, null, Duration.ofMillis(200));

        Stuck(Clock clock) {
            super("backend", clock);
        }

        @Override
        protected Outcome attempt(long startNanos) throws InterruptedException {
            Thread.sleep(Duration.ofSeconds(30));
            return Outcome.passed(null, null);
        }

        @Override
        public ProbeConfig config() {
            return config;
        }

        @Override
        public String kind() {
            return "command";
        }
    }
}
