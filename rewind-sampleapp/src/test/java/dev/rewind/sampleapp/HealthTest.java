package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class HealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(e -> e.getKey()).toList();
    }

    @Test
    void healthyAppAnswersTheDocumentedShape(PostgresDatabase db, @TempDir Path files) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v2", "--db", db.jdbcUrl(), "--files", files.toString())) {
            HttpResponse<String> response = app.get("/health");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode health = JSON.readTree(response.body());
            assertThat(fieldNames(health))
                    .containsExactly("status", "version", "uptime_seconds", "components", "checks");
            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("version").asText()).isEqualTo("v2");
            assertThat(health.path("uptime_seconds").isIntegralNumber()).isTrue();
            JsonNode components = health.path("components");
            assertThat(fieldNames(components)).containsExactly("database", "migrations", "files");
            assertThat(fieldNames(components.path("database"))).containsExactly("status", "latency_ms");
            assertThat(components.path("database").path("status").asText()).isEqualTo("healthy");
            assertThat(components.path("database").path("latency_ms").isNumber()).isTrue();
            assertThat(components.path("migrations").toString())
                    .isEqualTo("{\"status\":\"healthy\",\"applied\":2,\"critical_pending\":0}");
            assertThat(components.path("files").toString()).isEqualTo("{\"status\":\"healthy\"}");
            assertThat(health.path("checks").toString()).isEqualTo("{\"can_deploy\":true}");
        }
    }

    @Test
    void withoutDatabaseAndWithAnUnwritableFilesDirItIsUnhealthyWithReasons(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (RunningApp app = RunningApp.start("--version", "v1", "--files", notADirectory.toString())) {
            HttpResponse<String> response = app.get("/health");
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode health = JSON.readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("unhealthy");
            assertThat(health.path("components").path("database").path("status").asText()).isEqualTo("unhealthy");
            assertThat(health.path("components").path("database").path("reason").asText()).contains("--db");
            assertThat(health.path("components").path("files").path("reason").asText())
                    .isEqualTo(notADirectory + " is not a writable directory: check --files");
            assertThat(health.path("checks").path("can_deploy").asBoolean(true)).isFalse();
        }
    }

    @Test
    void becomesUnhealthyWhenTheDatabaseGoesAway(PostgresDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v2", "--db", db.jdbcUrl())) {
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            String admin = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres?user=" + db.user();
            try (var c = DriverManager.getConnection(admin); var st = c.createStatement()) {
                st.execute("DROP DATABASE " + db.name() + " WITH (FORCE)");
            }
            HttpResponse<String> response = app.get("/health");
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode database = JSON.readTree(response.body()).path("components").path("database");
            assertThat(database.path("status").asText()).isEqualTo("unhealthy");
            assertThat(database.path("reason").asText()).startsWith("cannot reach jdbc:postgresql://")
                    .contains(db.name()).doesNotContain("user=");
        }
    }
}
