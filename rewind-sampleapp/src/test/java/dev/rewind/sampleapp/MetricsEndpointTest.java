package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics in the Prometheus text format, with bounded path labels. */
class MetricsEndpointTest {

    /** One sample line, {@code name{label="value",...} number}, with label values that may hold escapes. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*)} (\\S+)");

    private static Map<String, Double> samples(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : exposition.lines().toList()) {
            if (line.startsWith("#")) {
                assertThat(line).matches("# (HELP|TYPE) [a-z_]+ .+");
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: " + line).isTrue();
            samples.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    @Test
    void countsRequestsByNormalisedPathWithAHistogram() throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v7")) {
            app.get("/api/items/1");
            app.get("/api/items/2");
            app.get("/health");
            HttpResponse<String> response = app.get("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");

            Map<String, Double> samples = samples(response.body());
            assertThat(samples)
                    .containsEntry("http_requests_total{method=\"GET\",path=\"/api/items/{id}\",code=\"503\"}", 2.0)
                    .containsEntry("http_requests_total{method=\"GET\",path=\"/health\",code=\"503\"}", 1.0)
                    .containsEntry("http_request_duration_seconds_bucket{path=\"/api/items/{id}\",le=\"+Inf\"}", 2.0)
                    .containsEntry("http_request_duration_seconds_count{path=\"/api/items/{id}\"}", 2.0)
                    .containsEntry("sampleapp_info{version=\"v7\"}", 1.0)
                    .containsKey("http_request_duration_seconds_sum{path=\"/api/items/{id}\"}")
                    .containsKey("http_request_duration_seconds_bucket{path=\"/health\",le=\"0.005\"}");
            assertThat(samples.keySet()).noneMatch(k -> k.contains("/api/items/1"));
            assertThat(response.body()).contains("# TYPE http_request_duration_seconds histogram\n");
        }
    }
}
