package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One journaled execution (a rollback, deploy, drill or watch); its steps are {@link RunStep}s.
 *
 * @param id          {@code run-…}, see {@link Ids#run()}
 * @param environment the environment acted on
 * @param kind        what the run does
 * @param status      where the run stands
 * @param actor       who or what started it
 * @param startedAt   when it started (kept to the millisecond)
 * @param finishedAt  when it finished, or null while running
 * @param fromRelease the release the run moves away from, or null
 * @param toRelease   the release the run moves to, or null
 * @param parentRunId the run this one resumes or belongs to, or null
 * @param planJson    the planned steps as JSON, or null
 * @param error       why it failed, or null
 */
public record Run(
        String id,
        String environment,
        RunKind kind,
        RunStatus status,
        String actor,
        Instant startedAt,
        Instant finishedAt,
        String fromRelease,
        String toRelease,
        String parentRunId,
        @JsonRawValue String planJson,
        String error) {

    public Run {
        requireNonNull(id, "id");
        requireNonNull(environment, "environment");
        requireNonNull(kind, "kind");
        requireNonNull(status, "status");
        requireNonNull(actor, "actor");
        startedAt = Values.requiredMillis(startedAt, "startedAt");
        finishedAt = Values.millis(finishedAt);
    }
}
