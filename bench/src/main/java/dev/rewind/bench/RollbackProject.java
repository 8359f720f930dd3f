package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.backup.BackupResult;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.StandbyResult;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.Durations;
import dev.rewind.core.driver.ComponentDriver;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.Drivers;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Rewind project whose {@code production} runs the sample app as its {@code releases}-driven backend (v1 and v2),
 * on the shop database and the uploads directory, both restored by a rollback. Deploys are done by hand, as the
 * rollback tests do: stop, activate, start through the driver, wait for health, record the release live. How the
 * backend is started, stopped and probed is a {@link Backend}.
 */
final class RollbackProject {

    static final String ENV = "production";
    static final String COMPONENT = "backend";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How the project runs its backend.
     *
     * @param service       a script run as {@code SCRIPT start|stop BACKEND_ROOT} for the component's start and stop
     *                      commands, as a stack's {@code docker compose} would be; null: Rewind starts and stops the
     *                      process itself
     * @param probeInterval how often the backend's health is probed while Rewind watches
     */
    record Backend(Path service, Duration probeInterval) {

        /** The rollback and deploy benchmarks': Rewind's own process handling, a probe every 500 ms. */
        static final Backend PROCESS = new Backend(null, Duration.ofMillis(500));

        /** The component's {@code start} (and {@code stop}) lines of rewind.yaml. */
        private String commands(Path root) {
            if (service == null) {
                return "start: ./start.sh";
            }
            return "start: \"" + command("start", root) + "\"\n        stop: \"" + command("stop", root) + "\"";
        }

        private String command(String action, Path root) {
            return Shell.quote(service) + " " + action + " " + Shell.quote(root);
        }
    }

    private final Path dir;
    private final Path config;
    private final int port;
    private final BenchServer server;
    private final Path appJar;

    RollbackProject(Path dir, BenchServer server, String strategy, Path appJar, Backend backend) {
        this.dir = dir;
        this.server = server;
        this.appJar = appJar;
        this.config = dir.resolve("rewind.yaml");
        this.port = freePort();
        write(config, """
                project: shop
                environments:
                  production:
                    confirm: true
                    components:
                      backend:
                        driver: releases
                        root: backend
                        %1$s
                        env: { %2$s }
                        grace: 5s
                        start_timeout: 60s
                        probes:
                          - http: %3$s
                            interval: %4$s
                            expect: { status: 200, body: 'json.status == "ok"', max_latency: 2s }
                    datastores:
                      db: { postgres: "%5$s", strategy: %6$s }
                      uploads: { files: uploads }
                    verify:
                      smoke:
                        - { name: items-api, http: "GET %7$s", expect: { status: 200 } }
                      sql:
                        - { name: items-table, datastore: db, query: "SELECT count(*) > 0 FROM items" }
                """.formatted(backend.commands(backendRoot()), appEnvironment().entrySet().stream()
                        .map(e -> e.getKey() + ": \"" + e.getValue() + "\"").collect(Collectors.joining(", ")),
                        health(), Durations.format(backend.probeInterval()), server.url(Bench.DATABASE).url(),
                        strategy, health().resolve("/api/items")));
        for (String version : List.of("v1", "v2")) {
            release(version, "");
        }
    }

    /**
     * Writes the start script of release {@code version}: the sample app, with {@code flags} added to its command
     * line (e.g. a failure mode that makes it a bad release).
     */
    void release(String version, String flags) {
        Path script = backendRoot().resolve("releases/" + version + "/start.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        write(script, """
                #!/bin/sh
                cd "$(dirname "$0")/../../.."
                exec %s -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar %s --version %s --port "$PORT" --db "$DB" --files "$FILES"%s
                """.formatted(java, appJar, version, flags.isEmpty() ? "" : " " + flags));
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backend's settings, which its start scripts read from the environment: PORT, DB, FILES. */
    Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("DB", "jdbc:postgresql://localhost:" + server.port() + "/" + Bench.DATABASE + "?user="
                + BenchServer.USER);
        env.put("FILES", RewindWay.UPLOADS);
        return env;
    }

    /** The component's root: {@code releases/<version>/} and the {@code current} link. */
    Path backendRoot() {
        return dir.resolve("backend");
    }

    Path dir() {
        return dir;
    }

    Path config() {
        return config;
    }

    URI health() {
        return URI.create("http://127.0.0.1:" + port + "/health");
    }

    Rewind rewind() {
        return Rewind.open(config, System.getenv());
    }

    ComponentDriver driver() {
        try (Rewind rewind = rewind()) {
            return Drivers.of(new DriverContext(ENV, COMPONENT, rewind.environment(ENV).components().get(COMPONENT),
                    dir, System.getenv()));
        }
    }

    /**
     * {@code rewind backup production} through the API: a set of both datastores, protecting the live release; timed,
     * the call alone (not opening the project).
     */
    Timed<BackupResult> backup() {
        try (Rewind rewind = rewind()) {
            return Timed.of(() -> rewind.backup(ENV, false, "bench", Progress.NONE));
        }
    }

    /**
     * The standby of {@code backupId} through the API, as a deploy prepares it during its watch (the app serving);
     * timed, the call alone.
     */
    Timed<StandbyResult> prepareStandby(String backupId) {
        try (Rewind rewind = rewind()) {
            BackupSet set = rewind.store().backupSet(backupId).orElseThrow();
            EnvironmentConfig env = rewind.environment(ENV);
            return Timed.of(() -> rewind.standbys().prepare(set, env, Progress.NONE));
        }
    }

    /** What a deploy will do: stop, activate, start, wait for health, record the release live. */
    void deploy(String version, String backupId) {
        ComponentDriver driver = driver();
        driver.stop();
        driver.activate(version, null);
        driver.start();
        awaitHealthy(version);
        recordLive(version, backupId);
        Log.info("deployed " + version);
    }

    /** Records {@code version} as the live release (with its backup set, or null), as a deploy does at its end. */
    void recordLive(String version, String backupId) {
        try (Rewind rewind = rewind()) {
            rewind.store().insertRelease(new Release(Ids.release(), ENV, version, Map.of(COMPONENT, version), "bench",
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), null, ReleaseStatus.LIVE, backupId, null));
        }
    }

    /** Polls /health every 100 ms (as Rewind's own wait does) until it answers 200 with status ok and {@code version}. */
    void awaitHealthy(String version) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health())
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = Json.mapper().readTree(response.body());
                if (response.statusCode() == 200 && "ok".equals(body.path("status").asText())) {
                    if (version.equals(body.path("version").asText())) {
                        return;
                    }
                    last = "healthy, but version " + body.path("version").asText();
                } else {
                    last = response.statusCode() + " " + response.body();
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + version, e);
            }
            sleep(100);
        }
        throw new IllegalStateException("the sample app did not answer healthy as " + version + " on " + health()
                + " within " + START_TIMEOUT.toSeconds() + " s; last: " + last);
    }

    /** Fails unless the app serves {@code version} and the live database holds {@code items} items. */
    void require(String version, long items, String after) {
        awaitHealthy(version);
        long actual = items();
        if (actual != items) {
            throw new IllegalStateException("after " + after + ", the live database has " + actual + " items, not "
                    + items + " (the backup's)");
        }
        Log.info("checked: after " + after + ", " + version + " serves on the backup's " + items + " items");
    }

    long items() {
        return Long.parseLong(server.value(Bench.DATABASE, "SELECT count(*) FROM items"));
    }

    /** Writes an item: a row in the database and a file in the uploads holding {@link #itemBody}. */
    void postItem(String name) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health().resolve("/api/items"))
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"body\":\""
                            + itemBody(name) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/items answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an item", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body {@link #postItem} writes for the item {@code name}: its row's {@code body} and its file's content. */
    static String itemBody(String name) {
        return "body of " + name;
    }

    /** Stops the app if it runs; never fails (used when cleaning up). */
    void stopQuietly() {
        try {
            driver().stop();
        } catch (RuntimeException e) {
            Log.info("stopping the sample app failed: " + e.getMessage());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
