package dev.rewind.core.deploy;

import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.Release;
import java.time.Duration;

/**
 * The outcome of {@code rewind watch}.
 *
 * @param environment the environment
 * @param release     the release watched (the live one), or null when an interrupted deploy was continued
 * @param decision    the last decision, or null when an interrupted deploy was continued
 * @param decisions   how many decisions were taken
 * @param duration    how long it watched
 * @param deploy      the interrupted deploy that was continued instead, or null
 * @param rollback    the rollback the watch started, or null
 */
public record WatchResult(String environment, Release release, PolicyDecision decision, int decisions,
                          Duration duration, DeployResult deploy, RollbackResult rollback) {

    /** 3 when it rolled back (or a continued deploy did), else the last decision's code. */
    public int exitCode() {
        if (deploy != null) {
            return deploy.exitCode();
        }
        if (rollback != null) {
            return rollback.succeeded() ? 3 : 1;
        }
        return decision.verdict().exitCode();
    }
}
