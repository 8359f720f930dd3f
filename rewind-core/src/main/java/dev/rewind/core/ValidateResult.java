package dev.rewind.core;

import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.RewindConfig;
import java.util.List;

/** {@code rewind validate}: the config is valid; what it defines. */
public record ValidateResult(String file, String project, List<EnvironmentSummary> environments) {

    /**
     * @param policyRules the number of rules, or 0 when the default policy applies
     */
    public record EnvironmentSummary(String name, List<String> components, List<String> datastores, int probes,
                                     int policyRules, int notifiers) {}

    public static ValidateResult of(String file, RewindConfig config) {
        return new ValidateResult(file, config.project(), config.environments().entrySet().stream()
                .map(e -> summary(e.getKey(), e.getValue()))
                .toList());
    }

    private static EnvironmentSummary summary(String name, EnvironmentConfig env) {
        int probes = env.components().values().stream().mapToInt(c -> c.probes().size()).sum();
        return new EnvironmentSummary(name, List.copyOf(env.components().keySet()), List.copyOf(env.datastores().keySet()),
                probes, env.policy().size(), env.notifiers().size());
    }
}
