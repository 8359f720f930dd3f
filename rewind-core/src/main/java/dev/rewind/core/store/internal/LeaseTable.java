package dev.rewind.core.store.internal;

import dev.rewind.core.store.Lease;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@code leases} table. Taking and renewing are single conditional statements, so two processes racing for
 * one environment cannot both win, on SQLite or PostgreSQL.
 */
final class LeaseTable {

    private static final String SELECT = "SELECT environment, run_id, holder, host, pid, acquired_at, heartbeat_at,"
            + " expires_at FROM leases";

    private static final RowMapper<Lease> MAPPER = (rs, ctx) -> new Lease(
            rs.getString("environment"),
            rs.getString("run_id"),
            rs.getString("holder"),
            rs.getString("host"),
            rs.getLong("pid"),
            Columns.instant(rs, "acquired_at"),
            Columns.instant(rs, "heartbeat_at"),
            Columns.instant(rs, "expires_at"));

    private LeaseTable() {}

    /** Inserts the lease unless the environment already has one; true if it did. */
    static boolean insertIfFree(Handle handle, Lease lease) {
        return bind(handle.createUpdate("INSERT INTO leases (environment, run_id, holder, host, pid, acquired_at,"
                        + " heartbeat_at, expires_at) VALUES (:environment, :runId, :holder, :host, :pid, :acquiredAt,"
                        + " :heartbeatAt, :expiresAt) ON CONFLICT (environment) DO NOTHING"), lease)
                .execute() == 1;
    }

    /** Replaces {@code old} by {@code lease} only if {@code old} is still the row (compare and set). */
    static boolean replace(Handle handle, Lease old, Lease lease) {
        return bind(handle.createUpdate("UPDATE leases SET run_id = :runId, holder = :holder, host = :host, pid = :pid,"
                        + " acquired_at = :acquiredAt, heartbeat_at = :heartbeatAt, expires_at = :expiresAt"
                        + " WHERE environment = :environment AND run_id = :oldRunId AND heartbeat_at = :oldHeartbeat"), lease)
                .bind("oldRunId", old.runId())
                .bind("oldHeartbeat", Columns.time(old.heartbeatAt()))
                .execute() == 1;
    }

    /** Binds every column of {@code lease} by its name. */
    private static Update bind(Update update, Lease lease) {
        return update.bind("environment", lease.environment())
                .bind("runId", lease.runId())
                .bind("holder", lease.holder())
                .bind("host", lease.host())
                .bind("pid", lease.pid())
                .bind("acquiredAt", Columns.time(lease.acquiredAt()))
                .bind("heartbeatAt", Columns.time(lease.heartbeatAt()))
                .bind("expiresAt", Columns.time(lease.expiresAt()));
    }

    static boolean renew(Handle handle, String environment, String runId, Instant heartbeatAt, Instant expiresAt) {
        return handle.createUpdate("UPDATE leases SET heartbeat_at = :heartbeatAt, expires_at = :expiresAt"
                        + " WHERE environment = :environment AND run_id = :runId")
                .bind("heartbeatAt", Columns.time(heartbeatAt))
                .bind("expiresAt", Columns.time(expiresAt))
                .bind("environment", environment)
                .bind("runId", runId)
                .execute() == 1;
    }

    static void delete(Handle handle, String environment, String runId) {
        handle.createUpdate("DELETE FROM leases WHERE environment = :environment AND run_id = :runId")
                .bind("environment", environment)
                .bind("runId", runId)
                .execute();
    }

    static Optional<Lease> find(Handle handle, String environment) {
        return handle.createQuery(SELECT + " WHERE environment = :environment")
                .bind("environment", environment).map(MAPPER).findOne();
    }
}
