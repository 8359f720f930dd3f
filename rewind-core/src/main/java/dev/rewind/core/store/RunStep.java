package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One entry of a run's journal, identified by (runId, seq); written RUNNING before the step executes
 * and again DONE or FAILED after.
 *
 * @param runId      the run it belongs to
 * @param seq        position in the run, unique per run; steps are listed in this order
 * @param name       what the step does, e.g. {@code restore:db}
 * @param status     where the step stands
 * @param startedAt  when it started, or null while PENDING (kept to the millisecond)
 * @param finishedAt when it finished, or null while PENDING or RUNNING
 * @param outputJson what the step produced as JSON, or null
 * @param error      why it failed, or null
 */
public record RunStep(
        String runId,
        int seq,
        String name,
        StepStatus status,
        Instant startedAt,
        Instant finishedAt,
        @JsonRawValue String outputJson,
        String error) {

    public RunStep {
        requireNonNull(runId, "runId");
        requireNonNull(name, "name");
        requireNonNull(status, "status");
        startedAt = Values.millis(startedAt);
        finishedAt = Values.millis(finishedAt);
    }

    /** This step finished with the given status, output and error. */
    public RunStep finished(StepStatus newStatus, Instant at, String newOutputJson, String newError) {
        return new RunStep(runId, seq, name, newStatus, startedAt, at, newOutputJson, newError);
    }
}
