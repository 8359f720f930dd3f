package dev.rewind.core.policy;

import dev.rewind.core.store.Hold;
import java.time.Instant;
import java.util.List;

/**
 * A decision and everything behind it.
 *
 * @param verdict the outcome
 * @param at      when it was taken
 * @param rule    the rule that decided it (the strongest that fired), or null
 * @param reason  one sentence: which rule fired on which values, or why there is no verdict
 * @param rules   every rule evaluated, with its values
 * @param hold    the hold that turned a ROLLBACK into MONITOR, or null
 */
public record PolicyDecision(Verdict verdict, Instant at, String rule, String reason, List<RuleEvaluation> rules,
                             Hold hold) {

    public PolicyDecision {
        rules = List.copyOf(rules);
    }
}
