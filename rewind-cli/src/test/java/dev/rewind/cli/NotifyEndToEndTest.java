package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import dev.rewind.core.Json;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole rollback announced to real receivers on loopback: a JSON webhook and a Slack webhook (HTTP servers on port
 * 0), an SMTP server, and a webhook that answers 500, which delays nothing and shows in the incident report.
 */
@ExtendWith(PostgresExtension.class)
class NotifyEndToEndTest {

    @TempDir
    Path dir;

    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private HttpServer http;
    private GreenMail mail;

    @BeforeEach
    void receivers() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String path : List.of("/hook", "/slack", "/broken")) {
            received.put(path, Collections.synchronizedList(new ArrayList<>()));
            http.createContext(path, exchange -> {
                received.get(path).add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                int status = path.equals("/broken") ? 500 : 200;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
        }
        http.start();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
        mail.stop();
    }

    @Test
    void everyReceiverGetsTheRollbackInOrderAndAFailingOneIsReported(PostgresDatabase db) throws Exception {
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        String notify = RollbackScenario.VERIFY + """
                    notify:
                      - { webhook: "%1$s/hook" }
                      - { slack: "%1$s/slack" }
                      - { webhook: "%1$s/broken" }
                      - { email: [ "oncall@example.com" ], smtp: "127.0.0.1:%2$d", from: "rewind@example.com" }
                """.formatted(base, mail.getSmtp().getPort());
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump", "production", notify).deployV1ThenV2()) {
            ProcessResult result = new CliRunner().run("rollback", "production", "--yes", "--json", "-c",
                    app.config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            String run = Json.mapper().readTree(result.stdout()).get("run_id").asText();
            List<JsonNode> events = received.get("/hook").stream().map(NotifyEndToEndTest::json).toList();
            assertThat(events).extracting(e -> e.get("event").asText())
                    .containsSubsequence("step.done", "rollback.started", "step.done", "rollback.completed")
                    .endsWith("rollback.completed").doesNotContain("rollback.failed");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("schema").asText()).isEqualTo("rewind.event/v1");
                assertThat(e.get("environment").asText()).isEqualTo("production");
                assertThat(e.get("run_id").asText()).isEqualTo(run);
                assertThat(e.get("at").asText()).isNotBlank();
                assertThat(e.get("text").asText()).isNotBlank();
            });
            JsonNode started = events.stream().filter(e -> e.get("event").asText().equals("rollback.started")).findFirst()
                    .orElseThrow();
            assertThat(started.get("values").get("target_version").asText()).isEqualTo("v1");
            assertThat(started.get("text").asText()).startsWith("ROLLBACK IN PROGRESS").contains("v2", "v1");

            List<JsonNode> slack = received.get("/slack").stream().map(NotifyEndToEndTest::json).toList();
            assertThat(slack).hasSameSizeAs(events).allSatisfy(body -> {
                assertThat(body.get("text").asText()).isNotBlank();
                JsonNode header = body.get("blocks").get(0);
                assertThat(header.get("type").asText()).isEqualTo("header");
                assertThat(header.get("text").get("type").asText()).isEqualTo("plain_text");
                assertThat(header.get("text").get("text").asText().length()).isLessThanOrEqualTo(150);
            });
            assertThat(received.get("/broken")).hasSizeGreaterThanOrEqualTo(3);

            assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                    .contains("ROLLBACK IN PROGRESS", "ROLLBACK COMPLETE");

            String report = Files.readString(dir.resolve(".rewind/reports/" + run + ".md"));
            assertThat(report).contains("Notifier failures", base + "/broken", "HTTP 500");
        }
    }

    private static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
