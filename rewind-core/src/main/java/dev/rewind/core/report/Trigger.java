package dev.rewind.core.report;

import dev.rewind.core.policy.RuleEvaluation;
import java.time.Instant;
import java.util.List;

/**
 * What started the rollback.
 *
 * @param automatic  true when a deploy, watch or drill rolled back by itself; false when an operator asked
 * @param source     who or what: {@code deploy run-… step 'watch'}, {@code watch}, {@code operator ana}
 * @param reason     the failed step's error or the rollback's reason, in full
 * @param decisionId the policy decision behind an automatic rollback, or null
 * @param decidedAt  when it was taken, or null
 * @param verdict    its verdict, e.g. {@code ROLLBACK}, or null
 * @param fired      the rules that fired, with the values they saw; empty without a decision
 */
public record Trigger(boolean automatic, String source, String reason, String decisionId, Instant decidedAt,
                      String verdict, List<RuleEvaluation> fired) {

    public Trigger {
        fired = List.copyOf(fired);
    }
}
