package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.driver.ComponentDriver;
import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.Drivers;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real project for rollback tests: the sample app as the {@code releases}-driven backend of {@code production},
 * a real PostgreSQL database and an uploads directory. {@link #deployV1ThenV2()} leaves v1's data in a backup set
 * and v2 live with rows and files written after the backup.
 */
final class RollbackScenario implements AutoCloseable {

    static final Path SAMPLE_APP = Path.of("target/classes/example/app/sampleapp.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dir;
    final PostgresDatabase db;
    final String env;
    final int port;
    final Path config;
    String backupId;

    /** The verification of the scenario's environment: the items API and table. */
    static final String VERIFY = """
                verify:
                  smoke:
                    - { name: items-api, http: "GET http://127.0.0.1:{port}/api/items", expect: { status: 200 } }
                  sql:
                    - { name: items-table, datastore: db, query: "SELECT count(*) >= 0 FROM items" }
            """;

    RollbackScenario(Path dir, PostgresDatabase db, String strategy) {
        this(dir, db, strategy, "production", VERIFY);
    }

    /**
     * @param env   the environment's name
     * @param extra more of the environment's config, indented by four spaces (e.g. {@code "    rto: 15m\n"});
     *              {@code {port}} is the app's port
     */
    RollbackScenario(Path dir, PostgresDatabase db, String strategy, String env, String extra) {
        this.dir = dir;
        this.db = db;
        this.env = env;
        this.port = freePort();
        this.config = dir.resolve("rewind.yaml");
        write("rewind.yaml", """
                project: shop
                environments:
                  %s:
                    confirm: true
                    components:
                      backend:
                        driver: releases
                        root: backend
                        start: ./start.sh
                        env: { PORT: "%d", DB: "%s", FILES: uploads }
                        grace: 5s
                        start_timeout: 30s
                        probes:
                          - http: http://127.0.0.1:%d/health
                            interval: 1s
                            expect: { status: 200, body: 'json.status == "ok"', max_latency: 2s }
                    datastores:
                      db: { postgres: "%s", strategy: %s }
                      uploads: { files: uploads }
                """.formatted(env, port, db.jdbcUrl(), port, db.url(), strategy) + extra.replace("{port}", String.valueOf(port)));
        release("v1", "v1");
        release("v2", "v2");
        createDirectories(dir.resolve("uploads"));
    }

    /** Edits rewind.yaml, e.g. to point at a server started after the scenario. */
    void replaceInConfig(String from, String to) {
        try {
            Files.writeString(config, Files.readString(config).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A release directory {@code backend/releases/<name>} running the sample app as {@code appVersion} with flags. */
    RollbackScenario release(String name, String appVersion, String... flags) {
        Path script = write("backend/releases/" + name + "/start.sh", """
                #!/bin/sh
                cd "$(dirname "$0")/../../.."
                exec %s -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar %s --version %s --port "$PORT" --db "$DB" --files "$FILES" %s
                """.formatted(ChildProcess.java(), SAMPLE_APP, appVersion, String.join(" ", flags)));
        executable(script);
        return this;
    }

    /** v1 live with 3 items; a backup of it; v2 live with 2 more items, written after the backup. */
    RollbackScenario deployV1ThenV2() {
        deploy("v1", null);
        for (int i = 1; i <= 3; i++) {
            postItem("v1-item-" + i);
        }
        try (Rewind rewind = rewind()) {
            backupId = rewind.backup(env, false, "tester", Progress.NONE).id();
        }
        deploy("v2", backupId);
        postItem("v2-item-1");
        postItem("v2-item-2");
        return this;
    }

    /** What a deploy will do (issue 6), by hand: stop, activate, start, wait for health, record the release live. */
    void deploy(String version, String backup) {
        ComponentDriver driver = driver();
        driver.stop();
        driver.activate(version, null);
        driver.start();
        awaitHealthy(version);
        try (Rewind rewind = rewind()) {
            rewind.store().insertRelease(new Release(Ids.release(), env, version, Map.of("backend", version),
                    "tester", Instant.now().truncatedTo(ChronoUnit.MILLIS), null, ReleaseStatus.LIVE, backup, null));
        }
    }

    ComponentDriver driver() {
        try (Rewind rewind = rewind()) {
            return Drivers.of(new DriverContext(env, "backend",
                    rewind.environment(env).components().get("backend"), dir, System.getenv()));
        }
    }

    Rewind rewind() {
        return Rewind.open(config, System.getenv());
    }

    void awaitHealthy(String version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                JsonNode health = Json.mapper().readTree(get("/health"));
                if ("ok".equals(health.path("status").asText()) && version.equals(health.path("version").asText())) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(version + " did not become healthy on port " + port);
            }
            sleep(100);
        }
    }

    /** Asks the API once and ignores the answer: traffic for the metrics. */
    void request(String path) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // down between versions: no traffic to count
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String hostPort() {
        return "127.0.0.1:" + port;
    }

    String runningVersion() throws IOException {
        return Json.mapper().readTree(get("/health")).path("version").asText();
    }

    void postItem(String name) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/items"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"body\":\"body of " + name + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    long items() {
        return ((Number) db.queryValue("SELECT count(*) FROM items")).longValue();
    }

    List<String> uploads() throws IOException {
        List<String> names = new ArrayList<>();
        Path items = dir.resolve("uploads/items");
        if (Files.isDirectory(items)) {
            try (var files = Files.list(items)) {
                files.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            }
        }
        return names;
    }

    /** The command line of the rewind CLI in a JVM of its own on this project, for tests that kill it. */
    List<String> rewindCommand(String... args) {
        List<String> command = cliCommand(args);
        command.addAll(List.of("-c", config.toString()));
        return command;
    }

    /** The command line of the rewind CLI in a JVM of its own, on the test class path. */
    static List<String> cliCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        driver().stop();
    }

    private Path write(String path, String text) {
        Path file = dir.resolve(path);
        createDirectories(file.getParent());
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void executable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
