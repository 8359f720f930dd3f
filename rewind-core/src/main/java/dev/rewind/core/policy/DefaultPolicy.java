package dev.rewind.core.policy;

import dev.rewind.core.config.PolicyExpression;
import dev.rewind.core.config.RuleConfig;
import java.time.Duration;
import java.util.List;

/**
 * The policy used when {@code rewind.yaml} has none: the runbooks' decision flowchart (seed 004) with the
 * thresholds of seeds 000, 001 and 003. Error-rate and latency rules need 10 samples, so one slow or failed probe
 * never decides alone.
 */
public final class DefaultPolicy {

    static final int WINDOW_SAMPLES = 10;

    private DefaultPolicy() {}

    public static List<RuleConfig> rules() {
        return List.of(
                rule("health-checks-failing", "probes.failing_consecutive >= 3", null, 1, Action.ROLLBACK_NOW),
                rule("database-unhealthy", "health.exists(c, has(health[c].components) && has(health[c].components.database)"
                        + " && health[c].components.database.status == \"unhealthy\")", null, 1, Action.ROLLBACK_NOW),
                rule("error-rate-over-10pct-for-10m", "metrics.error_rate > 0.10", Duration.ofMinutes(10), WINDOW_SAMPLES, Action.ROLLBACK),
                rule("error-rate-over-5pct", "metrics.error_rate > 0.05", null, WINDOW_SAMPLES, Action.ROLLBACK),
                rule("p99-over-2x-baseline", "metrics.p99 > 2.0 * baseline.p99", null, WINDOW_SAMPLES, Action.ROLLBACK),
                rule("degraded-over-50pct", "metrics.p99 > 1.5 * baseline.p99", null, WINDOW_SAMPLES, Action.ROLLBACK),
                rule("memory-over-90pct", "process.exists(c, process[c].memory_percent > 0.90)", null, 1, Action.ROLLBACK),
                rule("user-reports", "reports.unique >= 3", null, 1, Action.INVESTIGATE),
                rule("cannot-deploy", "health.exists(c, has(health[c].checks) && has(health[c].checks.can_deploy)"
                        + " && health[c].checks.can_deploy == false)", null, 1, Action.INVESTIGATE),
                rule("degraded-under-20pct", "metrics.p99 < 1.2 * baseline.p99 && metrics.error_rate <= 0.05", null,
                        WINDOW_SAMPLES, Action.CONTINUE));
    }

    private static RuleConfig rule(String name, String when, Duration sustain, int minSamples, Action action) {
        return new RuleConfig(name, new PolicyExpression(when), sustain, minSamples, action);
    }
}
