package dev.rewind.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Ids;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: Prometheus text without a token, fed by the health monitor and the state store. */
class MetricsEndpointTest {

    @TempDir
    Path dir;

    private TestServer api;

    @BeforeEach
    void start() {
        api = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void prometheusScrapesProbeResultsAndDecisionsWithoutAToken() {
        api.rewind.store().insertDecision(new Decision(Ids.decision(), "staging", null, Instant.now(), "CONTINUE", "[]",
                null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/metrics", null).body())
                .contains("rewind_probe_results_total{component=\"backend\",environment=\"production\",outcome=\"ok\","
                        + "probe=\"alive\"}")
                .contains("rewind_decisions_total{action=\"CONTINUE\",environment=\"staging\"} 1.0"));
        HttpResponse<String> response = api.get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
    }
}
