package dev.rewind.core.probe;

import static dev.rewind.core.probe.ProbeFixtures.http;
import static dev.rewind.core.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.BodyExpression;
import dev.rewind.core.config.HttpExpect;
import dev.rewind.core.config.ProbeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpProbeTest {

    @TempDir
    Path dir;

    private final TestHttpServer server = TestHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHealthyAnswerPasses() {
        ProbeResult result = probe(http(server.url("/health"), "json.status == \"ok\""), dir).check();

        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(result.reason()).isEqualTo("ok");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(result.kind()).isEqualTo("http");
        assertThat(result.component()).isEqualTo("backend");
        assertThat(result.probe()).isEqualTo(server.url("/health").toString());
        assertThat(result.at()).isNotNull();
        assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void aWrongStatusShowsTheRequestTheStatusAndTheBody() {
        server.answer(503, "{\"status\":\"unhealthy\",\n  \"db\": \"down\"}");

        ProbeResult result = probe(http(server.url("/health"), "json.status == \"ok\""), dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(503);
        assertThat(result.reason()).isEqualTo("GET " + server.url("/health")
                + " answered 503 (expected 200): {\"status\":\"unhealthy\", \"db\": \"down\"}");
    }

    @Test
    void aLongBodyIsCutToTwoHundredCharacters() {
        server.answer(500, "x".repeat(5000));

        ProbeResult result = probe(http(server.url("/health"), null), dir).check();

        String excerpt = result.reason().substring(result.reason().indexOf(": ") + 2);
        assertThat(excerpt).hasSize(200).endsWith("x…");
        assertThat(result.body()).hasSize(5000);
    }

    @Test
    void anEmptyErrorBodyIsSaidSo() {
        server.answer(502, "");

        ProbeResult result = probe(http(server.url("/health"), null), dir).check();

        assertThat(result.reason()).endsWith("answered 502 (expected 200) with an empty body");
    }

    @Test
    void aFalseBodyAssertionShowsTheValuesItLookedAt() {
        server.answer(200, "{\"status\":\"unhealthy\",\"checks\":{\"db\":{\"ok\":false}}}");

        ProbeResult result = probe(http(server.url("/health"),
                "json.status == \"ok\" && json.checks.db.ok && status == 200"), dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.reason()).isEqualTo("body assertion json.status == \"ok\" && json.checks.db.ok && status == 200"
                + " is false: json.status = \"unhealthy\", json.checks.db.ok = false, status = 200");
    }

    @Test
    void aMissingKeyIsAFailureNamingTheKeysThatExist() {
        server.answer(200, "{\"state\":\"ok\",\"version\":\"v2\"}");

        ProbeResult result = probe(http(server.url("/health"), "json.status == \"ok\""), dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo("body assertion json.status == \"ok\" failed: json.status is missing"
                + " (json has keys: state, version)");
    }

    @Test
    void aBodyThatIsNotJsonFailsAJsonAssertion() {
        server.answer(200, "<html>ok</html>");

        ProbeResult result = probe(http(server.url("/health"), "json.status == \"ok\""), dir).check();

        assertThat(result.reason()).isEqualTo("body assertion json.status == \"ok\" needs a JSON body, got \"<html>ok</html>\"");
    }

    @Test
    void textStatusAndMixedNumbersAreAvailable() {
        server.answer(200, "{\"load\": 0, \"items\": [1, 2, 3]}");

        ProbeResult pass = probe(http(server.url("/health"),
                "json.load < 0.9 && json.items.size() == 3 && text.contains(\"load\") && status == 200"), dir).check();
        ProbeResult fail = probe(http(server.url("/health"), "json.items[1] > 5"), dir).check();

        assertThat(pass.ok()).as(pass.reason()).isTrue();
        assertThat(fail.reason()).isEqualTo("body assertion json.items[1] > 5 is false: json.items[1] = 2");
    }

    @Test
    void aSlowAnswerFailsMaxLatency() {
        server.delay(Duration.ofMillis(300));
        var config = new ProbeConfig.Http(server.url("/health"), "health", null, null, null, Duration.ofSeconds(5),
                new HttpExpect(200, null, Duration.ofMillis(100)));

        ProbeResult result = probe(config, dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.probe()).isEqualTo("health");
        assertThat(result.reason()).matches("took [3-9][0-9]{2}ms, max_latency is 100ms");
    }

    @Test
    void aConnectionRefusedNamesHostAndPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ProbeResult result = probe(http(URI.create("http://127.0.0.1:" + port + "/health"), null), dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isNull();
        assertThat(result.reason()).isEqualTo("connection refused to 127.0.0.1:" + port + " (nothing listening there)");
    }

    @Test
    void aHangingServerTimesOut() {
        server.delay(Duration.ofSeconds(10));
        var config = new ProbeConfig.Http(server.url("/health"), null, null, null, null, Duration.ofMillis(300), null);

        ProbeResult result = probe(config, dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).startsWith("timed out after 300ms");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void methodHeadersAndExpectedStatusAreUsed() {
        server.answer(204, "");
        var config = new ProbeConfig.Http(server.url("/ready"), null, "POST", Map.of("X-Check", "rewind"), null,
                Duration.ofSeconds(2), new HttpExpect(204, new BodyExpression("text == \"\""), null));

        ProbeResult result = probe(config, dir).check();

        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(server.requests()).containsExactly("POST /ready rewind");
    }
}
