package dev.rewind.core.store.internal;

import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code run_steps} table: the journal of every run. */
final class RunStepTable {

    private static final RowMapper<RunStep> MAPPER = (rs, ctx) -> new RunStep(
            rs.getString("run_id"),
            rs.getInt("seq"),
            rs.getString("name"),
            Columns.enumOf(StepStatus.class, rs, "status"),
            Columns.instant(rs, "started_at"),
            Columns.instant(rs, "finished_at"),
            rs.getString("output_json"),
            rs.getString("error"));

    private RunStepTable() {}

    /** Inserts the step, or rewrites the one with the same (run_id, seq); SQLite and PostgreSQL share the syntax. */
    static void upsert(Handle handle, RunStep step) {
        handle.createUpdate("INSERT INTO run_steps (run_id, seq, name, status, started_at, finished_at, output_json,"
                        + " error) VALUES (:runId, :seq, :name, :status, :startedAt, :finishedAt, :outputJson, :error)"
                        + " ON CONFLICT (run_id, seq) DO UPDATE SET name = excluded.name, status = excluded.status,"
                        + " started_at = excluded.started_at, finished_at = excluded.finished_at,"
                        + " output_json = excluded.output_json, error = excluded.error")
                .bind("runId", step.runId())
                .bind("seq", step.seq())
                .bind("name", step.name())
                .bind("status", Columns.code(step.status()))
                .bind("startedAt", Columns.time(step.startedAt()))
                .bind("finishedAt", Columns.time(step.finishedAt()))
                .bind("outputJson", step.outputJson())
                .bind("error", step.error())
                .execute();
    }

    static List<RunStep> of(Handle handle, String runId) {
        return handle.createQuery("SELECT run_id, seq, name, status, started_at, finished_at, output_json, error"
                        + " FROM run_steps WHERE run_id = :runId ORDER BY seq")
                .bind("runId", runId).map(MAPPER).list();
    }
}
