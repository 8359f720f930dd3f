package dev.rewind.core;

import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Hold;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.Run;
import java.util.List;

/** {@code rewind status [ENV]}: where each environment stands. */
public record StatusResult(String project, List<EnvironmentStatus> environments) {

    /**
     * @param environment   the environment's name
     * @param live          the live release, or null when none is recorded
     * @param releaseCount  how many releases are recorded
     * @param lastDecision  the policy's latest decision, or null
     * @param runsInFlight  runs started and not finished (running, or interrupted and resumable)
     * @param activeHolds   holds that pause automatic rollback now
     */
    public record EnvironmentStatus(
            String environment,
            Release live,
            int releaseCount,
            Decision lastDecision,
            List<Run> runsInFlight,
            List<Hold> activeHolds) {}
}
