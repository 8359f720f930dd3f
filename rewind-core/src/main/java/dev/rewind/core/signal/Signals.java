package dev.rewind.core.signal;

import static java.util.Objects.requireNonNull;

import dev.rewind.core.config.Driver;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.probe.ProbeResult;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects an environment's {@link SignalSnapshot}: probes, metrics (Prometheus when configured, else the probe
 * window), health bodies, user reports, process usage and the baseline. Nothing without data is reported as zero:
 * it is left out and explained in {@link SignalSnapshot#missing()}.
 */
public final class Signals {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param queryTimeout limit of each Prometheus query
     * @param reportWindow how far back user reports count
     */
    public record Options(Duration queryTimeout, Duration reportWindow) {
        public static Options defaults() {
            return new Options(DEFAULT_QUERY_TIMEOUT, UserReports.DEFAULT_WINDOW);
        }
    }

    private final String environment;
    private final EnvironmentConfig config;
    private final ProbeWindow window;
    private final PrometheusClient prometheus;
    private final ProcessStats processes;
    private final Options options;

    /** @param prometheus the metrics source, or null to derive metrics from the probe window */
    public Signals(String environment, EnvironmentConfig config, ProbeWindow window, PrometheusClient prometheus,
                   ProcessStats processes, Options options) {
        this.environment = requireNonNull(environment, "environment");
        this.config = requireNonNull(config, "config");
        this.window = requireNonNull(window, "window");
        this.prometheus = prometheus;
        this.processes = requireNonNull(processes, "processes");
        this.options = requireNonNull(options, "options");
    }

    /** Signals of an environment as configured: Prometheus if {@code metrics.prometheus} is set, default options. */
    public static Signals forEnvironment(String environment, EnvironmentConfig config, ProbeWindow window,
                                         HttpClient http) {
        boolean configured = config.metrics() != null && config.metrics().prometheus() != null;
        return new Signals(environment, config, window,
                configured ? new PrometheusClient(config.metrics().prometheus(), http) : null,
                new ProcessStats(), Options.defaults());
    }

    /** Every signal at {@code at}. */
    public SignalSnapshot collect(Instant at, SignalInputs inputs) {
        List<String> missing = new ArrayList<>();
        List<ProbeResult> latest = latest(inputs.latestResults());
        ProbeSummary probes = probes(latest, inputs.consecutiveFailures(), missing);
        WindowStats stats = window.stats(at);
        MetricCollector metrics = MetricCollector.collect(config.metrics(), prometheus, options.queryTimeout(),
                stats, missing);
        Map<String, Object> health = HealthBodies.of(config.components(), latest, missing);
        ReportCount reports = UserReports.count(inputs.reports(), at, options.reportWindow());
        Map<String, ProcessUsage> process = process(inputs.pids(), missing);
        return new SignalSnapshot(environment, at, probes, metrics.values, metrics.sources, inputs.baseline(),
                health, reports, process, stats.samples(), missing);
    }

    /** One result per (component, probe): the newest. */
    private static List<ProbeResult> latest(List<ProbeResult> results) {
        Map<String, ProbeResult> newest = new LinkedHashMap<>();
        results.forEach(r -> newest.merge(r.component() + "\u0000" + r.probe(), r,
                (a, b) -> Comparator.comparing(ProbeResult::at).compare(a, b) >= 0 ? a : b));
        return List.copyOf(newest.values());
    }

    /** A failing latest result counts as at least one consecutive failure, whatever the counts say. */
    private static ProbeSummary probes(List<ProbeResult> latest, Map<String, Integer> consecutive,
                                       List<String> missing) {
        long failing = latest.stream().filter(r -> !r.ok()).count();
        long mostInARow = Math.max(consecutive.values().stream().mapToLong(Integer::longValue).max().orElse(0),
                failing > 0 ? 1 : 0);
        if (latest.isEmpty()) {
            missing.add("probes: no data (no probe has a result yet)");
        }
        return new ProbeSummary(mostInARow, failing, latest.size(), !latest.isEmpty() && failing == 0);
    }

    private Map<String, ProcessUsage> process(Map<String, Long> pids, List<String> missing) {
        config.components().forEach((name, component) -> {
            if (component.driver() == Driver.PROCESS && !pids.containsKey(name)) {
                missing.add("process." + name + ": no data (no pid is known for component " + name
                        + ": is it running?)");
            }
        });
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        processes.measure(pids).forEach((name, measured) -> {
            if (!measured.hasData()) {
                missing.add("process." + name + ": no data (" + measured.reason() + ")");
                return;
            }
            usage.put(name, measured);
            if (measured.cpuPercent() == null) {
                missing.add("process." + name + ".cpu_percent: no data (" + measured.reason() + ")");
            }
        });
        return usage;
    }
}
