package dev.rewind.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The signals at one moment, as the policy sees them.
 *
 * @param at        when they were measured
 * @param variables the CEL variables {@code probes}, {@code metrics}, {@code baseline}, {@code health},
 *                  {@code reports}, {@code process}: nested maps of Double, Long, Boolean and String
 * @param samples   how many measurements the windowed signals rest on (rules' {@code min_samples})
 * @param missing   why expected signals have no data, e.g. {@code metrics.error_rate: Prometheus returned nothing}
 */
public record PolicyInput(Instant at, Map<String, Object> variables, int samples, List<String> missing) {

    public PolicyInput {
        variables = Map.copyOf(variables);
        missing = List.copyOf(missing);
    }
}
