package dev.rewind.core.watch;

import dev.rewind.core.policy.RuleEvaluation;
import dev.rewind.core.policy.Verdict;
import dev.rewind.core.store.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code rewind decide ENV}: the decision, the rule and values behind it, and what it rested on.
 *
 * @param id       the decision's id in the store
 * @param rule     the rule that decided, or null
 * @param sampled  how long signals were measured before deciding
 * @param samples  probe results in the window
 * @param metrics  every metric with data
 * @param missing  why expected signals had no data
 */
public record DecideResult(String id, String environment, Verdict verdict, String rule, String reason, Instant at,
                           Duration sampled, int samples, Map<String, Double> metrics, List<String> missing,
                           List<RuleEvaluation> rules, Hold hold) {}
