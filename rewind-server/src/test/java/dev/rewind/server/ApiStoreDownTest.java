package dev.rewind.server;

import static dev.rewind.server.ApiAuthTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state store that fails while the server runs (here: its SQLite file replaced by a directory, so that every
 * connection fails to open) is answered with a generic 503: its path and the database's error stay in the log.
 */
class ApiStoreDownTest {

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
    void aStoreFailureIs503WithoutThePathOrTheDatabasesError() throws IOException {
        breakTheStore();

        HttpResponse<String> authenticated = api.get("/api/environments", api.viewer);
        HttpResponse<String> badToken = api.get("/api/environments", "rwd_guess");
        HttpResponse<String> noToken = api.get("/api/environments", null);

        for (HttpResponse<String> response : List.of(authenticated, badToken)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(json(response)).isEqualTo(Json.readTree(
                    "{\"error\":\"store\",\"message\":\"the state store is unavailable; see the server log\"}"));
        }
        assertThat(noToken.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(authenticated, badToken, noToken)) {
            assertThat(response.body()).doesNotContain(dir.toString(), "state.db", "SQL", "sqlite");
        }
    }

    private void breakTheStore() throws IOException {
        Path state = dir.resolve(".rewind/state.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(state + suffix));
        }
        Files.createDirectory(state);
    }
}
