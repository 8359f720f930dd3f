package dev.rewind.core.verify;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of verifying an environment: every check, in the order they ran.
 *
 * @param environment the environment verified
 * @param ok          true when every check passed
 * @param checks      every check with its details
 * @param duration    how long the verification took
 */
public record VerifyResult(String environment, boolean ok, List<VerifyCheck> checks, Duration duration) {

    public VerifyResult {
        checks = List.copyOf(checks);
    }

    public List<VerifyCheck> failed() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }
}
