package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.StateStore;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import dev.rewind.testkit.PrometheusProcess;
import dev.rewind.testkit.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each failure mode of the real sample app leads {@code rewind decide} to the action the default policy names,
 * with the firing rule and its values in the output.
 */
@ExtendWith(PostgresExtension.class)
class DecideEndToEndTest {

    private static final Path SAMPLE_APP = Path.of("target/classes/example/app/sampleapp.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @Test
    void aHealthyReleaseContinues(PostgresDatabase db) throws Exception {
        try (ServiceProcess app = sampleApp(db)) {
            String config = project(app, "");
            liveReleaseWithBaseline(Map.of("p99", 5.0, "error_rate", 0.0)); // generous: a loaded CI machine answers slowly

            ProcessResult result = cli.run("decide", "production", "--sample", "7s", "-c", config);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).startsWith("CONTINUE  rule degraded-under-20pct fired");
        }
    }

    @Test
    void aFailRateRollsBackOnTheErrorRateRule(PostgresDatabase db) throws Exception {
        try (ServiceProcess app = sampleApp(db, "--fail-rate", "0.5")) {
            String config = project(app, "");

            ProcessResult result = cli.run("decide", "production", "--sample", "7s", "--json", "-c", config);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            JsonNode json = Json.mapper().readTree(result.stdout());
            assertThat(json.get("verdict").asText()).isEqualTo("ROLLBACK");
            assertThat(json.get("rule").asText()).isEqualTo("error-rate-over-5pct");
            assertThat(json.get("reason").asText()).contains("metrics.error_rate = 0.2");
            assertThat(json.get("metrics").get("error_rate").asDouble()).isBetween(0.15, 0.35);
        }
    }

    @Test
    void latencyAgainstTheBaselineRollsBack(PostgresDatabase db) throws Exception {
        try (ServiceProcess app = sampleApp(db, "--latency", "800ms")) {
            String config = project(app, "");
            liveReleaseWithBaseline(Map.of("p99", 0.05, "error_rate", 0.0));

            ProcessResult result = cli.run("decide", "production", "--sample", "8s", "-c", config);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stdout()).startsWith("ROLLBACK  rule p99-over-2x-baseline fired: metrics.p99 > 2.0 * baseline.p99")
                    .contains("baseline.p99 = 0.05000");
        }
    }

    @Test
    void failingHealthRollsBackNow(PostgresDatabase db) throws Exception {
        try (ServiceProcess app = sampleApp(db, "--health-fail-after", "2s")) {
            String config = project(app, "");

            ProcessResult result = cli.run("decide", "production", "--sample", "20s", "-c", config);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stdout()).startsWith("ROLLBACK_NOW  rule ")
                    .containsAnyOf("database-unhealthy fired", "health-checks-failing fired");
        }
    }

    @Test
    void aCrashRollsBackNowOnConsecutiveProbeFailures(PostgresDatabase db) throws Exception {
        try (ServiceProcess app = sampleApp(db, "--crash-after", "2s")) {
            String config = project(app, "");

            ProcessResult result = cli.run("decide", "production", "--sample", "20s", "-c", config);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stdout()).startsWith("ROLLBACK_NOW  rule health-checks-failing fired: probes.failing_consecutive >= 3")
                    .containsPattern("probes.failing_consecutive = [3-9]");
        }
    }

    @Test
    void prometheusFeedsTheErrorRateAndAnEmptyResultIsNotAPass(PostgresDatabase db) throws Exception {
        assumeTrue(PrometheusProcess.binary().isPresent() || "true".equals(System.getenv("CI")), "prometheus is not installed");
        try (ServiceProcess app = sampleApp(db, "--fail-rate", "0.5");
             PrometheusProcess prometheus = PrometheusProcess.start(PrometheusProcess.binary().orElseThrow(), dir, app.hostPort())) {
            String queries = """
                        metrics:
                          prometheus: %s
                          queries:
                            error_rate: 'sum(rate(http_requests_total{code=~"5.."}[10s])) / sum(rate(http_requests_total[10s]))'
                    """.formatted(prometheus.url());
            String config = project(app, queries);
            String empty = project(app, queries.replace("http_requests_total", "no_such_metric_total"));

            ProcessResult rollback = cli.run("decide", "production", "--sample", "12s", "--json", "-c", config);
            ProcessResult noData = cli.run("decide", "production", "--sample", "3s", "--json", "-c", empty);

            JsonNode json = Json.mapper().readTree(rollback.stdout());
            assertThat(rollback.exitCode()).as(rollback.toString()).isEqualTo(3);
            assertThat(json.get("rule").asText()).startsWith("error-rate-over");
            assertThat(json.get("metrics").get("error_rate").asDouble()).isGreaterThan(0.1);
            JsonNode none = Json.mapper().readTree(noData.stdout());
            assertThat(noData.exitCode()).as(noData.toString()).isEqualTo(4);
            assertThat(none.get("verdict").asText()).isEqualTo("INSUFFICIENT_DATA");
            assertThat(none.get("metrics").has("error_rate")).isFalse();
            assertThat(none.get("missing").toString()).contains("metrics.error_rate");
        }
    }

    private static ServiceProcess sampleApp(PostgresDatabase db, String... flags) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-jar", SAMPLE_APP.toString(),
                "--version", "v2", "--port", "0", "--db", db.jdbcUrl()));
        command.addAll(List.of(flags));
        return ServiceProcess.start(command);
    }

    /** A project whose backend probes the app's health and API every second; {@code extra} is added to the environment. */
    private String project(ServiceProcess app, String extra) throws Exception {
        Path config = dir.resolve("rewind-" + Math.abs(extra.hashCode()) + ".yaml");
        Files.writeString(config, """
                project: shop
                environments:
                  production:
                    components:
                      backend:
                        driver: process
                        start: ./start.sh
                        probes:
                          - { http: "%1$s/health", name: health, interval: 1s, timeout: 3s }
                          - { http: "%1$s/api/items", name: api, interval: 1s, timeout: 3s }
                %2$s""".formatted(app.url(), extra));
        return config.toString();
    }

    private void liveReleaseWithBaseline(Map<String, Double> baseline) {
        try (StateStore store = StateStore.open(".rewind/state.db", dir)) {
            store.insertRelease(new Release("rel-1", "production", "v1", Map.of(), "ci", Instant.parse("2026-11-20T10:00:00Z"),
                    null, ReleaseStatus.LIVE, null, null));
            store.saveBaseline("rel-1", baseline);
        }
    }
}
