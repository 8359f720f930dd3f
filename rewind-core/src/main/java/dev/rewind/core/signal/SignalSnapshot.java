package dev.rewind.core.signal;

import dev.rewind.core.policy.PolicyInput;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every signal of one environment at one moment: what the policy evaluates. {@link #variables()} is the CEL
 * activation ({@code probes}, {@code metrics}, {@code baseline}, {@code health}, {@code reports}, {@code process});
 * {@link #missing()} says, for each signal without data, why — so a rule over it yields INSUFFICIENT_DATA with
 * the reason instead of passing.
 *
 * @param environment   the environment measured
 * @param at            when
 * @param probes        the probes' latest state
 * @param metrics       name → value, only metrics with data: {@code error_rate}, {@code p50}, {@code p99}
 *                      (seconds) and every name of {@code metrics.queries}
 * @param metricSources name → where its value came from: {@code prometheus} or {@code probes}
 * @param baseline      the live release's baseline, name → value
 * @param health        component → parsed JSON body of its health probe (maps, lists, strings, numbers, booleans, null)
 * @param reports       the user reports of the report window
 * @param process       component → its process's usage, for the processes that could be read
 * @param samples       probe results in the probe window
 * @param missing       one line per signal without data, e.g.
 *                      {@code metrics.error_rate: no data (Prometheus returned an empty result for `…`)}
 */
public record SignalSnapshot(String environment, Instant at, ProbeSummary probes, Map<String, Double> metrics,
                             Map<String, String> metricSources, Map<String, Double> baseline,
                             Map<String, Object> health, ReportCount reports, Map<String, ProcessUsage> process,
                             int samples, List<String> missing) {

    public SignalSnapshot {
        metrics = ordered(metrics);
        metricSources = ordered(metricSources);
        baseline = ordered(baseline);
        health = ordered(health);
        process = ordered(process);
        missing = List.copyOf(missing);
    }

    /** What the policy engine evaluates: these variables, samples and missing signals. */
    public PolicyInput policyInput() {
        return new PolicyInput(at, variables(), samples, missing);
    }

    /** The CEL variables of a policy rule; every value is a CEL type (Long, Double, Boolean, String, Map, List). */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("probes", probes.toCel());
        variables.put("metrics", metrics);
        variables.put("baseline", baseline);
        variables.put("health", JsonValues.toCel(health));
        variables.put("reports", reports.toCel());
        Map<String, Object> processes = new LinkedHashMap<>();
        process.forEach((component, usage) -> processes.put(component, celUsage(usage)));
        variables.put("process", Collections.unmodifiableMap(processes));
        return Collections.unmodifiableMap(variables);
    }

    private static Map<String, Object> celUsage(ProcessUsage usage) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (usage.memoryPercent() != null) {
            values.put("memory_percent", usage.memoryPercent());
            values.put("rss_bytes", usage.rssBytes());
        }
        if (usage.cpuPercent() != null) {
            values.put("cpu_percent", usage.cpuPercent());
        }
        return Collections.unmodifiableMap(values);
    }

    /** An unmodifiable copy keeping the order and allowing null values (JSON null in health bodies). */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
