package dev.rewind.server.metrics;

import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.rollback.Rollback;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Rewind's Prometheus metrics: what finished runs, decisions and probes came to. Names as Prometheus shows them:
 * {@code rewind_rollbacks_total}, {@code rewind_deploys_total}, {@code rewind_rollback_duration_seconds},
 * {@code rewind_rollback_downtime_seconds}, {@code rewind_decisions_total}, {@code rewind_probe_results_total}.
 */
public final class RewindMetrics {

    /** The Prometheus text exposition format that {@link #scrape()} answers in. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Buckets for rollback durations and downtimes: seconds to half an hour. */
    private static final Duration[] BUCKETS = {
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Counts a finished rollback or deploy by outcome; a rollback's duration and downtime go to histograms. */
    public void run(Run run, List<RunStep> journal) {
        String outcome = run.status().toString();
        if (run.kind() == RunKind.DEPLOY) {
            counter("rewind.deploys", "Deploys finished, by outcome", run.environment(), "outcome", outcome)
                    .increment();
        } else if (run.kind() == RunKind.ROLLBACK) {
            counter("rewind.rollbacks", "Rollbacks finished, by outcome", run.environment(), "outcome", outcome)
                    .increment();
            histogram("rewind.rollback.duration", "How long rollbacks took, start to finish", run.environment())
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(Duration.between(run.startedAt(), run.finishedAt()));
            Duration downtime = Rollback.downtime(journal);
            if (downtime != null) {
                histogram("rewind.rollback.downtime", "How long rollbacks kept the environment down", run.environment())
                        .register(registry)
                        .record(downtime);
            }
        }
    }

    /** Counts a recorded policy decision by its action. */
    public void decision(Decision decision) {
        counter("rewind.decisions", "Policy decisions, by action", decision.environment(), "action", decision.action())
                .increment();
    }

    /** Counts one probe check by outcome ({@code ok} or {@code failed}). */
    public void probe(String environment, ProbeResult result) {
        Counter.builder("rewind.probe.results")
                .description("Probe checks of the server's health monitor, by outcome")
                .tags("environment", environment, "component", result.component(), "probe", result.probe(),
                        "outcome", result.ok() ? "ok" : "failed")
                .register(registry)
                .increment();
    }

    /** The metrics in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String description, String environment, String key, String value) {
        return Counter.builder(name).description(description).tags("environment", environment, key, value)
                .register(registry);
    }

    private static Timer.Builder histogram(String name, String description, String environment) {
        return Timer.builder(name).description(description).tag("environment", environment)
                .serviceLevelObjectives(BUCKETS);
    }
}
