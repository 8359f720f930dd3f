package dev.rewind.server;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A project with two environments (production asks for confirmation; both have a passing command probe), a SQLite
 * state store in a temp directory, the server on a free port, and a token of each role.
 */
final class TestServer implements AutoCloseable {

    static final String CONFIG = """
            project: shop
            state: .rewind/state.db
            environments:
              production:
                confirm: true
                components:
                  backend:
                    driver: command
                    activate: "true"
                    probes:
                      - command: "true"
                        name: alive
              staging:
                components:
                  backend:
                    driver: command
                    activate: "true"
            """;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Rewind rewind;
    final RewindServer server;
    final String viewer;
    final String operator;
    final String admin;

    TestServer(Path dir) {
        this(dir, Clock.systemUTC());
    }

    /** With {@code clock} for the server's login throttle and its judgement of leases. */
    TestServer(Path dir, Clock clock) {
        try {
            Files.writeString(dir.resolve("rewind.yaml"), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rewind = Rewind.open(dir.resolve("rewind.yaml"), Map.of("PATH", System.getenv("PATH")));
        viewer = rewind.tokens().create("vera", Role.VIEWER, "tester").token();
        operator = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
        admin = rewind.tokens().create("root", Role.ADMIN, "tester").token();
        server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "1.2.3"), clock);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        rewind.close();
    }
}
