package dev.rewind.core.policy;

import dev.rewind.core.config.Durations;
import dev.rewind.core.config.RuleConfig;
import dev.rewind.core.policy.RuleEvaluation.State;
import dev.rewind.core.policy.internal.CompiledRule;
import dev.rewind.core.policy.internal.SignalPaths;
import dev.rewind.core.store.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evaluates a policy on successive inputs and decides. Stateful: a rule with {@code for: 10m} fires only once its
 * condition has held on every input for ten minutes. A rule that cannot be evaluated (no data) or rests on fewer
 * samples than {@code min_samples} never counts as passing: if nothing fired, the decision is INSUFFICIENT_DATA.
 */
public final class PolicyEngine {

    private final List<CompiledRule> rules;
    private final Map<String, Instant> trueSince = new HashMap<>();

    public PolicyEngine(List<RuleConfig> rules) {
        this.rules = (rules.isEmpty() ? DefaultPolicy.rules() : rules).stream().map(CompiledRule::new).toList();
    }

    /** Decides on this input; an active hold turns ROLLBACK into MONITOR, never ROLLBACK_NOW. */
    public PolicyDecision decide(PolicyInput input, List<Hold> activeHolds) {
        List<RuleEvaluation> evaluations = rules.stream().map(rule -> evaluate(rule, input)).toList();
        Optional<RuleEvaluation> strongest = evaluations.stream()
                .filter(e -> e.state() == State.FIRED)
                .reduce((a, b) -> b.action().strongerThan(a.action()) ? b : a);
        if (strongest.isPresent()) {
            return fired(strongest.get(), input, evaluations, activeHolds);
        }
        return unfired(input, evaluations);
    }

    private PolicyDecision fired(RuleEvaluation rule, PolicyInput input, List<RuleEvaluation> all, List<Hold> holds) {
        String because = "rule " + rule.name() + " fired: " + rule.when() + " with " + describe(rule.values());
        if (rule.action() == Action.ROLLBACK && !holds.isEmpty()) {
            Hold hold = holds.get(0);
            return new PolicyDecision(Verdict.MONITOR, input.at(), rule.name(), because + "; held by " + hold.createdBy()
                    + " until " + hold.expiresAt() + " (" + hold.reason() + ")", all, hold);
        }
        return new PolicyDecision(Verdict.of(rule.action()), input.at(), rule.name(), because, all, null);
    }

    private PolicyDecision unfired(PolicyInput input, List<RuleEvaluation> all) {
        List<RuleEvaluation> pending = all.stream().filter(e -> e.state() == State.PENDING).toList();
        if (!pending.isEmpty()) {
            return new PolicyDecision(Verdict.MONITOR, input.at(), null, "watching: " + pending.stream()
                    .map(e -> e.name() + " " + e.detail()).collect(Collectors.joining("; ")), all, null);
        }
        List<RuleEvaluation> unknown = all.stream()
                .filter(e -> e.state() == State.NO_DATA || e.state() == State.TOO_FEW_SAMPLES).toList();
        if (!unknown.isEmpty()) {
            List<String> why = new ArrayList<>(unknown.stream().map(e -> e.name() + ": " + e.detail()).toList());
            why.addAll(input.missing());
            return new PolicyDecision(Verdict.INSUFFICIENT_DATA, input.at(), null,
                    "not enough data to decide: " + String.join("; ", why), all, null);
        }
        boolean hasContinueRule = all.stream().anyMatch(e -> e.action() == Action.CONTINUE);
        return hasContinueRule
                ? new PolicyDecision(Verdict.MONITOR, input.at(), null, "no rule fired, and no continue rule holds", all, null)
                : new PolicyDecision(Verdict.CONTINUE, input.at(), null, "no rule fired", all, null);
    }

    private RuleEvaluation evaluate(CompiledRule rule, PolicyInput input) {
        RuleConfig config = rule.config();
        Map<String, String> values = SignalPaths.values(config.when().source(), input.variables());
        CompiledRule.Outcome outcome = rule.evaluate(input.variables());
        if (input.samples() < config.minSamples()) {
            trueSince.remove(config.name());
            return evaluation(config, State.TOO_FEW_SAMPLES, values, input.samples() + " samples, needs " + config.minSamples());
        }
        if (!(outcome instanceof CompiledRule.Outcome.Value(boolean value)) || !value) {
            trueSince.remove(config.name());
            return outcome instanceof CompiledRule.Outcome.NoData(String reason)
                    ? evaluation(config, State.NO_DATA, values, noData(values, reason))
                    : evaluation(config, State.FALSE, values, "false");
        }
        Instant since = trueSince.computeIfAbsent(config.name(), k -> input.at());
        Duration held = Duration.between(since, input.at());
        if (held.compareTo(config.sustain()) < 0) {
            return evaluation(config, State.PENDING, values,
                    "true for " + Durations.format(held) + " of " + Durations.format(config.sustain()));
        }
        return evaluation(config, State.FIRED, values, config.sustain().isZero() ? "true" : "true for " + Durations.format(held));
    }

    private static String noData(Map<String, String> values, String reason) {
        List<String> missing = values.entrySet().stream().filter(e -> e.getValue().equals("no data")).map(Map.Entry::getKey).toList();
        return missing.isEmpty() ? "cannot evaluate: " + reason : "no data: " + String.join(", ", missing);
    }

    private static RuleEvaluation evaluation(RuleConfig config, State state, Map<String, String> values, String detail) {
        return new RuleEvaluation(config.name(), config.when().source(), config.action(), state, values, detail);
    }

    private static String describe(Map<String, String> values) {
        return values.isEmpty() ? "no signal values" : values.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }
}
