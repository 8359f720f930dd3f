package dev.rewind.core.config;

import java.net.URI;
import java.util.Map;

/**
 * Where metrics come from.
 *
 * @param prometheus the Prometheus server's base URL (null: metrics are derived from the probes)
 * @param queries    signal name → PromQL instant query; rules read them as {@code metrics.<name>}
 */
public record MetricsConfig(URI prometheus, Map<String, String> queries) {

    public MetricsConfig {
        queries = queries == null ? Map.of() : queries;
    }
}
