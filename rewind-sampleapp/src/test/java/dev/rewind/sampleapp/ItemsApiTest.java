package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class ItemsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void roundTripWritesFilesAndListsNewestFirst(PostgresDatabase db, @TempDir Path files) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v2", "--db", db.jdbcUrl(), "--files", files.toString())) {
            HttpResponse<String> created = app.post("/api/items", "{\"name\":\"first\",\"body\":\"hello\\nworld\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode item = JSON.readTree(created.body());
            long id = item.path("id").asLong();
            assertThat(item.path("name").asText()).isEqualTo("first");
            assertThat(item.path("body").asText()).isEqualTo("hello\nworld");
            assertThat(item.path("created_at").asText()).isNotBlank();
            assertThat(Files.readString(files.resolve("items").resolve(id + ".txt"))).isEqualTo("hello\nworld");

            JsonNode fetched = JSON.readTree(app.get("/api/items/" + id).body());
            assertThat(fetched.path("file").asText()).isEqualTo("hello\nworld");
            assertThat(fetched.path("name").asText()).isEqualTo("first");

            app.post("/api/items", "{\"name\":\"second\",\"body\":\"b\"}");
            JsonNode list = JSON.readTree(app.get("/api/items").body());
            assertThat(list).hasSize(2);
            assertThat(list.get(0).path("name").asText()).isEqualTo("second");
            assertThat(list.get(1).path("name").asText()).isEqualTo("first");
        }
    }

    @Test
    void answersClientMistakesWithFourHundreds(PostgresDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v1", "--db", db.jdbcUrl())) {
            HttpResponse<String> badJson = app.post("/api/items", "{\"name\":");
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badJson.body()).path("error").asText())
                    .startsWith("the request body is not valid JSON");

            HttpResponse<String> noBody = app.post("/api/items", "{\"name\":\"x\"}");
            assertThat(noBody.statusCode()).isEqualTo(400);
            assertThat(noBody.body()).contains("needs a string field \\\"body\\\"");

            assertThat(app.get("/api/items/424242").statusCode()).isEqualTo(404);
            assertThat(app.get("/api/items/abc").statusCode()).isEqualTo(404);
            assertThat(app.get("/nowhere").statusCode()).isEqualTo(404);
            assertThat(app.stderr()).doesNotContain("ERROR");
        }
    }

    @Test
    void withoutADatabaseTheApiAnswers503(@TempDir Path files) throws Exception {
        try (RunningApp app = RunningApp.start("--version", "v1", "--files", files.toString())) {
            HttpResponse<String> list = app.get("/api/items");
            assertThat(list.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(list.body()).path("error").asText()).contains("--db JDBC_URL");
        }
    }
}
