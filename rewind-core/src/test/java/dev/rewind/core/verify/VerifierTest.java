package dev.rewind.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rewind.core.backup.BackupLayout;
import dev.rewind.core.backup.BackupManifest;
import dev.rewind.core.backup.Backups;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.StateStore;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class VerifierTest {

    private static final String HEALTHY = "{\"status\":\"ok\"}";

    @TempDir
    Path project;

    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200, HEALTHY, 0));
        server.createContext("/broken", exchange -> answer(exchange, 500, "boom", 0));
        server.createContext("/slow", exchange -> answer(exchange, 200, HEALTHY, 300));
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void aHealthyServicePassesItsProbesResponseTimeAndSmokeTests() {
        EnvironmentConfig env = environment("""
                components:
                  api:
                    driver: process
                    start: ./api
                    probes:
                      - { http: "%s", name: health, timeout: 2s, expect: { body: 'json.status == "ok"', max_latency: 2s } }
                verify:
                  smoke: [ { name: jobs, http: "GET %s", expect: { status: 200 } } ]
                """.formatted(url("/ok"), url("/ok")));

        VerifyResult result = verify(env, VerifyScope.liveOnly());

        assertThat(result.ok()).as("%s", result.failed()).isTrue();
        assertThat(result.checks()).extracting(VerifyCheck::kind, VerifyCheck::name, VerifyCheck::ok).containsExactly(
                tuple("probe", "api/health", true), tuple("latency", "api/health", true), tuple("smoke", "jobs", true));
        assertThat(result.checks().get(0).detail()).isEqualTo("ok");
        assertThat(result.checks().get(1).detail()).matches("\\d+ ms ≤ 2s");
        assertThat(result.checks().get(2).detail()).matches("answered 200 in \\d+ ms");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void aBrokenOrSlowServiceFailsItsProbesResponseTimeAndSmokeTests() {
        EnvironmentConfig env = environment("""
                components:
                  api:
                    driver: process
                    start: ./api
                    probes:
                      - { http: "%1$s", name: broken, timeout: 2s }
                      - { http: "%2$s", name: slow, timeout: 2s, expect: { max_latency: 100ms } }
                      - { http: "%3$s", name: down, timeout: 2s, expect: { max_latency: 100ms } }
                verify:
                  smoke:
                    - { name: broken, http: "%1$s" }
                    - { name: slow, http: "GET %2$s", expect: { max_latency: 100ms } }
                """.formatted(url("/broken"), url("/slow"), "http://127.0.0.1:" + closedPort() + "/health"));

        VerifyResult result = verify(env, VerifyScope.liveOnly());

        assertThat(result.ok()).isFalse();
        assertThat(result.checks()).extracting(VerifyCheck::kind, VerifyCheck::name, VerifyCheck::ok).containsExactly(
                tuple("probe", "api/broken", false), tuple("probe", "api/slow", false), tuple("probe", "api/down", false),
                tuple("latency", "api/slow", false), tuple("latency", "api/down", false),
                tuple("smoke", "broken", false), tuple("smoke", "slow", false));
        String brokenAnswer = "GET " + url("/broken") + " answered 500 (expected 200): boom";
        assertThat(result.checks().get(0).detail()).isEqualTo(brokenAnswer);
        assertThat(result.checks().get(1).detail()).matches("took \\d+ms, max_latency is 100ms");
        assertThat(result.checks().get(3).detail()).matches("\\d+ ms > 100ms");
        assertThat(result.checks().get(4).detail()).isEqualTo("no answer to time: " + result.checks().get(2).detail());
        assertThat(result.checks().get(5).detail()).isEqualTo(brokenAnswer);
        assertThat(result.checks().get(6).detail()).matches("took \\d+ms, max_latency is 100ms");
    }

    @Test
    void aSqlCheckMustReturnTrue(PostgresDatabase db) {
        db.execute("CREATE TABLE jobs(id int); INSERT INTO jobs VALUES (1)");
        EnvironmentConfig env = environment("""
                components: { api: { driver: process, start: ./api } }
                datastores: { db: { postgres: "%s" } }
                verify:
                  sql:
                    - { name: has-jobs, datastore: db, query: "SELECT count(*) > 0 FROM jobs" }
                    - { name: no-jobs, datastore: db, query: "SELECT count(*) = 0 FROM jobs" }
                """.formatted(db.url()));

        VerifyResult result = verify(env, VerifyScope.liveOnly());

        assertThat(result.checks()).extracting(VerifyCheck::kind, VerifyCheck::name, VerifyCheck::ok).containsExactly(
                tuple("sql", "has-jobs", true), tuple("sql", "no-jobs", false));
        assertThat(result.checks().get(0).detail()).matches("returned true in \\d+ ms");
        assertThat(result.checks().get(1).detail()).isEqualTo("query returned false");
        assertThat(result.ok()).isFalse();
    }

    @Test
    void restoredDataThatMatchesTheManifestPasses(PostgresDatabase db) {
        EnvironmentConfig env = dataEnvironment(db);
        BackupManifest manifest = backup(env);

        VerifyResult result = verify(env, new VerifyScope(manifest, Set.of("db", "uploads"), Map.of()));

        assertThat(result.checks()).containsExactly(
                new VerifyCheck("tables", "db", true, "2 tables with the manifest's row counts (1,200 rows)"),
                new VerifyCheck("files", "uploads", true, "2 files match the manifest (10 bytes)"));
        assertThat(result.ok()).isTrue();
    }

    @Test
    void anExtraRowAMissingFileAndAnAlteredFileFailNamingThem(PostgresDatabase db) throws IOException {
        EnvironmentConfig env = dataEnvironment(db);
        BackupManifest manifest = backup(env);
        db.execute("INSERT INTO orders(total) VALUES (1)");
        Files.delete(project.resolve("uploads/a.txt"));
        Files.writeString(project.resolve("uploads/nested/b.txt"), "BRAVO");

        VerifyResult result = verify(env, new VerifyScope(manifest, Set.of("db", "uploads"), Map.of()));

        assertThat(result.checks()).containsExactly(
                new VerifyCheck("tables", "db", false, "public.orders: expected 1000 rows, found 1001"),
                new VerifyCheck("files", "uploads", false, "1 missing (a.txt), 1 altered (nested/b.txt)"));
        assertThat(result.ok()).isFalse();
    }

    @Test
    void onlyTheRestoredDatastoresAreComparedAndTheyMustBeInTheBackup(PostgresDatabase db) {
        EnvironmentConfig env = dataEnvironment(db);
        BackupManifest manifest = backup(env);
        db.execute("INSERT INTO orders(total) VALUES (1)");

        VerifyResult result = verify(env, new VerifyScope(manifest, Set.of("uploads"), Map.of()));

        assertThat(result.checks()).extracting(VerifyCheck::kind, VerifyCheck::ok).containsExactly(tuple("files", true));
        assertThatThrownBy(() -> new VerifyScope(manifest, Set.of("db", "cache"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("datastores [cache] cannot be compared with the backup: backup set " + manifest.id()
                        + " has no such item");
    }

    @Test
    void errorLinesAfterTheOffsetFailAndThoseBeforeItDoNot() throws IOException {
        Path log = project.resolve("api.log");
        Files.writeString(log, "INFO starting v2\nERROR boom in v2\njava.lang.IllegalStateException: bad state\n");
        long restarted = Files.size(log);
        Files.writeString(log, "INFO starting v1\nINFO ready\n", StandardOpenOption.APPEND);
        Path missing = project.resolve("worker.log");
        EnvironmentConfig env = environment("components: { api: { driver: process, start: ./api } }\n");

        VerifyResult result = verify(env, new VerifyScope(null, Set.of(), Map.of(
                "api", new VerifyScope.LogRange(log, restarted),
                "web", new VerifyScope.LogRange(log, 0),
                "worker", new VerifyScope.LogRange(missing, 0))));

        assertThat(result.checks()).containsExactly(
                new VerifyCheck("logs", "api", true, "no error lines in 2 lines since start"),
                new VerifyCheck("logs", "web", false, "2 error lines in 5 lines since start: ERROR boom in v2"
                        + " | java.lang.IllegalStateException: bad state"),
                new VerifyCheck("logs", "worker", false, "the log " + missing + " does not exist"));
    }

    private VerifyResult verify(EnvironmentConfig env, VerifyScope scope) {
        return new Verifier("production", env, project).verify(scope);
    }

    /** A database with two tables (1,200 rows) and an uploads directory with two files (10 bytes). */
    private EnvironmentConfig dataEnvironment(PostgresDatabase db) {
        db.execute("""
                CREATE TABLE customers(id bigserial PRIMARY KEY, name text NOT NULL);
                CREATE TABLE orders(id bigserial PRIMARY KEY, total numeric);
                INSERT INTO customers(name) SELECT 'c' || i FROM generate_series(1, 200) i;
                INSERT INTO orders(total) SELECT i FROM generate_series(1, 1000) i;
                """);
        write("uploads/a.txt", "alpha");
        write("uploads/nested/b.txt", "bravo");
        return environment("""
                components: { api: { driver: process, start: ./api } }
                datastores:
                  db: { postgres: "%s", strategy: dump }
                  uploads: { files: uploads }
                """.formatted(db.url()));
    }

    /** A real backup set of every datastore of {@code env}, as stored. */
    private BackupManifest backup(EnvironmentConfig env) {
        try (StateStore store = StateStore.open(".rewind/state.db", project)) {
            Backups backups = new Backups(store, new BackupLayout(project.resolve(".rewind/backups")), project,
                    Clock.systemUTC());
            Backups.Taken taken = backups.take("production", env, null,
                    Backups.Options.defaults(System.getenv("PATH")), Progress.NONE);
            return backups.manifest(taken.set());
        }
    }

    /** The {@code production} environment of a rewind.yaml; {@code body} is its YAML, unindented. */
    private static EnvironmentConfig environment(String body) {
        String yaml = "project: shop\nenvironments:\n  production:\n" + body.indent(4);
        return ConfigLoader.parse("rewind.yaml", yaml, Map.of()).environments().get("production");
    }

    /** A port of 127.0.0.1 that nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void write(String path, String text) {
        try {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, long delayMillis) throws IOException {
        try (exchange) {
            Thread.sleep(delayMillis);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
