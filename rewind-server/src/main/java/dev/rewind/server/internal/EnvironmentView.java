package dev.rewind.server.internal;

import dev.rewind.core.StatusResult.EnvironmentStatus;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Hold;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.Run;
import java.util.List;

/**
 * {@code GET /api/environments/{env}}: the environment as {@code rewind status} shows it, plus which of its runs in
 * flight were interrupted (no process works on them: resume them), whether a rollback needs its name typed
 * ({@code confirm: true}) and its latest health.
 */
record EnvironmentView(String environment, Release live, int releaseCount, Decision lastDecision,
                       List<Run> runsInFlight, List<String> interruptedRuns, List<Hold> activeHolds, boolean confirm,
                       Health health) {

    static EnvironmentView of(EnvironmentStatus status, List<String> interruptedRuns, boolean confirm, Health health) {
        return new EnvironmentView(status.environment(), status.live(), status.releaseCount(), status.lastDecision(),
                status.runsInFlight(), interruptedRuns, status.activeHolds(), confirm, health);
    }

    /** {@code GET /api/environments}. */
    record All(String project, List<EnvironmentView> environments) {}
}
