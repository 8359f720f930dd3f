package dev.rewind.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.probe.ProbeResult;
import dev.rewind.testkit.PrometheusProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Prometheus (Debian's {@code prometheus}) scraping a real HTTP server whose request counters the
 * test controls: every scrape sees 10 more requests answered 200 and 10 more answered 500.
 */
class PrometheusClientTest {

    static final String ERROR_RATE =
            "sum(rate(http_requests_total{code=~\"5..\"}[15s])) / sum(rate(http_requests_total[15s]))";
    static final String ABSENT = "sum(rate(does_not_exist_total[15s]))";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration DATA_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    static Path dir;

    static HttpServer app;
    static PrometheusProcess prometheus;
    static PrometheusClient client;
    static final AtomicLong OK = new AtomicLong();
    static final AtomicLong FAILED = new AtomicLong();

    @BeforeAll
    static void startPrometheus() throws Exception {
        Optional<Path> binary = PrometheusProcess.binary();
        if (binary.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("prometheus is not on PATH but CI=true: .ci/run must install it (apt-get install prometheus)");
            }
            assumeTrue(false, "prometheus is not on PATH: skipping the tests against a real Prometheus"
                    + " (install it with `apt-get install prometheus`; .ci/run does, and with CI=true they must run)");
        }
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/metrics", exchange -> {
            String text = "# TYPE http_requests_total counter\n"
                    + "http_requests_total{code=\"200\"} " + OK.addAndGet(10) + "\n"
                    + "http_requests_total{code=\"500\"} " + FAILED.addAndGet(10) + "\n";
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        app.start();
        prometheus = PrometheusProcess.start(binary.get(), dir, "127.0.0.1:" + app.getAddress().getPort());
        client = new PrometheusClient(prometheus.url(), HttpClient.newHttpClient());
        awaitData(ERROR_RATE);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (app != null) {
            app.stop(0);
        }
    }

    /** Polls until the query has a value (Prometheus needs two scrapes for a rate); fails with its log if not. */
    static double awaitData(String promql) throws InterruptedException {
        Instant deadline = Instant.now().plus(DATA_TIMEOUT);
        MetricValue last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.query("value", promql, TIMEOUT);
            if (last.hasData()) {
                return last.value();
            }
            Thread.sleep(250);
        }
        return fail("no data for `%s` within %s: %s\n%s", promql, DATA_TIMEOUT, last, prometheus.log());
    }

    @Test
    void halfTheRequestsFailingIsAnErrorRateOfOneHalf() throws InterruptedException {
        assertThat(awaitData(ERROR_RATE)).isCloseTo(0.5, within(0.01));
        assertThat(client.instant(ERROR_RATE, TIMEOUT).orElseThrow()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void aMetricThatDoesNotExistIsNoDataNotZero() {
        assertThat(client.instant(ABSENT, TIMEOUT)).isEqualTo(OptionalDouble.empty());
        MetricValue value = client.query("absent", ABSENT, TIMEOUT);
        assertThat(value.hasData()).isFalse();
        assertThat(value.reason()).isEqualTo("Prometheus returned an empty result for `" + ABSENT + "`");
    }

    @Test
    void nanAndInfinityAreNoData() {
        assertThat(client.query("nan", "0/0", TIMEOUT).reason())
                .isEqualTo("`0/0` evaluated to NaN (a division by zero: probably no requests in its range)");
        assertThat(client.query("inf", "vector(1) / 0", TIMEOUT).reason()).startsWith("`vector(1) / 0` evaluated to +Inf");
        assertThat(client.instant("0/0", TIMEOUT)).isEmpty();
        assertThat(client.instant("scalar(vector(0.25))", TIMEOUT)).hasValue(0.25);
    }

    @Test
    void severalSeriesAreAnErrorThatSaysToAggregate() {
        assertThatThrownBy(() -> client.instant("http_requests_total", TIMEOUT))
                .isInstanceOf(PrometheusException.class)
                .hasMessageStartingWith("`http_requests_total` returned 2 series (")
                .hasMessageContaining("\"code\":\"200\"")
                .hasMessageEndingWith("a signal needs one number: aggregate them, e.g. sum(http_requests_total)"
                        + " or max(http_requests_total)");
        assertThat(client.query("requests", "http_requests_total", TIMEOUT).reason()).contains("aggregate them");
        assertThat(client.instant("sum(http_requests_total)", TIMEOUT)).isPresent();
    }

    @Test
    void aBadQueryIsRejectedNamingTheUrlAndTheQuery() {
        assertThat(client.query("broken", "sum(", TIMEOUT).reason())
                .startsWith("Prometheus at " + prometheus.url() + "/api/v1/query rejected `sum(` (HTTP 400): bad_data: ");
        assertThat(client.query("range", "http_requests_total[1m]", TIMEOUT).reason())
                .startsWith("`http_requests_total[1m]` returned a matrix from Prometheus at " + prometheus.url());
    }

    @Test
    void aServerThatIsNotPrometheusIsNamed() {
        URI notPrometheus = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/");
        PrometheusClient wrong = new PrometheusClient(notPrometheus, HttpClient.newHttpClient());

        assertThatThrownBy(() -> wrong.instant("up", TIMEOUT)).isInstanceOf(PrometheusException.class)
                .hasMessageStartingWith("Prometheus at " + notPrometheus + "api/v1/query answered `up` with HTTP 404"
                        + " and a body that is not the Prometheus API's JSON: ")
                .hasMessageEndingWith("check that metrics.prometheus is the server's base URL");
    }

    @Test
    void signalsTakeConfiguredQueriesFromPrometheusAndTheRestFromProbes() {
        EnvironmentConfig config = SignalsTest.environment("""
                metrics:
                  prometheus: %s
                  queries:
                    error_rate: '%s'
                    queue_depth: '%s'
                """.formatted(prometheus.url(), ERROR_RATE, ABSENT));
        Instant now = Instant.now();
        ProbeWindow window = new ProbeWindow();
        window.accept(new ProbeResult("backend", "ready", "http", now, false, Duration.ofMillis(250), "500", 500, null));

        SignalSnapshot snapshot = Signals.forEnvironment("production", config, window, HttpClient.newHttpClient())
                .collect(now, new SignalInputs(List.of(), null, null, null, null));

        assertThat(snapshot.metrics()).containsOnlyKeys("error_rate", "p50", "p99");
        assertThat(snapshot.metrics().get("error_rate")).isCloseTo(0.5, within(0.01));
        assertThat(snapshot.metrics().get("p99")).isEqualTo(0.25);
        assertThat(snapshot.metricSources()).containsEntry("error_rate", "prometheus").containsEntry("p99", "probes");
        assertThat(snapshot.missing()).contains(
                "metrics.queue_depth: no data (Prometheus returned an empty result for `" + ABSENT + "`)");
    }
}
