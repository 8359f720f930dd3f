package dev.rewind.core.report.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rewind.core.Json;
import dev.rewind.core.policy.RuleEvaluation;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The policy decisions an incident report shows: the one that triggered the rollback, and those during the runs. */
public final class Decisions {

    /** Enough to reach back over a long watch that decided every few seconds. */
    private static final int LOOKBACK = 500;
    private static final TypeReference<List<RuleEvaluation>> RULES = new TypeReference<>() {};

    private Decisions() {}

    /** The environment's decisions taken from {@code from} to {@code to} (null: until now), oldest first. */
    public static List<Decision> between(StateStore store, String environment, Instant from, Instant to) {
        return store.decisions(environment, LOOKBACK).stream()
                .filter(d -> !d.at().isBefore(from) && (to == null || !d.at().isAfter(to)))
                .sorted((a, b) -> a.at().compareTo(b.at()))
                .toList();
    }

    /** The environment's last ROLLBACK or ROLLBACK_NOW decision at or before {@code at}, not before {@code since}. */
    public static Optional<Decision> lastRollback(StateStore store, String environment, Instant since, Instant at) {
        return store.decisions(environment, LOOKBACK).stream()
                .filter(d -> d.action().startsWith("ROLLBACK") && !d.at().isAfter(at)
                        && (since == null || !d.at().isBefore(since)))
                .findFirst();
    }

    /** The rules of a decision that fired. */
    public static List<RuleEvaluation> fired(Decision decision) {
        return Json.mapper().convertValue(Json.readTree(decision.rulesJson()), RULES).stream()
                .filter(r -> r.state() == RuleEvaluation.State.FIRED).toList();
    }

    /** {@code error-rate fired: metrics.error_rate = 0.31}, or {@code no rule fired}. */
    public static String describe(Decision decision) {
        List<RuleEvaluation> fired = fired(decision);
        if (fired.isEmpty()) {
            return "no rule fired";
        }
        return fired.stream().map(r -> r.name() + " fired: " + values(r)).collect(Collectors.joining("; "));
    }

    /** {@code metrics.error_rate = 0.31, metrics.p99 = 2.4}, by name. */
    public static String values(RuleEvaluation rule) {
        return rule.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }
}
