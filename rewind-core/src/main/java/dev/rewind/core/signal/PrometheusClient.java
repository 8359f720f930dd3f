package dev.rewind.core.signal;

import static java.util.Objects.requireNonNull;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Instant queries against a Prometheus server's HTTP API ({@code /api/v1/query}). A query must come down to one
 * number: one sample (or a scalar). An empty result, NaN or ±Inf is "no data", never zero; several series are an
 * error that says to aggregate them.
 */
public final class PrometheusClient {

    private final URI base;
    private final HttpClient http;

    /** @param base the server's base URL, e.g. {@code http://localhost:9090} (a path prefix is kept) */
    public PrometheusClient(URI base, HttpClient http) {
        this.base = requireNonNull(base, "base");
        this.http = requireNonNull(http, "http");
    }

    public URI base() {
        return base;
    }

    /** The query endpoint, for messages. */
    public String endpoint() {
        String text = base.toString();
        return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/api/v1/query";
    }

    /**
     * The query's value now, or empty when Prometheus has no data for it.
     *
     * @throws PrometheusException when Prometheus cannot be reached, rejects the query or returns several series
     */
    public OptionalDouble instant(String promql, Duration timeout) {
        return fetch("value", promql, timeout).asOptional();
    }

    /**
     * The query's value now as signal {@code name}; every failure becomes "no data" with the reason, so a rule
     * over it says why it cannot be evaluated. Only an interrupt is thrown.
     */
    public MetricValue query(String name, String promql, Duration timeout) {
        try {
            return fetch(name, promql, timeout);
        } catch (PrometheusException e) {
            return MetricValue.noData(name, e.getMessage());
        }
    }

    private MetricValue fetch(String name, String promql, Duration timeout) {
        URI uri = URI.create(endpoint() + "?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&timeout=" + String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PrometheusException("cannot query Prometheus at " + endpoint() + " for `" + promql + "`: "
                    + describe(e) + "; check metrics.prometheus and that Prometheus is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted while querying Prometheus at " + endpoint()
                    + " for `" + promql + "`", e);
        }
        return PrometheusResponse.parse(name, promql, endpoint(), response.statusCode(), response.body());
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
