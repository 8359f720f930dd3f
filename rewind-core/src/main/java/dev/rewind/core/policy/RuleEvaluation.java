package dev.rewind.core.policy;

import java.util.Map;

/**
 * How one rule came out, with the values it looked at: what makes a decision explainable.
 *
 * @param name   the rule's name
 * @param when   its condition
 * @param action what it asks for when it fires
 * @param state  FIRED, PENDING (true, but not yet for its whole {@code for} window), FALSE, NO_DATA, TOO_FEW_SAMPLES
 * @param values every signal the condition mentions, e.g. {@code metrics.error_rate → 0.31}, or {@code no data}
 * @param detail a human sentence: "true for 3s of 10m", "no data: metrics.p99", "4 samples, needs 10"
 */
public record RuleEvaluation(String name, String when, Action action, State state, Map<String, String> values,
                             String detail) {

    public enum State { FIRED, PENDING, FALSE, NO_DATA, TOO_FEW_SAMPLES }

    public RuleEvaluation {
        values = Map.copyOf(values);
    }
}
