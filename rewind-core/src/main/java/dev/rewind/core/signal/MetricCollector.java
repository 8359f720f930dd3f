package dev.rewind.core.signal;

import dev.rewind.core.config.MetricsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code metrics} in a rule: each name of {@code metrics.queries} from Prometheus; {@code error_rate}, {@code p50}
 * and {@code p99} that no query provides come from the probe window. A query without data is not replaced by the
 * probes' number: it is missing, with the reason.
 */
final class MetricCollector {

    static final String PROMETHEUS = "prometheus";
    static final String PROBES = "probes";

    final Map<String, Double> values = new TreeMap<>();
    final Map<String, String> sources = new TreeMap<>();

    private MetricCollector() {}

    static MetricCollector collect(MetricsConfig config, PrometheusClient prometheus, Duration timeout,
                                   WindowStats window, List<String> missing) {
        MetricCollector metrics = new MetricCollector();
        Map<String, String> queries = config == null ? Map.of() : config.queries();
        List<MetricValue> measured = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        queries.forEach((name, promql) -> {
            if (prometheus != null) {
                measured.add(prometheus.query(name, promql, timeout));
                sources.put(name, PROMETHEUS);
            }
        });
        for (MetricValue derived : List.of(window.errorRate(), window.p50(), window.p99())) {
            if (!sources.containsKey(derived.name())) {
                measured.add(derived);
                sources.put(derived.name(), PROBES);
            }
        }
        if (prometheus == null) {
            queries.keySet().stream().filter(name -> !sources.containsKey(name)).forEach(name -> missing.add(
                    "metrics." + name + ": no data (metrics.queries." + name + " is set but metrics.prometheus is"
                            + " not: set it to the Prometheus server's URL)"));
        }
        for (MetricValue value : measured) {
            if (value.hasData()) {
                metrics.values.put(value.name(), value.value());
                metrics.sources.put(value.name(), sources.get(value.name()));
            } else {
                missing.add("metrics." + value.name() + ": no data (" + value.reason() + ")");
            }
        }
        return metrics;
    }
}
