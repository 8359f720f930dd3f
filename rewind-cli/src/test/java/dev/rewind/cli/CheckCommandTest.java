package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.rewind.core.Json;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{\"status\":\"ok\"}";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(status, bytes.length);
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void allProbesOkExitsZeroWithATable() throws IOException {
        Path config = config();

        ProcessResult result = check("check", "production", "-c", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .matches("(?s)COMPONENT\\s+PROBE\\s+OK\\s+LATENCY\\s+REASON\n"
                        + "backend\\s+" + url() + "\\s+✓\\s+\\d+(ms|\\.\\ds)\\s+ok\n"
                        + "backend\\s+worker\\s+✓\\s+\\d+(ms|\\.\\ds)\\s+ok\n"
                        + "✓ 2 probes of production ok\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aFailingProbeExitsOneWithItsReason() throws IOException {
        status = 503;
        body = "{\"status\":\"unhealthy\"}";
        Path config = config();

        ProcessResult result = check("check", "production", "-c", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("✗", "GET " + url() + " answered 503 (expected 200): {\"status\":\"unhealthy\"}")
                .endsWith("✗ 1 of 2 probes of production failed\n");
    }

    @Test
    void jsonIsTheCheckResult() throws IOException {
        body = "{\"status\":\"degraded\"}";
        Path config = config();

        ProcessResult result = check("check", "production", "--json", "-c", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(result.stdout());
        assertThat(json.get("environment").asText()).isEqualTo("production");
        assertThat(json.get("ok").asBoolean()).isFalse();
        JsonNode http = json.get("results").get(0);
        assertThat(http.get("component").asText()).isEqualTo("backend");
        assertThat(http.get("probe").asText()).isEqualTo(url());
        assertThat(http.get("kind").asText()).isEqualTo("http");
        assertThat(http.get("ok").asBoolean()).isFalse();
        assertThat(http.get("status").asInt()).isEqualTo(200);
        assertThat(http.get("reason").asText()).isEqualTo("body assertion json.status == \"ok\" is false: json.status = \"degraded\"");
        assertThat(http.get("body").asText()).isEqualTo("{\"status\":\"degraded\"}");
        assertThat(http.get("at").asText()).endsWith("Z");
        assertThat(http.get("latency").asText()).matches("\\d+(ms|s)\\S*");
        assertThat(json.get("results").get(1).get("status").asInt()).isZero();
        assertThat(json.get("results").get(1).get("body").isNull()).isTrue();
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() throws IOException {
        Path config = config();

        ProcessResult result = check("check", "prodution", "-c", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("unknown environment 'prodution'", "did you mean `production`?");
    }

    private Path config() throws IOException {
        Path config = dir.resolve("rewind.yaml");
        Files.writeString(config, """
                project: shop
                environments:
                  production:
                    components:
                      backend:
                        driver: process
                        start: ./run
                        probes:
                          - http: %s
                            expect: { status: 200, body: 'json.status == "ok"', max_latency: 5s }
                          - { command: "exit 0", name: worker }
                """.formatted(url()));
        return config;
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    private static ProcessResult check(String... args) {
        return new CliRunner().run(args);
    }
}
