package dev.rewind.core.signal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A release's baseline: the metrics measured while it was healthy, stored with the release
 * ({@code StateStore.saveBaseline}) and read back as {@code baseline} in rules, e.g.
 * {@code metrics.p99 > 2.0 * baseline.p99}.
 */
public final class Baseline {

    private Baseline() {}

    /**
     * The snapshot's metrics with data ({@code error_rate}, {@code p50}, {@code p99} and every Prometheus query),
     * by name. Metrics without data are left out, so a rule over them has no baseline rather than a zero one.
     */
    public static Map<String, Double> capture(SignalSnapshot snapshot) {
        return Collections.unmodifiableMap(new TreeMap<>(snapshot.metrics()));
    }
}
