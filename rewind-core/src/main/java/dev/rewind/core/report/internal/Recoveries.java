package dev.rewind.core.report.internal;

import dev.rewind.core.report.Recovery;
import dev.rewind.core.rollback.Rollback;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import java.time.Duration;
import java.time.Instant;

/** Downtime and recovery time from a rollback's journal, against the environment's RTO. */
public final class Recoveries {

    private Recoveries() {}

    /** The rollback's recovery; all null but {@code rto} without a rollback. */
    public static Recovery of(Incident incident, Duration rto) {
        if (incident.rollback() == null) {
            return new Recovery(null, null, null, rto, null);
        }
        Instant verifiedAt = incident.rollbackStep("verify").filter(s -> s.status() == StepStatus.DONE)
                .map(RunStep::finishedAt).orElse(null);
        Duration actual = verifiedAt == null ? null : Duration.between(incident.rollback().startedAt(), verifiedAt);
        Boolean met = rto == null || actual == null ? null : actual.compareTo(rto) <= 0;
        return new Recovery(Rollback.downtime(incident.rollbackSteps()), verifiedAt, actual, rto, met);
    }
}
