package dev.rewind.cli;

import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.policy.Verdict;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.watch.Watcher;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Detection time: from the moment the sample app's health starts failing (seen by a 10 ms poller) to the watcher's
 * ROLLBACK_NOW, with a 1 s probe interval, under a policy needing 3 consecutive failures, and under the default
 * policy. Not a test: run by {@code bench/detection.sh}.
 */
public final class DetectionBench {

    private static final Path SAMPLE_APP = Path.of("rewind-cli/target/classes/example/app/sampleapp.jar").toAbsolutePath();

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            List<Long> threeFailures = new ArrayList<>();
            List<Long> defaults = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                threeFailures.add(trial(jdbc, "policy: [ { name: down, when: 'probes.failing_consecutive >= 3', action: ROLLBACK_NOW } ]"));
                defaults.add(trial(jdbc, ""));
                System.err.printf("trial %d: 3 failures %d ms, default policy %d ms%n", i + 1,
                        threeFailures.get(i), defaults.get(i));
            }
            print("3 consecutive failures, 1 s interval", threeFailures);
            print("default policy (database-unhealthy on the first failed health JSON)", defaults);
        }
    }

    private static long trial(String jdbc, String policy) throws Exception {
        try (ServiceProcess app = ServiceProcess.start(List.of(ChildProcess.java(), "-jar", SAMPLE_APP.toString(),
                "--version", "v1", "--port", "0", "--db", jdbc, "--health-fail-after", "3s"))) {
            AtomicReference<Instant> failedAt = new AtomicReference<>();
            Thread poller = Thread.ofVirtual().start(() -> pollUntilFailing(app.url().resolve("/health"), failedAt));
            Path dir = Files.createTempDirectory("detection");
            EnvironmentConfig env = ConfigLoader.parse("bench.yaml", """
                    project: bench
                    environments:
                      production:
                        components:
                          backend:
                            driver: process
                            start: ./start.sh
                            probes: [ { http: "%s/health", interval: 1s, timeout: 1s } ]
                        %s
                    """.formatted(app.url(), policy), Map.of()).environments().get("production");
            AtomicReference<Instant> decidedAt = new AtomicReference<>();
            try (StateStore store = StateStore.open("state.db", dir)) {
                new Watcher("production", env, dir, store, Clock.systemUTC()).watch(Duration.ofSeconds(30), Duration.ofSeconds(1),
                        d -> {
                            if (d.verdict() == Verdict.ROLLBACK_NOW) {
                                decidedAt.compareAndSet(null, Instant.now());
                            }
                        });
            }
            poller.join();
            return Duration.between(failedAt.get(), decidedAt.get()).toMillis();
        }
    }

    private static void pollUntilFailing(URI health, AtomicReference<Instant> failedAt) {
        HttpClient http = HttpClient.newHttpClient();
        while (failedAt.get() == null) {
            try {
                int status = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    failedAt.set(Instant.now());
                }
                Thread.sleep(10);
            } catch (Exception e) {
                failedAt.compareAndSet(null, Instant.now());
            }
        }
    }

    private static void print(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-70s median %5d ms  p90 %5d ms  max %5d ms  (n=%d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1), sorted.size());
    }
}
