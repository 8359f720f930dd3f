package dev.rewind.core.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON answer of {@code /api/v1/query} as one {@link MetricValue}, or a {@link PrometheusException}. */
final class PrometheusResponse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 200;
    private static final int SERIES_SHOWN = 3;

    private PrometheusResponse() {}

    static MetricValue parse(String name, String promql, String endpoint, int status, String body) {
        JsonNode root = json(promql, endpoint, status, body);
        if (!"success".equals(root.path("status").asText())) {
            throw new PrometheusException("Prometheus at " + endpoint + " rejected `" + promql + "` (HTTP " + status
                    + "): " + root.path("errorType").asText("error") + ": " + root.path("error").asText(excerpt(body)));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        return switch (type) {
            case "scalar" -> sample(name, promql, result);
            case "vector" -> vector(name, promql, result);
            default -> throw new PrometheusException("`" + promql + "` returned a " + type + " from Prometheus at "
                    + endpoint + "; a signal needs one number: write an instant query (no range selector such as"
                    + " [5m] at the end; wrap it in rate(…) or avg_over_time(…))");
        };
    }

    private static JsonNode json(String promql, String endpoint, int status, String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JsonProcessingException e) {
            throw notJson(promql, endpoint, status, body, e);
        }
        throw notJson(promql, endpoint, status, body, null);
    }

    private static PrometheusException notJson(String promql, String endpoint, int status, String body, Exception e) {
        return new PrometheusException("Prometheus at " + endpoint + " answered `" + promql + "` with HTTP " + status
                + " and a body that is not the Prometheus API's JSON: " + excerpt(body)
                + "; check that metrics.prometheus is the server's base URL", e);
    }

    private static MetricValue vector(String name, String promql, JsonNode result) {
        if (result.isEmpty()) {
            return MetricValue.noData(name, "Prometheus returned an empty result for `" + promql + "`");
        }
        if (result.size() > 1) {
            List<String> labels = new ArrayList<>();
            result.forEach(series -> labels.add(series.path("metric").toString()));
            throw new PrometheusException("`" + promql + "` returned " + result.size() + " series ("
                    + String.join(", ", labels.subList(0, Math.min(SERIES_SHOWN, labels.size())))
                    + (labels.size() > SERIES_SHOWN ? ", …" : "") + "); a signal needs one number:"
                    + " aggregate them, e.g. sum(" + promql + ") or max(" + promql + ")");
        }
        return sample(name, promql, result.get(0).path("value"));
    }

    /** A {@code [timestamp, "value"]} pair; Prometheus spells the non-finite values NaN, +Inf and -Inf. */
    private static MetricValue sample(String name, String promql, JsonNode pair) {
        String text = pair.path(1).asText();
        double value;
        try {
            value = text.endsWith("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new PrometheusException("`" + promql + "` returned a sample that is not a number: " + pair, e);
        }
        if (!Double.isFinite(value)) {
            return MetricValue.noData(name, "`" + promql + "` evaluated to " + text
                    + " (a division by zero: probably no requests in its range)");
        }
        return MetricValue.of(name, value);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "(empty)" : flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
