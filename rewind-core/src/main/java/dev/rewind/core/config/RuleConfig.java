package dev.rewind.core.config;

import dev.rewind.core.policy.Action;
import java.time.Duration;

/**
 * One policy rule.
 *
 * @param name       shown in decisions and reports
 * @param when       the CEL condition over the signals
 * @param sustain    the condition must hold this long before the rule fires (YAML key {@code for})
 * @param minSamples fewer samples than this gives INSUFFICIENT_DATA instead of a verdict
 * @param action     what the rule asks for
 */
public record RuleConfig(
        @Required String name,
        @Required PolicyExpression when,
        @Key("for") Duration sustain,
        Integer minSamples,
        @Required Action action) {

    public RuleConfig {
        sustain = sustain == null ? Duration.ZERO : sustain;
        if (minSamples != null && minSamples < 1) {
            throw new IllegalArgumentException("min_samples must be at least 1, was " + minSamples);
        }
        minSamples = minSamples == null ? 1 : minSamples;
    }
}
