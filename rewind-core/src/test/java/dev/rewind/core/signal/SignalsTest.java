package dev.rewind.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.Expressions;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.policy.PolicyEngine;
import dev.rewind.core.policy.Verdict;
import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.store.UserReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Snapshot assembly from constructed probe results, a real child process and real reports. */
class SignalsTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    static final String HEALTH_BODY = """
            {"status": "ok", "version": "1.4.2", "uptime": 12.5, "note": null, "pending": [],
             "checks": {"db": {"ok": true, "latency_ms": 12}}, "tags": ["a", 2, false]}""";

    private Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    static EnvironmentConfig environment(String metrics) {
        String yaml = """
                project: shop
                environments:
                  production:
                    components:
                      backend:
                        driver: process
                        start: java -jar backend.jar
                        probes:
                          - { http: "http://localhost:3001/api/items", name: items }
                          - { http: "http://localhost:3001/status/healthz", name: ready }
                      frontend:
                        driver: process
                        start: ./frontend
                        probes:
                          - http: http://localhost:3000/
                      worker:
                        driver: process
                        start: ./worker
                        probes:
                          - tcp: localhost:5000
                """ + metrics.indent(4);
        return ConfigLoader.parse("rewind.yaml", yaml, Map.of()).environments().get("production");
    }

    static ProbeResult result(String component, String probe, String kind, boolean ok, String body) {
        return new ProbeResult(component, probe, kind, NOW.minusSeconds(5), ok, Duration.ofMillis(40),
                ok ? "ok" : "status 503", "tcp".equals(kind) ? null : ok ? 200 : 503, body);
    }

    static List<ProbeResult> latest() {
        return List.of(
                result("backend", "items", "http", true, "[]"),
                result("backend", "ready", "http", true, HEALTH_BODY),
                result("frontend", "http://localhost:3000/", "http", false, "<html>down for maintenance</html>"),
                result("worker", "localhost:5000", "tcp", true, null));
    }

    static ProbeWindow window() {
        ProbeWindow window = new ProbeWindow();
        for (int i = 0; i < 10; i++) {
            window.accept(new ProbeResult("backend", "ready", "http", NOW.minusSeconds(60 - i), i != 0,
                    Duration.ofMillis(100 * (i + 1)), "ok", 200, null));
        }
        return window;
    }

    static Signals signals(EnvironmentConfig config, ProbeWindow window, PrometheusClient prometheus) {
        return new Signals("production", config, window, prometheus,
                new ProcessStats(Path.of("/proc"), Duration.ofMillis(100)), Signals.Options.defaults());
    }

    static Object eval(SignalSnapshot snapshot, String rule) throws Exception {
        return Expressions.runtime().createProgram(Expressions.policyAst(rule)).eval(snapshot.variables());
    }

    @Test
    void everySignalIsAssembledAndRulesEvaluateOverIt() throws Exception {
        child = new ProcessBuilder("sleep", "30").start();
        Process exited = new ProcessBuilder("true").start();
        assertThat(exited.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<UserReport> reports = List.of(
                UserReport.create("production", "ana", null, NOW.minusSeconds(60)),
                UserReport.create("production", "bob", "slow", NOW.minusSeconds(30)),
                UserReport.create("production", "ana", "again", NOW.minusSeconds(10)),
                UserReport.create("production", "carol", null, NOW.minus(Duration.ofHours(1))));

        SignalSnapshot snapshot = signals(environment(""), window(), null).collect(NOW, new SignalInputs(latest(),
                Map.of("http://localhost:3000/", 4, "items", 0), Map.of("backend", child.pid(), "frontend", exited.pid()),
                reports, Map.of("p99", 0.4)));

        assertThat(snapshot.environment()).isEqualTo("production");
        assertThat(snapshot.probes()).isEqualTo(new ProbeSummary(4, 1, 4, false));
        assertThat(snapshot.samples()).isEqualTo(10);
        assertThat(snapshot.metrics()).containsOnlyKeys("error_rate", "p50", "p99");
        assertThat(snapshot.metrics().get("error_rate")).isCloseTo(0.1, within(1e-12));
        assertThat(snapshot.metrics().get("p50")).isCloseTo(0.5, within(1e-12));
        assertThat(snapshot.metrics().get("p99")).isCloseTo(1.0, within(1e-12));
        assertThat(snapshot.metricSources()).containsEntry("p99", "probes");
        assertThat(snapshot.baseline()).containsEntry("p99", 0.4);
        assertThat(snapshot.reports().unique()).isEqualTo(2);
        assertThat(snapshot.reports().total()).isEqualTo(3);
        assertThat(snapshot.health()).containsOnlyKeys("backend");
        assertThat(snapshot.process()).containsOnlyKeys("backend");
        assertThat(snapshot.process().get("backend").rssBytes()).isPositive();
        assertThat(snapshot.missing()).containsExactlyInAnyOrder(
                "health.frontend: no data (the body of probe http://localhost:3000/ is not JSON:"
                        + " <html>down for maintenance</html>)",
                "process.worker: no data (no pid is known for component worker: is it running?)",
                "process.frontend: no data (no process " + exited.pid() + " (it has exited, or the pid is wrong))");

        JsonNode json = Json.mapper().readTree(Json.write(snapshot));
        assertThat(json.get("probes").get("failing_consecutive").asLong()).isEqualTo(4);
        assertThat(json.get("health").get("backend").get("note").isNull()).isTrue();
        assertThat(json.get("process").get("backend").get("memory_percent").asDouble()).isPositive();

        assertThat(eval(snapshot, "probes.failing_consecutive >= 3 && !probes.ok && probes.total == 4")).isEqualTo(true);
        assertThat(eval(snapshot, "metrics.p99 > 2.0 * baseline.p99")).isEqualTo(true);
        assertThat(eval(snapshot, "metrics.error_rate > 0.05")).isEqualTo(true);
        assertThat(eval(snapshot, "reports.unique >= 3")).isEqualTo(false);
        assertThat(eval(snapshot, "health.backend.status == 'ok' && health.backend.checks.db.ok"
                + " && health.backend.checks.db.latency_ms < 100 && health.backend.uptime > 10")).isEqualTo(true);
        assertThat(eval(snapshot, "health.backend.note == null && size(health.backend.pending) == 0"
                + " && health.backend.tags[1] == 2")).isEqualTo(true);
        assertThat(eval(snapshot, "process.backend.memory_percent < 0.9 && process.backend.rss_bytes > 0"
                + " && process.backend.cpu_percent >= 0.0")).isEqualTo(true);
        assertThat(eval(snapshot, "has(health.frontend) || has(process.worker)")).isEqualTo(false);
    }

    @Test
    void theDefaultPolicyDecidesOnASnapshot() {
        PolicyEngine policy = new PolicyEngine(List.of());
        SignalSnapshot failing = signals(environment(""), window(), null).collect(NOW, new SignalInputs(latest(),
                Map.of("http://localhost:3000/", 3), null, null, Map.of("p99", 0.4)));
        SignalSnapshot nothing = signals(environment(""), new ProbeWindow(), null).collect(NOW, SignalInputs.none());

        PolicyDecision rollback = policy.decide(failing.policyInput(), List.of());
        PolicyDecision unknown = policy.decide(nothing.policyInput(), List.of());

        assertThat(rollback.verdict()).isEqualTo(Verdict.ROLLBACK_NOW);
        assertThat(rollback.rule()).isEqualTo("health-checks-failing");
        assertThat(unknown.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(unknown.reason()).contains("metrics.error_rate: no data (no probe results in the last 5m)");
    }

    @Test
    void theHealthProbeIsTheOneAboutHealthElseTheFirstHttpProbe() {
        SignalSnapshot snapshot = signals(environment(""), window(), null).collect(NOW, new SignalInputs(
                List.of(result("backend", "items", "http", true, "{\"items\": 3}"),
                        result("backend", "ready", "http", false, "{\"status\": \"degraded\"}"),
                        result("frontend", "http://localhost:3000/", "http", true, "{\"page\": \"home\"}")),
                null, null, null, null));

        assertThat(snapshot.health()).containsEntry("backend", Map.of("status", "degraded"))
                .containsEntry("frontend", Map.of("page", "home"));
    }

    @Test
    void nothingMeasuredIsNoDataWithReasonsNeverZero() throws Exception {
        SignalSnapshot snapshot = signals(environment(""), new ProbeWindow(), null).collect(NOW, SignalInputs.none());

        assertThat(snapshot.metrics()).isEmpty();
        assertThat(snapshot.health()).isEmpty();
        assertThat(snapshot.process()).isEmpty();
        assertThat(snapshot.samples()).isZero();
        assertThat(snapshot.probes()).isEqualTo(new ProbeSummary(0, 0, 0, false));
        assertThat(snapshot.missing()).contains(
                "probes: no data (no probe has a result yet)",
                "metrics.error_rate: no data (no probe results in the last 5m)",
                "metrics.p50: no data (no probe results in the last 5m)",
                "metrics.p99: no data (no probe results in the last 5m)",
                "health.backend: no data (probe ready has no result yet)",
                "health.frontend: no data (probe http://localhost:3000/ has no result yet)");
        assertThat(eval(snapshot, "has(metrics.error_rate)")).isEqualTo(false);
        assertThat(eval(snapshot, "reports.unique == 0 && reports.total == 0")).isEqualTo(true);
    }

    @Test
    void anUnreachablePrometheusIsNoDataNamingItAndTheProbesStillGiveLatency() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EnvironmentConfig config = environment("""
                metrics:
                  prometheus: http://127.0.0.1:%d
                  queries: { error_rate: 'sum(rate(http_requests_total{code=~"5.."}[1m]))' }
                """.formatted(port));

        SignalSnapshot snapshot = Signals.forEnvironment("production", config, window(), HttpClient.newHttpClient())
                .collect(NOW, new SignalInputs(latest(), null, null, null, null));

        assertThat(snapshot.metrics()).containsOnlyKeys("p50", "p99");
        assertThat(snapshot.missing()).anySatisfy(line -> assertThat(line)
                .startsWith("metrics.error_rate: no data (cannot query Prometheus at http://127.0.0.1:" + port
                        + "/api/v1/query for `sum(rate(http_requests_total{code=~\"5..\"}[1m]))`: ")
                .endsWith("check metrics.prometheus and that Prometheus is running)"));
    }

    @Test
    void queriesWithoutAPrometheusAreNoDataSayingWhatToSet() {
        EnvironmentConfig config = environment("""
                metrics:
                  queries: { rps: 'sum(rate(http_requests_total[1m]))', error_rate: 'x' }
                """);

        SignalSnapshot snapshot = signals(config, window(), null).collect(NOW, SignalInputs.none());

        assertThat(snapshot.metrics()).containsOnlyKeys("error_rate", "p50", "p99");
        assertThat(snapshot.metricSources()).containsEntry("error_rate", "probes");
        assertThat(snapshot.missing()).contains("metrics.rps: no data (metrics.queries.rps is set but"
                + " metrics.prometheus is not: set it to the Prometheus server's URL)");
    }
}
