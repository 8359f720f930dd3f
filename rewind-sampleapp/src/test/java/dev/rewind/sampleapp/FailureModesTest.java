package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** --fail-rate, --latency and --health-fail-after against the running app. */
@ExtendWith(PostgresExtension.class)
class FailureModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void failRateFailsExactlyThatShareAndShowsInMetricsAndStderr(PostgresDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v2", "--db", db.jdbcUrl(), "--fail-rate", "0.5")) {
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                codes.add(app.get("/api/items").statusCode());
            }
            assertThat(codes).containsExactly(200, 500, 200, 500, 200, 500, 200, 500, 200, 500);
            assertThat(app.get("/health").statusCode()).as("--fail-rate spares /health").isEqualTo(200);

            String metrics = app.get("/metrics").body();
            assertThat(metrics).contains("http_requests_total{method=\"GET\",path=\"/api/items\",code=\"500\"} 5\n");
            assertThat(metrics).contains("http_requests_total{method=\"GET\",path=\"/api/items\",code=\"200\"} 5\n");
            assertThat(app.stderr().lines().filter(l -> l.startsWith("ERROR ")))
                    .hasSize(5)
                    .allMatch(l -> l.equals("ERROR simulated failure (--fail-rate 0.5) on GET /api/items"));
        }
    }

    @Test
    void latencyDelaysEveryRequestButMetrics() throws Exception {
        Duration latency = Duration.ofMillis(400);
        try (RunningApp app = RunningApp.start("--version", "v1", "--latency", "400ms")) {
            for (String path : List.of("/health", "/api/items")) {
                long start = System.nanoTime();
                app.get(path);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isGreaterThanOrEqualTo(latency);
            }
            String metrics = app.get("/metrics").body();
            assertThat(metrics).contains("http_request_duration_seconds_bucket{path=\"/health\",le=\"0.25\"} 0\n");
            assertThat(metrics).contains("http_request_duration_seconds_count{path=\"/health\"} 1\n");
        }
    }

    @Test
    void healthFailAfterTurnsHealthUnhealthy(PostgresDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v2", "--db", db.jdbcUrl(), "--health-fail-after", "2s")) {
            HttpResponse<String> first = app.get("/health");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(JSON.readTree(first.body()).path("status").asText()).isEqualTo("ok");

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.get("/health").statusCode() == 503);
            JsonNode health = JSON.readTree(app.get("/health").body());
            assertThat(health.path("status").asText()).isEqualTo("unhealthy");
            assertThat(health.path("components").path("database").path("status").asText()).isEqualTo("unhealthy");
            assertThat(health.path("components").path("database").path("reason").asText())
                    .isEqualTo("simulated failure: --health-fail-after 2s has passed");
            assertThat(health.path("checks").path("can_deploy").asBoolean(true)).isFalse();
            assertThat(health.path("uptime_seconds").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(app.get("/api/items").statusCode()).as("only /health is affected").isEqualTo(200);
        }
    }
}
