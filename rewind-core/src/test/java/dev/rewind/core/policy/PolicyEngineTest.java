package dev.rewind.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.PolicyExpression;
import dev.rewind.core.config.RuleConfig;
import dev.rewind.core.policy.RuleEvaluation.State;
import dev.rewind.core.store.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void theStrongestFiringRuleWinsAndItsValuesAreShown() {
        PolicyEngine engine = new PolicyEngine(List.of(
                rule("errors", "metrics.error_rate > 0.05", null, 1, Action.ROLLBACK),
                rule("down", "probes.failing_consecutive >= 3", null, 1, Action.ROLLBACK_NOW)));

        PolicyDecision decision = engine.decide(input(T0, 20, metrics(0.31, 0.2), probes(3)), List.of());

        assertThat(decision.verdict()).isEqualTo(Verdict.ROLLBACK_NOW);
        assertThat(decision.rule()).isEqualTo("down");
        assertThat(decision.reason()).isEqualTo("rule down fired: probes.failing_consecutive >= 3 with probes.failing_consecutive = 3");
        assertThat(decision.rules()).extracting(RuleEvaluation::state).containsExactly(State.FIRED, State.FIRED);
        assertThat(decision.rules().get(0).values()).containsEntry("metrics.error_rate", "0.3100");
    }

    @Test
    void aRuleThatCallsAMacroShowsTheValueItLooksInto() {
        String when = "health.exists(c, health[c].components.database.status == \"unhealthy\")";
        PolicyEngine engine = new PolicyEngine(List.of(rule("database-unhealthy", when, null, 1, Action.ROLLBACK_NOW)));
        Map<String, Object> variables = variables(Map.of(), probes(0));
        variables.put("health", Map.of("backend", Map.of("components", Map.of("database", Map.of("status", "unhealthy")))));

        PolicyDecision decision = engine.decide(new PolicyInput(T0, variables, 20, List.of()), List.of());

        assertThat(decision.verdict()).isEqualTo(Verdict.ROLLBACK_NOW);
        assertThat(decision.rules().get(0).values())
                .containsExactly(Map.entry("health", "{backend={components={database={status=unhealthy}}}}"));
    }

    @Test
    void missingDataIsNeverAPass() {
        PolicyEngine engine = new PolicyEngine(List.of(rule("errors", "metrics.error_rate > 0.05", null, 1, Action.ROLLBACK)));
        Map<String, Object> noMetrics = variables(Map.of(), probes(0));

        PolicyDecision decision = engine.decide(new PolicyInput(T0, noMetrics, 20,
                List.of("metrics.error_rate: Prometheus returned no samples for the query")), List.of());

        assertThat(decision.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(decision.reason()).contains("errors: no data: metrics.error_rate")
                .contains("Prometheus returned no samples");
        assertThat(decision.rules().get(0).values()).containsEntry("metrics.error_rate", "no data");
    }

    @Test
    void tooFewSamplesGivesInsufficientDataEvenWhenTheConditionIsFalse() {
        PolicyEngine engine = new PolicyEngine(List.of(rule("errors", "metrics.error_rate > 0.05", null, 10, Action.ROLLBACK)));

        PolicyDecision decision = engine.decide(input(T0, 4, metrics(0.0, 0.1), probes(0)), List.of());

        assertThat(decision.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(decision.reason()).contains("4 samples, needs 10");
    }

    @Test
    void aSustainedRuleFiresOnlyAfterItsWindowAndNotOnASpike() {
        PolicyEngine engine = new PolicyEngine(List.of(rule("errors", "metrics.error_rate > 0.10", Duration.ofSeconds(3), 1, Action.ROLLBACK)));

        Verdict spike = engine.decide(input(T0, 20, metrics(0.5, 0.1), probes(0)), List.of()).verdict();
        Verdict calm = engine.decide(input(T0.plusSeconds(1), 20, metrics(0.0, 0.1), probes(0)), List.of()).verdict();
        PolicyDecision start = engine.decide(input(T0.plusSeconds(2), 20, metrics(0.5, 0.1), probes(0)), List.of());
        Verdict during = engine.decide(input(T0.plusSeconds(4), 20, metrics(0.5, 0.1), probes(0)), List.of()).verdict();
        PolicyDecision after = engine.decide(input(T0.plusSeconds(5), 20, metrics(0.5, 0.1), probes(0)), List.of());

        assertThat(spike).isEqualTo(Verdict.MONITOR);
        assertThat(calm).isEqualTo(Verdict.CONTINUE);
        assertThat(start.reason()).isEqualTo("watching: errors true for 0s of 3s");
        assertThat(during).isEqualTo(Verdict.MONITOR);
        assertThat(after.verdict()).isEqualTo(Verdict.ROLLBACK);
        assertThat(after.rules().get(0).detail()).isEqualTo("true for 3s");
    }

    @Test
    void aHoldTurnsRollbackIntoMonitorButNeverRollbackNow() {
        Hold hold = new Hold("hold-1", "production", "hotfix in progress", "ana", T0, T0.plus(Duration.ofMinutes(15)), null, null);
        PolicyEngine errors = new PolicyEngine(List.of(rule("errors", "metrics.error_rate > 0.05", null, 1, Action.ROLLBACK)));
        PolicyEngine down = new PolicyEngine(List.of(rule("down", "probes.failing_consecutive >= 3", null, 1, Action.ROLLBACK_NOW)));

        PolicyDecision held = errors.decide(input(T0, 20, metrics(0.3, 0.1), probes(0)), List.of(hold));
        PolicyDecision notHeld = down.decide(input(T0, 20, metrics(0.3, 0.1), probes(5)), List.of(hold));

        assertThat(held.verdict()).isEqualTo(Verdict.MONITOR);
        assertThat(held.hold()).isEqualTo(hold);
        assertThat(held.reason()).contains("held by ana").contains("hotfix in progress");
        assertThat(notHeld.verdict()).isEqualTo(Verdict.ROLLBACK_NOW);
        assertThat(notHeld.hold()).isNull();
    }

    @Test
    void theDefaultPolicyReadsDetailedHealthJson() {
        PolicyEngine engine = new PolicyEngine(List.of());
        Map<String, Object> health = Map.of("backend", Map.of("status", "unhealthy",
                "components", Map.of("database", Map.of("status", "unhealthy")), "checks", Map.of("can_deploy", false)));
        Map<String, Object> vars = variables(metrics(0.0, 0.1), probes(0));
        vars.put("health", health);

        PolicyDecision decision = engine.decide(new PolicyInput(T0, vars, 20, List.of()), List.of());

        assertThat(decision.verdict()).isEqualTo(Verdict.ROLLBACK_NOW);
        assertThat(decision.rule()).isEqualTo("database-unhealthy");
    }

    @Test
    void theDefaultPolicyContinuesWhenHealthyAgainstTheBaseline() {
        PolicyEngine engine = new PolicyEngine(List.of());
        Map<String, Object> vars = variables(metrics(0.01, 0.11), probes(0));
        vars.put("baseline", Map.of("p99", 0.10, "error_rate", 0.0));

        PolicyDecision healthy = engine.decide(new PolicyInput(T0, vars, 20, List.of()), List.of());
        vars.put("metrics", metrics(0.01, 0.25));
        PolicyDecision slow = engine.decide(new PolicyInput(T0, vars, 20, List.of()), List.of());
        vars.put("reports", Map.of("unique", 3L, "total", 4L));
        vars.put("metrics", metrics(0.01, 0.11));
        PolicyDecision reported = engine.decide(new PolicyInput(T0, vars, 20, List.of()), List.of());

        assertThat(healthy.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(healthy.rule()).isEqualTo("degraded-under-20pct");
        assertThat(slow.verdict()).isEqualTo(Verdict.ROLLBACK);
        assertThat(slow.rule()).isEqualTo("p99-over-2x-baseline");
        assertThat(slow.reason()).contains("metrics.p99 = 0.2500", "baseline.p99 = 0.1000");
        assertThat(reported.verdict()).isEqualTo(Verdict.INVESTIGATE);
    }

    @Test
    void withoutABaselineTheDefaultPolicySaysWhyItCannotJudgeLatency() {
        PolicyEngine engine = new PolicyEngine(List.of());

        PolicyDecision decision = engine.decide(input(T0, 20, metrics(0.0, 0.1), probes(0)), List.of());

        assertThat(decision.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(decision.reason()).contains("p99-over-2x-baseline: no data: baseline.p99");
    }

    private static RuleConfig rule(String name, String when, Duration sustain, int minSamples, Action action) {
        return new RuleConfig(name, new PolicyExpression(when), sustain, minSamples, action);
    }

    private static PolicyInput input(Instant at, int samples, Map<String, Object> metrics, Map<String, Object> probes) {
        return new PolicyInput(at, variables(metrics, probes), samples, List.of());
    }

    private static Map<String, Object> variables(Map<String, Object> metrics, Map<String, Object> probes) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("probes", probes);
        vars.put("metrics", metrics);
        vars.put("baseline", Map.of());
        vars.put("health", Map.of());
        vars.put("reports", Map.of("unique", 0L, "total", 0L));
        vars.put("process", Map.of());
        return vars;
    }

    private static Map<String, Object> metrics(double errorRate, double p99) {
        return Map.of("error_rate", errorRate, "p99", p99);
    }

    private static Map<String, Object> probes(long failingConsecutive) {
        return Map.of("failing_consecutive", failingConsecutive, "failing", failingConsecutive > 0 ? 1L : 0L, "total", 1L);
    }
}
