package dev.rewind.core.store.internal;

import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code runs} table. */
final class RunTable {

    private static final String SELECT = "SELECT id, environment, kind, status, actor, started_at, finished_at,"
            + " from_release, to_release, parent_run_id, plan_json, error FROM runs";

    private static final RowMapper<Run> MAPPER = (rs, ctx) -> new Run(
            rs.getString("id"),
            rs.getString("environment"),
            Columns.enumOf(RunKind.class, rs, "kind"),
            Columns.enumOf(RunStatus.class, rs, "status"),
            rs.getString("actor"),
            Columns.instant(rs, "started_at"),
            Columns.instant(rs, "finished_at"),
            rs.getString("from_release"),
            rs.getString("to_release"),
            rs.getString("parent_run_id"),
            rs.getString("plan_json"),
            rs.getString("error"));

    private RunTable() {}

    static void insert(Handle handle, Run run) {
        handle.createUpdate("INSERT INTO runs (id, environment, kind, status, actor, started_at, finished_at,"
                        + " from_release, to_release, parent_run_id, plan_json, error) VALUES (:id, :environment,"
                        + " :kind, :status, :actor, :startedAt, :finishedAt, :fromRelease, :toRelease, :parentRunId,"
                        + " :planJson, :error)")
                .bind("id", run.id())
                .bind("environment", run.environment())
                .bind("kind", Columns.code(run.kind()))
                .bind("status", Columns.code(run.status()))
                .bind("actor", run.actor())
                .bind("startedAt", Columns.time(run.startedAt()))
                .bind("finishedAt", Columns.time(run.finishedAt()))
                .bind("fromRelease", run.fromRelease())
                .bind("toRelease", run.toRelease())
                .bind("parentRunId", run.parentRunId())
                .bind("planJson", run.planJson())
                .bind("error", run.error())
                .execute();
    }

    static int finish(Handle handle, String id, RunStatus status, Instant finishedAt, String error) {
        return handle.createUpdate("UPDATE runs SET status = :status, finished_at = :finishedAt, error = :error"
                        + " WHERE id = :id")
                .bind("status", Columns.code(status))
                .bind("finishedAt", Columns.time(finishedAt))
                .bind("error", error)
                .bind("id", id)
                .execute();
    }

    static Optional<Run> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    static List<Run> inEnvironment(Handle handle, String environment) {
        return handle.createQuery(SELECT + " WHERE environment = :environment ORDER BY started_at DESC, id DESC")
                .bind("environment", environment).map(MAPPER).list();
    }

    static List<Run> withStatus(Handle handle, RunStatus status) {
        return handle.createQuery(SELECT + " WHERE status = :status ORDER BY started_at, id")
                .bind("status", Columns.code(status)).map(MAPPER).list();
    }
}
